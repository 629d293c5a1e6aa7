// argMin(arg, val) / argMax(arg, val): the `arg` of the row with the smallest / largest `val`
// (the first such row on ties). State: the result value then the compared value, each in its
// SingleValue binary form (ClickHouse's layout).

#include "functions/aggregate/aggregate_function_factory.h"
#include "functions/aggregate/aggregate_parameters.h"
#include "functions/aggregate/single_value_data.h"

namespace tally {

namespace aggregate_arg_min_max {

template <typename ResultData, typename ValueData>
struct ArgData {
  ResultData result;
  ValueData value;
};

template <bool is_min, typename ResultData, typename ValueData>
class AggregateFunctionArgMinMax final
    : public AggregateFunctionDataHelper<ArgData<ResultData, ValueData>,
                                         AggregateFunctionArgMinMax<is_min, ResultData, ValueData>> {
  using Base = AggregateFunctionDataHelper<ArgData<ResultData, ValueData>,
                                           AggregateFunctionArgMinMax<is_min, ResultData, ValueData>>;
  using Base::data;

 public:
  AggregateFunctionArgMinMax(const DataTypes& arguments, const Fields& parameters, size_t result_fixed_size)
      : Base(arguments, parameters), result_ctx_{arguments[0], result_fixed_size}, value_ctx_{arguments[1], 0} {}

  std::string getName() const override { return is_min ? "argMin" : "argMax"; }
  DataTypePtr getReturnType() const override { return result_ctx_.type; }
  bool allocatesMemoryInArena() const override {
    return std::is_same_v<ResultData, SingleValueString> || std::is_same_v<ValueData, SingleValueString>;
  }

  void add(AggregateDataPtr place, const Column** columns, size_t row, Arena* arena) const override {
    auto& d = data(place);
    bool better;
    if constexpr (is_min)
      better = !d.value.has() || d.value.greaterThanRow(*columns[1], row);
    else
      better = !d.value.has() || d.value.lessThanRow(*columns[1], row);
    if (better) {
      d.value.set(*columns[1], row, arena, value_ctx_);
      d.result.set(*columns[0], row, arena, result_ctx_);
    }
  }

  void merge(AggregateDataPtr place, ConstAggregateDataPtr rhs_place, Arena* arena) const override {
    auto& d = data(place);
    const auto& rhs = data(rhs_place);
    if (!rhs.value.has()) return;
    bool better;
    if constexpr (is_min)
      better = !d.value.has() || d.value.greaterThan(rhs.value);
    else
      better = !d.value.has() || d.value.lessThan(rhs.value);
    if (better) {
      d.value.setFrom(rhs.value, arena, value_ctx_);
      d.result.setFrom(rhs.result, arena, result_ctx_);
    }
  }

  void insertResultInto(AggregateDataPtr place, Column& to, Arena*) const override {
    data(place).result.insertResultInto(to, result_ctx_);
  }
  void serialize(ConstAggregateDataPtr place, WriteBuffer& out) const override {
    data(place).result.write(out, result_ctx_);
    data(place).value.write(out, value_ctx_);
  }
  void deserialize(AggregateDataPtr place, ReadBuffer& in, Arena* arena) const override {
    data(place).result.read(in, arena, result_ctx_);
    data(place).value.read(in, arena, value_ctx_);
  }

 private:
  SingleValueContext result_ctx_;
  SingleValueContext value_ctx_;
};

template <bool is_min>
AggregateFunctionPtr create(const std::string& name, const DataTypes& arguments, const Fields& parameters) {
  checkNoParameters(name, parameters);
  if (arguments.size() != 2)
    throw Exception(ErrorCodes::NUMBER_OF_ARGUMENTS_DOESNT_MATCH, "Aggregate function {} requires exactly two arguments",
                    name);
  if (!arguments[1]->isComparable())
    throw Exception(ErrorCodes::ILLEGAL_TYPE_OF_ARGUMENT,
                    "Illegal type {} of second argument of aggregate function {} because the values of that data type "
                    "are not comparable",
                    arguments[1]->name(), name);
  // The result is never compared: fixed-width results share one raw layout.
  const DataTypePtr& result_type = arguments[0];
  size_t fixed = 0;
  if (result_type->typeId() != TypeIndex::String) {
    auto probe = result_type->createColumn();
    if (probe->kind() == ColumnKind::Vector) fixed = probe->sizeOfValueIfFixed();
  }
  AggregateFunctionPtr res;
  auto with_value = [&](auto result_tag) {
    using ResultData = typename decltype(result_tag)::Type;
    dispatchSingleValue(arguments[1], [&](auto value_tag) {
      using ValueData = typename decltype(value_tag)::Type;
      res = std::make_shared<AggregateFunctionArgMinMax<is_min, ResultData, ValueData>>(arguments, parameters, fixed);
    });
  };
  if (result_type->typeId() == TypeIndex::String)
    with_value(TypeTag<SingleValueString>{});
  else if (fixed > 0 && fixed <= 16)
    with_value(TypeTag<SingleValueRaw>{});
  else
    with_value(TypeTag<SingleValueGeneric>{});
  return res;
}

}  // namespace aggregate_arg_min_max

REGISTER_AGGREGATE_FUNCTION(ArgMinMax) {
  using namespace aggregate_arg_min_max;
  factory.registerFunction("argMin", create<true>, {}, FunctionFactory::CaseSensitive,
                           FunctionDocumentation{"The arg of the row with the minimal val.", "argMin(arg, val)", "", "",
                                                 "", "Aggregate"});
  factory.registerFunction("argMax", create<false>, {}, FunctionFactory::CaseSensitive,
                           FunctionDocumentation{"The arg of the row with the maximal val.", "argMax(arg, val)", "", "",
                                                 "", "Aggregate"});
}

}  // namespace tally
