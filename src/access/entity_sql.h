#pragma once
// The CREATE statements that define access entities (SHOW CREATE USER and the files under
// <data_path>/access/), and the text forms of their parts.

#include <string>

#include "access/access_entities.h"

namespace tally {

std::string settingsToSQL(const SettingsProfileElements& settings);  // "SETTINGS a = 1, PROFILE 'p'" or ""
std::string roleListToSQL(const RoleList& list);                      // "a, b", "ALL EXCEPT c", "NONE"
std::string quotaDurationToSQL(uint64_t seconds);                     // "1 hour", "90 second"
std::string createUserSQL(const User& user);
std::string createRoleSQL(const Role& role);
std::string createProfileSQL(const SettingsProfile& profile);
std::string createQuotaSQL(const Quota& quota);

}  // namespace tally
