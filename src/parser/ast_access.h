#pragma once
// Statements of access control: CREATE/ALTER/DROP of users, roles, settings profiles and
// quotas, GRANT/REVOKE, and the SHOW statements about them (SHOW GRANTS, SHOW USERS,
// SHOW CREATE USER, ...). The parser only records what was written; src/access turns these
// nodes into access entities.

#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <vector>

#include "parser/ast.h"

namespace tally {

enum class AccessEntityKind : uint8_t { User, Role, SettingsProfile, Quota };

/// A list of users/roles: `name, name`, `ALL [EXCEPT name, ...]`, `NONE`, `CURRENT_USER`.
struct ASTRoleList {
  std::vector<std::string> names;
  bool all = false;
  bool none = false;
  std::vector<std::string> except;
  bool empty() const { return names.empty() && !all; }
};

/// IDENTIFIED WITH <type> [BY 'value'] [SALT 'salt'] / IDENTIFIED BY 'pw' / NOT IDENTIFIED.
struct ASTAuthentication {
  std::string type;  // no_password, plaintext_password, sha256_password, sha256_hash, double_sha1_password, double_sha1_hash
  std::string value;
  std::string salt;
  bool has_salt = false;
};

/// One element of a SETTINGS clause of a user, role or profile:
/// `name = value [MIN m] [MAX M] [CONST|READONLY|WRITABLE|CHANGEABLE_IN_READONLY]` or `PROFILE 'p'`.
struct ASTSettingElement {
  std::string name;           // setting name; empty for a PROFILE element
  std::string parent_profile; // PROFILE 'name'
  std::optional<Field> value, min, max;
  std::string writability;    // "", "CONST" (READONLY), "WRITABLE", "CHANGEABLE_IN_READONLY"
};

/// FOR [RANDOMIZED] INTERVAL n unit {MAX what = n [, ...] | NO LIMITS | TRACKING ONLY}
struct ASTQuotaInterval {
  uint64_t duration_seconds = 0;
  bool randomize = false;
  std::map<std::string, double> max;  // queries, errors, result_rows, read_rows, execution_time, ...
  bool no_limits = false;
  bool tracking_only = false;
};

/// CREATE|ALTER USER|ROLE|SETTINGS PROFILE|QUOTA ...
struct ASTCreateAccessEntityQuery : IAST {
  ASTCreateAccessEntityQuery() : IAST(ASTKind::CreateAccessEntityQuery) {}
  TALLY_AST_CLONE(ASTCreateAccessEntityQuery)
  void cloneChildren() {}
  AccessEntityKind entity = AccessEntityKind::User;
  bool alter = false;
  bool if_not_exists = false;  // CREATE ... IF NOT EXISTS
  bool or_replace = false;     // CREATE OR REPLACE ...
  bool if_exists = false;      // ALTER ... IF EXISTS
  std::vector<std::string> names;
  std::string new_name;        // ALTER ... RENAME TO
  std::optional<ASTAuthentication> auth;
  std::optional<ASTRoleList> default_roles;  // DEFAULT ROLE ...
  bool has_settings = false;
  std::vector<ASTSettingElement> settings;
  std::string quota_key;                     // KEYED BY user_name | ip_address | client_key | NOT KEYED
  std::vector<ASTQuotaInterval> intervals;
  std::optional<ASTRoleList> to;             // TO user, role (profiles and quotas)
  std::vector<std::string> host_patterns;    // HOST ... (recorded, not enforced)
};

/// DROP USER|ROLE|SETTINGS PROFILE|QUOTA [IF EXISTS] name [, ...]
struct ASTDropAccessEntityQuery : IAST {
  ASTDropAccessEntityQuery() : IAST(ASTKind::DropAccessEntityQuery) {}
  TALLY_AST_CLONE(ASTDropAccessEntityQuery)
  void cloneChildren() {}
  AccessEntityKind entity = AccessEntityKind::User;
  bool if_exists = false;
  std::vector<std::string> names;
};

/// One privilege of GRANT/REVOKE: `SELECT(a, b)`, `CREATE TABLE`, `ALL`.
struct ASTPrivilege {
  std::string name;  // as written, upper-cased words joined by one space (dictGet keeps its case)
  std::vector<std::string> columns;
};

/// GRANT privileges ON db.table TO grantees [WITH GRANT OPTION]; GRANT role TO grantees
/// [WITH ADMIN OPTION]; REVOKE [GRANT OPTION FOR] privileges ON db.table FROM grantees;
/// REVOKE [ADMIN OPTION FOR] role FROM grantees.
struct ASTGrantQuery : IAST {
  ASTGrantQuery() : IAST(ASTKind::GrantQuery) {}
  TALLY_AST_CLONE(ASTGrantQuery)
  void cloneChildren() {}
  bool is_revoke = false;
  std::vector<ASTPrivilege> privileges;  // empty when roles are granted
  std::vector<std::string> roles;        // GRANT role, ... TO
  std::string database;                  // "*" for any database; empty: the current database
  std::string table;                     // "*" for any table
  ASTRoleList grantees;
  bool with_grant_option = false;        // WITH GRANT OPTION / WITH ADMIN OPTION
  bool option_only = false;              // REVOKE GRANT OPTION FOR / ADMIN OPTION FOR
};

/// SHOW GRANTS [FOR x], SHOW USERS|ROLES|PROFILES|QUOTAS, SHOW CREATE USER|ROLE|SETTINGS
/// PROFILE|QUOTA name, SHOW QUOTA.
struct ASTShowAccessQuery : ASTQueryWithOutput {
  ASTShowAccessQuery() : ASTQueryWithOutput(ASTKind::ShowAccessQuery) {}
  TALLY_AST_CLONE(ASTShowAccessQuery)
  void cloneChildren() { cloneOutput(); }
  enum class What : uint8_t { Grants, Entities, CreateEntity, QuotaUsage } what = What::Grants;
  AccessEntityKind entity = AccessEntityKind::User;
  std::vector<std::string> names;  // FOR x (grants) or the entities of SHOW CREATE; empty: current user
};

/// The statement's text (format_access.cpp); formatAST uses it for these kinds. Output clauses
/// of SHOW statements are not included.
std::string formatAccessStatement(const IAST& ast);

}  // namespace tally
