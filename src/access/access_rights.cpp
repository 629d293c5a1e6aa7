#include "access/access_rights.h"

#include <algorithm>
#include <cctype>

#include "common/exception.h"
#include "parser/format_helpers.h"

namespace tally {

namespace {

struct NamedFlags {
  const char* name;
  AccessFlags flags;
};

/// Printed in this order; groups before their members so names collapse.
constexpr NamedFlags kNames[] = {
    {"ALL", AccessType::ALL},
    {"SHOW", AccessType::SHOW},
    {"SHOW DATABASES", AccessType::SHOW_DATABASES},
    {"SHOW TABLES", AccessType::SHOW_TABLES},
    {"SHOW COLUMNS", AccessType::SHOW_COLUMNS},
    {"SHOW DICTIONARIES", AccessType::SHOW_DICTIONARIES},
    {"SELECT", AccessType::SELECT},
    {"INSERT", AccessType::INSERT},
    {"ALTER", AccessType::ALTER},
    {"CREATE", AccessType::CREATE},
    {"CREATE DATABASE", AccessType::CREATE_DATABASE},
    {"CREATE TABLE", AccessType::CREATE_TABLE},
    {"CREATE VIEW", AccessType::CREATE_VIEW},
    {"CREATE DICTIONARY", AccessType::CREATE_DICTIONARY},
    {"CREATE TEMPORARY TABLE", AccessType::CREATE_TEMPORARY_TABLE},
    {"DROP", AccessType::DROP},
    {"DROP DATABASE", AccessType::DROP_DATABASE},
    {"DROP TABLE", AccessType::DROP_TABLE},
    {"DROP VIEW", AccessType::DROP_VIEW},
    {"DROP DICTIONARY", AccessType::DROP_DICTIONARY},
    {"TRUNCATE", AccessType::TRUNCATE},
    {"OPTIMIZE", AccessType::OPTIMIZE},
    {"dictGet", AccessType::DICT_GET},
    {"SYSTEM", AccessType::SYSTEM},
    {"KILL QUERY", AccessType::KILL_QUERY},
    {"ACCESS MANAGEMENT", AccessType::ACCESS_MANAGEMENT},
};

/// Other spellings GRANT accepts.
constexpr NamedFlags kAliases[] = {
    {"ALL PRIVILEGES", AccessType::ALL},
    {"ALTER TABLE", AccessType::ALTER},
    {"ALTER UPDATE", AccessType::ALTER},
    {"ALTER DELETE", AccessType::ALTER},
    {"UPDATE", AccessType::ALTER},
    {"DELETE", AccessType::ALTER},
    {"TRUNCATE TABLE", AccessType::TRUNCATE},
    {"OPTIMIZE TABLE", AccessType::OPTIMIZE},
    {"DICTGET", AccessType::DICT_GET},
    {"DICTHAS", AccessType::DICT_GET},
    {"DICTGETHIERARCHY", AccessType::DICT_GET},
    {"DICTISIN", AccessType::DICT_GET},
    {"KILL", AccessType::KILL_QUERY},
    {"CREATE USER", AccessType::ACCESS_MANAGEMENT},
    {"ALTER USER", AccessType::ACCESS_MANAGEMENT},
    {"DROP USER", AccessType::ACCESS_MANAGEMENT},
    {"CREATE ROLE", AccessType::ACCESS_MANAGEMENT},
    {"DROP ROLE", AccessType::ACCESS_MANAGEMENT},
    {"ROLE ADMIN", AccessType::ACCESS_MANAGEMENT},
    {"CREATE QUOTA", AccessType::ACCESS_MANAGEMENT},
    {"CREATE SETTINGS PROFILE", AccessType::ACCESS_MANAGEMENT},
    {"SHOW USERS", AccessType::ACCESS_MANAGEMENT},
    {"SHOW ACCESS", AccessType::ACCESS_MANAGEMENT},
};

std::string upper(std::string s) {
  for (char& c : s) c = char(toupper(static_cast<unsigned char>(c)));
  return s;
}

}  // namespace

AccessFlags parseAccessFlags(const std::string& name) {
  std::string u = upper(name);
  for (const auto& n : kNames)
    if (upper(n.name) == u) return n.flags;
  for (const auto& n : kAliases)
    if (n.name == u) return n.flags;
  throw Exception(ErrorCodes::UNKNOWN_ACCESS_TYPE, "Unknown access type: {}", name);
}

std::vector<std::string> accessFlagsNames(AccessFlags flags) {
  std::vector<std::string> res;
  for (const auto& n : kNames) {
    if ((flags & n.flags) == n.flags && n.flags) {
      res.emplace_back(n.name);
      flags &= ~n.flags;
    }
  }
  return res;
}

std::string accessTargetText(const std::string& database, const std::string& table) {
  std::string db = database.empty() ? "*" : backQuoteIfNeed(database);
  std::string t = table.empty() ? "*" : backQuoteIfNeed(table);
  return db + "." + t;
}

void AccessRights::grant(AccessFlags flags, const std::string& database, const std::string& table,
                         const std::vector<std::string>& columns) {
  if (!columns.empty()) {
    for (const auto& c : columns) {
      Node& n = nodes_[{database, table, c}];
      n.granted |= flags;
      n.revoked &= ~flags;
    }
    return;
  }
  Node& n = nodes_[{database, table, ""}];
  n.granted |= flags;
  n.revoked &= ~flags;
  // A grant overrides the partial revokes beneath it.
  for (auto it = nodes_.begin(); it != nodes_.end();) {
    const auto& [db, t, c] = it->first;
    bool beneath = (database.empty() || db == database) && (table.empty() || t == table) &&
                   it->first != Key{database, table, ""};
    if (beneath) it->second.revoked &= ~flags;
    if (it->second.granted == 0 && it->second.revoked == 0)
      it = nodes_.erase(it);
    else
      ++it;
  }
}

void AccessRights::revoke(AccessFlags flags, const std::string& database, const std::string& table,
                          const std::vector<std::string>& columns) {
  std::vector<Key> levels;
  if (!columns.empty()) {
    for (const auto& c : columns) levels.emplace_back(database, table, c);
  } else {
    levels.emplace_back(database, table, "");
  }
  for (const Key& level : levels) {
    const auto& [database_l, table_l, column_l] = level;
    // Drop the grants at this level and beneath it.
    for (auto& [key, node] : nodes_) {
      const auto& [db, t, c] = key;
      bool beneath = (database_l.empty() || db == database_l) && (table_l.empty() || t == table_l) &&
                     (column_l.empty() || c == column_l);
      if (beneath) node.granted &= ~flags;
    }
    // What a wider level still grants is revoked here (a partial revoke).
    AccessFlags from_above = 0;
    if (!(database_l.empty() && table_l.empty() && column_l.empty())) {
      if (!column_l.empty())
        from_above = effective(database_l, table_l, "");
      else if (!table_l.empty())
        from_above = effective(database_l, "", "");
      else
        from_above = effective("", "", "");
    }
    if (from_above & flags) nodes_[level].revoked |= from_above & flags;
  }
  for (auto it = nodes_.begin(); it != nodes_.end();) {
    if (it->second.granted == 0 && it->second.revoked == 0)
      it = nodes_.erase(it);
    else
      ++it;
  }
}

AccessFlags AccessRights::effective(const std::string& database, const std::string& table, const std::string& column) const {
  AccessFlags f = 0;
  auto apply = [&](const Key& k) {
    auto it = nodes_.find(k);
    if (it != nodes_.end()) f = (f & ~it->second.revoked) | it->second.granted;
  };
  apply({"", "", ""});
  if (!database.empty()) apply({database, "", ""});
  if (!database.empty() && !table.empty()) apply({database, table, ""});
  if (!column.empty()) apply({database, table, column});
  return f;
}

bool AccessRights::isGranted(AccessFlags flags, const std::string& database, const std::string& table,
                             const std::vector<std::string>& columns) const {
  if ((effective(database, table, "") & flags) == flags) return true;
  if (table.empty() || (flags & ~AccessType::COLUMN_LEVEL)) return false;
  if (!columns.empty()) {
    for (const auto& c : columns)
      if ((effective(database, table, c) & flags) != flags) return false;
    return true;
  }
  for (const auto& [key, node] : nodes_) {
    const auto& [db, t, c] = key;
    if (db == database && t == table && !c.empty() && (effective(database, table, c) & flags) == flags) return true;
  }
  return false;
}

std::vector<std::string> AccessRights::toStatements(const AccessRights& access, const AccessRights& grant_options,
                                                    const std::string& grantee) {
  std::vector<std::string> res;
  auto emit = [&](const AccessRights& rights, bool with_option) {
    // Table-level and wider nodes, then column nodes grouped per table.
    std::map<std::pair<std::string, std::string>, std::map<std::string, std::vector<std::string>>> columns;
    for (const auto& [key, node] : rights.nodes_) {
      const auto& [db, t, c] = key;
      AccessFlags granted = node.granted;
      if (!with_option) {
        // Rights held with grant option are printed once, by the WITH GRANT OPTION pass.
        auto it = grant_options.nodes_.find(key);
        if (it != grant_options.nodes_.end()) granted &= ~it->second.granted;
      }
      if (!c.empty()) {
        for (const auto& n : accessFlagsNames(granted)) columns[{db, t}][n].push_back(backQuoteIfNeed(c));
        continue;
      }
      std::string target = accessTargetText(db, t);
      if (granted) {
        std::string s = "GRANT ";
        auto names = accessFlagsNames(granted);
        for (size_t i = 0; i < names.size(); ++i) s += (i ? ", " : "") + names[i];
        s += " ON " + target + " TO " + grantee;
        if (with_option) s += " WITH GRANT OPTION";
        res.push_back(s);
      }
      if (node.revoked && !with_option) {
        std::string s = "REVOKE ";
        auto names = accessFlagsNames(node.revoked);
        for (size_t i = 0; i < names.size(); ++i) s += (i ? ", " : "") + names[i];
        res.push_back(s + " ON " + target + " FROM " + grantee);
      }
    }
    for (const auto& [table, per_flag] : columns) {
      std::string s = "GRANT ";
      bool first = true;
      for (const auto& [flag, cols] : per_flag) {
        s += (first ? "" : ", ") + flag + "(";
        for (size_t i = 0; i < cols.size(); ++i) s += (i ? ", " : "") + cols[i];
        s += ")";
        first = false;
      }
      s += " ON " + accessTargetText(table.first, table.second) + " TO " + grantee;
      if (with_option) s += " WITH GRANT OPTION";
      res.push_back(s);
    }
  };
  emit(access, false);
  emit(grant_options, true);
  return res;
}

}  // namespace tally
