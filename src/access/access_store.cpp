// AccessStore: entities, statements on them, privilege checks, settings of users. Files are in
// access_store_files.cpp, quota counters in access_store_quotas.cpp.

#include "access/access_store.h"

#include <algorithm>
#include <filesystem>

#include "access/entity_sql.h"
#include "common/exception.h"
#include "common/settings.h"
#include "parser/format_helpers.h"

namespace tally {

namespace fs = std::filesystem;

std::string accessEntityKindName(AccessEntityKind kind) {
  switch (kind) {
    case AccessEntityKind::User: return "user";
    case AccessEntityKind::Role: return "role";
    case AccessEntityKind::SettingsProfile: return "settings profile";
    case AccessEntityKind::Quota: return "quota";
  }
  return {};
}

std::string accessStorageName(AccessStorageKind kind, bool persistent) {
  if (kind == AccessStorageKind::UsersFile) return "users_xml";
  return persistent ? "local_directory" : "memory";
}

bool roleListMatches(const RoleList& list, const std::string& user, const std::set<std::string>& roles) {
  auto named = [&](const std::vector<std::string>& names) {
    for (const auto& n : names)
      if (n == user || roles.count(n)) return true;
    return false;
  };
  if (named(list.except)) return false;
  return list.all || named(list.names);
}

AccessStore::AccessStore(AccessStoreOptions options) : options_(std::move(options)) {
  if (!options_.users_file.empty()) loadUsersFile(options_.users_file);
  if (!users_.count("default")) addBuiltinDefault(options_.default_password);
  if (!options_.data_path.empty()) {
    access_dir_ = (fs::path(options_.data_path) / "access").string();
    fs::create_directories(access_dir_);
    loadDirectory();
  }
}

void AccessStore::addBuiltinDefault(const std::string& password) {
  User u;
  u.name = "default";
  u.storage = AccessStorageKind::UsersFile;
  if (!password.empty()) u.auth = AuthenticationData::fromSpec("sha256_password", password, "");
  u.grants.access.grant(AccessType::ALL, "", "");
  u.grants.grant_options.grant(AccessType::ALL, "", "");
  users_["default"] = std::move(u);
}

bool AccessStore::existsLocked(AccessEntityKind kind, const std::string& name) const {
  switch (kind) {
    case AccessEntityKind::User: return users_.count(name) > 0;
    case AccessEntityKind::Role: return roles_.count(name) > 0;
    case AccessEntityKind::SettingsProfile: return profiles_.count(name) > 0;
    case AccessEntityKind::Quota: return quotas_.count(name) > 0;
  }
  return false;
}

void AccessStore::checkWritable(AccessEntityKind kind, const std::string& name, bool dropping) const {
  AccessStorageKind storage = AccessStorageKind::Sql;
  switch (kind) {
    case AccessEntityKind::User: storage = users_.at(name).storage; break;
    case AccessEntityKind::Role: storage = roles_.at(name).storage; break;
    case AccessEntityKind::SettingsProfile: storage = profiles_.at(name).storage; break;
    case AccessEntityKind::Quota: storage = quotas_.at(name).storage; break;
  }
  if (storage == AccessStorageKind::UsersFile)
    throw Exception(ErrorCodes::ACCESS_STORAGE_READONLY, "{} `{}`: Cannot {} {} `{}` {} users_xml because this storage is readonly",
                    accessEntityKindName(kind), name, dropping ? "remove" : "update", accessEntityKindName(kind), name,
                    dropping ? "from" : "in");
}

namespace {
[[noreturn]] void throwNotFound(AccessEntityKind kind, const std::string& name, bool persistent) {
  throw Exception(ErrorCodes::ACCESS_ENTITY_NOT_FOUND, "There is no {} `{}` in [{}]", accessEntityKindName(kind), name,
                  accessStorageName(AccessStorageKind::Sql, persistent) + ", users_xml");
}
}  // namespace

void AccessStore::apply(const ASTCreateAccessEntityQuery& q, bool validate) {
  auto check_profile_refs = [&](const SettingsProfileElements& elements) {
    if (!validate) return;
    for (const auto& e : elements) {
      if (!e.parent_profile.empty() && !profiles_.count(e.parent_profile))
        throw Exception(ErrorCodes::THERE_IS_NO_PROFILE, "There is no settings profile `{}` in [{}]", e.parent_profile,
                        accessStorageName(AccessStorageKind::Sql, persistent()) + ", users_xml");
      if (!e.name.empty() && !Settings::has(e.name) && e.name.rfind("custom_", 0) != 0)
        throw Exception(ErrorCodes::UNKNOWN_SETTING, "Unknown setting '{}'", e.name);
      if (!e.name.empty() && e.value) {
        Settings probe;
        probe.set(e.name, *e.value);  // the value must suit the setting's type
      }
    }
  };
  auto check_role_list = [&](const RoleList& list) {
    if (!validate) return;
    for (const auto& n : list.names)
      if (!users_.count(n) && !roles_.count(n) && n != "\x01current_user")
        throw Exception(ErrorCodes::UNKNOWN_ROLE, "There is no role or user `{}`", n);
  };
  check_profile_refs(q.settings);
  if (q.to) check_role_list(*q.to);
  if (q.default_roles) check_role_list(*q.default_roles);
  if (q.auth && q.auth->type == "sha256_hash") AuthenticationData::fromSpec(q.auth->type, q.auth->value, q.auth->salt);

  for (const auto& name : q.names) {
    bool exists = existsLocked(q.entity, name);
    if (q.alter) {
      if (!exists) {
        if (q.if_exists) continue;
        throwNotFound(q.entity, name, persistent());
      }
      if (validate) checkWritable(q.entity, name, false);
    } else if (exists) {
      if (q.if_not_exists) continue;
      if (!q.or_replace)
        throw Exception(ErrorCodes::ACCESS_ENTITY_ALREADY_EXISTS, "{} `{}`: cannot insert because {} `{}` already exists in {}",
                        accessEntityKindName(q.entity), name, accessEntityKindName(q.entity), name,
                        accessStorageName(AccessStorageKind::Sql, persistent()));
      if (validate) checkWritable(q.entity, name, true);
    }
    if (validate && !q.alter && (q.entity == AccessEntityKind::User || q.entity == AccessEntityKind::Role)) {
      bool clash = q.entity == AccessEntityKind::User ? roles_.count(name) > 0 : users_.count(name) > 0;
      if (clash)
        throw Exception(ErrorCodes::ACCESS_ENTITY_ALREADY_EXISTS, "{} `{}`: cannot insert because {} `{}` already exists",
                        accessEntityKindName(q.entity), name,
                        q.entity == AccessEntityKind::User ? "role" : "user", name);
    }
    std::string final_name = q.alter && !q.new_name.empty() ? q.new_name : name;
    if (final_name != name && existsLocked(q.entity, final_name))
      throw Exception(ErrorCodes::ACCESS_ENTITY_ALREADY_EXISTS, "{} `{}`: cannot rename to `{}` because {} `{}` already exists",
                      accessEntityKindName(q.entity), name, final_name, accessEntityKindName(q.entity), final_name);
    switch (q.entity) {
      case AccessEntityKind::User: {
        User u = q.alter ? users_.at(name) : User{};
        u.name = final_name;
        if (q.auth) u.auth = AuthenticationData::fromSpec(q.auth->type, q.auth->value, q.auth->salt);
        if (!q.host_patterns.empty()) u.host_patterns = q.host_patterns;
        if (q.default_roles) u.default_roles = q.default_roles->all && q.default_roles->except.empty() ? std::nullopt : q.default_roles;
        if (q.has_settings) u.settings = q.settings;
        users_.erase(name);
        users_[final_name] = std::move(u);
        break;
      }
      case AccessEntityKind::Role: {
        Role r = q.alter ? roles_.at(name) : Role{};
        r.name = final_name;
        if (q.has_settings) r.settings = q.settings;
        roles_.erase(name);
        roles_[final_name] = std::move(r);
        break;
      }
      case AccessEntityKind::SettingsProfile: {
        SettingsProfile p = q.alter ? profiles_.at(name) : SettingsProfile{};
        p.name = final_name;
        if (q.has_settings) p.settings = q.settings;
        if (q.to) p.to = *q.to;
        profiles_.erase(name);
        profiles_[final_name] = std::move(p);
        break;
      }
      case AccessEntityKind::Quota: {
        Quota x = q.alter ? quotas_.at(name) : Quota{};
        x.name = final_name;
        if (!q.quota_key.empty()) x.key_type = q.quota_key;
        if (!q.intervals.empty()) x.intervals = q.intervals;
        if (q.to) x.to = *q.to;
        quotas_.erase(name);
        quotas_[final_name] = std::move(x);
        break;
      }
    }
    if (final_name != name && (q.entity == AccessEntityKind::User || q.entity == AccessEntityKind::Role))
      renameReferences(name, final_name, validate);
    if (validate) {
      if (final_name != name) unpersist(q.entity, name);
      persist(q.entity, final_name);
    }
  }
}

void AccessStore::renameReferences(const std::string& from, const std::string& to, bool persist_changes) {
  auto rename_in = [&](std::vector<std::string>& names) {
    bool changed = false;
    for (auto& n : names)
      if (n == from) n = to, changed = true;
    return changed;
  };
  auto rename_set = [&](std::set<std::string>& names) {
    if (!names.erase(from)) return false;
    names.insert(to);
    return true;
  };
  for (auto& [n, p] : profiles_)
    if ((rename_in(p.to.names) | rename_in(p.to.except)) && persist_changes && p.storage == AccessStorageKind::Sql)
      persist(AccessEntityKind::SettingsProfile, n);
  for (auto& [n, q] : quotas_)
    if ((rename_in(q.to.names) | rename_in(q.to.except)) && persist_changes && q.storage == AccessStorageKind::Sql)
      persist(AccessEntityKind::Quota, n);
  for (auto& [n, u] : users_) {
    bool changed = rename_set(u.grants.roles) | rename_set(u.grants.roles_with_admin_option);
    if (u.default_roles) changed |= rename_in(u.default_roles->names) | rename_in(u.default_roles->except);
    if (changed && persist_changes && u.storage == AccessStorageKind::Sql && n != to) persist(AccessEntityKind::User, n);
  }
  for (auto& [n, r] : roles_) {
    bool changed = rename_set(r.grants.roles) | rename_set(r.grants.roles_with_admin_option);
    if (changed && persist_changes && n != to) persist(AccessEntityKind::Role, n);
  }
}

void AccessStore::execute(const ASTCreateAccessEntityQuery& query) {
  std::unique_lock lock(mutex_);
  apply(query, true);
}

void AccessStore::execute(const ASTDropAccessEntityQuery& query) {
  std::unique_lock lock(mutex_);
  for (const auto& name : query.names) {
    if (!existsLocked(query.entity, name)) {
      if (query.if_exists) continue;
      throwNotFound(query.entity, name, persistent());
    }
    checkWritable(query.entity, name, true);
  }
  for (const auto& name : query.names) {
    if (!existsLocked(query.entity, name)) continue;
    switch (query.entity) {
      case AccessEntityKind::User: users_.erase(name); break;
      case AccessEntityKind::Role: {
        roles_.erase(name);
        // Users and roles that had it lose it.
        for (auto& [n, u] : users_) {
          if ((u.grants.roles.erase(name) | u.grants.roles_with_admin_option.erase(name)) != 0)
            if (u.storage == AccessStorageKind::Sql) persist(AccessEntityKind::User, n);
        }
        for (auto& [n, r] : roles_) {
          if ((r.grants.roles.erase(name) | r.grants.roles_with_admin_option.erase(name)) != 0) persist(AccessEntityKind::Role, n);
        }
        break;
      }
      case AccessEntityKind::SettingsProfile: profiles_.erase(name); break;
      case AccessEntityKind::Quota: {
        quotas_.erase(name);
        std::lock_guard usage_lock(usage_mutex_);
        for (auto it = usage_.begin(); it != usage_.end();) it = std::get<0>(it->first) == name ? usage_.erase(it) : std::next(it);
        break;
      }
    }
    if (query.entity == AccessEntityKind::User || query.entity == AccessEntityKind::Role) forgetReferences(name);
    unpersist(query.entity, name);
  }
}

void AccessStore::forgetReferences(const std::string& name) {
  auto forget = [&](RoleList& list) {
    size_t before = list.names.size() + list.except.size();
    std::erase(list.names, name);
    std::erase(list.except, name);
    return list.names.size() + list.except.size() != before;
  };
  for (auto& [n, p] : profiles_)
    if (forget(p.to) && p.storage == AccessStorageKind::Sql) persist(AccessEntityKind::SettingsProfile, n);
  for (auto& [n, q] : quotas_)
    if (forget(q.to) && q.storage == AccessStorageKind::Sql) persist(AccessEntityKind::Quota, n);
  for (auto& [n, u] : users_)
    if (u.default_roles && forget(*u.default_roles) && u.storage == AccessStorageKind::Sql) persist(AccessEntityKind::User, n);
}

Grants* AccessStore::grantsOf(const std::string& name) {
  if (auto it = users_.find(name); it != users_.end()) return &it->second.grants;
  if (auto it = roles_.find(name); it != roles_.end()) return &it->second.grants;
  return nullptr;
}

const Grants* AccessStore::grantsOf(const std::string& name) const {
  return const_cast<AccessStore*>(this)->grantsOf(name);
}

void AccessStore::applyGrant(const ASTGrantQuery& q, bool validate) {
  std::vector<std::string> grantees = q.grantees.names;
  if (q.grantees.all) {
    for (const auto& [n, u] : users_) grantees.push_back(n);
    for (const auto& [n, r] : roles_) grantees.push_back(n);
  }
  std::erase_if(grantees, [&](const std::string& n) {
    return std::find(q.grantees.except.begin(), q.grantees.except.end(), n) != q.grantees.except.end();
  });
  for (const auto& g : grantees) {
    if (!grantsOf(g)) {
      if (!validate) continue;
      throw Exception(ErrorCodes::UNKNOWN_ROLE, "There is no role or user `{}` in [{}]", g,
                      accessStorageName(AccessStorageKind::Sql, persistent()) + ", users_xml");
    }
    if (validate) {
      bool is_user = users_.count(g) > 0;
      checkWritable(is_user ? AccessEntityKind::User : AccessEntityKind::Role, g, false);
    }
  }
  for (const auto& r : q.roles)
    if (validate && !roles_.count(r))
      throw Exception(ErrorCodes::UNKNOWN_ROLE, "There is no role `{}` in [{}]", r,
                      accessStorageName(AccessStorageKind::Sql, persistent()) + ", users_xml");
  AccessFlags flags = 0;
  std::vector<std::pair<AccessFlags, std::vector<std::string>>> parts;
  for (const auto& p : q.privileges) {
    AccessFlags f = parseAccessFlags(p.name);
    if (!p.columns.empty() && (f & ~AccessType::COLUMN_LEVEL))
      throw Exception(ErrorCodes::INVALID_GRANT, "The privilege {} cannot be granted on a column", p.name);
    parts.emplace_back(f, p.columns);
    flags |= f;
  }
  std::string db = q.database == "*" ? "" : q.database;
  std::string table = q.table == "*" ? "" : q.table;
  for (const auto& [f, columns] : parts)
    if (!columns.empty() && table.empty())
      throw Exception(ErrorCodes::INVALID_GRANT, "Column-level privileges can be granted on a table only, not on {}",
                      accessTargetText(db, table));
  if (db.empty() && !table.empty())
    throw Exception(ErrorCodes::INVALID_GRANT, "Grant target *.{} is not supported: name the database", table);
  for (const auto& g : grantees) {
    Grants* grants = grantsOf(g);
    if (!grants) continue;
    for (const auto& [f, columns] : parts) {
      if (q.is_revoke) {
        grants->grant_options.revoke(f, db, table, columns);
        if (!q.option_only) grants->access.revoke(f, db, table, columns);
      } else {
        grants->access.grant(f, db, table, columns);
        if (q.with_grant_option) grants->grant_options.grant(f, db, table, columns);
      }
    }
    for (const auto& r : q.roles) {
      if (r == g) throw Exception(ErrorCodes::INVALID_GRANT, "Role `{}` cannot be granted to itself", r);
      if (q.is_revoke) {
        grants->roles_with_admin_option.erase(r);
        if (!q.option_only) grants->roles.erase(r);
      } else {
        grants->roles.insert(r);
        if (q.with_grant_option) grants->roles_with_admin_option.insert(r);
      }
    }
    if (validate) persist(users_.count(g) ? AccessEntityKind::User : AccessEntityKind::Role, g);
  }
}

void AccessStore::execute(const ASTGrantQuery& query, const std::string& current_user) {
  std::unique_lock lock(mutex_);
  ASTGrantQuery q = query;
  for (auto& n : q.grantees.names)
    if (n == "\x01current_user") n = current_user;
  applyGrant(q, true);
}

std::set<std::string> AccessStore::enabledRoles(const std::string& user) const {
  std::set<std::string> result;
  auto it = users_.find(user);
  if (it == users_.end()) return result;
  std::vector<std::string> pending;
  for (const auto& r : it->second.grants.roles) {
    const auto& d = it->second.default_roles;
    if (!d || roleListMatches(*d, "", {r})) pending.push_back(r);
  }
  while (!pending.empty()) {
    std::string r = pending.back();
    pending.pop_back();
    if (!result.insert(r).second) continue;
    if (auto rt = roles_.find(r); rt != roles_.end())
      for (const auto& sub : rt->second.grants.roles) pending.push_back(sub);
  }
  return result;
}

bool AccessStore::isGranted(const std::string& user, AccessFlags flags, const std::string& database, const std::string& table,
                            const std::vector<std::string>& columns, bool with_grant_option) const {
  std::shared_lock lock(mutex_);
  auto check = [&](const Grants& g) {
    const AccessRights& rights = with_grant_option ? g.grant_options : g.access;
    return rights.isGranted(flags, database, table, columns);
  };
  auto it = users_.find(user);
  if (it == users_.end()) return false;
  if (check(it->second.grants)) return true;
  for (const auto& r : enabledRoles(user))
    if (auto rt = roles_.find(r); rt != roles_.end() && check(rt->second.grants)) return true;
  // Flags may be split between the user and its roles (SELECT from one, INSERT from another).
  if (flags & (flags - 1)) {
    for (AccessFlags bit = 1; bit && bit <= flags; bit <<= 1) {
      if (!(flags & bit)) continue;
      bool ok = check(it->second.grants);
      if (!ok) {
        auto one = [&](const Grants& g) {
          return (with_grant_option ? g.grant_options : g.access).isGranted(bit, database, table, columns);
        };
        ok = one(it->second.grants);
        for (const auto& r : enabledRoles(user))
          if (!ok)
            if (auto rt = roles_.find(r); rt != roles_.end()) ok = one(rt->second.grants);
      }
      if (!ok) return false;
    }
    return true;
  }
  return false;
}

bool AccessStore::canAdminRole(const std::string& user, const std::string& role) const {
  if (isGranted(user, AccessType::ACCESS_MANAGEMENT, "", "", {}, true)) return true;
  std::shared_lock lock(mutex_);
  auto it = users_.find(user);
  return it != users_.end() && it->second.grants.roles_with_admin_option.count(role);
}

void AccessStore::authenticate(const std::string& user, const std::string& password) const {
  std::shared_lock lock(mutex_);
  auto it = users_.find(user);
  if (it == users_.end() || !it->second.auth.verify(password))
    throw Exception(ErrorCodes::AUTHENTICATION_FAILED,
                    "{}: Authentication failed: password is incorrect, or there is no user with such name", user);
}

bool AccessStore::userExists(const std::string& user) const {
  std::shared_lock lock(mutex_);
  return users_.count(user) > 0;
}

void AccessStore::collectProfile(const std::string& profile, UserSettings& out, int depth) const {
  if (depth > 32) throw Exception(ErrorCodes::BAD_ARGUMENTS, "Settings profiles inherit in a cycle at `{}`", profile);
  auto it = profiles_.find(profile);
  if (it == profiles_.end()) return;
  out.profiles.push_back(profile);
  for (const auto& e : it->second.settings) {
    if (!e.parent_profile.empty()) {
      collectProfile(e.parent_profile, out, depth + 1);
      continue;
    }
    if (e.value) out.values.emplace_back(e.name, *e.value);
    if (e.min || e.max || !e.writability.empty()) out.constraints[e.name] = e;
  }
}

UserSettings AccessStore::settingsFor(const std::string& user) const {
  std::shared_lock lock(mutex_);
  UserSettings out;
  auto it = users_.find(user);
  if (it == users_.end()) return out;
  std::set<std::string> roles = enabledRoles(user);
  auto apply_elements = [&](const SettingsProfileElements& elements) {
    for (const auto& e : elements) {
      if (!e.parent_profile.empty()) {
        collectProfile(e.parent_profile, out, 0);
        continue;
      }
      if (e.value) out.values.emplace_back(e.name, *e.value);
      if (e.min || e.max || !e.writability.empty()) out.constraints[e.name] = e;
    }
  };
  // Profiles assigned with TO, then the roles', then the user's own (the most specific wins).
  for (const auto& [name, p] : profiles_)
    if (!p.to.empty() && roleListMatches(p.to, user, roles)) collectProfile(name, out, 0);
  for (const auto& r : roles)
    if (auto rt = roles_.find(r); rt != roles_.end()) apply_elements(rt->second.settings);
  apply_elements(it->second.settings);
  return out;
}

std::vector<User> AccessStore::users() const {
  std::shared_lock lock(mutex_);
  std::vector<User> v;
  for (const auto& [n, u] : users_) v.push_back(u);
  return v;
}
std::vector<Role> AccessStore::roles() const {
  std::shared_lock lock(mutex_);
  std::vector<Role> v;
  for (const auto& [n, r] : roles_) v.push_back(r);
  return v;
}
std::vector<SettingsProfile> AccessStore::profiles() const {
  std::shared_lock lock(mutex_);
  std::vector<SettingsProfile> v;
  for (const auto& [n, p] : profiles_) v.push_back(p);
  return v;
}
std::vector<Quota> AccessStore::quotas() const {
  std::shared_lock lock(mutex_);
  std::vector<Quota> v;
  for (const auto& [n, q] : quotas_) v.push_back(q);
  return v;
}

std::vector<std::string> AccessStore::showCreate(AccessEntityKind kind, const std::vector<std::string>& names) const {
  std::shared_lock lock(mutex_);
  std::vector<std::string> res;
  for (const auto& name : names) {
    if (!existsLocked(kind, name)) throwNotFound(kind, name, persistent());
    switch (kind) {
      case AccessEntityKind::User: res.push_back(createUserSQL(users_.at(name))); break;
      case AccessEntityKind::Role: res.push_back(createRoleSQL(roles_.at(name))); break;
      case AccessEntityKind::SettingsProfile: res.push_back(createProfileSQL(profiles_.at(name))); break;
      case AccessEntityKind::Quota: res.push_back(createQuotaSQL(quotas_.at(name))); break;
    }
  }
  return res;
}

std::vector<std::string> AccessStore::showGrants(const std::string& name) const {
  std::shared_lock lock(mutex_);
  const Grants* g = grantsOf(name);
  if (!g) throw Exception(ErrorCodes::ACCESS_ENTITY_NOT_FOUND, "There is no user or role `{}`", name);
  std::vector<std::string> res = AccessRights::toStatements(g->access, g->grant_options, backQuoteIfNeed(name));
  for (const auto& r : g->roles) {
    std::string s = "GRANT " + backQuoteIfNeed(r) + " TO " + backQuoteIfNeed(name);
    if (g->roles_with_admin_option.count(r)) s += " WITH ADMIN OPTION";
    res.push_back(s);
  }
  return res;
}

}  // namespace tally