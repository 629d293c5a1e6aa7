#include "execution/expression.h"

#include <algorithm>
#include <unordered_set>

#include "columns/column_const.h"

namespace tally {

ExprPtr Expr::makeColumn(std::string name, DataTypePtr type) {
  auto e = std::make_shared<Expr>();
  e->kind = Kind::Column;
  e->name = std::move(name);
  e->type = std::move(type);
  return e;
}

ExprPtr Expr::makeConstant(std::string name, DataTypePtr type, const Field& value) {
  auto e = std::make_shared<Expr>();
  e->kind = Kind::Constant;
  e->name = std::move(name);
  e->constant = type->createColumnConst(1, value);
  e->type = std::move(type);
  return e;
}

ExprPtr Expr::makeConstantColumn(std::string name, DataTypePtr type, ColumnPtr constant) {
  auto e = std::make_shared<Expr>();
  e->kind = Kind::Constant;
  e->name = std::move(name);
  e->type = std::move(type);
  e->constant = constant->isConst() ? constant->cut(0, 1) : ColumnConst::create(constant, 1);
  return e;
}

ExprPtr Expr::makeFunction(std::string name, FunctionPtr function, Exprs children, DataTypePtr type) {
  auto e = std::make_shared<Expr>();
  e->kind = Kind::Function;
  e->name = std::move(name);
  e->function = std::move(function);
  e->children = std::move(children);
  e->type = std::move(type);
  return e;
}

static void collect(const ExprPtr& expr, std::vector<std::string>& out, std::unordered_set<const Expr*>& seen) {
  if (!seen.insert(expr.get()).second) return;
  if (expr->kind == Expr::Kind::Column) {
    if (std::find(out.begin(), out.end(), expr->name) == out.end()) out.push_back(expr->name);
    return;
  }
  for (const auto& c : expr->children) collect(c, out, seen);
}

void collectRequiredColumns(const ExprPtr& expr, std::vector<std::string>& out) {
  std::unordered_set<const Expr*> seen;
  collect(expr, out, seen);
}

}  // namespace tally
