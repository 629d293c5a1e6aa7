#pragma once
// Expr: a resolved, typed expression — what the analyzer produces from the AST and what the
// evaluator computes over blocks. Nodes are immutable and shared (a DAG: equal subexpressions
// are one node). Each node has the column name ClickHouse gives it (formatColumnName of its
// AST: "plus(x, 1)", "count()"), which is also the name of its column in blocks, so later
// stages find a computed value by name.

#include <memory>
#include <string>
#include <vector>

#include "columns/column.h"
#include "functions/function.h"
#include "types/data_type.h"

namespace tally {

struct Expr;
using ExprPtr = std::shared_ptr<const Expr>;
using Exprs = std::vector<ExprPtr>;

struct Expr {
  enum class Kind : uint8_t {
    Column,       // a column of the input block, by name
    Constant,     // a value: `constant` is a ColumnConst of one row
    Function,     // function(children...)
    Lambda,       // x -> body: children[0] = body; lambda_params name the parameters
    LambdaParam,  // a parameter of an enclosing lambda (bound when the lambda runs)
  };

  Kind kind = Kind::Column;
  std::string name;   // column name in blocks
  DataTypePtr type;
  ColumnPtr constant;              // Constant: ColumnConst of size 1
  FunctionPtr function;            // Function
  Exprs children;                  // Function arguments; Lambda: {body}
  std::vector<std::string> lambda_params;  // Lambda
  DataTypes lambda_param_types;            // Lambda

  bool isConstant() const { return kind == Kind::Constant; }

  static ExprPtr makeColumn(std::string name, DataTypePtr type);
  static ExprPtr makeConstant(std::string name, DataTypePtr type, const Field& value);
  static ExprPtr makeConstantColumn(std::string name, DataTypePtr type, ColumnPtr constant);
  static ExprPtr makeFunction(std::string name, FunctionPtr function, Exprs children, DataTypePtr type);
};

/// Every distinct Column node's name an expression reads (lambda params excluded).
void collectRequiredColumns(const ExprPtr& expr, std::vector<std::string>& out);

}  // namespace tally
