#pragma once
// Base of combinators whose state is the nested function's state: every method forwards to
// the nested function (one virtual call per block, as the nested function's own batch methods
// run the rows); subclasses override what they change.

#include "functions/aggregate/aggregate_function.h"

namespace tally {

class AggregateFunctionWrapper : public IAggregateFunction {
 public:
  AggregateFunctionWrapper(AggregateFunctionPtr nested, const DataTypes& arguments, const Fields& parameters)
      : IAggregateFunction(arguments, parameters), nested_(std::move(nested)) {}

  DataTypePtr getReturnType() const override { return nested_->getReturnType(); }
  size_t sizeOfData() const override { return nested_->sizeOfData(); }
  size_t alignOfData() const override { return nested_->alignOfData(); }
  void create(AggregateDataPtr place) const override { nested_->create(place); }
  void destroy(AggregateDataPtr place) const noexcept override { nested_->destroy(place); }
  bool hasTrivialDestructor() const override { return nested_->hasTrivialDestructor(); }
  bool allocatesMemoryInArena() const override { return nested_->allocatesMemoryInArena(); }
  bool returnsDefaultWhenOnlyNulls() const override { return nested_->returnsDefaultWhenOnlyNulls(); }

  void add(AggregateDataPtr place, const Column** columns, size_t row, Arena* arena) const override {
    nested_->add(place, columns, row, arena);
  }
  void addBatch(size_t rows, AggregateDataPtr* places, size_t place_offset, const Column** columns,
                Arena* arena) const override {
    nested_->addBatch(rows, places, place_offset, columns, arena);
  }
  void addBatchSinglePlace(size_t rows, AggregateDataPtr place, const Column** columns, Arena* arena) const override {
    nested_->addBatchSinglePlace(rows, place, columns, arena);
  }
  void addBatchSinglePlaceFiltered(size_t rows, AggregateDataPtr place, const Column** columns, const uint8_t* filter,
                                   Arena* arena) const override {
    nested_->addBatchSinglePlaceFiltered(rows, place, columns, filter, arena);
  }
  void addRange(size_t begin, size_t end, AggregateDataPtr place, const Column** columns, Arena* arena) const override {
    nested_->addRange(begin, end, place, columns, arena);
  }
  void merge(AggregateDataPtr place, ConstAggregateDataPtr rhs, Arena* arena) const override {
    nested_->merge(place, rhs, arena);
  }
  void insertResultInto(AggregateDataPtr place, Column& to, Arena* arena) const override {
    nested_->insertResultInto(place, to, arena);
  }
  void serialize(ConstAggregateDataPtr place, WriteBuffer& out) const override { nested_->serialize(place, out); }
  void deserialize(AggregateDataPtr place, ReadBuffer& in, Arena* arena) const override {
    nested_->deserialize(place, in, arena);
  }

 protected:
  AggregateFunctionPtr nested_;
};

}  // namespace tally
