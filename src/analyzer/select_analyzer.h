#pragma once
// SelectAnalyzer: one SELECT (no UNION) -> plan steps. Internal to the analyzer; the class is
// split across select_analyzer.cpp (FROM, clauses, plan building), expression_resolver.cpp
// (AST -> Expr) and from_analyzer.cpp (tables, joins, ARRAY JOIN).

#include <map>
#include <set>
#include <string>
#include <vector>

#include "analyzer/query_analyzer.h"
#include "execution/expression.h"

namespace tally {

/// A column visible in FROM: how users name it and where it is in the FROM block.
struct ScopeColumn {
  std::string name;
  std::string block_name;
  DataTypePtr type;
  bool in_asterisk = true;
};

struct ScopeTable {
  std::string alias;  // explicit alias, else the table name ("" for an unaliased subquery)
  std::string database, table;
  std::vector<ScopeColumn> columns;
};

/// One array of an ARRAY JOIN: the array expression, and the column its elements become.
struct ArrayJoinEntry {
  ExprPtr array;            // over the FROM block
  std::string result_name;  // block name of the elements
  std::string user_name;    // how the query names the elements (alias, or the array's name)
  DataTypePtr element_type;
};

class SelectAnalyzer {
 public:
  SelectAnalyzer(QueryAnalyzer& owner, const ASTSelectQuery& select, const CteScope* ctes);

  /// Builds the plan; `header_names` receive the output column names.
  PlanStepPtr analyze(QueryPlan& plan);

  /// Resolves standalone expressions (column DEFAULTs, ...) over the columns of `header`.
  static Exprs resolveOver(QueryAnalyzer& owner, const Block& header, const ASTs& expressions);

  // ---- used by the expression resolver ----
  enum class Mode { Source, PostAggregation };
  /// Mode::Source: aggregates are illegal (WHERE, GROUP BY); Mode::PostAggregation: they are
  /// allowed and become references to aggregate results (SELECT, HAVING, ORDER BY).
  ExprPtr resolve(const ASTPtr& ast, Mode mode);
  /// Rewrites an expression resolved over the FROM block for use after aggregation: grouping
  /// keys and aggregates become column references; other columns are an error (NOT_AN_AGGREGATE).
  ExprPtr postAggregation(const ExprPtr& expr, std::map<const Expr*, ExprPtr>& memo);

 private:
  // from_analyzer.cpp
  void analyzeFrom();
  /// `filter`: the WHERE/PREWHERE expression, offered to a single table's read for data skipping.
  PlanStepPtr buildFromPlan(const std::set<std::string>& required_block_names, const ExprPtr& filter);
  PlanStepPtr tableExpressionPlan(const ASTTableExpression& table, ScopeTable& scope_table,
                                  std::vector<std::string>* storage_columns);
  void analyzeArrayJoin(const ASTArrayJoin& array_join);

  // expression_resolver.cpp
  ExprPtr resolveImpl(const ASTPtr& ast, Mode mode);
  ExprPtr resolveUnaliased(const ASTPtr& ast, Mode mode);
  ExprPtr resolveTupleElementPath(const ASTIdentifier& id, Mode mode);
  ExprPtr resolveIdentifier(const ASTIdentifier& id, Mode mode);
  ExprPtr resolveColumn(const std::vector<std::string>& parts, Mode mode, bool& found);
  ExprPtr resolveFunction(const ASTFunction& f, Mode mode);
  ExprPtr resolveAggregate(const ASTFunction& f, Mode mode);
  ExprPtr resolveWindowFunction(const ASTFunction& f, Mode mode);
  ExprPtr resolveIn(const ASTFunction& f, Mode mode);
  ExprPtr resolveHigherOrder(const ASTFunction& f, const FunctionPtr& function, Mode mode);
  ExprPtr resolveLambda(const ASTFunction& lambda, const DataTypes& param_types, Mode mode);
  ExprPtr resolveArrayJoinFunction(const ASTFunction& f, Mode mode);
  ExprPtr resolveScalarSubquery(const ASTSubquery& subquery);
  ExprPtr resolveLiteral(const ASTLiteral& literal);
  ExprPtr makeFunctionExpr(const std::string& name, Exprs args);
  ExprPtr castExpr(const ExprPtr& expr, const DataTypePtr& type);
  Block executeSubquery(const ASTPtr& query);
  bool isAggregateCall(const ASTFunction& f) const;
  bool containsAggregates(const ASTPtr& ast) const;
  bool containsWindowFunctions(const ASTPtr& ast) const;
  void collectAliases(const ASTPtr& ast);
  std::string queryText() const;

  // select_analyzer.cpp helpers
  std::vector<ASTPtr> expandSelectList();
  uint64_t constantUInt(const ASTPtr& ast, const char* what);
  ExprPtr resolveOrderByExpression(const ASTPtr& ast, Mode mode, const std::vector<ASTPtr>& select_list);

  QueryAnalyzer& owner_;
  AnalyzerContext& context_;
  const ASTSelectQuery& select_;
  CteScope ctes_;

  // FROM
  std::vector<ScopeTable> tables_;
  std::vector<ArrayJoinEntry> array_joins_;
  bool left_array_join_ = false;
  struct JoinSpec;
  std::shared_ptr<JoinSpec> join_;  // at most one JOIN level per FROM element chain (see from_analyzer.cpp)
  std::vector<std::shared_ptr<JoinSpec>> joins_;
  // Builders of the table sources, run after resolution knows the required columns.
  struct SourceBuilder;
  std::vector<std::shared_ptr<SourceBuilder>> sources_;

  // Aliases of the whole SELECT (name -> expression AST) and the ones being expanded.
  std::map<std::string, ASTPtr> aliases_;
  std::set<std::string> expanding_;
  // Lambda parameters in scope (innermost last).
  std::vector<std::pair<std::string, DataTypePtr>> lambda_params_;

  // Aggregation
  bool has_aggregation_ = false;
  bool trivial_count_ = false;  // only count() over one table's rows: no data needs reading
  bool trivial_min_max_ = false;  // only min(column)/max(column) over one table: from statistics
  Exprs keys_;
  std::set<std::string> key_names_;
  std::vector<AggregateDescription> aggregates_;
  std::map<std::string, DataTypePtr> aggregate_types_;
  Exprs aggregate_arguments_;  // pre-aggregation expressions the aggregates read
  int aggregate_depth_ = 0;

  // Windows
  std::vector<WindowDescription> windows_;
  Exprs window_inputs_;  // expressions the windows read (computed before the window step)
  std::set<std::string> window_names_;

  // Expressions of arrayJoin() calls
  std::vector<ArrayJoinEntry> function_array_joins_;

  // Caches of resolved expressions by name, per mode (disabled inside lambdas).
  std::map<std::string, ExprPtr> cache_[2];
  int scalar_subquery_counter_ = 0;
};

}  // namespace tally
