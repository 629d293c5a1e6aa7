#include "interpreters/view_preaggregation.h"

#include <algorithm>
#include <cctype>

#include "analyzer/ast_children.h"
#include "functions/aggregate/aggregate_function_factory.h"
#include "functions/function_factory.h"
#include "parser/format_helpers.h"
#include "parser/parser.h"

namespace tally {

namespace {

std::string lower(std::string s) {
  std::transform(s.begin(), s.end(), s.begin(), [](unsigned char c) { return char(std::tolower(c)); });
  return s;
}

bool isCount(const ASTFunction& f) {
  return lower(f.name) == "count" && f.args().empty() && !f.parameters;
}

/// Aggregates whose result over collapsed rows equals their result over the rows (besides count).
bool ignoresDuplicates(const ASTFunction& f) {
  static const std::set<std::string> kCaseInsensitive = {"min", "max", "any"};
  static const std::set<std::string> kExact = {"minSimpleState", "maxSimpleState", "anySimpleState", "uniqExact"};
  if (f.parameters) return false;
  return kCaseInsensitive.count(lower(f.name)) || kExact.count(f.name);
}

/// Checks every node under `ast`; collects the source columns read. False when any node rules
/// the rewrite out.
class Checker {
 public:
  Checker(const std::set<std::string>& source_columns, const std::set<std::string>& aliases, const FunctionContext& context)
      : source_columns_(source_columns), aliases_(aliases), context_(context) {}

  bool check(const ASTPtr& ast) {
    if (!ast) return true;
    switch (ast->kind) {
      case ASTKind::Literal: return true;
      case ASTKind::Identifier: {
        const auto& id = ast->as<ASTIdentifier>();
        if (id.compound() || !id.parameter_name.empty()) return false;
        if (source_columns_.count(id.name())) {
          read_.insert(id.name());
          return true;
        }
        return aliases_.count(id.name()) > 0;
      }
      case ASTKind::Function: {
        const auto& f = ast->as<ASTFunction>();
        if (f.is_window_function) return false;
        if (AggregateFunctionFactory::instance().isAggregateFunctionName(f.name)) {
          if (!isCount(f) && !ignoresDuplicates(f)) return false;
          aggregates_ = true;
        } else {
          if (!FunctionFactory::instance().has(f.name)) return false;  // lambda, special forms
          FunctionPtr function = FunctionFactory::instance().get(f.name, context_);
          if (!function->isDeterministic() || !function->isDeterministicInScopeOfQuery()) return false;
        }
        break;
      }
      case ASTKind::ExpressionList:
      case ASTKind::OrderByElement: break;
      default: return false;  // asterisks, subqueries, parameters, windows, ...
    }
    bool ok = true;
    forEachChild(*ast, [&](ASTPtr& child) { ok = ok && check(child); });
    return ok;
  }

  const std::set<std::string>& read() const { return read_; }
  bool sawAggregate() const { return aggregates_; }

 private:
  const std::set<std::string>& source_columns_;
  const std::set<std::string>& aliases_;
  const FunctionContext& context_;
  std::set<std::string> read_;
  bool aggregates_ = false;
};

/// Replaces count() by sum(__tally_collapsed_rows) everywhere under `slot`.
void replaceCounts(ASTPtr& slot) {
  if (!slot) return;
  if (slot->kind == ASTKind::Function && isCount(slot->as<ASTFunction>())) {
    auto sum = std::make_shared<ASTFunction>("sum", ASTs{std::make_shared<ASTIdentifier>(std::vector<std::string>{kCollapsedRowsColumn})});
    sum->alias = slot->alias;
    slot = sum;
    return;
  }
  forEachChild(*slot, [](ASTPtr& child) { replaceCounts(child); });
}

/// The single SELECT of a view's query, or null.
const ASTSelectQuery* singleSelect(const ASTPtr& query) {
  if (!query) return nullptr;
  if (query->kind == ASTKind::SelectQuery) return &query->as<ASTSelectQuery>();
  if (query->kind != ASTKind::SelectWithUnionQuery) return nullptr;
  const auto& u = query->as<ASTSelectWithUnionQuery>();
  if (u.selects.size() != 1 || u.settings || !u.format.empty()) return nullptr;
  return singleSelect(u.selects[0]);
}

/// One plain table in FROM (no table function, subquery, join or array join).
bool readsOneTable(const ASTSelectQuery& s) {
  if (!s.tables || s.tables->kind != ASTKind::TablesInSelectQuery) return false;
  const auto& elements = s.tables->as<ASTTablesInSelectQuery>().elements;
  if (elements.size() != 1) return false;
  const auto& e = elements[0]->as<ASTTablesInSelectQueryElement>();
  if (e.table_join || e.array_join || !e.table_expression) return false;
  const auto& t = e.table_expression->as<ASTTableExpression>();
  return !t.table.empty() && !t.table_function && !t.subquery && !t.sample && !t.final && t.parameter_name.empty();
}

}  // namespace

ASTPtr rewriteForCollapsedRows(const ASTPtr& query, const std::set<std::string>& source_columns,
                               const FunctionContext& context, std::set<std::string>& read_columns) {
  const ASTSelectQuery* s = singleSelect(query);
  if (!s || source_columns.count(kCollapsedRowsColumn)) return nullptr;
  if (s->distinct || s->group_by_all || s->group_by_with_totals || s->group_by_with_rollup || s->group_by_with_cube ||
      s->limit_with_ties || s->with || s->prewhere || s->window || s->qualify || s->limit_by_length || s->limit_by ||
      s->limit_offset || s->limit_length || s->settings || !s->select || !readsOneTable(*s))
    return nullptr;
  std::set<std::string> aliases;
  for (const auto& item : s->select->as<ASTExpressionList>().children) {
    if (item->kind == ASTKind::Asterisk || item->kind == ASTKind::QualifiedAsterisk || item->kind == ASTKind::ColumnsMatcher)
      return nullptr;
    if (!item->alias.empty()) aliases.insert(item->alias);
  }
  Checker checker(source_columns, aliases, context);
  for (const ASTPtr* clause : {&s->select, &s->where, &s->group_by, &s->having, &s->order_by})
    if (!checker.check(*clause)) return nullptr;
  if (!checker.sawAggregate()) return nullptr;

  ASTPtr rewritten = s->clone();
  auto& r = rewritten->as<ASTSelectQuery>();
  for (auto& item : r.select->as<ASTExpressionList>().children)
    if (item->alias.empty()) item->alias = formatColumnName(*item);
  for (ASTPtr* clause : {&r.select, &r.where, &r.group_by, &r.having, &r.order_by}) replaceCounts(*clause);
  read_columns.insert(checker.read().begin(), checker.read().end());
  return rewritten;
}

ASTPtr collapseQuery(const std::string& database, const std::string& table, const std::vector<std::string>& columns) {
  std::string list;
  for (const auto& c : columns) list += (list.empty() ? "" : ", ") + backQuote(c);
  std::string sql = "SELECT " + list + (list.empty() ? "" : ", ") + "count() AS " + backQuote(kCollapsedRowsColumn) +
                    " FROM " + backQuote(database) + "." + backQuote(table);
  if (!list.empty()) sql += " GROUP BY " + list;
  return parseQuery(sql);
}

}  // namespace tally
