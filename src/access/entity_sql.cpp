#include "access/entity_sql.h"

#include <cmath>

#include "parser/format_helpers.h"

namespace tally {

std::string settingsToSQL(const SettingsProfileElements& settings) {
  if (settings.empty()) return {};
  std::string s = "SETTINGS ";
  bool first = true;
  for (const auto& e : settings) {
    if (!first) s += ", ";
    first = false;
    if (!e.parent_profile.empty()) {
      s += "PROFILE " + quoteString(e.parent_profile);
      continue;
    }
    s += backQuoteIfNeed(e.name);
    if (e.value) s += " = " + fieldToString(*e.value);
    if (e.min) s += " MIN " + fieldToString(*e.min);
    if (e.max) s += " MAX " + fieldToString(*e.max);
    if (e.writability == "CONST") s += " READONLY";
    else if (!e.writability.empty()) s += " " + e.writability;
  }
  return s;
}

std::string roleListToSQL(const RoleList& list) {
  if (list.none || (list.names.empty() && !list.all)) return "NONE";
  std::string s;
  for (const auto& n : list.names) s += (s.empty() ? "" : ", ") + backQuoteIfNeed(n);
  if (list.all) s += (s.empty() ? "" : ", ") + std::string("ALL");
  if (!list.except.empty()) {
    s += " EXCEPT ";
    for (size_t i = 0; i < list.except.size(); ++i) s += (i ? ", " : "") + backQuoteIfNeed(list.except[i]);
  }
  return s;
}

std::string quotaDurationToSQL(uint64_t seconds) {
  static const std::pair<uint64_t, const char*> units[] = {
      {365 * 86400, "year"}, {91 * 86400, "quarter"}, {30 * 86400, "month"}, {7 * 86400, "week"},
      {86400, "day"},        {3600, "hour"},          {60, "minute"},        {1, "second"}};
  for (const auto& [size, name] : units)
    if (seconds && seconds % size == 0) return std::to_string(seconds / size) + " " + name;
  return "0 second";
}

namespace {
std::string withClause(std::string s, const std::string& clause) {
  if (!clause.empty()) s += " " + clause;
  return s;
}

std::string numberText(double v) {
  if (v == std::floor(v) && v < 1e18) return std::to_string(uint64_t(v));
  return formatFloatLiteral(v);
}
}  // namespace

std::string createUserSQL(const User& user) {
  std::string s = "CREATE USER " + backQuoteIfNeed(user.name) + " " + user.auth.toSQL();
  if (!user.host_patterns.empty()) {
    s += " HOST ";
    for (size_t i = 0; i < user.host_patterns.size(); ++i) {
      const auto& h = user.host_patterns[i];
      s += i ? ", " : "";
      s += (h == "any" || h == "none" || h == "local") ? h == "any" ? "ANY" : h == "none" ? "NONE" : "LOCAL"
                                                       : "NAME " + quoteString(h);
    }
  }
  if (user.default_roles) s += " DEFAULT ROLE " + roleListToSQL(*user.default_roles);
  return withClause(s, settingsToSQL(user.settings));
}

std::string createRoleSQL(const Role& role) {
  return withClause("CREATE ROLE " + backQuoteIfNeed(role.name), settingsToSQL(role.settings));
}

std::string createProfileSQL(const SettingsProfile& profile) {
  std::string s = withClause("CREATE SETTINGS PROFILE " + backQuoteIfNeed(profile.name), settingsToSQL(profile.settings));
  if (!profile.to.empty()) s += " TO " + roleListToSQL(profile.to);
  return s;
}

std::string createQuotaSQL(const Quota& quota) {
  std::string s = "CREATE QUOTA " + backQuoteIfNeed(quota.name);
  if (quota.key_type == "none")
    s += " NOT KEYED";
  else
    s += " KEYED BY " + quota.key_type;
  for (size_t i = 0; i < quota.intervals.size(); ++i) {
    const auto& iv = quota.intervals[i];
    s += i ? ", FOR " : " FOR ";
    if (iv.randomize) s += "RANDOMIZED ";
    s += "INTERVAL " + quotaDurationToSQL(iv.duration_seconds);
    if (iv.tracking_only || (iv.max.empty() && !iv.no_limits)) {
      s += " TRACKING ONLY";
    } else if (iv.no_limits) {
      s += " NO LIMITS";
    } else {
      s += " MAX ";
      // ClickHouse's order of quota resources.
      static const char* kOrder[] = {"queries", "query_selects", "query_inserts", "errors", "result_rows", "result_bytes",
                                     "read_rows", "read_bytes", "execution_time", "written_bytes",
                                     "failed_sequential_authentications"};
      bool first = true;
      for (const char* what : kOrder) {
        auto it = iv.max.find(what);
        if (it == iv.max.end()) continue;
        s += (first ? "" : ", ") + std::string(what) + " = " + numberText(it->second);
        first = false;
      }
    }
  }
  if (!quota.to.empty()) s += " TO " + roleListToSQL(quota.to);
  return s;
}

}  // namespace tally
