#include "functions/aggregate/aggregate_function_null.h"

#include "columns/column_nullable.h"
#include "common/exception.h"
#include "io/read_buffer.h"
#include "io/write_buffer.h"
#include "types/data_type_misc.h"
#include "types/data_type_nullable.h"

namespace tally {

namespace {

class AggregateFunctionNull final : public IAggregateFunction {
 public:
  AggregateFunctionNull(AggregateFunctionPtr nested, const DataTypes& arguments, const Fields& parameters,
                        bool returns_default)
      : IAggregateFunction(arguments, parameters), nested_(std::move(nested)), returns_default_(returns_default) {
    size_t align = nested_->alignOfData();
    prefix_ = align > 1 ? align : 1;
    if (arguments.size() > kMaxArguments)
      throw Exception(ErrorCodes::NUMBER_OF_ARGUMENTS_DOESNT_MATCH, "Too many arguments for aggregate function {}",
                      nested_->getName());
    for (size_t i = 0; i < arguments.size(); ++i) nullable_args_.push_back(arguments[i]->isNullable());
    // The result is Nullable(T) unless count-like, or T cannot be (or already is) Nullable: then
    // the nested function's result for its (possibly empty) state is used as is.
    DataTypePtr nested_type = nested_->getReturnType();
    result_nullable_ = !returns_default_ && nested_type->canBeInsideNullable() && !nested_type->isNullable();
  }

  std::string getName() const override { return nested_->getName(); }
  DataTypePtr getReturnType() const override {
    return result_nullable_ ? makeNullable(nested_->getReturnType()) : nested_->getReturnType();
  }
  bool returnsDefaultWhenOnlyNulls() const override { return returns_default_; }
  size_t sizeOfData() const override { return prefix_ + nested_->sizeOfData(); }
  size_t alignOfData() const override { return std::max<size_t>(nested_->alignOfData(), 1); }
  void create(AggregateDataPtr place) const override {
    place[0] = 0;
    nested_->create(place + prefix_);
  }
  void destroy(AggregateDataPtr place) const noexcept override { nested_->destroy(place + prefix_); }
  bool hasTrivialDestructor() const override { return nested_->hasTrivialDestructor(); }
  bool allocatesMemoryInArena() const override { return nested_->allocatesMemoryInArena(); }

  void add(AggregateDataPtr place, const Column** columns, size_t row, Arena* arena) const override {
    const Column* nested_columns[kMaxArguments];
    size_t n = argument_types_.size();
    for (size_t i = 0; i < n; ++i) {
      if (nullable_args_[i]) {
        const auto& c = static_cast<const ColumnNullable&>(*columns[i]);
        if (c.isNullAt(row)) return;
        nested_columns[i] = &c.getNestedColumn();
      } else {
        nested_columns[i] = columns[i];
      }
    }
    place[0] = 1;
    nested_->add(place + prefix_, nested_columns, row, arena);
  }

  void addBatch(size_t rows, AggregateDataPtr* places, size_t place_offset, const Column** columns,
                Arena* arena) const override {
    const Column* nested_columns[kMaxArguments];
    PODArray<uint8_t> valid;
    stripBlock(rows, columns, nested_columns, valid);
    PODArray<AggregateDataPtr> filtered(rows);
    for (size_t i = 0; i < rows; ++i) {
      if (places[i] && valid[i]) {
        places[i][place_offset] = 1;
        filtered[i] = places[i];
      } else {
        filtered[i] = nullptr;
      }
    }
    nested_->addBatch(rows, filtered.data(), place_offset + prefix_, nested_columns, arena);
  }

  void addBatchSinglePlace(size_t rows, AggregateDataPtr place, const Column** columns, Arena* arena) const override {
    const Column* nested_columns[kMaxArguments];
    PODArray<uint8_t> valid;
    stripBlock(rows, columns, nested_columns, valid);
    if (countBytesInFilter(valid.data(), rows)) place[0] = 1;
    nested_->addBatchSinglePlaceFiltered(rows, place + prefix_, nested_columns, valid.data(), arena);
  }

