#pragma once
// What the analyzer needs from the session running a query: the catalog, the current
// database, temporary tables, query parameters, and the query context (settings, functions,
// limits). Owned by the caller; outlives the analysis and the plan's execution.

#include <functional>
#include <map>
#include <memory>
#include <string>

#include "execution/query_context.h"
#include "storage/catalog.h"
#include "storage/table_function.h"

namespace tally {

struct AnalyzerContext {
  Catalog* catalog = nullptr;
  std::string current_database = "default";
  /// Session temporary tables (looked up before databases for unqualified names).
  const std::map<std::string, StoragePtr>* temporary_tables = nullptr;
  /// Tables that stand in for catalog tables, by "db.table" (a materialized view's source
  /// while the view processes an inserted block).
  const std::map<std::string, StoragePtr>* table_overrides = nullptr;
  /// Values of {name:Type} parameters, as text in the type's escaped form.
  std::map<std::string, std::string> query_parameters;
  QueryContext* query_context = nullptr;
  const StorageContext* storage_context = nullptr;
  size_t subquery_depth = 0;
  /// Called for every table or view read (not temporary tables or table functions) with the
  /// columns read from it; throws to refuse (the session's SELECT privilege check). May be null.
  std::function<void(const std::string& database, const std::string& table, const std::vector<std::string>& columns)>
      check_select;

  const Settings& settings() const { return query_context->settings; }
  const FunctionContext& functionContext() const { return query_context->function_context; }
};

}  // namespace tally
