#pragma once
// Expressions in INSERT ... VALUES (`(now(), 1 + 2, concat('a', 'b'))`): the Values input
// format hands a field that is not a literal to an evaluator; this one runs it as
// `SELECT CAST((expression) AS Type)` in a session like the one running the INSERT.

namespace tally {

class Session;

/// Installs the evaluator into the Values format (idempotent; called when an Engine starts).
void installValuesExpressionEvaluator();

/// While alive, VALUES expressions on this thread are evaluated for `session` (its settings,
/// current database and parameters). Nests; restores the previous session on destruction.
class ValuesExpressionSessionScope {
 public:
  explicit ValuesExpressionSessionScope(Session& session);
  ~ValuesExpressionSessionScope();
  ValuesExpressionSessionScope(const ValuesExpressionSessionScope&) = delete;
  ValuesExpressionSessionScope& operator=(const ValuesExpressionSessionScope&) = delete;

 private:
  Session* previous_;
};

}  // namespace tally
