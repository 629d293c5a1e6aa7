// -If: f(args..., cond) aggregates only the rows where the last argument (UInt8/Bool) is
// non-zero: sumIf, countIf, uniqIf, ... The state is the nested function's.

#include "columns/column_vector.h"
#include "common/exception.h"
#include "functions/aggregate/aggregate_function_factory.h"
#include "functions/aggregate/combinators/aggregate_function_wrapper.h"

namespace tally {

namespace aggregate_combinator_if {

class AggregateFunctionIf final : public AggregateFunctionWrapper {
 public:
  AggregateFunctionIf(AggregateFunctionPtr nested, const DataTypes& arguments, const Fields& parameters)
      : AggregateFunctionWrapper(std::move(nested), arguments, parameters), cond_index_(arguments.size() - 1) {}

  std::string getName() const override { return nested_->getName() + "If"; }

  const uint8_t* condition(const Column** columns) const {
    return static_cast<const ColumnUInt8&>(*columns[cond_index_]).getData().data();
  }

  void add(AggregateDataPtr place, const Column** columns, size_t row, Arena* arena) const override {
    if (condition(columns)[row]) nested_->add(place, columns, row, arena);
  }
  void addBatch(size_t rows, AggregateDataPtr* places, size_t place_offset, const Column** columns,
                Arena* arena) const override {
    const uint8_t* cond = condition(columns);
    PODArray<AggregateDataPtr> filtered(rows);
    for (size_t i = 0; i < rows; ++i) filtered[i] = cond[i] ? places[i] : nullptr;
    nested_->addBatch(rows, filtered.data(), place_offset, columns, arena);
  }
  void addBatchSinglePlace(size_t rows, AggregateDataPtr place, const Column** columns, Arena* arena) const override {
    nested_->addBatchSinglePlaceFiltered(rows, place, columns, condition(columns), arena);
  }
  void addBatchSinglePlaceFiltered(size_t rows, AggregateDataPtr place, const Column** columns, const uint8_t* filter,
                                   Arena* arena) const override {
    const uint8_t* cond = condition(columns);
    PODArray<uint8_t> both(rows);
    for (size_t i = 0; i < rows; ++i) both[i] = uint8_t(filter[i] != 0) & uint8_t(cond[i] != 0);
    nested_->addBatchSinglePlaceFiltered(rows, place, columns, both.data(), arena);
  }
  void addRange(size_t begin, size_t end, AggregateDataPtr place, const Column** columns, Arena* arena) const override {
    const uint8_t* cond = condition(columns);
    for (size_t i = begin; i < end; ++i)
      if (cond[i]) nested_->add(place, columns, i, arena);
  }

 private:
  size_t cond_index_;
};

class CombinatorIf final : public IAggregateFunctionCombinator {
 public:
  std::string getName() const override { return "If"; }
  DataTypes transformArguments(const DataTypes& arguments) const override {
    if (arguments.empty())
      throw Exception(ErrorCodes::NUMBER_OF_ARGUMENTS_DOESNT_MATCH,
                      "Incorrect number of arguments for aggregate function with If suffix");
    TypeIndex id = arguments.back()->typeId();
    if (id != TypeIndex::UInt8 && id != TypeIndex::Bool)
      throw Exception(ErrorCodes::ILLEGAL_TYPE_OF_ARGUMENT,
                      "Illegal type {} of last argument for aggregate function with If suffix",
                      arguments.back()->name());
    return DataTypes(arguments.begin(), arguments.end() - 1);
  }
  AggregateFunctionPtr transformAggregateFunction(const AggregateFunctionPtr& nested, const DataTypes& arguments,
                                                  const Fields& params) const override {
    return std::make_shared<AggregateFunctionIf>(nested, arguments, params);
  }
};

}  // namespace aggregate_combinator_if

REGISTER_AGGREGATE_FUNCTION(CombinatorIf) {
  factory.registerCombinator(std::make_shared<aggregate_combinator_if::CombinatorIf>());
}

}  // namespace tally
