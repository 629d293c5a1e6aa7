#pragma once
// The -State and -Merge wrappers (shared by the State, Merge and MergeState combinators).

#include "functions/aggregate/combinators/aggregate_function_wrapper.h"

namespace tally {

/// Returns the state (a copy of it) as an AggregateFunction(...) value.
class AggregateFunctionState final : public AggregateFunctionWrapper {
 public:
  AggregateFunctionState(AggregateFunctionPtr nested, const DataTypes& arguments, const Fields& parameters);
  std::string getName() const override { return nested_->getName() + "State"; }
  DataTypePtr getReturnType() const override { return result_; }
  AggregateFunctionPtr getNestedFunction() const override { return nested_->getNestedFunction(); }
  void insertResultInto(AggregateDataPtr place, Column& to, Arena* arena) const override;

 private:
  DataTypePtr result_;
};

/// Aggregates AggregateFunction(f, ...) values by merging them into f's state.
class AggregateFunctionMerge final : public AggregateFunctionWrapper {
 public:
  AggregateFunctionMerge(AggregateFunctionPtr nested, const DataTypes& arguments, const Fields& parameters)
      : AggregateFunctionWrapper(std::move(nested), arguments, parameters) {}
  std::string getName() const override { return nested_->getName() + "Merge"; }
  AggregateFunctionPtr getNestedFunction() const override { return nested_->getNestedFunction(); }

  void add(AggregateDataPtr place, const Column** columns, size_t row, Arena* arena) const override;
  void addBatch(size_t rows, AggregateDataPtr* places, size_t place_offset, const Column** columns,
                Arena* arena) const override;
  void addBatchSinglePlace(size_t rows, AggregateDataPtr place, const Column** columns, Arena* arena) const override;
  void addBatchSinglePlaceFiltered(size_t rows, AggregateDataPtr place, const Column** columns, const uint8_t* filter,
                                   Arena* arena) const override;
  void addRange(size_t begin, size_t end, AggregateDataPtr place, const Column** columns, Arena* arena) const override;
};

/// For -Merge and -MergeState: the argument types of the states' function; throws
/// ILLEGAL_TYPE_OF_ARGUMENT unless the one argument is AggregateFunction(...).
DataTypes mergeCombinatorArguments(const std::string& suffix, const DataTypes& arguments);
/// Checks that the nested function is the one whose states the argument holds.
void checkMergeCombinatorNested(const std::string& suffix, const AggregateFunctionPtr& nested,
                                const DataTypes& arguments);

}  // namespace tally
