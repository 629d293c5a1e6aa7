// AST -> Expr: names, functions, aggregates, windows, lambdas, IN and subqueries.

#include <algorithm>

#include "analyzer/in_set.h"
#include "analyzer/literal_type.h"
#include "analyzer/select_analyzer.h"
#include "columns/column_const.h"
#include "common/exception.h"
#include "execution/block_stream.h"
#include "execution/operators/window_stream.h"
#include "functions/aggregate/aggregate_function_factory.h"
#include "functions/conversion/cast.h"
#include "functions/function_factory.h"
#include "parser/parser.h"
#include "types/data_type_array.h"
#include "types/data_type_factory.h"
#include "types/data_type_misc.h"
#include "types/data_type_nullable.h"
#include "types/data_type_number.h"
#include "types/data_type_string.h"
#include "types/least_supertype.h"

namespace tally {

namespace {

std::string joinNames(const Exprs& exprs) {
  std::string s;
  for (size_t i = 0; i < exprs.size(); ++i) {
    if (i) s += ", ";
    s += exprs[i]->name;
  }
  return s;
}

bool isLambda(const ASTPtr& ast) {
  return ast->kind == ASTKind::Function && ast->as<ASTFunction>().name == "lambda";
}

}  // namespace

std::string SelectAnalyzer::queryText() const { return formatAST(select_); }

ExprPtr SelectAnalyzer::resolve(const ASTPtr& ast, Mode mode) { return resolveImpl(ast, mode); }

ExprPtr SelectAnalyzer::postAggregation(const ExprPtr& expr, std::map<const Expr*, ExprPtr>& memo) {
  if (auto it = memo.find(expr.get()); it != memo.end()) return it->second;
  ExprPtr res;
  if (expr->isConstant() || expr->kind == Expr::Kind::LambdaParam) {
    res = expr;
  } else if (key_names_.count(expr->name)) {
    res = Expr::makeColumn(expr->name, expr->type);
  } else if (expr->kind == Expr::Kind::Column) {
    if (aggregate_types_.count(expr->name) || window_names_.count(expr->name)) {
      res = expr;
    } else {
      std::string user_name = expr->name;
      for (const auto& t : tables_)
        for (const auto& c : t.columns)
          if (c.block_name == expr->name) user_name = c.name;
      throw Exception(ErrorCodes::NOT_AN_AGGREGATE,
                      "Column `{}` is not under aggregate function and not in GROUP BY keys. In query {}", user_name,
                      queryText());
    }
  } else {
    auto copy = std::make_shared<Expr>(*expr);
    for (auto& c : copy->children) c = postAggregation(c, memo);
    res = copy;
  }
  memo[expr.get()] = res;
  return res;
}

ExprPtr SelectAnalyzer::resolveImpl(const ASTPtr& ast, Mode mode) {
  // Inside its own definition an alias names the column, not itself: `number + 1 AS number`.
  if (!ast->alias.empty() && !expanding_.count(ast->alias)) {
    expanding_.insert(ast->alias);
    struct Pop {
      std::set<std::string>& s;
      const std::string& n;
      ~Pop() { s.erase(n); }
    } pop{expanding_, ast->alias};
    return resolveUnaliased(ast, mode);
  }
  return resolveUnaliased(ast, mode);
}

ExprPtr SelectAnalyzer::resolveUnaliased(const ASTPtr& ast, Mode mode) {
  switch (ast->kind) {
    case ASTKind::Literal: return resolveLiteral(ast->as<ASTLiteral>());
    case ASTKind::Identifier: return resolveIdentifier(ast->as<ASTIdentifier>(), mode);
    case ASTKind::Function: {
      const auto& f = ast->as<ASTFunction>();
      if (f.name == "lambda")
        throw Exception(ErrorCodes::UNEXPECTED_EXPRESSION, "Unexpected lambda expression {} outside of a higher-order function",
                        formatColumnName(f));
      return resolveFunction(f, mode);
    }
    case ASTKind::Subquery: return resolveScalarSubquery(ast->as<ASTSubquery>());
    case ASTKind::QueryParameter:
      throw Exception(ErrorCodes::UNKNOWN_QUERY_PARAMETER, "Substitution `{}` is not set",
                      ast->as<ASTQueryParameter>().name);
    case ASTKind::Asterisk:
    case ASTKind::QualifiedAsterisk:
    case ASTKind::ColumnsMatcher:
      throw Exception(ErrorCodes::UNEXPECTED_EXPRESSION, "Asterisk is not allowed here: {}", formatAST(*ast));
    default:
      throw Exception(ErrorCodes::UNEXPECTED_EXPRESSION, "Unexpected expression {}", formatAST(*ast));
  }
}

ExprPtr SelectAnalyzer::resolveLiteral(const ASTLiteral& literal) {
  std::string name = formatColumnName(literal);
  if (!literal.type_name.empty()) {
    DataTypePtr type = dataTypeFromString(literal.type_name);
    ColumnPtr src = literalColumn(literal.value, literalType(literal.value));
    ColumnPtr converted = castColumn({src, literalType(literal.value), name}, type, context_.functionContext());
    return Expr::makeConstantColumn(name, type, converted);
  }
  DataTypePtr type = literalType(literal.value);
  return Expr::makeConstantColumn(name, type, literalColumn(literal.value, type));
}

ExprPtr SelectAnalyzer::resolveIdentifier(const ASTIdentifier& id, Mode mode) {
  const std::string full = id.name();
  // Lambda parameters shadow everything.
  if (!id.compound())
    for (auto it = lambda_params_.rbegin(); it != lambda_params_.rend(); ++it)
      if (it->first == full) {
        auto e = std::make_shared<Expr>();
        e->kind = Expr::Kind::LambdaParam;
        e->name = full;
        e->type = it->second;
        return e;
      }

  bool prefer_column = context_.settings().prefer_column_name_to_alias;
  auto try_alias = [&]() -> ExprPtr {
    auto it = aliases_.find(full);
    if (it == aliases_.end() || expanding_.count(full)) return nullptr;
    expanding_.insert(full);
    struct Pop {
      std::set<std::string>& s;
      std::string n;
      ~Pop() { s.erase(n); }
    } pop{expanding_, full};
    return resolveImpl(it->second, mode);
  };

  if (!prefer_column)
    if (ExprPtr e = try_alias()) return e;

  bool found = false;
  ExprPtr column = resolveColumn(id.parts, mode, found);
  if (found) return column;

  if (prefer_column)
    if (ExprPtr e = try_alias()) return e;

  if (id.compound())
    if (ExprPtr e = resolveTupleElementPath(id, mode)) return e;

  // A cyclic alias reaching here means the alias refers to itself with no column of that name.
  if (aliases_.count(full) && expanding_.count(full))
    throw Exception(ErrorCodes::CYCLIC_ALIASES, "Cyclic aliases for identifier '{}'", full);

  throw Exception(ErrorCodes::UNKNOWN_IDENTIFIER, "Unknown expression identifier `{}` in scope {}", full, queryText());
}

/// `t.name.inner`: the longest prefix that names a column or alias of a named Tuple type,
/// followed by tupleElement() for each remaining part. Returns null when no prefix fits.
ExprPtr SelectAnalyzer::resolveTupleElementPath(const ASTIdentifier& id, Mode mode) {
  for (size_t prefix = id.parts.size() - 1; prefix >= 1; --prefix) {
    ASTIdentifier head(std::vector<std::string>(id.parts.begin(), id.parts.begin() + prefix));
    ExprPtr e;
    try {
      e = resolveIdentifier(head, mode);
    } catch (const Exception& ex) {
      if (ex.code() != ErrorCodes::UNKNOWN_IDENTIFIER) throw;
      continue;
    }
    for (size_t i = prefix; i < id.parts.size(); ++i) {
      const auto* tuple = dynamic_cast<const DataTypeTuple*>(e->type.get());
      size_t position = 0;
      if (!tuple || !tuple->tryGetPositionByName(id.parts[i], position)) return nullptr;
      e = makeFunctionExpr("tupleElement", {e, resolveLiteral(ASTLiteral(Field(std::string(id.parts[i]))))});
    }
    return e;
  }
  return nullptr;
}

ExprPtr SelectAnalyzer::resolveColumn(const std::vector<std::string>& parts, Mode mode, bool& found) {
  found = false;
  auto make = [&](const ScopeColumn& c) -> ExprPtr {
    found = true;
    return Expr::makeColumn(c.block_name, c.type);
  };

  std::string full;
  for (size_t i = 0; i < parts.size(); ++i) full += (i ? "." : "") + parts[i];

  // ARRAY JOIN results are found by their names first.
  for (const auto* list : {&array_joins_, &function_array_joins_})
    for (const auto& a : *list)
      if (a.user_name == full) return make(ScopeColumn{a.user_name, a.result_name, a.element_type, true});

  // Unqualified: the first table that has it (a column literally named "a.b" included).
  for (const auto& t : tables_)
    for (const auto& c : t.columns)
      if (c.name == full) return make(c);

  // Qualified: table.column, alias.column, db.table.column.
  if (parts.size() >= 2) {
    for (const auto& t : tables_) {
      size_t skip = 0;
      if (parts.size() >= 3 && parts[0] == t.database && parts[1] == t.table)
        skip = 2;
      else if (parts[0] == t.alias || (t.alias.empty() && parts[0] == t.table) || (!t.table.empty() && parts[0] == t.table))
        skip = 1;
      if (!skip) continue;
      std::string rest;
      for (size_t i = skip; i < parts.size(); ++i) rest += (i > skip ? "." : "") + parts[i];
      for (const auto& c : t.columns)
        if (c.name == rest) return make(c);
      // t.tuple_column.element
      if (parts.size() - skip >= 2)
        for (const auto& c : t.columns)
          if (c.name == parts[skip] && removeNullable(c.type)->typeId() == TypeIndex::Tuple) {
            ExprPtr base = make(c);
            for (size_t i = skip + 1; i < parts.size(); ++i) {
              auto lit = std::make_shared<ASTLiteral>(Field(parts[i]));
              base = makeFunctionExpr("tupleElement", {base, resolveLiteral(*lit)});
            }
            return base;
          }
    }
    // column.element of a tuple column
    for (const auto& t : tables_)
      for (const auto& c : t.columns)
        if (c.name == parts[0] && removeNullable(c.type)->typeId() == TypeIndex::Tuple) {
          ExprPtr base = make(c);
          for (size_t i = 1; i < parts.size(); ++i) {
            auto lit = std::make_shared<ASTLiteral>(Field(parts[i]));
            base = makeFunctionExpr("tupleElement", {base, resolveLiteral(*lit)});
          }
          return base;
        }
  }
  return nullptr;
}

ExprPtr SelectAnalyzer::makeFunctionExpr(const std::string& name, Exprs args) {
  FunctionPtr function = FunctionFactory::instance().get(name, context_.functionContext());
  ColumnsWithTypeAndName arguments;
  bool all_constant = !args.empty();
  for (const auto& a : args) {
    arguments.push_back({a->isConstant() ? a->constant : nullptr, a->type, a->name});
    if (!a->isConstant()) all_constant = false;
  }
  DataTypePtr type = getFunctionReturnType(*function, arguments);
  std::string expr_name = name + "(" + joinNames(args) + ")";
  if (all_constant && function->isSuitableForConstantFolding() && function->isDeterministicInScopeOfQuery()) {
    ColumnPtr result = executeFunction(*function, arguments, type, 1);
    return Expr::makeConstantColumn(expr_name, type, result);
  }
  if (args.empty() && function->isSuitableForConstantFolding() && function->isDeterministicInScopeOfQuery()) {
    ColumnPtr result = executeFunction(*function, arguments, type, 1);
    return Expr::makeConstantColumn(expr_name, type, result);
  }
  return Expr::makeFunction(expr_name, std::move(function), std::move(args), type);
}

ExprPtr SelectAnalyzer::castExpr(const ExprPtr& expr, const DataTypePtr& type) {
  if (expr->type->equals(*type)) return expr;
  auto type_literal = std::make_shared<ASTLiteral>(Field(type->name()));
  return makeFunctionExpr("CAST", {expr, resolveLiteral(*type_literal)});
}

bool SelectAnalyzer::isAggregateCall(const ASTFunction& f) const {
  if (f.is_window_function) return false;
  return AggregateFunctionFactory::instance().isAggregateFunctionName(f.name) || f.name == "countDistinct";
}

bool SelectAnalyzer::containsAggregates(const ASTPtr& ast) const {
  if (!ast) return false;
  if (ast->kind == ASTKind::Function) {
    const auto& f = ast->as<ASTFunction>();
    if (isAggregateCall(f)) return true;
    if (f.is_window_function) {
      for (const auto& a : f.args())
        if (containsAggregates(a)) return true;
      return false;
    }
    for (const auto& a : f.args())
      if (containsAggregates(a)) return true;
    return false;
  }
  if (ast->kind == ASTKind::Identifier) {
    const auto& id = ast->as<ASTIdentifier>();
    auto it = aliases_.find(id.name());
    if (it != aliases_.end() && !expanding_.count(id.name())) {
      auto& self = const_cast<SelectAnalyzer&>(*this);
      self.expanding_.insert(id.name());
      bool res = containsAggregates(it->second);
      self.expanding_.erase(id.name());
      return res;
    }
  }
  return false;
}

bool SelectAnalyzer::containsWindowFunctions(const ASTPtr& ast) const {
  if (!ast) return false;
  if (ast->kind == ASTKind::Function) {
    const auto& f = ast->as<ASTFunction>();
    if (f.is_window_function) return true;
    for (const auto& a : f.args())
      if (containsWindowFunctions(a)) return true;
    return false;
  }
  if (ast->kind == ASTKind::Identifier) {
    const auto& id = ast->as<ASTIdentifier>();
    auto it = aliases_.find(id.name());
    if (it != aliases_.end() && !expanding_.count(id.name())) {
      auto& self = const_cast<SelectAnalyzer&>(*this);
      self.expanding_.insert(id.name());
      bool res = containsWindowFunctions(it->second);
      self.expanding_.erase(id.name());
      return res;
    }
  }
  return false;
}

ExprPtr SelectAnalyzer::resolveFunction(const ASTFunction& f, Mode mode) {
  if (f.is_window_function) return resolveWindowFunction(f, mode);
  if (isAggregateCall(f)) return resolveAggregate(f, mode);

  const std::string& name = f.name;
  if (name == "in" || name == "notIn" || name == "globalIn" || name == "globalNotIn" || name == "nullIn" ||
      name == "notNullIn")
    return resolveIn(f, mode);
  if (name == "arrayJoin") return resolveArrayJoinFunction(f, mode);
  if (name == "exists" && f.args().size() == 1 && f.args()[0]->kind == ASTKind::Subquery) {
    Block result = executeSubquery(f.args()[0]->as<ASTSubquery>().query);
    std::string expr_name = "exists(" + formatColumnName(*f.args()[0]) + ")";
    return Expr::makeConstant(expr_name, typeUInt8(), Field(uint64_t(result.rows() > 0)));
  }

  FunctionPtr function = FunctionFactory::instance().tryGet(name, context_.functionContext());
  if (!function) {
    if (isWindowOnlyFunction(name))
      throw Exception(ErrorCodes::UNKNOWN_AGGREGATE_FUNCTION, "Window function {} should be used with OVER clause", name);
    FunctionFactory::instance().get(name, context_.functionContext());  // throws UNKNOWN_FUNCTION with hints
  }
  if (function->isHigherOrder()) return resolveHigherOrder(f, function, mode);

  Exprs args;
  for (const auto& a : f.args()) {
    if (isLambda(a))
      throw Exception(ErrorCodes::UNEXPECTED_EXPRESSION, "Function {} does not take lambda arguments", name);
    args.push_back(resolveImpl(a, mode));
  }
  return makeFunctionExpr(name, std::move(args));
}

ExprPtr SelectAnalyzer::resolveHigherOrder(const ASTFunction& f, const FunctionPtr& function, Mode mode) {
  const ASTs& asts = f.args();
  // Non-lambda arguments first: their types give the lambda parameters' types.
  Exprs args(asts.size());
  DataTypes types(asts.size());
  for (size_t i = 0; i < asts.size(); ++i) {
    if (isLambda(asts[i])) continue;
    args[i] = resolveImpl(asts[i], mode);
    types[i] = args[i]->type;
  }
  for (size_t i = 0; i < asts.size(); ++i) {
    if (!isLambda(asts[i])) continue;
    DataTypes param_types = function->getLambdaArgumentTypes(i, types);
    args[i] = resolveLambda(asts[i]->as<ASTFunction>(), param_types, mode);
    types[i] = args[i]->type;
  }
  ColumnsWithTypeAndName arguments;
  for (const auto& a : args) arguments.push_back({a->isConstant() ? a->constant : nullptr, a->type, a->name});
  DataTypePtr type = getFunctionReturnType(*function, arguments);
  std::string expr_name = f.name + "(" + joinNames(args) + ")";
  return Expr::makeFunction(expr_name, function, std::move(args), type);
}

ExprPtr SelectAnalyzer::resolveLambda(const ASTFunction& lambda, const DataTypes& param_types, Mode mode) {
  // lambda(tuple(x, y), body)
  if (lambda.args().size() != 2 || lambda.args()[0]->kind != ASTKind::Function)
    throw Exception(ErrorCodes::BAD_LAMBDA, "Lambda must have arguments and body");
  const auto& params_ast = lambda.args()[0]->as<ASTFunction>();
  std::vector<std::string> params;
  for (const auto& p : params_ast.args()) {
    if (p->kind != ASTKind::Identifier || p->as<ASTIdentifier>().compound())
      throw Exception(ErrorCodes::BAD_LAMBDA, "Lambda parameters must be identifiers");
    params.push_back(p->as<ASTIdentifier>().name());
  }
  if (params.size() != param_types.size())
    throw Exception(ErrorCodes::NUMBER_OF_ARGUMENTS_DOESNT_MATCH,
                    "Lambda {} takes {} arguments, but the function passes {}", formatColumnName(lambda), params.size(),
                    param_types.size());
  size_t saved = lambda_params_.size();
  for (size_t i = 0; i < params.size(); ++i) lambda_params_.emplace_back(params[i], param_types[i]);
  ExprPtr body;
  try {
    body = resolveImpl(lambda.args()[1], mode);
  } catch (...) {
    lambda_params_.resize(saved);
    throw;
  }
  lambda_params_.resize(saved);
  auto e = std::make_shared<Expr>();
  e->kind = Expr::Kind::Lambda;
  std::string param_list;
  for (size_t i = 0; i < params.size(); ++i) param_list += (i ? ", " : "") + params[i];
  e->name = "lambda(tuple(" + param_list + "), " + body->name + ")";
  e->lambda_params = params;
  e->lambda_param_types = param_types;
  e->type = std::make_shared<DataTypeFunction>(param_types, body->type);
  e->children.push_back(body);
  return e;
}

ExprPtr SelectAnalyzer::resolveAggregate(const ASTFunction& f, Mode mode) {
  std::string name = f.name;
  if (mode == Mode::Source || aggregate_depth_ > 0) {
    if (aggregate_depth_ > 0)
      throw Exception(ErrorCodes::ILLEGAL_AGGREGATION,
                      "Aggregate function {} is found inside another aggregate function in query: {}",
                      formatColumnName(f), queryText());
    throw Exception(ErrorCodes::ILLEGAL_AGGREGATION, "Aggregate function {} is found in WHERE or GROUP BY in query: {}",
                    formatColumnName(f), queryText());
  }
  // Arguments are computed before aggregation.
  ++aggregate_depth_;
  Exprs args;
  try {
    for (const auto& a : f.args()) args.push_back(resolveImpl(a, Mode::Source));
  } catch (...) {
    --aggregate_depth_;
    throw;
  }
  --aggregate_depth_;

  Fields params;
  std::string params_text;
  if (f.parameters) {
    for (const auto& p : f.parameters->children) {
      ExprPtr pe = resolveImpl(p, Mode::Source);
      if (!pe->isConstant())
        throw Exception(ErrorCodes::PARAMETERS_TO_AGGREGATE_FUNCTIONS_MUST_BE_LITERALS,
                        "Parameters to aggregate functions must be literals. Got parameter '{}' for function '{}'",
                        pe->name, name);
      params.push_back(static_cast<const ColumnConst&>(*pe->constant).getField());
      params_text += (params_text.empty() ? "" : ", ") + pe->name;
    }
  }
  std::string expr_name = name + (f.parameters ? "(" + params_text + ")" : "") + "(" + joinNames(args) + ")";
  if (aggregate_types_.count(expr_name)) return Expr::makeColumn(expr_name, aggregate_types_[expr_name]);

  std::string function_name = name;
  if (name == "countDistinct") function_name = context_.settings().count_distinct_implementation;
  DataTypes types;
  for (const auto& a : args) types.push_back(a->type);
  AggregateFunctionPtr function = AggregateFunctionFactory::instance().get(function_name, types, params);

  AggregateDescription desc;
  desc.function = function;
  desc.name = expr_name;
  for (const auto& a : args) {
    desc.arguments.push_back(a->name);
    aggregate_arguments_.push_back(a);
  }
  aggregates_.push_back(desc);
  aggregate_types_[expr_name] = function->getReturnType();
  return Expr::makeColumn(expr_name, function->getReturnType());
}

ExprPtr SelectAnalyzer::resolveWindowFunction(const ASTFunction& f, Mode mode) {
  // Window definition: named (WINDOW w AS (...)) or inline; a named one may be extended.
  const ASTWindowDefinition* definition = nullptr;
  ASTWindowDefinition merged;
  auto find_named = [&](const std::string& n) -> const ASTWindowDefinition* {
    if (select_.window)
      for (const auto& w : select_.window->as<ASTExpressionList>().children)
        if (w->alias == n) return &w->as<ASTWindowDefinition>();
    throw Exception(ErrorCodes::UNKNOWN_IDENTIFIER, "Window '{}' is not defined", n);
  };
  if (!f.window_name.empty()) {
    definition = find_named(f.window_name);
  } else if (f.window_definition) {
    definition = &f.window_definition->as<ASTWindowDefinition>();
    if (!definition->parent_window_name.empty()) {
      const ASTWindowDefinition* parent = find_named(definition->parent_window_name);
      merged = *parent;
      if (definition->order_by) merged.order_by = definition->order_by;
      if (!definition->frame_is_default) {
        merged.frame_is_default = false;
        merged.frame_type = definition->frame_type;
        merged.frame_begin = definition->frame_begin;
        merged.frame_end = definition->frame_end;
      }
      definition = &merged;
    }
  }
  if (!definition) throw Exception(ErrorCodes::BAD_ARGUMENTS, "Window function {} has no window", f.name);

  std::string expr_name = formatColumnName(f);
  if (window_names_.count(expr_name)) {
    for (const auto& w : windows_)
      for (const auto& fn : w.functions)
        if (fn.name == expr_name) return Expr::makeColumn(expr_name, fn.result_type);
  }

  WindowDescription window;
  auto add_input = [&](const ExprPtr& e) {
    window_inputs_.push_back(e);
    return e->name;
  };
  if (definition->partition_by)
    for (const auto& p : definition->partition_by->as<ASTExpressionList>().children)
      window.partition_by.push_back(add_input(resolveImpl(p, mode)));
  if (definition->order_by)
    for (const auto& o : definition->order_by->as<ASTExpressionList>().children) {
      const auto& elem = o->as<ASTOrderByElement>();
      ExprPtr e = resolveImpl(elem.expression, mode);
      window.order_by.push_back({add_input(e), elem.direction, elem.nulls_direction});
    }
  // Frame: default RANGE UNBOUNDED PRECEDING .. CURRENT ROW (whole partition without ORDER BY).
  if (definition->frame_is_default) {
    window.frame.type = WindowFrameType::Range;
    window.frame.begin = {WindowBoundType::Unbounded, true, Field()};
    window.frame.end = {WindowBoundType::Current, false, Field()};
  } else {
    window.frame.type = definition->frame_type;
    auto bound = [&](const WindowFrameBound& b) {
      WindowFrameBoundary res{b.type, b.preceding, Field()};
      if (b.type == WindowBoundType::Offset) {
        ExprPtr off = resolveImpl(b.offset, Mode::Source);
        if (!off->isConstant())
          throw Exception(ErrorCodes::BAD_ARGUMENTS, "Window frame offset must be a constant: {}", off->name);
        res.offset = static_cast<const ColumnConst&>(*off->constant).getField();
        if (res.offset.which() == Field::Which::Int64 && res.offset.get<int64_t>() < 0)
          throw Exception(ErrorCodes::BAD_ARGUMENTS, "Window frame offset must be non-negative");
      }
      return res;
    };
    window.frame.begin = bound(definition->frame_begin);
    window.frame.end = bound(definition->frame_end);
    if (window.frame.type == WindowFrameType::Range &&
        (window.frame.begin.type == WindowBoundType::Offset || window.frame.end.type == WindowBoundType::Offset) &&
        window.order_by.size() != 1)
      throw Exception(ErrorCodes::BAD_ARGUMENTS,
                      "The RANGE OFFSET window frame requires exactly one ORDER BY column, {} given",
                      window.order_by.size());
  }

  WindowFunctionDescription fn;
  fn.name = expr_name;
  fn.function_name = f.name;
  Exprs args;
  for (const auto& a : f.args()) args.push_back(resolveImpl(a, mode));
  DataTypes types;
  for (const auto& a : args) types.push_back(a->type);
  if (isWindowOnlyFunction(f.name)) {
    fn.result_type = windowOnlyFunctionReturnType(f.name, types);
    if ((f.name == "lagInFrame" || f.name == "leadInFrame" || f.name == "lag" || f.name == "lead") && args.size() == 3)
      args[2] = castExpr(args[2], fn.result_type);
    if (f.name == "ntile") {
      if (!args[0]->isConstant()) throw Exception(ErrorCodes::BAD_ARGUMENTS, "Argument of ntile must be a constant");
      fn.parameters.push_back(static_cast<const ColumnConst&>(*args[0]->constant).getField());
    }
  } else {
    Fields params;
    if (f.parameters)
      for (const auto& p : f.parameters->children) {
        ExprPtr pe = resolveImpl(p, Mode::Source);
        if (!pe->isConstant())
          throw Exception(ErrorCodes::PARAMETERS_TO_AGGREGATE_FUNCTIONS_MUST_BE_LITERALS,
                          "Parameters to aggregate functions must be literals");
        params.push_back(static_cast<const ColumnConst&>(*pe->constant).getField());
      }
    fn.aggregate = AggregateFunctionFactory::instance().get(f.name, types, params);
    fn.result_type = fn.aggregate->getReturnType();
  }
  for (const auto& a : args) fn.arguments.push_back(add_input(a));
  window.functions.push_back(fn);
  windows_.push_back(std::move(window));
  window_names_.insert(expr_name);
  return Expr::makeColumn(expr_name, fn.result_type);
}

ExprPtr SelectAnalyzer::resolveArrayJoinFunction(const ASTFunction& f, Mode mode) {
  if (f.args().size() != 1)
    throw Exception(ErrorCodes::NUMBER_OF_ARGUMENTS_DOESNT_MATCH, "Function arrayJoin requires exactly one argument");
  if (has_aggregation_ && mode == Mode::PostAggregation && aggregate_depth_ == 0)
    throw Exception(ErrorCodes::ILLEGAL_AGGREGATION,
                    "arrayJoin cannot be applied to the result of aggregation; use ARRAY JOIN in a subquery");
  ExprPtr array = resolveImpl(f.args()[0], mode);
  std::string name = "arrayJoin(" + array->name + ")";
  for (const auto& a : function_array_joins_)
    if (a.result_name == name) return Expr::makeColumn(name, a.element_type);
  if (array->type->typeId() != TypeIndex::Array)
    throw Exception(ErrorCodes::ILLEGAL_TYPE_OF_ARGUMENT, "Argument for function arrayJoin must be Array, got {}",
                    array->type->name());
  DataTypePtr element = static_cast<const DataTypeArray&>(*array->type).getNestedType();
  function_array_joins_.push_back({array, name, name, element});
  return Expr::makeColumn(name, element);
}

Block SelectAnalyzer::executeSubquery(const ASTPtr& query) {
  if (context_.subquery_depth >= context_.settings().max_subquery_depth)
    throw Exception(ErrorCodes::TOO_DEEP_SUBQUERIES, "Too deep subqueries. Maximum: {}", context_.settings().max_subquery_depth);
  ++context_.subquery_depth;
  struct Depth {
    AnalyzerContext& c;
    ~Depth() { --c.subquery_depth; }
  } depth{context_};
  return owner_.execute(query, &ctes_);
}

ExprPtr SelectAnalyzer::resolveScalarSubquery(const ASTSubquery& subquery) {
  Block result = executeSubquery(subquery.query);
  std::string name = "_subquery" + std::to_string(++scalar_subquery_counter_);
  if (result.columns() == 0)
    throw Exception(ErrorCodes::INCORRECT_RESULT_OF_SCALAR_SUBQUERY, "Scalar subquery returned no columns");
  if (result.rows() > 1)
    throw Exception(ErrorCodes::INCORRECT_RESULT_OF_SCALAR_SUBQUERY, "Scalar subquery returned more than one row");
  if (result.columns() == 1) {
    DataTypePtr type = result.at(0).type;
    if (result.rows() == 0) {
      // No rows: NULL (the type becomes Nullable when it can).
      DataTypePtr nullable = makeNullable(type);
      return Expr::makeConstant(name, nullable, nullable->isNullable() ? Field() : nullable->defaultValue());
    }
    return Expr::makeConstantColumn(name, type, ColumnConst::create(result.at(0).column->cut(0, 1), 1));
  }
  DataTypes types;
  FieldTuple values;
  for (const auto& c : result) {
    types.push_back(c.type);
    values.push_back(result.rows() ? (*c.column)[0] : c.type->defaultValue());
  }
  auto type = std::make_shared<DataTypeTuple>(types);
  return Expr::makeConstantColumn(name, type, literalColumn(Field(values), type));
}

ExprPtr SelectAnalyzer::resolveIn(const ASTFunction& f, Mode mode) {
  if (f.args().size() != 2)
    throw Exception(ErrorCodes::NUMBER_OF_ARGUMENTS_DOESNT_MATCH, "Function {} requires exactly 2 arguments", f.name);
  bool negate = f.name == "notIn" || f.name == "globalNotIn" || f.name == "notNullIn";
  bool null_in = f.name == "nullIn" || f.name == "notNullIn" || context_.settings().transform_null_in;

  // Left side: one expression, or a tuple of them.
  Exprs left;
  const ASTPtr& left_ast = f.args()[0];
  ExprPtr left_expr = resolveImpl(left_ast, mode);
  if (left_ast->kind == ASTKind::Function && left_ast->as<ASTFunction>().name == "tuple") {
    for (const auto& a : left_ast->as<ASTFunction>().args()) left.push_back(resolveImpl(a, mode));
  } else {
    left.push_back(left_expr);
  }
  DataTypes key_types;
  for (const auto& l : left) key_types.push_back(removeLowCardinality(l->type));

  // Right side values as columns of the key types.
  const ASTPtr& right = f.args()[1];
  Columns set_columns;
  auto convert_block = [&](const Block& block) {
    if (block.columns() != key_types.size())
      throw Exception(ErrorCodes::NUMBER_OF_COLUMNS_DOESNT_MATCH,
                      "Number of columns in section IN doesn't match. {} at left, {} at right.", key_types.size(),
                      block.columns());
    for (size_t i = 0; i < key_types.size(); ++i)
      set_columns.push_back(castColumn({block.at(i).column, block.at(i).type, block.at(i).name}, key_types[i],
                                       context_.functionContext()));
  };
  std::string right_name;
  if (right->kind == ASTKind::Subquery) {
    convert_block(executeSubquery(right->as<ASTSubquery>().query));
    right_name = formatColumnName(*right);
  } else if (right->kind == ASTKind::Identifier && !aliases_.count(right->as<ASTIdentifier>().name()) &&
             (ctes_.find(right->as<ASTIdentifier>().name()) ||
              [&] {
                bool found = false;
                resolveColumn(right->as<ASTIdentifier>().parts, mode, found);
                return !found;
              }())) {
    // A table or CTE name: all its rows.
    auto query = parseQuery("SELECT * FROM " + formatAST(*right));
    convert_block(executeSubquery(query));
    right_name = formatColumnName(*right);
  } else {
    ExprPtr r = resolveImpl(right, mode);
    if (!r->isConstant())
      throw Exception(ErrorCodes::UNEXPECTED_EXPRESSION, "The right side of IN must be a constant, a subquery or a table: {}",
                      r->name);
    right_name = r->name;
    Field value = static_cast<const ColumnConst&>(*r->constant).getField();
    // One element, or a tuple/array of elements (each a tuple when the left is a tuple).
    FieldArray elements;
    bool list = value.which() == Field::Which::Tuple || value.which() == Field::Which::Array;
    if (list && key_types.size() > 1 && value.which() == Field::Which::Tuple) {
      // (a, b) IN (1, 2) is one element unless it is a tuple of tuples.
      const auto& items = value.get<FieldTuple>();
      bool of_tuples = !items.empty() && items[0].which() == Field::Which::Tuple;
      if (of_tuples)
        elements.assign(items.begin(), items.end());
      else
        elements.push_back(value);
    } else if (list && value.which() == Field::Which::Tuple) {
      const auto& items = value.get<FieldTuple>();
      elements.assign(items.begin(), items.end());
    } else if (list) {
      const auto& items = value.get<FieldArray>();
      elements.assign(items.begin(), items.end());
    } else {
      elements.push_back(value);
    }
    std::vector<MutableColumnPtr> cols;
    for (const auto& t : key_types) cols.push_back(t->createColumn());
    for (const auto& e : elements) {
      for (size_t k = 0; k < key_types.size(); ++k) {
        Field v = key_types.size() == 1 ? e : (e.which() == Field::Which::Tuple ? e.get<FieldTuple>().at(k) : Field());
        if (key_types.size() > 1 && (e.which() != Field::Which::Tuple || e.get<FieldTuple>().size() != key_types.size()))
          throw Exception(ErrorCodes::NUMBER_OF_COLUMNS_DOESNT_MATCH, "Incorrect element of set. Must be tuple of {} elements",
                          key_types.size());
        DataTypePtr vt = literalType(v);
        ColumnPtr c = castColumn({literalColumn(v, vt), vt, ""}, key_types[k], context_.functionContext());
        cols[k]->insertFrom(*materialize(c), 0);
      }
    }
    for (auto& c : cols) set_columns.push_back(std::move(c));
  }
  if (context_.settings().max_rows_in_set && !set_columns.empty() &&
      set_columns[0]->size() > context_.settings().max_rows_in_set)
    throw Exception(ErrorCodes::SET_SIZE_LIMIT_EXCEEDED, "IN-set size exceeded: {} rows, maximum {}",
                    set_columns[0]->size(), context_.settings().max_rows_in_set);
  auto set = std::make_shared<InSet>(key_types, std::move(set_columns), null_in);
  std::string name = f.name + "(" + left_expr->name + ", " + right_name + ")";
  FunctionPtr function = makeFunctionIn(f.name, set, negate, left.size());
  if (std::all_of(left.begin(), left.end(), [](const ExprPtr& e) { return e->isConstant(); })) {
    ColumnsWithTypeAndName args;
    for (const auto& l : left) args.push_back({l->constant, l->type, l->name});
    ColumnPtr r = executeFunction(*function, args, typeUInt8(), 1);
    return Expr::makeConstantColumn(name, typeUInt8(), r);
  }
  return Expr::makeFunction(name, function, std::move(left), typeUInt8());
}

void SelectAnalyzer::collectAliases(const ASTPtr& ast) {
  if (!ast) return;
  if (ast->kind == ASTKind::Subquery) {
    if (!ast->alias.empty() && !aliases_.count(ast->alias)) aliases_[ast->alias] = ast;
    return;  // aliases inside subqueries belong to them
  }
  if (!ast->alias.empty() && ast->kind != ASTKind::TableExpression) {
    auto it = aliases_.find(ast->alias);
    if (it != aliases_.end() && formatAST(*it->second) != formatAST(*ast))
      throw Exception(ErrorCodes::MULTIPLE_EXPRESSIONS_FOR_ALIAS, "Different expressions with the same alias {}:\n{}\nand\n{}",
                      ast->alias, formatAST(*it->second), formatAST(*ast));
    auto copy = ast->clone();
    copy->alias.clear();
    aliases_[ast->alias] = copy;
  }
  if (ast->kind == ASTKind::Function) {
    const auto& f = ast->as<ASTFunction>();
    if (f.name == "lambda") return;  // lambda bodies may not define query-level aliases
    for (const auto& a : f.args()) collectAliases(a);
  } else if (ast->kind == ASTKind::ExpressionList) {
    for (const auto& c : ast->as<ASTExpressionList>().children) collectAliases(c);
  } else if (ast->kind == ASTKind::OrderByElement) {
    collectAliases(ast->as<ASTOrderByElement>().expression);
  }
}

}  // namespace tally
