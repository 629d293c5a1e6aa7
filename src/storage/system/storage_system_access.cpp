// Access-control system tables: system.users, roles, grants, role_grants, settings_profiles,
// settings_profile_elements, quotas, quota_usage (the current user's) and quotas_usage (all),
// read from the engine's AccessStore.

#include "access/access_store.h"
#include "storage/system/system_table.h"
#include "storage/system/system_tables.h"
#include "parser/format_helpers.h"
#include "execution/query_context.h"

namespace tally {

namespace {

Field strings(const std::vector<std::string>& v) {
  FieldArray a;
  for (const auto& s : v) a.emplace_back(s);
  return Field(std::move(a));
}

Field nullableString(const std::string& s, bool null) { return null ? Field() : Field(s); }

using TableColumns = std::vector<std::pair<std::string, std::string>>;

/// A system table whose rows come from a function of the store and the reading query.
class StorageSystemAccess final : public SystemTable {
 public:
  using Filler = std::function<void(const AccessStore&, MutableColumns&, QueryContext&)>;
  StorageSystemAccess(std::string engine, const TableColumns& columns, std::shared_ptr<const AccessStore> store, Filler filler)
      : SystemTable(std::move(engine), columns), store_(std::move(store)), filler_(std::move(filler)) {}

 protected:
  void fillData(MutableColumns& columns, QueryContext& context) const override { filler_(*store_, columns, context); }

