#pragma once
// ExpressionEvaluator: computes a list of expressions over blocks. Compiled once per plan step
// from the input header and the output expressions into a flat program over slots (one slot
// per distinct node; nodes whose name is already a column of the input reuse it). Executing a
// block runs each function once over whole columns. Immutable after construction and safe to
// use from several threads at once.

#include <memory>
#include <string>
#include <unordered_map>
#include <vector>

#include "execution/expression.h"
#include "functions/column_function.h"
#include "types/block.h"

namespace tally {

class ExpressionEvaluator {
 public:
  /// `outputs` are computed from columns of `input_header`. When `keep_input` is set, the
  /// result also carries the input columns (first), then the outputs not already present.
  ExpressionEvaluator(const Block& input_header, Exprs outputs, bool keep_input = false);

  /// Output header (names and types; no data).
  const Block& header() const { return header_; }
  /// Evaluates over `block` (whose columns match input_header by name).
  Block execute(const Block& block) const;
  /// Evaluates with explicit extra inputs bound by name (lambda parameters, captured values).
  Block executeWithBindings(const Block& block, const ColumnsWithTypeAndName& bindings, size_t rows) const;

 private:
  struct Step {
    const Expr* expr;
    std::vector<int> args;  // argument slots (for a lambda: the captured values)
    int result;             // result slot
    std::shared_ptr<const LambdaBody> lambda_body;  // for lambdas: the compiled body
    std::vector<std::string> captured_names;
    DataTypes captured_types;
  };
  struct Input {
    std::string name;
    int slot;
  };

  int compile(const ExprPtr& expr, const Block& input_header);

  std::vector<ExprPtr> outputs_;
  std::vector<Input> inputs_;  // slots filled from the block (or bindings) by name
  std::vector<std::pair<int, ColumnPtr>> constants_;
  std::vector<Step> steps_;
  std::vector<int> output_slots_;
  std::unordered_map<const Expr*, int> slot_of_node_;
  std::unordered_map<std::string, int> slot_of_name_;
  int slots_ = 0;
  bool keep_input_;
  Block input_header_;
  Block header_;
};

using ExpressionEvaluatorPtr = std::shared_ptr<const ExpressionEvaluator>;

}  // namespace tally
