#pragma once
// The users file: YAML shaped like ClickHouse's users.xml.
//
//   users:
//     alice:
//       password_sha256_hex: 5e88...   # or password_double_sha1_hex; or password (plain, hashed on load)
//       profile: readonly_profile
//       quota: hourly
//       networks: {ip: ::/0}           # accepted, not enforced
//       access_management: 1
//       grants:
//         query: ["GRANT SELECT ON db.*"]  # statements without TO (applied to this user)
//   profiles:
//     readonly_profile: {readonly: 1, max_execution_time: 10}
//   quotas:
//     hourly:
//       interval: {duration: 3600, queries: 100, errors: 10, result_rows: 0, read_rows: 0, execution_time: 0}
//
// A quota's `interval` may be a list of such maps; 0 means unlimited.

#include <string>
#include <vector>

#include "access/access_entities.h"

namespace tally {

struct UsersFileContent {
  std::vector<User> users;
  std::vector<SettingsProfile> profiles;
  std::vector<Quota> quotas;
  /// (user, GRANT statement text with TO <user> appended) to apply once everything exists.
  std::vector<std::pair<std::string, std::string>> grant_statements;
};

/// Reads the file; throws CANNOT_PARSE_YAML (or INCORRECT_ACCESS_ENTITY_DEFINITION) on bad content.
UsersFileContent readUsersFile(const std::string& path);

}  // namespace tally
