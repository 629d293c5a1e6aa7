#include "interpreters/values_expressions.h"

#include <mutex>
#include <string>

#include "common/exception.h"
#include "formats/values_input.h"
#include "interpreters/engine.h"
#include "interpreters/execute_query.h"

namespace tally {

namespace {

thread_local Session* current_session = nullptr;

Field evaluate(std::string_view expression, const DataTypePtr& type) {
  Session* outer = current_session;
  if (!outer)
    throw Exception(ErrorCodes::SYNTAX_ERROR, "Cannot evaluate the expression {} in VALUES outside a query", expression);
  // A session of its own (the outer one is in the middle of its INSERT), with the same state.
  Session session(outer->enginePtr());
  session.settings = outer->effectiveSettings();
  session.current_database = outer->current_database;
  session.user = outer->user;
  session.query_parameters = outer->query_parameters;
  std::string query = "SELECT CAST((" + std::string(expression) + ") AS " + type->name() + ")";
  auto stream = executeQueryForBlocks(session, query, {});
  Block block;
  while (stream->next(block))
    if (block.rows() > 0 && block.columns() == 1) return (*block.at(0).column)[0];
  throw Exception(ErrorCodes::LOGICAL_ERROR, "The expression {} in VALUES gave no value", expression);
}

}  // namespace

void installValuesExpressionEvaluator() {
  static std::once_flag once;
  std::call_once(once, [] { setValuesExpressionEvaluator(evaluate); });
}

ValuesExpressionSessionScope::ValuesExpressionSessionScope(Session& session) : previous_(current_session) {
  current_session = &session;
}

ValuesExpressionSessionScope::~ValuesExpressionSessionScope() { current_session = previous_; }

}  // namespace tally