  void addBatchSinglePlaceFiltered(size_t rows, AggregateDataPtr place, const Column** columns, const uint8_t* filter,
                                   Arena* arena) const override {
    const Column* nested_columns[kMaxArguments];
    PODArray<uint8_t> valid;
    stripBlock(rows, columns, nested_columns, valid);
    for (size_t i = 0; i < rows; ++i) valid[i] &= filter[i] != 0;
    if (countBytesInFilter(valid.data(), rows)) place[0] = 1;
    nested_->addBatchSinglePlaceFiltered(rows, place + prefix_, nested_columns, valid.data(), arena);
  }

  void addRange(size_t begin, size_t end, AggregateDataPtr place, const Column** columns, Arena* arena) const override {
    for (size_t i = begin; i < end; ++i) add(place, columns, i, arena);
  }

  void merge(AggregateDataPtr place, ConstAggregateDataPtr rhs, Arena* arena) const override {
    if (rhs[0]) {
      place[0] = 1;
      nested_->merge(place + prefix_, rhs + prefix_, arena);
    }
  }

  void insertResultInto(AggregateDataPtr place, Column& to, Arena* arena) const override {
    if (!result_nullable_) {
      nested_->insertResultInto(place + prefix_, to, arena);
      return;
    }
    auto& nullable = static_cast<ColumnNullable&>(to);
    if (place[0]) {
      nested_->insertResultInto(place + prefix_, nullable.getNestedColumn(), arena);
      nullable.getNullMapData().push_back(0);
    } else {
      nullable.insertDefault();
    }
  }

  void serialize(ConstAggregateDataPtr place, WriteBuffer& out) const override {
    out.write(place[0]);
    if (place[0]) nested_->serialize(place + prefix_, out);
  }
  void deserialize(AggregateDataPtr place, ReadBuffer& in, Arena* arena) const override {
    char flag = 0;
    in.readStrict(&flag, 1);
    place[0] = flag;
    if (flag) nested_->deserialize(place + prefix_, in, arena);
  }

 private:
  void stripBlock(size_t rows, const Column** columns, const Column** nested_columns, PODArray<uint8_t>& valid) const {
    valid.resizeFill(rows, 1);
    for (size_t i = 0; i < argument_types_.size(); ++i) {
      if (nullable_args_[i]) {
        const auto& c = static_cast<const ColumnNullable&>(*columns[i]);
        const auto& nulls = c.getNullMapData();
        for (size_t r = 0; r < rows; ++r) valid[r] &= !nulls[r];
        nested_columns[i] = &c.getNestedColumn();
      } else {
        nested_columns[i] = columns[i];
      }
    }
  }

  static constexpr size_t kMaxArguments = 64;

  AggregateFunctionPtr nested_;
  bool returns_default_;
  bool result_nullable_ = true;
  size_t prefix_;
  std::vector<bool> nullable_args_;
};

class AggregateFunctionNothing final : public AggregateFunctionHelper<AggregateFunctionNothing> {
 public:
  AggregateFunctionNothing(std::string name, const DataTypes& arguments, const Fields& parameters)
      : AggregateFunctionHelper(arguments, parameters), name_(std::move(name)) {}
  std::string getName() const override { return name_; }
  DataTypePtr getReturnType() const override { return makeNullable(typeNothing()); }
  size_t sizeOfData() const override { return 1; }
  size_t alignOfData() const override { return 1; }
  void create(AggregateDataPtr) const override {}
  void destroy(AggregateDataPtr) const noexcept override {}
  bool hasTrivialDestructor() const override { return true; }
  void add(AggregateDataPtr, const Column**, size_t, Arena*) const override {}
  void merge(AggregateDataPtr, ConstAggregateDataPtr, Arena*) const override {}
  void insertResultInto(AggregateDataPtr, Column& to, Arena*) const override { to.insertDefault(); }
  void serialize(ConstAggregateDataPtr, WriteBuffer&) const override {}
  void deserialize(AggregateDataPtr, ReadBuffer&, Arena*) const override {}

 private:
  std::string name_;
};

}  // namespace

AggregateFunctionPtr makeAggregateFunctionNull(const AggregateFunctionPtr& nested, const DataTypes& arguments,
                                               const Fields& parameters, bool returns_default_when_only_nulls) {
  return std::make_shared<AggregateFunctionNull>(nested, arguments, parameters, returns_default_when_only_nulls);
}

AggregateFunctionPtr makeAggregateFunctionNothing(const std::string& name, const DataTypes& arguments,
                                                  const Fields& parameters) {
  return std::make_shared<AggregateFunctionNothing>(name, arguments, parameters);
}

}  // namespace tally
