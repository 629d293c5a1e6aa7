#pragma once
// Privileges and the grants of one user or role. A privilege is one bit of AccessFlags;
// groups (CREATE, DROP, SHOW, ALL) are unions of bits. Grants are kept per level — global
// (*.*), database (db.*), table (db.t), column (db.t(c)) — with partial revokes: the rights at
// a level are those of the level above minus what is revoked there plus what is granted there.

#include <cstdint>
#include <map>
#include <string>
#include <tuple>
#include <vector>

namespace tally {

using AccessFlags = uint32_t;

namespace AccessType {
enum : AccessFlags {
  SHOW_DATABASES = 1u << 0,
  SHOW_TABLES = 1u << 1,
  SHOW_COLUMNS = 1u << 2,
  SHOW_DICTIONARIES = 1u << 3,
  SELECT = 1u << 4,
  INSERT = 1u << 5,
  ALTER = 1u << 6,
  CREATE_DATABASE = 1u << 7,
  CREATE_TABLE = 1u << 8,
  CREATE_VIEW = 1u << 9,
  CREATE_DICTIONARY = 1u << 10,
  CREATE_TEMPORARY_TABLE = 1u << 11,
  DROP_DATABASE = 1u << 12,
  DROP_TABLE = 1u << 13,
  DROP_VIEW = 1u << 14,
  DROP_DICTIONARY = 1u << 15,
  TRUNCATE = 1u << 16,
  OPTIMIZE = 1u << 17,
  DICT_GET = 1u << 18,
  SYSTEM = 1u << 19,
  KILL_QUERY = 1u << 20,
  ACCESS_MANAGEMENT = 1u << 21,

  SHOW = SHOW_DATABASES | SHOW_TABLES | SHOW_COLUMNS | SHOW_DICTIONARIES,
  CREATE = CREATE_DATABASE | CREATE_TABLE | CREATE_VIEW | CREATE_DICTIONARY | CREATE_TEMPORARY_TABLE,
  DROP = DROP_DATABASE | DROP_TABLE | DROP_VIEW | DROP_DICTIONARY,
  ALL = (1u << 22) - 1,
  /// Privileges that can be granted on columns.
  COLUMN_LEVEL = SELECT | INSERT,
};
}  // namespace AccessType

/// The flags of a privilege name as GRANT accepts it ("SELECT", "CREATE TABLE", "ALL
/// PRIVILEGES", "dictGet", case-insensitive); throws UNKNOWN_ACCESS_TYPE... as SYNTAX_ERROR.
AccessFlags parseAccessFlags(const std::string& name);
/// Names of `flags`, groups collapsed ("ALL", "CREATE", "SELECT, INSERT").
std::vector<std::string> accessFlagsNames(AccessFlags flags);

class AccessRights {
 public:
  /// `database`/`table` empty: any (*). `columns` empty: the whole table.
  void grant(AccessFlags flags, const std::string& database, const std::string& table,
             const std::vector<std::string>& columns = {});
  void revoke(AccessFlags flags, const std::string& database, const std::string& table,
              const std::vector<std::string>& columns = {});
  /// Whether `flags` are all granted on db.table (and, when `columns` are given, on each of
  /// them; with no columns a grant on any single column of the table is enough for SELECT).
  bool isGranted(AccessFlags flags, const std::string& database, const std::string& table,
                 const std::vector<std::string>& columns = {}) const;
  bool empty() const { return nodes_.empty(); }
  void clear() { nodes_.clear(); }

  /// The statements that recreate these rights: `GRANT ... ON ... TO <grantee>[ WITH GRANT
  /// OPTION]` and `REVOKE ... FROM <grantee>`; `grant_options` are the rights held with grant
  /// option (a subset).
  static std::vector<std::string> toStatements(const AccessRights& access, const AccessRights& grant_options,
                                               const std::string& grantee);

  /// One level: (database, table, column), "" for a wildcard level.
  using Key = std::tuple<std::string, std::string, std::string>;
  struct Node {
    AccessFlags granted = 0, revoked = 0;
  };
  const std::map<Key, Node>& nodes() const { return nodes_; }

 private:
  AccessFlags effective(const std::string& database, const std::string& table, const std::string& column) const;
  std::map<Key, Node> nodes_;
};

/// `ON` target text: *.*, db.*, db.t.
std::string accessTargetText(const std::string& database, const std::string& table);

}  // namespace tally
