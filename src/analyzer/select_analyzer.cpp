// One SELECT: clause analysis and plan building.

#include "analyzer/select_analyzer.h"

#include <algorithm>
#include <regex>

#include "analyzer/literal_type.h"
#include "columns/column_const.h"
#include "common/exception.h"
#include "execution/expression_evaluator.h"
#include "parser/parser.h"

namespace tally {

namespace {
void columnNamesOf(const ExprPtr& e, std::set<std::string>& out) {
  if (e->kind == Expr::Kind::Column) out.insert(e->name);
  for (const auto& c : e->children) columnNamesOf(c, out);
}

void addUnique(Exprs& list, const ExprPtr& e) {
  for (const auto& x : list)
    if (x->name == e->name) return;
  list.push_back(e);
}
}  // namespace

SelectAnalyzer::SelectAnalyzer(QueryAnalyzer& owner, const ASTSelectQuery& select, const CteScope* ctes)
    : owner_(owner), context_(owner.context()), select_(select) {
  ctes_.parent = ctes;
}

Exprs SelectAnalyzer::resolveOver(QueryAnalyzer& owner, const Block& header, const ASTs& expressions) {
  static const ASTSelectQuery empty_select;
  SelectAnalyzer analyzer(owner, empty_select, nullptr);
  ScopeTable table;
  for (const auto& c : header) table.columns.push_back({c.name, c.name, c.type, true});
  analyzer.tables_.push_back(std::move(table));
  Exprs res;
  for (const auto& e : expressions) res.push_back(analyzer.resolve(e, Mode::Source));
  return res;
}

std::vector<ASTPtr> SelectAnalyzer::expandSelectList() {
  std::vector<ASTPtr> items;
  for (const auto& item : select_.select->as<ASTExpressionList>().children) {
    if (item->kind == ASTKind::Asterisk || item->kind == ASTKind::QualifiedAsterisk) {
      std::vector<std::string> except;
      std::vector<std::string> qualifier;
      if (item->kind == ASTKind::Asterisk) {
        except = item->as<ASTAsterisk>().except;
      } else {
        except = item->as<ASTQualifiedAsterisk>().except;
        qualifier = item->as<ASTQualifiedAsterisk>().qualifier;
      }
      bool any_table = false;
      for (const auto& t : tables_) {
        if (!qualifier.empty()) {
          std::string q;
          for (size_t i = 0; i < qualifier.size(); ++i) q += (i ? "." : "") + qualifier[i];
          if (q != t.alias && q != t.table && q != t.database + "." + t.table) continue;
        }
        any_table = true;
        for (const auto& c : t.columns) {
          if (!c.in_asterisk) continue;
          if (std::find(except.begin(), except.end(), c.name) != except.end()) continue;
          // For ARRAY JOIN, the asterisk shows the elements (the replaced column).
          auto id = std::make_shared<ASTIdentifier>(std::vector<std::string>{c.name});
          if (c.block_name != c.name) {
            // A renamed duplicate (b.x): refer to it qualified so it resolves to this table.
            id = std::make_shared<ASTIdentifier>(std::vector<std::string>{t.alias, c.name});
          }
          items.push_back(id);
        }
      }
      if (!qualifier.empty() && !any_table)
        throw Exception(ErrorCodes::UNKNOWN_IDENTIFIER, "Unknown table in qualified asterisk: {}", formatAST(*item));
      continue;
    }
    if (item->kind == ASTKind::ColumnsMatcher) {
      const auto& m = item->as<ASTColumnsMatcher>();
      if (!m.regexp.empty()) {
        std::regex re(m.regexp);
        for (const auto& t : tables_)
          for (const auto& c : t.columns)
            if (c.in_asterisk && std::regex_search(c.name, re))
              items.push_back(std::make_shared<ASTIdentifier>(std::vector<std::string>{c.name}));
      } else {
        for (const auto& n : m.columns) items.push_back(std::make_shared<ASTIdentifier>(std::vector<std::string>{n}));
      }
      continue;
    }
    items.push_back(item);
  }
  if (items.empty()) throw Exception(ErrorCodes::EMPTY_LIST_OF_COLUMNS_QUERIED, "Empty list of columns in SELECT query");
  return items;
}

uint64_t SelectAnalyzer::constantUInt(const ASTPtr& ast, const char* what) {
  ExprPtr e = resolve(ast, Mode::Source);
  if (!e->isConstant())
    throw Exception(ErrorCodes::INVALID_LIMIT_EXPRESSION, "The value {} of {} expression is not representable as UInt64",
                    e->name, what);
  Field v = static_cast<const ColumnConst&>(*e->constant).getField();
  if (v.which() == Field::Which::Int64 && v.get<int64_t>() < 0)
    throw Exception(ErrorCodes::INVALID_LIMIT_EXPRESSION, "The value {} of {} expression is not representable as UInt64",
                    v.get<int64_t>(), what);
  if (v.which() != Field::Which::UInt64 && v.which() != Field::Which::Int64)
    throw Exception(ErrorCodes::INVALID_LIMIT_EXPRESSION, "Illegal type {} of {} expression, must be an integer",
                    e->type->name(), what);
  return v.as<uint64_t>();
}

ExprPtr SelectAnalyzer::resolveOrderByExpression(const ASTPtr& ast, Mode mode, const std::vector<ASTPtr>& select_list) {
  // ORDER BY 2: the second select item (positional arguments).
  if (context_.settings().enable_positional_arguments && ast->kind == ASTKind::Literal &&
      ast->as<ASTLiteral>().value.which() == Field::Which::UInt64) {
    uint64_t pos = ast->as<ASTLiteral>().value.get<uint64_t>();
    if (pos < 1 || pos > select_list.size())
      throw Exception(ErrorCodes::BAD_ARGUMENTS, "Positional argument out of bounds: {} (expected in range [1, {}])",
                      pos, select_list.size());
    ASTPtr item = select_list[pos - 1]->clone();
    item->alias.clear();
    return resolve(item, mode);
  }
  return resolve(ast, mode);
}

PlanStepPtr SelectAnalyzer::analyze(QueryPlan& plan) {
  // WITH: CTEs and scalar aliases.
  if (select_.with) {
    for (const auto& item : select_.with->as<ASTExpressionList>().children) {
      if (item->kind == ASTKind::Subquery && item->as<ASTSubquery>().is_cte) {
        // `name AS (SELECT ...)` is a CTE (a table); `(SELECT ...) AS name` is a scalar.
        ctes_.ctes[item->alias] = item;
        continue;
      }
      collectAliases(item);
    }
  }
  // Aliases of every clause.
  collectAliases(select_.select);
  for (const ASTPtr* clause : {&select_.where, &select_.prewhere, &select_.group_by, &select_.having, &select_.order_by,
                               &select_.limit_by, &select_.qualify})
    collectAliases(*clause);

  analyzeFrom();

  std::vector<ASTPtr> select_list = expandSelectList();

  // Aggregation is present if anything aggregates or GROUP BY is given.
  has_aggregation_ = select_.group_by != nullptr || select_.group_by_all;
  for (const auto& item : select_list) has_aggregation_ = has_aggregation_ || containsAggregates(item);
  if (select_.having) has_aggregation_ = true;
  if (select_.order_by)
    for (const auto& o : select_.order_by->as<ASTExpressionList>().children)
      has_aggregation_ = has_aggregation_ || containsAggregates(o->as<ASTOrderByElement>().expression);
  Mode final_mode = has_aggregation_ ? Mode::PostAggregation : Mode::PostAggregation;

  // WHERE / PREWHERE (over the FROM block, after ARRAY JOIN).
  ExprPtr where;
  for (const ASTPtr* clause : {&select_.prewhere, &select_.where}) {
    if (!*clause) continue;
    ExprPtr e = resolve(*clause, Mode::Source);
    where = where ? makeFunctionExpr("and", {where, e}) : e;
  }

  // GROUP BY keys.
  if (select_.group_by_all) {
    for (const auto& item : select_list)
      if (!containsAggregates(item) && !containsWindowFunctions(item)) {
        ExprPtr k = resolve(item, Mode::Source);
        if (!k->isConstant()) addUnique(keys_, k);
      }
  } else if (select_.group_by) {
    for (const auto& k : select_.group_by->as<ASTExpressionList>().children) {
      ExprPtr key = resolveOrderByExpression(k, Mode::Source, select_list);
      if (key->isConstant()) continue;  // constant keys do not split groups
      addUnique(keys_, key);
    }
  }
  if (select_.group_by_with_rollup || select_.group_by_with_cube)
    throw Exception(ErrorCodes::NOT_IMPLEMENTED, "GROUP BY WITH ROLLUP / CUBE is not supported");
  for (const auto& k : keys_) key_names_.insert(k->name);

  // SELECT list, ORDER BY, LIMIT BY, HAVING (aggregates allowed).
  Exprs select_exprs;
  std::vector<std::string> output_names;
  for (const auto& item : select_list) {
    select_exprs.push_back(resolve(item, final_mode));
    output_names.push_back(item->alias.empty() ? select_exprs.back()->name : item->alias);
  }
  ExprPtr having;
  if (select_.having) having = resolve(select_.having, final_mode);
  SortDescription order;
  Exprs order_exprs;
  if (select_.order_by) {
    for (const auto& o : select_.order_by->as<ASTExpressionList>().children) {
      const auto& elem = o->as<ASTOrderByElement>();
      ExprPtr e = resolveOrderByExpression(elem.expression, final_mode, select_list);
      order_exprs.push_back(e);
      order.push_back({e->name, elem.direction, elem.nulls_direction});
    }
  }
  Exprs limit_by_exprs;
  if (select_.limit_by)
    for (const auto& e : select_.limit_by->as<ASTExpressionList>().children)
      limit_by_exprs.push_back(resolveOrderByExpression(e, final_mode, select_list));

  // Rewrite for after aggregation.
  if (has_aggregation_) {
    std::map<const Expr*, ExprPtr> memo;
    for (auto& e : select_exprs) e = postAggregation(e, memo);
    for (auto& e : order_exprs) e = postAggregation(e, memo);
    for (auto& e : limit_by_exprs) e = postAggregation(e, memo);
    if (having) having = postAggregation(having, memo);
    for (auto& e : window_inputs_) e = postAggregation(e, memo);
  }

  // ---- Plan ----
  // Columns of the FROM block that any stage reads.
  std::set<std::string> required;
  auto need = [&](const ExprPtr& e) { columnNamesOf(e, required); };
  for (const auto& a : array_joins_) need(a.array);
  for (const auto& a : function_array_joins_) need(a.array);
  if (has_aggregation_) {
    for (const auto& k : keys_) need(k);
    for (const auto& a : aggregate_arguments_) need(a);
  } else {
    for (const auto& e : select_exprs) need(e);
    for (const auto& e : order_exprs) need(e);
    for (const auto& e : limit_by_exprs) need(e);
    for (const auto& e : window_inputs_) need(e);
  }
  // The filter passes on only what later stages read (not the columns only it reads), or just
  // row counts when that is nothing (SELECT count() ... WHERE ...).
  std::vector<std::string> after_where(required.begin(), required.end());
  if (where) need(where);
  // Names produced by ARRAY JOIN are not FROM columns (except replaced arrays).
  for (const auto* list : {&array_joins_, &function_array_joins_})
    for (const auto& a : *list)
      if (!(a.array->kind == Expr::Kind::Column && a.array->name == a.result_name)) required.erase(a.result_name);

  // The filter can skip data of the table it reads when nothing between them changes rows.
  bool filter_reaches_storage = array_joins_.empty() && function_array_joins_.empty();
  // SELECT count() FROM table (no WHERE, no keys): the storage's row count, without reading.
  trivial_count_ = has_aggregation_ && keys_.empty() && !where && required.empty() && joins_.empty() &&
                   array_joins_.empty() && function_array_joins_.empty() && !aggregates_.empty();
  for (const auto& a : aggregates_)
    if (a.function->getName() != "count" || !a.arguments.empty()) trivial_count_ = false;
  // SELECT min(c), max(d) FROM table: each column's smallest and largest stored value, from the
  // storage's statistics, are the rows aggregated (two per column give the same answers).
  trivial_min_max_ = has_aggregation_ && keys_.empty() && !where && joins_.empty() && array_joins_.empty() &&
                     function_array_joins_.empty() && !aggregates_.empty();
  for (const auto& a : aggregates_) {
    const std::string fn = a.function->getName();
    if ((fn != "min" && fn != "max") || a.arguments.size() != 1) trivial_min_max_ = false;
  }
  for (const auto& e : aggregate_arguments_)
    if (e->kind != Expr::Kind::Column) trivial_min_max_ = false;
  PlanStepPtr step = buildFromPlan(required, filter_reaches_storage ? where : nullptr);

  // ARRAY JOIN: the clause (its arrays zipped), then the arrayJoin() calls.
  if (!array_joins_.empty()) {
    Exprs arrays;
    std::vector<ArrayJoinColumn> columns;
    for (const auto& a : array_joins_) {
      if (a.array->kind != Expr::Kind::Column) addUnique(arrays, a.array);
      columns.push_back({a.array->name, a.result_name});
    }
    if (!arrays.empty()) {
      auto evaluator = std::make_shared<ExpressionEvaluator>(step->header(), arrays, true);
      step = std::make_unique<ExpressionStep>(std::move(step), evaluator, "Before ARRAY JOIN");
    }
    step = std::make_unique<ArrayJoinStep>(std::move(step), columns, left_array_join_);  // zipped arrays
  }
  // Each arrayJoin() call multiplies the rows (several give their Cartesian product), its array
  // computed after the joins before it, which it may use.
  for (const auto& a : function_array_joins_) {
    if (a.array->kind != Expr::Kind::Column) {
      auto evaluator = std::make_shared<ExpressionEvaluator>(step->header(), Exprs{a.array}, true);
      step = std::make_unique<ExpressionStep>(std::move(step), evaluator, "Before ARRAY JOIN");
    }
    step = std::make_unique<ArrayJoinStep>(std::move(step), std::vector<ArrayJoinColumn>{{a.array->name, a.result_name}}, false);
  }

  if (where) {
    auto evaluator = std::make_shared<ExpressionEvaluator>(step->header(), Exprs{where}, true);
    if (!after_where.empty()) after_where.push_back(where->name);  // reused when a later stage computes it
    step = std::make_unique<FilterStep>(std::move(step), evaluator, where->name, false, "WHERE", std::move(after_where));
  }

  if (has_aggregation_) {
    Exprs before;
    for (const auto& k : keys_) addUnique(before, k);
    for (const auto& a : aggregate_arguments_) addUnique(before, a);
    if (before.empty()) {
      // Nothing to compute; the aggregation only counts rows.
    }
    auto evaluator = std::make_shared<ExpressionEvaluator>(step->header(), before, false);
    step = std::make_unique<ExpressionStep>(std::move(step), evaluator, "Before GROUP BY");
    AggregationParams params;
    for (const auto& k : keys_) params.keys.push_back(k->name);
    params.aggregates = aggregates_;
    params.with_totals = select_.group_by_with_totals;
    if (params.with_totals) plan.totals = std::make_shared<TotalsHolder>();
    step = std::make_unique<AggregatingStep>(std::move(step), std::move(params), plan.totals);
    if (having) {
      auto evaluator = std::make_shared<ExpressionEvaluator>(step->header(), Exprs{having}, true);
      step = std::make_unique<FilterStep>(std::move(step), evaluator, having->name, false, "HAVING");
    }
  } else if (having) {
    throw Exception(ErrorCodes::ILLEGAL_AGGREGATION, "HAVING clause without aggregation");
  }

  if (!windows_.empty()) {
    auto evaluator = std::make_shared<ExpressionEvaluator>(step->header(), window_inputs_, true);
    step = std::make_unique<ExpressionStep>(std::move(step), evaluator, "Before WINDOW");
    step = std::make_unique<WindowStep>(std::move(step), windows_);
  }

  // Final expressions: select list, ORDER BY and LIMIT BY keys.
  Exprs final_exprs;
  for (const auto& e : select_exprs) addUnique(final_exprs, e);
  for (const auto& e : order_exprs) addUnique(final_exprs, e);
  for (const auto& e : limit_by_exprs) addUnique(final_exprs, e);
  auto final_evaluator = std::make_shared<ExpressionEvaluator>(step->header(), final_exprs, false);
  step = std::make_unique<ExpressionStep>(std::move(step), final_evaluator, "Before ORDER BY");
  if (plan.totals) {
    plan.totals_expression = final_evaluator;
    for (const auto& e : select_exprs) plan.totals_sources.push_back(e->name);
  }

  if (select_.distinct) {
    std::vector<std::string> cols;
    for (const auto& e : select_exprs)
      if (std::find(cols.begin(), cols.end(), e->name) == cols.end()) cols.push_back(e->name);
    step = std::make_unique<DistinctStep>(std::move(step), cols);
  }

  uint64_t limit = 0, offset = 0;
  bool has_limit = select_.limit_length != nullptr;
  if (select_.limit_length) limit = constantUInt(select_.limit_length, "LIMIT");
  if (select_.limit_offset) offset = constantUInt(select_.limit_offset, "OFFSET");
  if (select_.limit_offset && !select_.limit_length) {
    has_limit = true;
    limit = UINT64_MAX - offset;
  }

  if (!order.empty()) {
    uint64_t sort_limit = (has_limit && !select_.limit_by && !select_.distinct && limit < UINT64_MAX / 2) ? limit + offset : 0;
    step = std::make_unique<SortingStep>(std::move(step), order, sort_limit);
  }
  if (select_.limit_by) {
    uint64_t by_limit = constantUInt(select_.limit_by_length, "LIMIT BY");
    uint64_t by_offset = select_.limit_by_offset ? constantUInt(select_.limit_by_offset, "LIMIT BY OFFSET") : 0;
    std::vector<std::string> cols;
    for (const auto& e : limit_by_exprs) cols.push_back(e->name);
    step = std::make_unique<LimitByStep>(std::move(step), cols, by_limit, by_offset);
  }
  if (has_limit) {
    step = std::make_unique<LimitStep>(std::move(step), limit, offset, !order.empty());
    plan.has_limit = true;
  }

  // Projection to the output names.
  std::vector<std::string> sources;
  Block header;
  for (size_t i = 0; i < select_exprs.size(); ++i) {
    sources.push_back(select_exprs[i]->name);
    header.insert({nullptr, select_exprs[i]->type, output_names[i]});
  }
  return std::make_unique<ProjectionStep>(std::move(step), sources, header);
}

}  // namespace tally
