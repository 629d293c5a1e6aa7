#pragma once
// The access entities: users, roles, settings profiles and quotas, as plain values. The
// AccessStore owns them; readers get copies.

#include <cstdint>
#include <map>
#include <optional>
#include <set>
#include <string>
#include <vector>

#include "access/access_rights.h"
#include "access/authentication.h"
#include "common/field.h"
#include "parser/ast_access.h"

namespace tally {

/// Where an entity comes from: SQL statements (kept under <data_path>/access, or in memory
/// without a data path) or the read-only users file.
enum class AccessStorageKind : uint8_t { Sql, UsersFile };
/// ClickHouse's storage names: local_directory, memory, users_xml.
std::string accessStorageName(AccessStorageKind kind, bool persistent);

/// One element of the SETTINGS of a user, role or profile (ast_access.h's ASTSettingElement).
using SettingsProfileElement = ASTSettingElement;
using SettingsProfileElements = std::vector<SettingsProfileElement>;

/// Users or roles an entity applies to (TO ...); the user's default roles.
using RoleList = ASTRoleList;

struct Grants {
  AccessRights access;
  AccessRights grant_options;  // the rights held WITH GRANT OPTION
  std::set<std::string> roles;
  std::set<std::string> roles_with_admin_option;
};

struct User {
  std::string name;
  AccessStorageKind storage = AccessStorageKind::Sql;
  AuthenticationData auth;
  std::vector<std::string> host_patterns;
  Grants grants;
  std::optional<RoleList> default_roles;  // unset: all granted roles
  SettingsProfileElements settings;
};

struct Role {
  std::string name;
  AccessStorageKind storage = AccessStorageKind::Sql;
  Grants grants;
  SettingsProfileElements settings;
};

struct SettingsProfile {
  std::string name;
  AccessStorageKind storage = AccessStorageKind::Sql;
  SettingsProfileElements settings;
  RoleList to;
};

struct Quota {
  std::string name;
  AccessStorageKind storage = AccessStorageKind::Sql;
  std::string key_type = "user_name";
  std::vector<ASTQuotaInterval> intervals;
  RoleList to;
};

/// Whether `list` names `user` or one of `roles`.
bool roleListMatches(const RoleList& list, const std::string& user, const std::set<std::string>& roles);

}  // namespace tally
