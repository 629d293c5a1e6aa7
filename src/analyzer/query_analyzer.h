#pragma once
// QueryAnalyzer: SELECT statements (with UNION, WITH/CTEs, subqueries) -> QueryPlan.
//
// Name resolution follows ClickHouse: aliases defined anywhere in a SELECT are usable
// everywhere in it (an alias refers to its expression; a self-reference falls back to the
// column), qualified names (t.x, db.t.x) resolve against FROM, compound names fall back to
// tuple elements. Expressions are named as ClickHouse names columns (plus(x, 1), count(),
// sum(x) after alias substitution). Scalar and IN subqueries run during analysis; their
// results become constants.

#include <map>
#include <memory>
#include <string>

#include "analyzer/analyzer_context.h"
#include "parser/ast.h"
#include "planner/query_plan.h"

namespace tally {

/// Common table expressions visible to a query (WITH name AS (subquery)), chained to the
/// enclosing query's.
struct CteScope {
  std::map<std::string, ASTPtr> ctes;  // name -> ASTSubquery
  const CteScope* parent = nullptr;
  const ASTPtr* find(const std::string& name) const {
    auto it = ctes.find(name);
    if (it != ctes.end()) return &it->second;
    return parent ? parent->find(name) : nullptr;
  }
};

class QueryAnalyzer {
 public:
  explicit QueryAnalyzer(AnalyzerContext& context) : context_(context) {}

  /// Plan of a SELECT (ASTSelectWithUnionQuery or ASTSelectQuery).
  QueryPlan analyze(const ASTPtr& query, const CteScope* ctes = nullptr);

  /// Runs a query to completion and returns all its rows as one block.
  Block execute(const ASTPtr& query, const CteScope* ctes = nullptr);

  /// Resolves expressions over the columns of `header` (for column DEFAULTs and the like).
  Exprs resolveExpressions(const Block& header, const ASTs& expressions);

  AnalyzerContext& context() { return context_; }

 private:
  PlanStepPtr analyzeUnion(const ASTPtr& query, const CteScope* ctes, QueryPlan& plan);

  AnalyzerContext& context_;
};

/// Replaces {name:Type} parameters in `ast` (in place) with literals of the declared type, or
/// identifiers for the Identifier type. Throws UNKNOWN_QUERY_PARAMETER (456) / BAD_QUERY_PARAMETER (457).
void substituteQueryParameters(ASTPtr& ast, const std::map<std::string, std::string>& parameters);

}  // namespace tally
