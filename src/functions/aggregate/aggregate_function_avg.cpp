// avg(x): Float64 arithmetic mean; nan for no rows. The sum accumulates as sum() does
// (UInt64 / Int64 wrapping, Float64), and the state is (sum raw, count varint) as in ClickHouse.

#include "columns/column_vector.h"
#include "functions/aggregate/aggregate_function_factory.h"
#include "functions/aggregate/aggregate_parameters.h"
#include "functions/aggregate/state_io.h"
#include "functions/aggregate/sum_kernels.h"
#include "functions/type_dispatch.h"
#include "types/data_type_number.h"

namespace tally {

namespace aggregate_avg {

template <typename Acc>
struct AvgData {
  Acc sum = 0;
  UInt64 count = 0;
};

template <typename T, typename Acc>
class AggregateFunctionAvg final : public AggregateFunctionDataHelper<AvgData<Acc>, AggregateFunctionAvg<T, Acc>> {
  using Base = AggregateFunctionDataHelper<AvgData<Acc>, AggregateFunctionAvg<T, Acc>>;
  using Base::data;

 public:
  using Base::Base;

  std::string getName() const override { return "avg"; }
  DataTypePtr getReturnType() const override { return typeFloat64(); }

  static const T* values(const Column** columns) {
    return static_cast<const ColumnVector<T>&>(*columns[0]).getData().data();
  }

  void add(AggregateDataPtr place, const Column** columns, size_t row, Arena*) const override {
    auto& d = data(place);
    d.sum = addWrapping<Acc>(d.sum, Acc(values(columns)[row]));
    ++d.count;
  }
  void addBatch(size_t rows, AggregateDataPtr* places, size_t place_offset, const Column** columns,
                Arena*) const override {
    const T* x = values(columns);
    for (size_t i = 0; i < rows; ++i) {
      if (!places[i]) continue;
      auto& d = data(places[i] + place_offset);
      d.sum = addWrapping<Acc>(d.sum, Acc(x[i]));
      ++d.count;
    }
  }
  void addBatchSinglePlace(size_t rows, AggregateDataPtr place, const Column** columns, Arena*) const override {
    auto& d = data(place);
    d.sum = sumValues<Acc>(values(columns), rows, d.sum);
    d.count += rows;
  }
  void addBatchSinglePlaceFiltered(size_t rows, AggregateDataPtr place, const Column** columns, const uint8_t* filter,
                                   Arena*) const override {
    auto& d = data(place);
    d.sum = sumValuesFiltered<Acc>(values(columns), filter, rows, d.sum);
    d.count += countBytesInFilter(filter, rows);
  }
  void addRange(size_t begin, size_t end, AggregateDataPtr place, const Column** columns, Arena*) const override {
    auto& d = data(place);
    d.sum = sumValues<Acc>(values(columns) + begin, end - begin, d.sum);
    d.count += end - begin;
  }
  void merge(AggregateDataPtr place, ConstAggregateDataPtr rhs, Arena*) const override {
    data(place).sum = addWrapping<Acc>(data(place).sum, data(rhs).sum);
    data(place).count += data(rhs).count;
  }
  void insertResultInto(AggregateDataPtr place, Column& to, Arena*) const override {
    const auto& d = data(place);
    static_cast<ColumnFloat64&>(to).insertValue(Float64(d.sum) / Float64(d.count));
  }
  void serialize(ConstAggregateDataPtr place, WriteBuffer& out) const override {
    writePodBinary(data(place).sum, out);
    writeVarUInt(data(place).count, out);
  }
  void deserialize(AggregateDataPtr place, ReadBuffer& in, Arena*) const override {
    data(place).sum = readPodBinary<Acc>(in);
    data(place).count = readVarUInt(in);
  }
};

AggregateFunctionPtr createAvg(const std::string& name, const DataTypes& arguments, const Fields& parameters) {
  checkNoParameters(name, parameters);
  if (arguments.size() != 1)
    throw Exception(ErrorCodes::NUMBER_OF_ARGUMENTS_DOESNT_MATCH, "Aggregate function {} require single argument", name);
  TypeIndex id = arguments[0]->typeId();
  if (id == TypeIndex::Bool) id = TypeIndex::UInt8;
  else if (!arguments[0]->isNumber()) throwIllegalAggregateArgument(name, arguments[0]);
  AggregateFunctionPtr res;
  dispatchNumber(id, [&](auto tag) {
    using T = typename decltype(tag)::Type;
    if constexpr (std::is_floating_point_v<T>)
      res = std::make_shared<AggregateFunctionAvg<T, Float64>>(arguments, parameters);
    else if constexpr (std::is_signed_v<T>)
      res = std::make_shared<AggregateFunctionAvg<T, Int64>>(arguments, parameters);
    else
      res = std::make_shared<AggregateFunctionAvg<T, UInt64>>(arguments, parameters);
  });
  return res;
}

}  // namespace aggregate_avg

REGISTER_AGGREGATE_FUNCTION(Avg) {
  factory.registerFunction("avg", aggregate_avg::createAvg, {}, FunctionFactory::CaseInsensitive,
                           FunctionDocumentation{"Arithmetic mean (Float64); nan when there are no rows.", "avg(x)", "",
                                                 "", "", "Aggregate"});
}

}  // namespace tally
