#include "functions/aggregate/combinators/aggregate_function_or_fill.h"

#include <algorithm>

#include "columns/column_nullable.h"
#include "io/read_buffer.h"
#include "io/write_buffer.h"
#include "types/data_type_nullable.h"

namespace tally {

namespace aggregate_function_or_fill {

class AggregateFunctionOrFill final : public IAggregateFunction {
 public:
  AggregateFunctionOrFill(AggregateFunctionPtr nested, const DataTypes& arguments, const Fields& parameters,
                          bool or_null)
      : IAggregateFunction(arguments, parameters), nested_(std::move(nested)), or_null_(or_null) {
    prefix_ = std::max<size_t>(nested_->alignOfData(), 1);
    DataTypePtr nested_type = nested_->getReturnType();
    nested_nullable_ = nested_type->isNullable();
    wraps_nullable_ = or_null_ && !nested_nullable_ && nested_type->canBeInsideNullable();
    result_ = wraps_nullable_ ? makeNullable(nested_type) : nested_type;
  }

  std::string getName() const override { return nested_->getName() + (or_null_ ? "OrNull" : "OrDefault"); }
  DataTypePtr getReturnType() const override { return result_; }
  size_t sizeOfData() const override { return prefix_ + nested_->sizeOfData(); }
  size_t alignOfData() const override { return prefix_; }
  void create(AggregateDataPtr place) const override {
    place[0] = 0;
    nested_->create(place + prefix_);
  }
  void destroy(AggregateDataPtr place) const noexcept override { nested_->destroy(place + prefix_); }
  bool hasTrivialDestructor() const override { return nested_->hasTrivialDestructor(); }
  bool allocatesMemoryInArena() const override { return nested_->allocatesMemoryInArena(); }

  void add(AggregateDataPtr place, const Column** columns, size_t row, Arena* arena) const override {
    place[0] = 1;
    nested_->add(place + prefix_, columns, row, arena);
  }
  void addBatch(size_t rows, AggregateDataPtr* places, size_t place_offset, const Column** columns,
                Arena* arena) const override {
    for (size_t i = 0; i < rows; ++i)
      if (places[i]) places[i][place_offset] = 1;
    nested_->addBatch(rows, places, place_offset + prefix_, columns, arena);
  }
  void addBatchSinglePlace(size_t rows, AggregateDataPtr place, const Column** columns, Arena* arena) const override {
    if (rows) place[0] = 1;
    nested_->addBatchSinglePlace(rows, place + prefix_, columns, arena);
  }
  void addBatchSinglePlaceFiltered(size_t rows, AggregateDataPtr place, const Column** columns, const uint8_t* filter,
                                   Arena* arena) const override {
    if (countBytesInFilter(filter, rows)) place[0] = 1;
    nested_->addBatchSinglePlaceFiltered(rows, place + prefix_, columns, filter, arena);
  }
  void addRange(size_t begin, size_t end, AggregateDataPtr place, const Column** columns, Arena* arena) const override {
    if (end > begin) place[0] = 1;
    nested_->addRange(begin, end, place + prefix_, columns, arena);
  }
  void merge(AggregateDataPtr place, ConstAggregateDataPtr rhs, Arena* arena) const override {
    if (!rhs[0]) return;
    place[0] = 1;
    nested_->merge(place + prefix_, rhs + prefix_, arena);
  }

  void insertResultInto(AggregateDataPtr place, Column& to, Arena* arena) const override {
    if (!place[0]) {
      to.insertDefault();
      return;
    }
    if (wraps_nullable_) {
      auto& nullable = static_cast<ColumnNullable&>(to);
      nested_->insertResultInto(place + prefix_, nullable.getNestedColumn(), arena);
      nullable.getNullMapData().push_back(0);
    } else {
      nested_->insertResultInto(place + prefix_, to, arena);
    }
  }

  void serialize(ConstAggregateDataPtr place, WriteBuffer& out) const override {
    out.write(place[0]);
    if (place[0]) nested_->serialize(place + prefix_, out);
  }
  void deserialize(AggregateDataPtr place, ReadBuffer& in, Arena* arena) const override {
    char flag = 0;
    in.readStrict(&flag, 1);
    place[0] = flag ? 1 : 0;
    if (flag) nested_->deserialize(place + prefix_, in, arena);
  }

 private:
  AggregateFunctionPtr nested_;
  bool or_null_;
  bool nested_nullable_ = false;
  bool wraps_nullable_ = false;
  size_t prefix_ = 1;
  DataTypePtr result_;
};

}  // namespace aggregate_function_or_fill

AggregateFunctionPtr makeAggregateFunctionOrFill(const AggregateFunctionPtr& nested, const DataTypes& arguments,
                                                 const Fields& parameters, bool or_null) {
  return std::make_shared<aggregate_function_or_fill::AggregateFunctionOrFill>(nested, arguments, parameters, or_null);
}

}  // namespace tally
