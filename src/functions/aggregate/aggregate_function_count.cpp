// count() / count(x, ...): the number of rows (rows where no argument is NULL: the Null wrapper
// skips the others and keeps the UInt64 result). State: UInt64, serialised as a varint.

#include "columns/column_vector.h"
#include "functions/aggregate/aggregate_function_factory.h"
#include "functions/aggregate/state_io.h"
#include "types/data_type_number.h"

namespace tally {

namespace aggregate_count {

struct CountData {
  UInt64 count = 0;
};

class AggregateFunctionCount final : public AggregateFunctionDataHelper<CountData, AggregateFunctionCount> {
 public:
  using AggregateFunctionDataHelper::AggregateFunctionDataHelper;

  std::string getName() const override { return "count"; }
  DataTypePtr getReturnType() const override { return typeUInt64(); }
  bool returnsDefaultWhenOnlyNulls() const override { return true; }

  void add(AggregateDataPtr place, const Column**, size_t, Arena*) const override { ++data(place).count; }
  void addBatch(size_t rows, AggregateDataPtr* places, size_t place_offset, const Column**, Arena*) const override {
    for (size_t i = 0; i < rows; ++i)
      if (places[i]) ++data(places[i] + place_offset).count;
  }
  void addBatchSinglePlace(size_t rows, AggregateDataPtr place, const Column**, Arena*) const override {
    data(place).count += rows;
  }
  void addBatchSinglePlaceFiltered(size_t rows, AggregateDataPtr place, const Column**, const uint8_t* filter,
                                   Arena*) const override {
    data(place).count += countBytesInFilter(filter, rows);
  }
  void addRange(size_t begin, size_t end, AggregateDataPtr place, const Column**, Arena*) const override {
    data(place).count += end - begin;
  }
  void merge(AggregateDataPtr place, ConstAggregateDataPtr rhs, Arena*) const override {
    data(place).count += data(rhs).count;
  }
  void insertResultInto(AggregateDataPtr place, Column& to, Arena*) const override {
    typedAs<ColumnUInt64>(to).insertValue(data(place).count);
  }
  void serialize(ConstAggregateDataPtr place, WriteBuffer& out) const override { writeVarUInt(data(place).count, out); }
  void deserialize(AggregateDataPtr place, ReadBuffer& in, Arena*) const override { data(place).count = readVarUInt(in); }
};

}  // namespace aggregate_count

REGISTER_AGGREGATE_FUNCTION(Count) {
  AggregateFunctionFactory::Properties properties;
  properties.returns_default_when_only_null = true;
  factory.registerFunction(
      "count",
      [](const std::string& name, const DataTypes& arguments, const Fields& parameters) -> AggregateFunctionPtr {
        checkNoParameters(name, parameters);
        return std::make_shared<aggregate_count::AggregateFunctionCount>(arguments, parameters);
      },
      properties, FunctionFactory::CaseInsensitive,
      FunctionDocumentation{"Counts the rows, or the rows where the arguments are not NULL.", "count([x, ...])", "", "",
                            "", "Aggregate"});
}

}  // namespace tally
