// sum (UInt* -> UInt64, Int* -> Int64, Float* -> Float64, wrapping on overflow),
// sumWithOverflow (keeps the argument type) and sumKahan (compensated, Float64).
// State of sum/sumWithOverflow: the accumulator as raw little-endian bytes (ClickHouse's layout).

#include "columns/column_vector.h"
#include "functions/aggregate/aggregate_function_factory.h"
#include "functions/aggregate/aggregate_parameters.h"
#include "functions/aggregate/state_io.h"
#include "functions/aggregate/sum_kernels.h"
#include "functions/type_dispatch.h"
#include "types/data_type_number.h"

namespace tally {

namespace aggregate_sum {

template <typename Acc>
struct SumData {
  Acc sum = 0;
};

template <typename T, typename Acc>
class AggregateFunctionSum final : public AggregateFunctionDataHelper<SumData<Acc>, AggregateFunctionSum<T, Acc>> {
  using Base = AggregateFunctionDataHelper<SumData<Acc>, AggregateFunctionSum<T, Acc>>;
  using Base::data;

 public:
  AggregateFunctionSum(std::string name, DataTypePtr result, const DataTypes& arguments, const Fields& parameters)
      : Base(arguments, parameters), name_(std::move(name)), result_(std::move(result)) {}

  std::string getName() const override { return name_; }
  DataTypePtr getReturnType() const override { return result_; }

  void add(AggregateDataPtr place, const Column** columns, size_t row, Arena*) const override {
    auto& d = data(place);
    d.sum = addWrapping<Acc>(d.sum, Acc(static_cast<const ColumnVector<T>&>(*columns[0]).getData()[row]));
  }
  void addBatch(size_t rows, AggregateDataPtr* places, size_t place_offset, const Column** columns,
                Arena*) const override {
    const T* x = static_cast<const ColumnVector<T>&>(*columns[0]).getData().data();
    for (size_t i = 0; i < rows; ++i) {
      if (!places[i]) continue;
      auto& d = data(places[i] + place_offset);
      d.sum = addWrapping<Acc>(d.sum, Acc(x[i]));
    }
  }
  void addBatchSinglePlace(size_t rows, AggregateDataPtr place, const Column** columns, Arena*) const override {
    const T* x = static_cast<const ColumnVector<T>&>(*columns[0]).getData().data();
    data(place).sum = sumValues<Acc>(x, rows, data(place).sum);
  }
  void addBatchSinglePlaceFiltered(size_t rows, AggregateDataPtr place, const Column** columns, const uint8_t* filter,
                                   Arena*) const override {
    const T* x = static_cast<const ColumnVector<T>&>(*columns[0]).getData().data();
    data(place).sum = sumValuesFiltered<Acc>(x, filter, rows, data(place).sum);
  }
  void addRange(size_t begin, size_t end, AggregateDataPtr place, const Column** columns, Arena*) const override {
    const T* x = static_cast<const ColumnVector<T>&>(*columns[0]).getData().data();
    data(place).sum = sumValues<Acc>(x + begin, end - begin, data(place).sum);
  }
  void merge(AggregateDataPtr place, ConstAggregateDataPtr rhs, Arena*) const override {
    data(place).sum = addWrapping<Acc>(data(place).sum, data(rhs).sum);
  }
  void insertResultInto(AggregateDataPtr place, Column& to, Arena*) const override {
    static_cast<ColumnVector<Acc>&>(to).insertValue(data(place).sum);
  }
  void serialize(ConstAggregateDataPtr place, WriteBuffer& out) const override { writePodBinary(data(place).sum, out); }
  void deserialize(AggregateDataPtr place, ReadBuffer& in, Arena*) const override {
    data(place).sum = readPodBinary<Acc>(in);
  }

 private:
  std::string name_;
  DataTypePtr result_;
};

/// Kahan-Babuska compensated summation in Float64.
struct KahanData {
  Float64 sum = 0;
  Float64 compensation = 0;

  void add(Float64 value) {
    Float64 compensated = value - compensation;
    Float64 new_sum = sum + compensated;
    compensation = (new_sum - sum) - compensated;
    sum = new_sum;
  }
  void merge(const KahanData& rhs) {
    Float64 raw_sum = sum + rhs.sum;
    Float64 rhs_compensated = raw_sum - sum;
    Float64 compensations =
        ((rhs.sum - rhs_compensated) + (sum - (raw_sum - rhs_compensated))) + compensation + rhs.compensation;
    sum = raw_sum + compensations;
    compensation = compensations - (sum - raw_sum);
  }
};

template <typename T>
class AggregateFunctionSumKahan final : public AggregateFunctionDataHelper<KahanData, AggregateFunctionSumKahan<T>> {
  using Base = AggregateFunctionDataHelper<KahanData, AggregateFunctionSumKahan<T>>;
  using Base::data;

