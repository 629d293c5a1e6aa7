#pragma once
// What system.tables and system.columns show about a table's keys and view query, read from
// the CREATE statement the catalog keeps for it.

#include <set>
#include <string>

namespace tally {

struct TableDefinition {
  std::string partition_key, sorting_key, primary_key, sampling_key;
  std::string as_select;  // the SELECT of a view
  std::string comment;
  /// Columns each key expression uses.
  std::set<std::string> partition_columns, sorting_columns, primary_columns, sampling_columns;
};

/// Keys as ClickHouse prints them: ORDER BY (a, b) gives "a, b", ORDER BY tuple() gives "".
/// The primary key defaults to the sorting key for engines of the MergeTree family. Empty
/// fields when the statement has no such clause or cannot be parsed.
TableDefinition describeTableDefinition(const std::string& create_query, const std::string& engine_name);

}  // namespace tally