 private:
  std::shared_ptr<const AccessStore> store_;
  Filler filler_;
};

void fillGrants(const std::string& user, const std::string& role, const Grants& g, MutableColumns& c) {
  auto rows = [&](const AccessRights& rights, bool grant_option) {
    for (const auto& [key, node] : rights.nodes()) {
      const auto& [db, table, column] = key;
      for (int revoke = 0; revoke < 2; ++revoke) {
        AccessFlags flags = revoke ? node.revoked : node.granted;
        if (revoke && grant_option) continue;
        for (const auto& name : accessFlagsNames(flags)) {
          c[0]->insert(nullableString(user, user.empty()));
          c[1]->insert(nullableString(role, role.empty()));
          c[2]->insert(Field(name));
          c[3]->insert(nullableString(db, db.empty()));
          c[4]->insert(nullableString(table, table.empty()));
          c[5]->insert(nullableString(column, column.empty()));
          c[6]->insert(Field(uint64_t(revoke)));
          c[7]->insert(Field(uint64_t(grant_option)));
        }
      }
    }
  };
  // Rights held with grant option appear once, with grant_option = 1.
  AccessRights plain = g.access;
  for (const auto& [key, node] : g.grant_options.nodes()) {
    const auto& [db, table, column] = key;
    if (node.granted) plain.revoke(node.granted, db, table, column.empty() ? std::vector<std::string>{} : std::vector<std::string>{column});
  }
  rows(plain, false);
  rows(g.grant_options, true);
}

void fillRoleGrants(const std::string& user, const std::string& role, const Grants& g, const std::optional<RoleList>& defaults,
                    MutableColumns& c) {
  for (const auto& r : g.roles) {
    c[0]->insert(nullableString(user, user.empty()));
    c[1]->insert(nullableString(role, role.empty()));
    c[2]->insert(Field(r));
    c[3]->insertDefault();
    c[4]->insert(Field(uint64_t(!defaults || roleListMatches(*defaults, "", {r}))));
    c[5]->insert(Field(uint64_t(g.roles_with_admin_option.count(r) > 0)));
  }
}

void fillProfileElements(const std::string& profile, const std::string& user, const std::string& role,
                         const SettingsProfileElements& elements, MutableColumns& c) {
  uint64_t index = 0;
  for (const auto& e : elements) {
    c[0]->insert(nullableString(profile, profile.empty()));
    c[1]->insert(nullableString(user, user.empty()));
    c[2]->insert(nullableString(role, role.empty()));
    c[3]->insert(Field(index++));
    c[4]->insert(nullableString(e.name, e.name.empty()));
    c[5]->insert(e.value ? Field(fieldToString(*e.value)) : Field());
    c[6]->insert(e.min ? Field(fieldToString(*e.min)) : Field());
    c[7]->insert(e.max ? Field(fieldToString(*e.max)) : Field());
    c[8]->insert(e.writability.empty() ? Field() : Field(e.writability));
    c[9]->insert(nullableString(e.parent_profile, e.parent_profile.empty()));
  }
}

void fillQuotaUsage(const std::vector<QuotaUsageRow>& rows, MutableColumns& c) {
  static const char* kResources[] = {"queries", "query_selects", "query_inserts", "errors", "result_rows", "result_bytes",
                                     "read_rows", "read_bytes", "execution_time", "written_bytes"};
  for (const auto& r : rows) {
    size_t i = 0;
    c[i++]->insert(Field(r.quota_name));
    c[i++]->insert(Field(r.quota_key));
    c[i++]->insert(Field(uint64_t(r.end_time - int64_t(r.duration_seconds))));
    c[i++]->insert(Field(uint64_t(r.end_time)));
    c[i++]->insert(Field(r.duration_seconds));
    for (const char* what : kResources) {
      auto u = r.used.find(what);
      double used = u == r.used.end() ? 0 : u->second;
      auto m = r.max.find(what);
      bool is_time = std::string_view(what) == "execution_time";
      c[i++]->insert(is_time ? Field(used) : Field(uint64_t(used)));
      if (m == r.max.end())
        c[i++]->insert(Field());
      else
        c[i++]->insert(is_time ? Field(m->second) : Field(uint64_t(m->second)));
    }
  }
}

TableColumns quotaUsageColumns() {
  TableColumns cols = {{"quota_name", "String"}, {"quota_key", "String"}, {"start_time", "Nullable(DateTime)"},
                  {"end_time", "Nullable(DateTime)"}, {"duration", "Nullable(UInt32)"}};
  for (const char* what : {"queries", "query_selects", "query_inserts", "errors", "result_rows", "result_bytes", "read_rows",
                           "read_bytes", "execution_time", "written_bytes"}) {
    std::string type = std::string_view(what) == "execution_time" ? "Nullable(Float64)" : "Nullable(UInt64)";
    cols.emplace_back(what, type);
    cols.emplace_back(std::string("max_") + what, type);
  }
  return cols;
}

}  // namespace

void attachAccessSystemTables(Catalog& catalog, std::shared_ptr<const AccessStore> store) {
  DatabasePtr system = catalog.createDatabase("system", "Atomic", /*if_not_exists=*/true);
  auto add = [&](const std::string& name, const std::string& engine, const TableColumns& columns, StorageSystemAccess::Filler f) {
    system->replaceTable(name, std::make_shared<StorageSystemAccess>(engine, columns, store, std::move(f)), "");
  };
  add("users", "SystemUsers",
      {{"name", "String"}, {"id", "UUID"}, {"storage", "String"}, {"auth_type", "String"}, {"auth_params", "String"},
       {"host_ip", "Array(String)"}, {"host_names", "Array(String)"}, {"default_roles_all", "UInt8"},
       {"default_roles_list", "Array(String)"}, {"default_roles_except", "Array(String)"}, {"default_database", "String"}},
      [](const AccessStore& s, MutableColumns& c, QueryContext&) {
        for (const auto& u : s.users()) {
          c[0]->insert(Field(u.name));
          c[1]->insertDefault();
          c[2]->insert(Field(accessStorageName(u.storage, s.persistent())));
          c[3]->insert(Field(u.auth.typeName()));
          c[4]->insert(Field(std::string("{}")));
          std::vector<std::string> hosts = u.host_patterns;
          c[5]->insert(strings(hosts.empty() || hosts == std::vector<std::string>{"any"} ? std::vector<std::string>{"::/0"} : std::vector<std::string>{}));
          c[6]->insert(strings({}));
          c[7]->insert(Field(uint64_t(!u.default_roles || u.default_roles->all)));
          c[8]->insert(strings(u.default_roles ? u.default_roles->names : std::vector<std::string>{}));
          c[9]->insert(strings(u.default_roles ? u.default_roles->except : std::vector<std::string>{}));
          c[10]->insert(Field(std::string()));
        }
      });
  add("roles", "SystemRoles", {{"name", "String"}, {"id", "UUID"}, {"storage", "String"}},
      [](const AccessStore& s, MutableColumns& c, QueryContext&) {
        for (const auto& r : s.roles()) {
          c[0]->insert(Field(r.name));
          c[1]->insertDefault();
          c[2]->insert(Field(accessStorageName(r.storage, s.persistent())));
        }
      });
  add("grants", "SystemGrants",
      {{"user_name", "Nullable(String)"}, {"role_name", "Nullable(String)"}, {"access_type", "String"},
       {"database", "Nullable(String)"}, {"table", "Nullable(String)"}, {"column", "Nullable(String)"},
       {"is_partial_revoke", "UInt8"}, {"grant_option", "UInt8"}},
      [](const AccessStore& s, MutableColumns& c, QueryContext&) {
        for (const auto& u : s.users()) fillGrants(u.name, "", u.grants, c);
        for (const auto& r : s.roles()) fillGrants("", r.name, r.grants, c);
      });
  add("role_grants", "SystemRoleGrants",
      {{"user_name", "Nullable(String)"}, {"role_name", "Nullable(String)"}, {"granted_role_name", "String"},
       {"granted_role_id", "UUID"}, {"granted_role_is_default", "UInt8"}, {"with_admin_option", "UInt8"}},
      [](const AccessStore& s, MutableColumns& c, QueryContext&) {
        for (const auto& u : s.users()) fillRoleGrants(u.name, "", u.grants, u.default_roles, c);
        for (const auto& r : s.roles()) fillRoleGrants("", r.name, r.grants, std::nullopt, c);
      });
  add("settings_profiles", "SystemSettingsProfiles",
      {{"name", "String"}, {"id", "UUID"}, {"storage", "String"}, {"num_elements", "UInt64"}, {"apply_to_all", "UInt8"},
       {"apply_to_list", "Array(String)"}, {"apply_to_except", "Array(String)"}},
      [](const AccessStore& s, MutableColumns& c, QueryContext&) {
        for (const auto& p : s.profiles()) {
          c[0]->insert(Field(p.name));
          c[1]->insertDefault();
          c[2]->insert(Field(accessStorageName(p.storage, s.persistent())));
          c[3]->insert(Field(uint64_t(p.settings.size())));
          c[4]->insert(Field(uint64_t(p.to.all)));
          c[5]->insert(strings(p.to.names));
          c[6]->insert(strings(p.to.except));
        }
      });
  add("settings_profile_elements", "SystemSettingsProfileElements",
      {{"profile_name", "Nullable(String)"}, {"user_name", "Nullable(String)"}, {"role_name", "Nullable(String)"},
       {"index", "UInt64"}, {"setting_name", "Nullable(String)"}, {"value", "Nullable(String)"}, {"min", "Nullable(String)"},
       {"max", "Nullable(String)"}, {"writability", "Nullable(String)"}, {"inherit_profile", "Nullable(String)"}},
      [](const AccessStore& s, MutableColumns& c, QueryContext&) {
        for (const auto& p : s.profiles()) fillProfileElements(p.name, "", "", p.settings, c);
        for (const auto& u : s.users()) fillProfileElements("", u.name, "", u.settings, c);
        for (const auto& r : s.roles()) fillProfileElements("", "", r.name, r.settings, c);
      });
  add("quotas", "SystemQuotas",
      {{"name", "String"}, {"id", "UUID"}, {"storage", "String"}, {"keys", "Array(String)"}, {"durations", "Array(UInt32)"},
       {"apply_to_all", "UInt8"}, {"apply_to_list", "Array(String)"}, {"apply_to_except", "Array(String)"}},
      [](const AccessStore& s, MutableColumns& c, QueryContext&) {
        for (const auto& q : s.quotas()) {
          c[0]->insert(Field(q.name));
          c[1]->insertDefault();
          c[2]->insert(Field(accessStorageName(q.storage, s.persistent())));
          c[3]->insert(strings(q.key_type == "none" ? std::vector<std::string>{} : std::vector<std::string>{q.key_type}));
          FieldArray durations;
          for (const auto& iv : q.intervals) durations.emplace_back(iv.duration_seconds);
          c[4]->insert(Field(std::move(durations)));
          c[5]->insert(Field(uint64_t(q.to.all)));
          c[6]->insert(strings(q.to.names));
          c[7]->insert(strings(q.to.except));
        }
      });
  add("quota_usage", "SystemQuotaUsage", quotaUsageColumns(), [](const AccessStore& s, MutableColumns& c, QueryContext& context) {
    fillQuotaUsage(s.quotaUsage(context.function_context.current_user), c);
  });
  add("quotas_usage", "SystemQuotasUsage", quotaUsageColumns(),
      [](const AccessStore& s, MutableColumns& c, QueryContext&) { fillQuotaUsage(s.allQuotaUsage(), c); });
}

}  // namespace tally
