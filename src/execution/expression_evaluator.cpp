#include "execution/expression_evaluator.h"

#include "columns/column_const.h"
#include "common/exception.h"
#include "functions/column_function.h"
#include "types/data_type_misc.h"

namespace tally {

namespace {

/// A lambda body compiled into its own evaluator: inputs are the parameters and the
/// captured columns.
class CompiledLambdaBody final : public LambdaBody {
 public:
  CompiledLambdaBody(const Expr& lambda, std::vector<std::string> captured_names, DataTypes captured_types)
      : param_names_(lambda.lambda_params),
        param_types_(lambda.lambda_param_types),
        result_type_(lambda.children[0]->type),
        captured_names_(std::move(captured_names)) {
    Block header;
    for (size_t i = 0; i < param_names_.size(); ++i) header.insert({nullptr, param_types_[i], param_names_[i]});
    for (size_t i = 0; i < captured_names_.size(); ++i) header.insert({nullptr, captured_types[i], captured_names_[i]});
    evaluator_ = std::make_unique<ExpressionEvaluator>(header, Exprs{lambda.children[0]});
  }

  ColumnPtr execute(const ColumnsWithTypeAndName& params, const ColumnsWithTypeAndName& captured,
                    size_t rows) const override {
    ColumnsWithTypeAndName bindings;
    for (size_t i = 0; i < params.size() && i < param_names_.size(); ++i)
      bindings.push_back({params[i].column, param_types_[i], param_names_[i]});
    for (size_t i = 0; i < captured.size(); ++i) bindings.push_back({captured[i].column, captured[i].type, captured_names_[i]});
    Block out = evaluator_->executeWithBindings(Block(), bindings, rows);
    return out.at(0).column;
  }
  const DataTypes& paramTypes() const override { return param_types_; }
  const DataTypePtr& resultType() const override { return result_type_; }

