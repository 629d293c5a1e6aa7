#pragma once
// One function per statement family; each runs a parsed statement in a StatementContext.

#include <map>
#include <string>
#include <string_view>
#include <vector>

#include "interpreters/execute_query.h"
#include "planner/query_plan.h"

namespace tally {

struct StatementContext {
  Session& session;
  QueryContext& context;
  QueryIO& io;
  QueryResultInfo& info;
  const std::map<std::string, std::string>& parameters;
  std::string_view query;
};

void interpretSelect(StatementContext& sc, const ASTPtr& ast);
void interpretExplain(StatementContext& sc, const ASTPtr& ast);
void interpretInsert(StatementContext& sc, const ASTPtr& ast);
void interpretCreate(StatementContext& sc, const ASTPtr& ast);
void interpretDrop(StatementContext& sc, const ASTPtr& ast);
void interpretRename(StatementContext& sc, const ASTPtr& ast);
void interpretShow(StatementContext& sc, const ASTPtr& ast);
void interpretUse(StatementContext& sc, const ASTPtr& ast);
void interpretSet(StatementContext& sc, const ASTPtr& ast);
void interpretOptimize(StatementContext& sc, const ASTPtr& ast);
void interpretAlter(StatementContext& sc, const ASTPtr& ast);
void interpretDelete(StatementContext& sc, const ASTPtr& ast);
void interpretKill(StatementContext& sc, const ASTPtr& ast);
void interpretSystem(StatementContext& sc, const ASTPtr& ast);

// Shared helpers.

/// The analyzer context of a statement.
struct AnalyzerContext makeAnalyzerContext(StatementContext& sc);
/// Writes every block of `pipeline` to the output in `format` (the statement's FORMAT or the
/// default), with totals and statistics. `header` gives the output names and types.
void writeResult(StatementContext& sc, QueryPipeline& pipeline, const Block& header, const std::string& format);
/// Writes an in-memory result (SHOW, DESCRIBE, EXISTS, EXPLAIN).
void writeBlocks(StatementContext& sc, const Block& header, std::vector<Block> blocks, const std::string& format);
/// Runs a SELECT given as text within this statement (SHOW TABLES and friends).
void writeSelectText(StatementContext& sc, const std::string& select, const std::string& format);
/// SHOW CREATE TABLE text of a table in ClickHouse's layout (storage clauses from `create`).
std::string formatCreateQuery(const std::string& database, const std::string& table, const ColumnsDescription& columns,
                              const std::string& engine, const ASTCreateQuery& create, bool temporary);
/// The columns a CREATE statement declares (types, defaults, codecs), validated.
ColumnsDescription columnsFromDeclarations(StatementContext& sc, const ASTCreateQuery& create);
/// A block of String columns named `names` holding `rows` (SHOW, KILL QUERY results).
Block stringBlock(const std::vector<std::string>& names, const std::vector<std::vector<std::string>>& rows);
/// Resolves [db.]table to a storage (temporary tables first for unqualified names).
StoragePtr resolveTable(StatementContext& sc, const std::string& database, const std::string& table);

}  // namespace tally
