// -Array: f(arr1, ...) aggregates the elements of the arrays (arrays of one row must have equal
// sizes): sumArray, uniqArray, groupArrayArray, ... The state is the nested function's.

#include "columns/column_array.h"
#include "common/exception.h"
#include "functions/aggregate/aggregate_function_factory.h"
#include "functions/aggregate/combinators/aggregate_function_wrapper.h"
#include "types/data_type_array.h"

namespace tally {

namespace aggregate_combinator_array {

class AggregateFunctionArray final : public AggregateFunctionWrapper {
 public:
  AggregateFunctionArray(AggregateFunctionPtr nested, const DataTypes& arguments, const Fields& parameters)
      : AggregateFunctionWrapper(std::move(nested), arguments, parameters) {}

  std::string getName() const override { return nested_->getName() + "Array"; }

  void add(AggregateDataPtr place, const Column** columns, size_t row, Arena* arena) const override {
    addRows(row, row + 1, place, columns, arena);
  }
  void addBatchSinglePlace(size_t rows, AggregateDataPtr place, const Column** columns, Arena* arena) const override {
    addRows(0, rows, place, columns, arena);
  }
  void addRange(size_t begin, size_t end, AggregateDataPtr place, const Column** columns, Arena* arena) const override {
    addRows(begin, end, place, columns, arena);
  }
  void addBatch(size_t rows, AggregateDataPtr* places, size_t place_offset, const Column** columns,
                Arena* arena) const override {
    for (size_t i = 0; i < rows; ++i)
      if (places[i]) addRows(i, i + 1, places[i] + place_offset, columns, arena);
  }
  void addBatchSinglePlaceFiltered(size_t rows, AggregateDataPtr place, const Column** columns, const uint8_t* filter,
                                   Arena* arena) const override {
    for (size_t i = 0; i < rows; ++i)
      if (filter[i]) addRows(i, i + 1, place, columns, arena);
  }

 private:
  /// Adds the elements of rows [begin, end) (one nested addRange over the contiguous elements).
  void addRows(size_t begin, size_t end, AggregateDataPtr place, const Column** columns, Arena* arena) const {
    if (begin >= end) return;
    size_t n = argument_types_.size();
    const Column* nested_columns[16];
    const auto& first = static_cast<const ColumnArray&>(*columns[0]);
    for (size_t a = 0; a < n; ++a) {
      const auto& array = static_cast<const ColumnArray&>(*columns[a]);
      nested_columns[a] = &array.getData();
      if (a > 0)
        for (size_t r = begin; r < end; ++r)
          if (array.sizeAt(r) != first.sizeAt(r))
            throw Exception(ErrorCodes::SIZES_OF_ARRAYS_DONT_MATCH,
                            "All arrays must be of the same size. Arrays passed to {} aggregate function have different "
                            "sizes",
                            getName());
    }
    nested_->addRange(first.offsetAt(begin), first.getOffsets()[end - 1], place, nested_columns, arena);
  }
};

class CombinatorArray final : public IAggregateFunctionCombinator {
 public:
  std::string getName() const override { return "Array"; }
  DataTypes transformArguments(const DataTypes& arguments) const override {
    if (arguments.empty())
      throw Exception(ErrorCodes::NUMBER_OF_ARGUMENTS_DOESNT_MATCH,
                      "-Array aggregate functions require at least one argument");
    if (arguments.size() > 16)
      throw Exception(ErrorCodes::NUMBER_OF_ARGUMENTS_DOESNT_MATCH, "Too many arguments for aggregate function");
    DataTypes nested;
    for (const auto& a : arguments) {
      if (a->typeId() != TypeIndex::Array)
        throw Exception(ErrorCodes::ILLEGAL_TYPE_OF_ARGUMENT,
                        "Illegal type {} of argument for aggregate function with Array suffix. Must be array.", a->name());
      nested.push_back(static_cast<const DataTypeArray&>(*a).getNestedType());
    }
    return nested;
  }
  AggregateFunctionPtr transformAggregateFunction(const AggregateFunctionPtr& nested, const DataTypes& arguments,
                                                  const Fields& params) const override {
    return std::make_shared<AggregateFunctionArray>(nested, arguments, params);
  }
};

}  // namespace aggregate_combinator_array

REGISTER_AGGREGATE_FUNCTION(CombinatorArray) {
  factory.registerCombinator(std::make_shared<aggregate_combinator_array::CombinatorArray>());
}

}  // namespace tally