 public:
  using Base::Base;
  std::string getName() const override { return "sumKahan"; }
  DataTypePtr getReturnType() const override { return typeFloat64(); }
  void add(AggregateDataPtr place, const Column** columns, size_t row, Arena*) const override {
    data(place).add(Float64(static_cast<const ColumnVector<T>&>(*columns[0]).getData()[row]));
  }
  void merge(AggregateDataPtr place, ConstAggregateDataPtr rhs, Arena*) const override { data(place).merge(data(rhs)); }
  void insertResultInto(AggregateDataPtr place, Column& to, Arena*) const override {
    static_cast<ColumnFloat64&>(to).insertValue(data(place).sum);
  }
  void serialize(ConstAggregateDataPtr place, WriteBuffer& out) const override {
    writePodBinary(data(place).sum, out);
    writePodBinary(data(place).compensation, out);
  }
  void deserialize(AggregateDataPtr place, ReadBuffer& in, Arena*) const override {
    data(place).sum = readPodBinary<Float64>(in);
    data(place).compensation = readPodBinary<Float64>(in);
  }
};

TypeIndex numericArgument(const std::string& name, const DataTypes& arguments, const Fields& parameters) {
  checkNoParameters(name, parameters);
  if (arguments.size() != 1)
    throw Exception(ErrorCodes::NUMBER_OF_ARGUMENTS_DOESNT_MATCH, "Aggregate function {} require single argument", name);
  TypeIndex id = arguments[0]->typeId();
  if (id == TypeIndex::Bool) return TypeIndex::UInt8;
  if (!arguments[0]->isNumber()) throwIllegalAggregateArgument(name, arguments[0]);
  return id;
}

AggregateFunctionPtr createSum(const std::string& name, const DataTypes& arguments, const Fields& parameters) {
  TypeIndex id = numericArgument(name, arguments, parameters);
  AggregateFunctionPtr res;
  dispatchNumber(id, [&](auto tag) {
    using T = typename decltype(tag)::Type;
    if constexpr (std::is_floating_point_v<T>)
      res = std::make_shared<AggregateFunctionSum<T, Float64>>(name, typeFloat64(), arguments, parameters);
    else if constexpr (std::is_signed_v<T>)
      res = std::make_shared<AggregateFunctionSum<T, Int64>>(name, typeInt64(), arguments, parameters);
    else
      res = std::make_shared<AggregateFunctionSum<T, UInt64>>(name, typeUInt64(), arguments, parameters);
  });
  return res;
}

AggregateFunctionPtr createSumWithOverflow(const std::string& name, const DataTypes& arguments,
                                           const Fields& parameters) {
  TypeIndex id = numericArgument(name, arguments, parameters);
  AggregateFunctionPtr res;
  DataTypePtr result = arguments[0]->typeId() == TypeIndex::Bool ? typeUInt8() : arguments[0];
  dispatchNumber(id, [&](auto tag) {
    using T = typename decltype(tag)::Type;
    res = std::make_shared<AggregateFunctionSum<T, T>>(name, result, arguments, parameters);
  });
  return res;
}

AggregateFunctionPtr createSumKahan(const std::string& name, const DataTypes& arguments, const Fields& parameters) {
  TypeIndex id = numericArgument(name, arguments, parameters);
  AggregateFunctionPtr res;
  dispatchNumber(id, [&](auto tag) {
    using T = typename decltype(tag)::Type;
    res = std::make_shared<AggregateFunctionSumKahan<T>>(arguments, parameters);
  });
  return res;
}

}  // namespace aggregate_sum

REGISTER_AGGREGATE_FUNCTION(Sum) {
  factory.registerFunction("sum", aggregate_sum::createSum, {}, FunctionFactory::CaseInsensitive,
                           FunctionDocumentation{"Sums the values; integers wrap around on overflow.", "sum(x)", "", "",
                                                 "", "Aggregate"});
  factory.registerFunction("sumWithOverflow", aggregate_sum::createSumWithOverflow, {}, FunctionFactory::CaseSensitive,
                           FunctionDocumentation{"Sums the values in the type of the argument (overflowing).",
                                                 "sumWithOverflow(x)", "", "", "", "Aggregate"});
  factory.registerFunction("sumKahan", aggregate_sum::createSumKahan, {}, FunctionFactory::CaseSensitive,
                           FunctionDocumentation{"Sums the values with Kahan compensated summation (Float64).",
                                                 "sumKahan(x)", "", "", "", "Aggregate"});
}

}  // namespace tally
