#pragma once
// AccessStore: the users, roles, settings profiles and quotas of one engine, and the quota
// counters. SQL-defined entities live in memory and, with a data path, as one file per entity
// under <data_path>/access/ (the statements that recreate it, passwords only as hashes),
// written atomically and loaded at start. Entities of the users file are read-only
// (ACCESS_STORAGE_READONLY). A `default` user always exists: from the users file, or built in
// with the operator's password and every privilege. Thread-safe.

#include <chrono>
#include <map>
#include <memory>
#include <mutex>
#include <optional>
#include <shared_mutex>
#include <string>
#include <vector>

#include "access/access_entities.h"
#include "parser/ast_access.h"

namespace tally {

struct AccessStoreOptions {
  std::string data_path;         // empty: SQL-defined entities are kept in memory only
  std::string users_file;        // YAML users file; empty: none
  std::string default_password;  // the built-in default user's password (empty: none)
};

/// Settings a user runs with: values to apply and constraints on later changes.
struct UserSettings {
  std::vector<std::pair<std::string, Field>> values;
  /// Constraints by setting name (MIN/MAX/CONST), the last definition winning.
  std::map<std::string, SettingsProfileElement> constraints;
  std::vector<std::string> profiles;  // profiles applied, in order
};

/// What a query consumed, for quotas.
struct QueryQuotaUsage {
  uint64_t result_rows = 0, result_bytes = 0, read_rows = 0, read_bytes = 0, written_bytes = 0;
  double execution_seconds = 0;
  bool is_insert = false;
  bool failed = false;
};

struct QuotaUsageRow {
  std::string quota_name, quota_key;
  uint64_t duration_seconds = 0;
  int64_t end_time = 0;  // unix seconds
  std::map<std::string, double> used, max;
};

class AccessStore {
 public:
  explicit AccessStore(AccessStoreOptions options);

  /// Throws AUTHENTICATION_FAILED (516) when the user does not exist or the password is wrong.
  void authenticate(const std::string& user, const std::string& password) const;
  bool userExists(const std::string& user) const;

  /// Runs CREATE/ALTER/DROP of an entity, GRANT and REVOKE (privileges of the statement's
  /// author are the caller's business). GRANT/REVOKE targets must be resolved (database set).
  void execute(const ASTCreateAccessEntityQuery& query);
  void execute(const ASTDropAccessEntityQuery& query);
  void execute(const ASTGrantQuery& query, const std::string& current_user);

  /// Whether `user` (with the roles granted to it) holds `flags` on db.table[columns];
  /// `with_grant_option`: held with grant option.
  bool isGranted(const std::string& user, AccessFlags flags, const std::string& database, const std::string& table,
                 const std::vector<std::string>& columns = {}, bool with_grant_option = false) const;
  /// Whether `user` may grant `role` (holds it WITH ADMIN OPTION, or ACCESS MANAGEMENT with grant option).
  bool canAdminRole(const std::string& user, const std::string& role) const;

  UserSettings settingsFor(const std::string& user) const;

  /// Counts a query against the user's quotas; throws QUOTA_EXCEEDED (201) when a limit is
  /// already reached (the query is not counted then).
  void quotaBeginQuery(const std::string& user);
  /// Adds what a query consumed (and an error when it failed).
  void quotaEndQuery(const std::string& user, const QueryQuotaUsage& usage);
  std::vector<QuotaUsageRow> quotaUsage(const std::string& user) const;
  /// Every counter of every key (system.quotas_usage).
  std::vector<QuotaUsageRow> allQuotaUsage() const;

  std::vector<User> users() const;
  std::vector<Role> roles() const;
  std::vector<SettingsProfile> profiles() const;
  std::vector<Quota> quotas() const;
  bool persistent() const { return !access_dir_.empty(); }

  /// SHOW CREATE USER|ROLE|SETTINGS PROFILE|QUOTA: one statement per entity. Throws
  /// ACCESS_ENTITY_NOT_FOUND.
  std::vector<std::string> showCreate(AccessEntityKind kind, const std::vector<std::string>& names) const;
  /// SHOW GRANTS FOR a user or role.
  std::vector<std::string> showGrants(const std::string& name) const;

 private:
  struct Counters {
    int64_t end = 0;  // interval end, unix seconds
    std::map<std::string, double> used;
  };

  void loadUsersFile(const std::string& path);
  void loadDirectory();
  void addBuiltinDefault(const std::string& password);
  void persist(AccessEntityKind kind, const std::string& name);
  void unpersist(AccessEntityKind kind, const std::string& name);
  std::string definition(AccessEntityKind kind, const std::string& name) const;
  /// Applies a statement to the maps; `validate`: check referenced entities exist.
  void apply(const ASTCreateAccessEntityQuery& q, bool validate);
  void applyGrant(const ASTGrantQuery& q, bool validate);
  /// After a user or role is renamed: the lists and role grants naming it follow.
  void renameReferences(const std::string& from, const std::string& to, bool persist_changes);
  /// After a user or role is dropped: TO lists and default roles no longer name it.
  void forgetReferences(const std::string& name);
  Grants* grantsOf(const std::string& name);
  const Grants* grantsOf(const std::string& name) const;
  std::set<std::string> enabledRoles(const std::string& user) const;
  void collectProfile(const std::string& profile, UserSettings& out, int depth) const;
  std::vector<const Quota*> quotasOf(const std::string& user) const;
  void checkWritable(AccessEntityKind kind, const std::string& name, bool dropping) const;
  bool existsLocked(AccessEntityKind kind, const std::string& name) const;

  AccessStoreOptions options_;
  std::string access_dir_;
  mutable std::shared_mutex mutex_;
  std::map<std::string, User> users_;
  std::map<std::string, Role> roles_;
  std::map<std::string, SettingsProfile> profiles_;
  std::map<std::string, Quota> quotas_;
  /// (quota, key, interval index) -> counters.
  std::map<std::tuple<std::string, std::string, size_t>, Counters> usage_;
  mutable std::mutex usage_mutex_;
};

/// "user", "role", "settings profile", "quota".
std::string accessEntityKindName(AccessEntityKind kind);

}  // namespace tally
