#pragma once
// DictionaryStructure: what a CREATE DICTIONARY statement defines — key columns, the optional
// range columns (RANGE_HASHED), attributes with their DEFAULT / EXPRESSION, the layout, the
// source and the lifetime — checked and typed. Built once per definition; immutable.
//
// The data of a dictionary always comes from one SELECT run through the engine
// (loadQuery()): a CLICKHOUSE source with TABLE reads that local table, one with QUERY runs
// the query, a FILE source reads file('path', 'format', 'structure') (so the user-files
// confinement of file() applies). Every column is cast to its declared type by that query.

#include <optional>
#include <string>
#include <vector>

#include "parser/ast.h"
#include "types/data_type.h"

namespace tally {

enum class DictionaryLayout : uint8_t { Flat, Hashed, ComplexKeyHashed, RangeHashed };

struct DictionaryColumn {
  std::string name;
  DataTypePtr type;
  ASTPtr default_value;  // DEFAULT v (null: the type's default)
  ASTPtr expression;     // EXPRESSION e (CLICKHOUSE TABLE sources compute the column with it)
  bool hierarchical = false;
  bool injective = false;
};

struct DictionarySource {
  enum class Kind : uint8_t { ClickHouseTable, ClickHouseQuery, File } kind = Kind::ClickHouseTable;
  std::string database, table;  // ClickHouseTable (database defaults to the dictionary's)
  std::string query;            // ClickHouseQuery
  std::string path, format;     // File
  std::string text;             // as written, e.g. "ClickHouse: pypi.countries"
};

struct DictionaryStructure {
  std::string database, name;
  std::vector<DictionaryColumn> keys;
  std::optional<DictionaryColumn> range_min, range_max;
  std::vector<DictionaryColumn> attributes;
  DictionaryLayout layout = DictionaryLayout::Hashed;
  uint64_t max_array_size = 500000;  // FLAT: keys must be below it
  bool range_lookup_max = false;     // RANGE_HASHED(range_lookup_strategy 'max')
  DictionarySource source;
  uint64_t lifetime_min = 0, lifetime_max = 0;
  std::string comment;

  std::string fullName() const { return database + "." + name; }
  /// COMPLEX_KEY_* layouts: keys of any types, looked up as tuples.
  bool isComplexKey() const { return layout == DictionaryLayout::ComplexKeyHashed; }
  /// "Flat", "Hashed", "ComplexKeyHashed", "RangeHashed" (system.dictionaries.type).
  std::string layoutName() const;
  /// Index of the attribute, or -1.
  int attributeIndex(const std::string& attribute) const;
  /// Keys, range columns, attributes: the columns of SELECT * FROM dictionary(...).
  std::vector<DictionaryColumn> allColumns() const;
  /// The SELECT that loads every element, columns in allColumns() order and types.
  std::string loadQuery() const;
  /// A one-row SELECT of the attributes that have a DEFAULT, cast to their types and named by
  /// them; empty when none has one (the others default to their type's default value).
  std::string defaultsQuery() const;
};

/// Checks and types a CREATE DICTIONARY statement. `database`: the dictionary's database (the
/// statement's or the current one). Throws INCORRECT_DICTIONARY_DEFINITION / BAD_ARGUMENTS /
/// UNKNOWN_TYPE for invalid definitions.
DictionaryStructure dictionaryStructureFromAST(const ASTCreateQuery& create, const std::string& database);

/// SOURCE and LAYOUT names and parameters are case-insensitive: they compare upper-cased.
std::string upperCaseAscii(std::string s);

}  // namespace tally
