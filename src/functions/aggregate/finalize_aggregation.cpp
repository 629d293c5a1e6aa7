// finalizeAggregation(state): the final value of each AggregateFunction(f, ...) state.

#include "columns/column_const.h"
#include "common/exception.h"
#include "functions/aggregate/column_aggregate_function.h"
#include "functions/aggregate/data_type_aggregate_function.h"
#include "functions/function_factory.h"

namespace tally {

namespace finalize_aggregation {

class FunctionFinalizeAggregation final : public IFunction {
 public:
  std::string getName() const override { return "finalizeAggregation"; }
  size_t getNumberOfArguments() const override { return 1; }
  bool useDefaultImplementationForNulls() const override { return false; }

  DataTypePtr getReturnType(const ColumnsWithTypeAndName& arguments) const override {
    if (arguments[0].type->typeId() != TypeIndex::AggregateFunction)
      throw Exception(ErrorCodes::ILLEGAL_TYPE_OF_ARGUMENT,
                      "Argument for function {} must have type AggregateFunction - state of aggregate function. Got {}",
                      getName(), arguments[0].type->name());
    return static_cast<const DataTypeAggregateFunction&>(*arguments[0].type).getFunction()->getReturnType();
  }

  ColumnPtr execute(const ColumnsWithTypeAndName& arguments, const DataTypePtr& result_type,
                    size_t input_rows_count) const override {
    const auto& column = typedAs<ColumnAggregateFunction>(*materialize(arguments[0].column));
    const IAggregateFunction& function = *column.getFunction();
    auto result = result_type->createColumn();
    result->reserve(input_rows_count);
    // States of a column are shared and immutable: finalise a copy of each.
    Arena arena;
    AggregateDataPtr place = arena.alloc(function.sizeOfData(), function.alignOfData());
    for (size_t i = 0; i < column.size(); ++i) {
      function.create(place);
      try {
        function.merge(place, column.getData()[i], &arena);
        function.insertResultInto(place, *result, &arena);
      } catch (...) {
        function.destroy(place);
        throw;
      }
      function.destroy(place);
    }
    return result;
  }
};

}  // namespace finalize_aggregation

REGISTER_FUNCTION(FinalizeAggregation) {
  factory.registerFunction(
      "finalizeAggregation",
      [](const FunctionContext&) { return std::make_shared<finalize_aggregation::FunctionFinalizeAggregation>(); },
      FunctionDocumentation{"Returns the final value of each aggregate function state.", "finalizeAggregation(state)",
                            "", "", "", "Other"});
}

}  // namespace tally
