#pragma once
// Shared pre-aggregation for materialized views. A view that only groups its source rows and
// counts them (or takes aggregates that duplicates do not change: min, max, any, their
// SimpleState forms, uniqExact) gives the same rows when it reads the source rows collapsed to
// distinct rows with a row count, count() becoming sum(row count). When several views of a table
// qualify, an insert collapses each piece of its rows once — GROUP BY every source column those
// views read — and runs each of them over the collapsed rows (ClickPy's rollups: one GROUP BY of
// the raw rows instead of twenty, each rollup then reading a fraction of the rows).

#include <set>
#include <string>
#include <vector>

#include "functions/function.h"
#include "parser/ast.h"

namespace tally {

/// Name of the row-count column of collapsed rows (UInt64).
inline constexpr const char* kCollapsedRowsColumn = "__tally_collapsed_rows";

/// `query` (a view's SELECT) rewritten to read collapsed rows, or null when it cannot be: it must
/// be one SELECT from one table with at least one aggregate, only the aggregates above (count()
/// without arguments), deterministic functions, unqualified names of `source_columns` or of its
/// own aliases, and no JOIN, ARRAY JOIN, subquery, WITH, LIMIT, DISTINCT, WITH TOTALS/ROLLUP/CUBE
/// or window function. On success adds the source columns the query reads to `read_columns`.
/// Result columns keep their names (an unaliased item is aliased to its original name).
ASTPtr rewriteForCollapsedRows(const ASTPtr& query, const std::set<std::string>& source_columns,
                               const FunctionContext& context, std::set<std::string>& read_columns);

/// SELECT columns..., count() AS __tally_collapsed_rows FROM database.table GROUP BY columns...
ASTPtr collapseQuery(const std::string& database, const std::string& table, const std::vector<std::string>& columns);

}  // namespace tally