 private:
  std::vector<std::string> param_names_;
  DataTypes param_types_;
  DataTypePtr result_type_;
  std::vector<std::string> captured_names_;
  std::unique_ptr<ExpressionEvaluator> evaluator_;
};

/// Names a lambda body reads from outside itself (columns and enclosing lambdas' params).
void collectCaptured(const ExprPtr& expr, const std::vector<std::string>& own_params, std::vector<std::string>& names,
                     DataTypes& types) {
  if (expr->kind == Expr::Kind::Column ||
      (expr->kind == Expr::Kind::LambdaParam &&
       std::find(own_params.begin(), own_params.end(), expr->name) == own_params.end())) {
    if (std::find(names.begin(), names.end(), expr->name) == names.end()) {
      names.push_back(expr->name);
      types.push_back(expr->type);
    }
    return;
  }
  if (expr->kind == Expr::Kind::Lambda) {
    std::vector<std::string> inner = own_params;
    inner.insert(inner.end(), expr->lambda_params.begin(), expr->lambda_params.end());
    collectCaptured(expr->children[0], inner, names, types);
    return;
  }
  for (const auto& c : expr->children) collectCaptured(c, own_params, names, types);
}

}  // namespace

ExpressionEvaluator::ExpressionEvaluator(const Block& input_header, Exprs outputs, bool keep_input)
    : outputs_(std::move(outputs)), keep_input_(keep_input), input_header_(input_header.cloneEmpty()) {
  for (const auto& out : outputs_) output_slots_.push_back(compile(out, input_header));
  if (keep_input_) {
    for (const auto& c : input_header) header_.insert({nullptr, c.type, c.name});
    for (size_t i = 0; i < outputs_.size(); ++i)
      if (input_header.position(outputs_[i]->name) < 0 && header_.position(outputs_[i]->name) < 0)
        header_.insert({nullptr, outputs_[i]->type, outputs_[i]->name});
  } else {
    for (const auto& out : outputs_) header_.insert({nullptr, out->type, out->name});
  }
}

int ExpressionEvaluator::compile(const ExprPtr& expr, const Block& input_header) {
  if (auto it = slot_of_node_.find(expr.get()); it != slot_of_node_.end()) return it->second;

  // A value already present in the input (computed by an earlier stage) is reused by name.
  bool from_input = expr->kind == Expr::Kind::Column || expr->kind == Expr::Kind::LambdaParam ||
                    (expr->kind == Expr::Kind::Function && input_header.position(expr->name) >= 0);
  if (from_input) {
    if (auto it = slot_of_name_.find(expr->name); it != slot_of_name_.end()) {
      slot_of_node_[expr.get()] = it->second;
      return it->second;
    }
    int slot = slots_++;
    inputs_.push_back({expr->name, slot});
    slot_of_name_[expr->name] = slot;
    slot_of_node_[expr.get()] = slot;
    return slot;
  }
  if (expr->kind == Expr::Kind::Constant) {
    int slot = slots_++;
    constants_.emplace_back(slot, expr->constant);
    slot_of_node_[expr.get()] = slot;
    return slot;
  }
  if (expr->kind == Expr::Kind::Lambda) {
    // Captured values are compiled as inputs of this evaluator.
    std::vector<std::string> names;
    DataTypes types;
    collectCaptured(expr->children[0], expr->lambda_params, names, types);
    Step step{expr.get(), {}, 0, nullptr, names, types};
    for (size_t i = 0; i < names.size(); ++i) step.args.push_back(compile(Expr::makeColumn(names[i], types[i]), input_header));
    step.lambda_body = std::make_shared<CompiledLambdaBody>(*expr, names, types);
    step.result = slots_++;
    steps_.push_back(step);
    slot_of_node_[expr.get()] = step.result;
    return step.result;
  }
  Step step{expr.get(), {}, 0, nullptr, {}, {}};
  for (const auto& child : expr->children) step.args.push_back(compile(child, input_header));
  step.result = slots_++;
  steps_.push_back(std::move(step));
  slot_of_node_[expr.get()] = steps_.back().result;
  return steps_.back().result;
}

Block ExpressionEvaluator::execute(const Block& block) const { return executeWithBindings(block, {}, block.rows()); }

Block ExpressionEvaluator::executeWithBindings(const Block& block, const ColumnsWithTypeAndName& bindings,
                                               size_t rows) const {
  std::vector<ColumnWithTypeAndName> slots(static_cast<size_t>(slots_));
  for (const auto& input : inputs_) {
    int pos = block.position(input.name);
    if (pos >= 0) {
      slots[input.slot] = block.at(size_t(pos));
      continue;
    }
    bool bound = false;
    for (const auto& b : bindings)
      if (b.name == input.name) {
        slots[input.slot] = b;
        bound = true;
        break;
      }
    if (!bound)
      throw Exception(ErrorCodes::NOT_FOUND_COLUMN_IN_BLOCK, "Not found column {} in block", input.name);
  }
  for (const auto& [slot, column] : constants_) slots[slot] = {column->cloneResized(rows), nullptr, {}};

  for (const auto& step : steps_) {
    const Expr& e = *step.expr;
    if (e.kind == Expr::Kind::Lambda) {
      ColumnsWithTypeAndName captured;
      for (size_t i = 0; i < step.args.size(); ++i)
        captured.push_back({slots[step.args[i]].column, step.captured_types[i], step.captured_names[i]});
      slots[step.result] = {std::make_shared<ColumnFunction>(rows, step.lambda_body, std::move(captured)), e.type, e.name};
      continue;
    }
    ColumnsWithTypeAndName args;
    args.reserve(step.args.size());
    for (size_t i = 0; i < step.args.size(); ++i) {
      const Expr& child = *e.children[i];
      args.push_back({slots[step.args[i]].column, child.type, child.name});
    }
    ColumnPtr result = executeFunction(*e.function, args, e.type, rows);
    if (result->size() != rows)
      throw Exception(ErrorCodes::LOGICAL_ERROR, "Function {} returned {} rows instead of {}", e.function->getName(),
                      result->size(), rows);
    slots[step.result] = {std::move(result), e.type, e.name};
  }

  Block out;
  if (keep_input_) {
    for (const auto& c : block) out.insert(c);
    for (size_t i = 0; i < outputs_.size(); ++i)
      if (out.position(outputs_[i]->name) < 0)
        out.insert({slots[output_slots_[i]].column, outputs_[i]->type, outputs_[i]->name});
  } else {
    for (size_t i = 0; i < outputs_.size(); ++i)
      out.insert({slots[output_slots_[i]].column, outputs_[i]->type, outputs_[i]->name});
  }
  out.setRows(rows);
  return out;
}

}  // namespace tally
