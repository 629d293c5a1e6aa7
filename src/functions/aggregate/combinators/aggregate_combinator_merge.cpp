// -Merge: f(state) merges AggregateFunction(f, ...) values and returns f's final value:
// sumMerge, uniqMerge, quantilesMerge(0.5, 0.9), ...

#include "common/exception.h"
#include "functions/aggregate/aggregate_function_factory.h"
#include "functions/aggregate/column_aggregate_function.h"
#include "functions/aggregate/combinators/aggregate_function_state.h"
#include "functions/aggregate/data_type_aggregate_function.h"

namespace tally {

namespace aggregate_combinator_merge {
const PODArray<AggregateDataPtr>& statesOf(const Column* column) {
  return static_cast<const ColumnAggregateFunction&>(*column).getData();
}
}  // namespace aggregate_combinator_merge

void AggregateFunctionMerge::add(AggregateDataPtr place, const Column** columns, size_t row, Arena* arena) const {
  nested_->merge(place, aggregate_combinator_merge::statesOf(columns[0])[row], arena);
}

void AggregateFunctionMerge::addBatch(size_t rows, AggregateDataPtr* places, size_t place_offset,
                                      const Column** columns, Arena* arena) const {
  const auto& states = aggregate_combinator_merge::statesOf(columns[0]);
  for (size_t i = 0; i < rows; ++i)
    if (places[i]) nested_->merge(places[i] + place_offset, states[i], arena);
}

void AggregateFunctionMerge::addBatchSinglePlace(size_t rows, AggregateDataPtr place, const Column** columns,
                                                 Arena* arena) const {
  const auto& states = aggregate_combinator_merge::statesOf(columns[0]);
  for (size_t i = 0; i < rows; ++i) nested_->merge(place, states[i], arena);
}

void AggregateFunctionMerge::addBatchSinglePlaceFiltered(size_t rows, AggregateDataPtr place, const Column** columns,
                                                         const uint8_t* filter, Arena* arena) const {
  const auto& states = aggregate_combinator_merge::statesOf(columns[0]);
  for (size_t i = 0; i < rows; ++i)
    if (filter[i]) nested_->merge(place, states[i], arena);
}

void AggregateFunctionMerge::addRange(size_t begin, size_t end, AggregateDataPtr place, const Column** columns,
                                      Arena* arena) const {
  const auto& states = aggregate_combinator_merge::statesOf(columns[0]);
  for (size_t i = begin; i < end; ++i) nested_->merge(place, states[i], arena);
}

DataTypes mergeCombinatorArguments(const std::string& suffix, const DataTypes& arguments) {
  if (arguments.size() != 1)
    throw Exception(ErrorCodes::NUMBER_OF_ARGUMENTS_DOESNT_MATCH,
                    "Incorrect number of arguments for aggregate function with {} suffix", suffix);
  if (arguments[0]->typeId() != TypeIndex::AggregateFunction)
    throw Exception(ErrorCodes::ILLEGAL_TYPE_OF_ARGUMENT,
                    "Illegal type {} of argument for aggregate function with {} suffix must be AggregateFunction(...)",
                    arguments[0]->name(), suffix);
  return static_cast<const DataTypeAggregateFunction&>(*arguments[0]).getArgumentsDataTypes();
}

void checkMergeCombinatorNested(const std::string& suffix, const AggregateFunctionPtr& nested,
                                const DataTypes& arguments) {
  const auto& type = static_cast<const DataTypeAggregateFunction&>(*arguments[0]);
  if (type.getFunction()->getName() != nested->getName())
    throw Exception(ErrorCodes::ILLEGAL_TYPE_OF_ARGUMENT, "Illegal type {} of argument for aggregate function {}{}",
                    type.name(), nested->getName(), suffix);
}

namespace aggregate_combinator_merge {

class CombinatorMerge final : public IAggregateFunctionCombinator {
 public:
  std::string getName() const override { return "Merge"; }
  DataTypes transformArguments(const DataTypes& arguments) const override {
    return mergeCombinatorArguments(getName(), arguments);
  }
  AggregateFunctionPtr transformAggregateFunction(const AggregateFunctionPtr& nested, const DataTypes& arguments,
                                                  const Fields& params) const override {
    checkMergeCombinatorNested(getName(), nested, arguments);
    return std::make_shared<AggregateFunctionMerge>(nested, arguments, params);
  }
};

}  // namespace aggregate_combinator_merge

REGISTER_AGGREGATE_FUNCTION(CombinatorMerge) {
  factory.registerCombinator(std::make_shared<aggregate_combinator_merge::CombinatorMerge>());
}

}  // namespace tally
