// AccessStore's files: the users file at start, and one file per SQL-defined entity under
// <data_path>/access/ (loaded at start, rewritten atomically on every change).

#include <cerrno>
#include <cstring>
#include <fcntl.h>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <unistd.h>

#include "access/access_store.h"
#include "access/entity_sql.h"
#include "access/users_file.h"
#include "common/exception.h"
#include "parser/format_helpers.h"
#include "parser/parser.h"

namespace tally {

namespace fs = std::filesystem;

namespace {

std::string filePrefix(AccessEntityKind kind) {
  switch (kind) {
    case AccessEntityKind::User: return "user_";
    case AccessEntityKind::Role: return "role_";
    case AccessEntityKind::SettingsProfile: return "profile_";
    case AccessEntityKind::Quota: return "quota_";
  }
  return {};
}

/// File-name-safe form of an entity name: [A-Za-z0-9_-] kept, other bytes as %XX.
std::string escapeName(const std::string& name) {
  std::string s;
  for (unsigned char c : name) {
    if (isalnum(c) || c == '_' || c == '-') {
      s += char(c);
    } else {
      static const char* hex = "0123456789ABCDEF";
      s += '%';
      s += hex[c >> 4];
      s += hex[c & 15];
    }
  }
  return s;
}

void writeFileAtomically(const std::string& path, const std::string& content) {
  std::string tmp = path + ".tmp";
  int fd = ::open(tmp.c_str(), O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0600);
  if (fd < 0) throw Exception(ErrorCodes::CANNOT_OPEN_FILE, "Cannot open file {}: {}", tmp, std::strerror(errno));
  size_t done = 0;
  while (done < content.size()) {
    ssize_t n = ::write(fd, content.data() + done, content.size() - done);
    if (n < 0) {
      if (errno == EINTR) continue;
      int err = errno;
      ::close(fd);
      throw Exception(ErrorCodes::CANNOT_WRITE_TO_FILE_DESCRIPTOR, "Cannot write to file {}: {}", tmp, std::strerror(err));
    }
    done += size_t(n);
  }
  if (::fsync(fd) != 0) {
    int err = errno;
    ::close(fd);
    throw Exception(ErrorCodes::CANNOT_FSYNC, "Cannot fsync file {}: {}", tmp, std::strerror(err));
  }
  ::close(fd);
  if (::rename(tmp.c_str(), path.c_str()) != 0)
    throw Exception(ErrorCodes::SYSTEM_ERROR, "Cannot rename {} to {}: {}", tmp, path, std::strerror(errno));
  int dir = ::open(fs::path(path).parent_path().c_str(), O_RDONLY | O_DIRECTORY | O_CLOEXEC);
  if (dir >= 0) {
    ::fsync(dir);
    ::close(dir);
  }
}

}  // namespace

void AccessStore::loadUsersFile(const std::string& path) {
  UsersFileContent content = readUsersFile(path);
  for (auto& p : content.profiles) profiles_[p.name] = std::move(p);
  for (auto& q : content.quotas) quotas_[q.name] = std::move(q);
  for (auto& u : content.users) users_[u.name] = std::move(u);
  for (const auto& [user, text] : content.grant_statements) {
    ASTPtr ast;
    try {
      ast = parseQuery(text, {});
    } catch (const Exception& e) {
      throw Exception(ErrorCodes::INVALID_CONFIG_PARAMETER, "Users file {}: user {}: bad grant: {}", path, user, e.message());
    }
    if (ast->kind != ASTKind::GrantQuery || ast->as<ASTGrantQuery>().is_revoke)
      throw Exception(ErrorCodes::INVALID_CONFIG_PARAMETER, "Users file {}: user {}: not a GRANT: {}", path, user, text);
    auto& g = ast->as<ASTGrantQuery>();
    if (g.database.empty() && !g.table.empty() && g.table != "*") g.database = "default";
    applyGrant(g, false);
  }
}

void AccessStore::loadDirectory() {
  std::vector<std::string> files;
  for (const auto& entry : fs::directory_iterator(access_dir_)) {
    std::string name = entry.path().filename().string();
    if (entry.is_regular_file() && name.size() > 4 && name.ends_with(".sql")) files.push_back(entry.path().string());
    if (name.ends_with(".sql.tmp")) fs::remove(entry.path());  // an interrupted write: the old file is intact
  }
  // Profiles and roles first: users and quotas refer to them; grants last.
  auto rank = [](const std::string& path) {
    std::string n = fs::path(path).filename().string();
    if (n.starts_with("profile_")) return 0;
    if (n.starts_with("role_")) return 1;
    if (n.starts_with("user_")) return 2;
    return 3;
  };
  std::sort(files.begin(), files.end(), [&](const auto& a, const auto& b) { return std::pair(rank(a), a) < std::pair(rank(b), b); });
  std::vector<std::pair<std::string, ASTPtr>> grants;
  for (const auto& path : files) {
    std::ifstream in(path);
    std::stringstream ss;
    ss << in.rdbuf();
    std::string text = ss.str();
    try {
      for (const auto& s : parseMultipleQueries(text, {}, false)) {
        if (s.ast->kind == ASTKind::CreateAccessEntityQuery)
          apply(s.ast->as<ASTCreateAccessEntityQuery>(), false);
        else if (s.ast->kind == ASTKind::GrantQuery)
          grants.emplace_back(path, s.ast);
        else
          throw Exception(ErrorCodes::INCORRECT_ACCESS_ENTITY_DEFINITION, "unexpected statement");
      }
    } catch (const Exception& e) {
      throw Exception(ErrorCodes::INCORRECT_ACCESS_ENTITY_DEFINITION, "Could not parse {}: {}", path, e.message());
    }
  }
  for (const auto& [path, ast] : grants) applyGrant(ast->as<ASTGrantQuery>(), false);
}

std::string AccessStore::definition(AccessEntityKind kind, const std::string& name) const {
  std::string text;
  const Grants* grants = nullptr;
  switch (kind) {
    case AccessEntityKind::User: {
      const User& u = users_.at(name);
      text = createUserSQL(u);
      grants = &u.grants;
      break;
    }
    case AccessEntityKind::Role: {
      const Role& r = roles_.at(name);
      text = createRoleSQL(r);
      grants = &r.grants;
      break;
    }
    case AccessEntityKind::SettingsProfile: text = createProfileSQL(profiles_.at(name)); break;
    case AccessEntityKind::Quota: text = createQuotaSQL(quotas_.at(name)); break;
  }
  text += ";\n";
  if (grants) {
    for (const auto& g : AccessRights::toStatements(grants->access, grants->grant_options, backQuoteIfNeed(name)))
      text += g + ";\n";
    for (const auto& r : grants->roles) {
      text += "GRANT " + backQuoteIfNeed(r) + " TO " + backQuoteIfNeed(name);
      if (grants->roles_with_admin_option.count(r)) text += " WITH ADMIN OPTION";
      text += ";\n";
    }
  }
  return text;
}

void AccessStore::persist(AccessEntityKind kind, const std::string& name) {
  if (access_dir_.empty()) return;
  writeFileAtomically((fs::path(access_dir_) / (filePrefix(kind) + escapeName(name) + ".sql")).string(), definition(kind, name));
}

void AccessStore::unpersist(AccessEntityKind kind, const std::string& name) {
  if (access_dir_.empty()) return;
  fs::remove(fs::path(access_dir_) / (filePrefix(kind) + escapeName(name) + ".sql"));
}

}  // namespace tally
