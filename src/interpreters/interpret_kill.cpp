// KILL QUERY WHERE <condition> [SYNC | ASYNC | TEST]: cancels the running queries of
// system.processes matching the condition (never the KILL statement itself) and returns one row
// per query: kill_status ('waiting' for ASYNC, 'finished' once a SYNC kill saw it end, 'pending'
// with TEST, which cancels nothing), query_id, user, query.

#include <chrono>
#include <thread>

#include "analyzer/query_analyzer.h"
#include "common/exception.h"
#include "interpreters/interpreters.h"
#include "parser/format_helpers.h"
#include "parser/parser.h"

namespace tally {

void interpretKill(StatementContext& sc, const ASTPtr& ast) {
  const auto& kill = ast->as<ASTKillQuery>();
  if (kill.mutation) throw Exception(ErrorCodes::NOT_IMPLEMENTED, "KILL MUTATION is not supported: tally has no mutations yet");

  // The matching queries, by running the condition over system.processes.
  std::string select = "SELECT query_id, user, query FROM system.processes WHERE (" +
                       (kill.where ? formatAST(*kill.where) : std::string("1")) + ") AND query_id != " +
                       quoteString(sc.context.query_id);
  AnalyzerContext actx = makeAnalyzerContext(sc);
  QueryAnalyzer analyzer(actx);
  QueryPlan plan = analyzer.analyze(parseQuery(select));
  QueryPipeline pipeline = plan.build(sc.context);
  std::vector<std::vector<std::string>> rows;
  Block block;
  while (pipeline.stream->read(block)) {
    for (size_t r = 0; r < block.rows(); ++r)
      rows.push_back({std::string(), std::string(block.at(0).column->getDataAt(r)),
                      std::string(block.at(1).column->getDataAt(r)), std::string(block.at(2).column->getDataAt(r))});
  }

  ProcessList& processes = sc.session.engine().processes();
  for (auto& row : rows) {
    if (kill.test) {
      row[0] = "pending";
      continue;
    }
    processes.cancel(row[1]);
    row[0] = "waiting";
  }
  if (kill.sync && !kill.test) {
    for (auto& row : rows) {
      while (processes.contains(row[1])) {
        sc.context.checkAlive();
        std::this_thread::sleep_for(std::chrono::milliseconds(10));
      }
      row[0] = "finished";
    }
  }
  std::vector<std::string> names = {"kill_status", "query_id", "user", "query"};
  std::vector<Block> blocks;
  if (!rows.empty()) blocks.push_back(stringBlock(names, rows));
  writeBlocks(sc, stringBlock(names, {}), std::move(blocks), kill.format);
}

}  // namespace tally
