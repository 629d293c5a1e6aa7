// min, max, any, anyLast over any type (numbers, dates and UUID inline and vectorised; String
// in the Arena; other comparable types through a one-row column). ClickHouse's semantics: a
// NaN seen first stays (nothing compares less than it), later NaNs are ignored.

#include <type_traits>

#include "functions/aggregate/aggregate_function_factory.h"
#include "functions/aggregate/aggregate_parameters.h"
#include "functions/aggregate/single_value_data.h"

namespace tally {

namespace aggregate_min_max_any {

enum class Kind { Min, Max, Any, AnyLast };

const char* kindName(Kind kind) {
  switch (kind) {
    case Kind::Min: return "min";
    case Kind::Max: return "max";
    case Kind::Any: return "any";
    case Kind::AnyLast: return "anyLast";
  }
  return "";
}

template <typename Data>
struct IsFixed : std::false_type {};
template <typename T>
struct IsFixed<SingleValueFixed<T>> : std::true_type {
  using Type = T;
};

/// Reduction of a block of numbers for min/max with ClickHouse's NaN semantics
/// (`x < m ? x : m` keeps a NaN m and skips NaN x); several accumulators vectorise.
template <Kind kind, typename T>
T reduceFixed(const T* __restrict x, size_t n, T m) {
  constexpr size_t kLanes = 8;
  T acc[kLanes];
  for (size_t l = 0; l < kLanes; ++l) acc[l] = m;
  size_t i = 0;
  for (; i + kLanes <= n; i += kLanes)
    for (size_t l = 0; l < kLanes; ++l) {
      if constexpr (kind == Kind::Min)
        acc[l] = x[i + l] < acc[l] ? x[i + l] : acc[l];
      else
        acc[l] = acc[l] < x[i + l] ? x[i + l] : acc[l];
    }
  for (; i < n; ++i) {
    if constexpr (kind == Kind::Min)
      acc[0] = x[i] < acc[0] ? x[i] : acc[0];
    else
      acc[0] = acc[0] < x[i] ? x[i] : acc[0];
  }
  T r = acc[0];
  for (size_t l = 1; l < kLanes; ++l) {
    if constexpr (kind == Kind::Min)
      r = acc[l] < r ? acc[l] : r;
    else
      r = r < acc[l] ? acc[l] : r;
  }
  return r;
}

template <Kind kind, typename Data>
class AggregateFunctionSingleValue final
    : public AggregateFunctionDataHelper<Data, AggregateFunctionSingleValue<kind, Data>> {
  using Base = AggregateFunctionDataHelper<Data, AggregateFunctionSingleValue<kind, Data>>;
  using Base::data;

 public:
  AggregateFunctionSingleValue(const DataTypes& arguments, const Fields& parameters)
      : Base(arguments, parameters), ctx_{arguments[0], 0} {}

  std::string getName() const override { return kindName(kind); }
  DataTypePtr getReturnType() const override { return ctx_.type; }
  bool allocatesMemoryInArena() const override { return std::is_same_v<Data, SingleValueString>; }

  static void addRow(Data& d, const Column& c, size_t row, Arena* arena, const SingleValueContext& ctx) {
    if constexpr (kind == Kind::Min) {
      if (!d.has() || d.greaterThanRow(c, row)) d.set(c, row, arena, ctx);
    } else if constexpr (kind == Kind::Max) {
      if (!d.has() || d.lessThanRow(c, row)) d.set(c, row, arena, ctx);
    } else if constexpr (kind == Kind::Any) {
      if (!d.has()) d.set(c, row, arena, ctx);
    } else {
      d.set(c, row, arena, ctx);
    }
  }

  void add(AggregateDataPtr place, const Column** columns, size_t row, Arena* arena) const override {
    addRow(data(place), *columns[0], row, arena, ctx_);
  }

  void addBatchSinglePlace(size_t rows, AggregateDataPtr place, const Column** columns, Arena* arena) const override {
    addRangeImpl(0, rows, data(place), *columns[0], arena);
  }
  void addRange(size_t begin, size_t end, AggregateDataPtr place, const Column** columns, Arena* arena) const override {
    addRangeImpl(begin, end, data(place), *columns[0], arena);
  }
  void addBatchSinglePlaceFiltered(size_t rows, AggregateDataPtr place, const Column** columns, const uint8_t* filter,
                                   Arena* arena) const override {
    Data& d = data(place);
    if constexpr (kind == Kind::Any) {
      if (d.has()) return;
      for (size_t i = 0; i < rows; ++i)
        if (filter[i]) {
          d.set(*columns[0], i, arena, ctx_);
          return;
        }
    } else if constexpr (kind == Kind::AnyLast) {
      for (size_t i = rows; i-- > 0;)
        if (filter[i]) {
          d.set(*columns[0], i, arena, ctx_);
          return;
        }
    } else {
      for (size_t i = 0; i < rows; ++i)
        if (filter[i]) addRow(d, *columns[0], i, arena, ctx_);
    }
  }

  void merge(AggregateDataPtr place, ConstAggregateDataPtr rhs_place, Arena* arena) const override {
    Data& d = data(place);
    const Data& rhs = data(rhs_place);
    if (!rhs.has()) return;
    bool take;
    if constexpr (kind == Kind::Min)
      take = !d.has() || d.greaterThan(rhs);
    else if constexpr (kind == Kind::Max)
      take = !d.has() || d.lessThan(rhs);
    else if constexpr (kind == Kind::Any)
      take = !d.has();
    else
      take = true;
    if (take) d.setFrom(rhs, arena, ctx_);
  }

  void insertResultInto(AggregateDataPtr place, Column& to, Arena*) const override {
    data(place).insertResultInto(to, ctx_);
  }
  void serialize(ConstAggregateDataPtr place, WriteBuffer& out) const override { data(place).write(out, ctx_); }
  void deserialize(AggregateDataPtr place, ReadBuffer& in, Arena* arena) const override {
    data(place).read(in, arena, ctx_);
  }

 private:
  void addRangeImpl(size_t begin, size_t end, Data& d, const Column& c, Arena* arena) const {
    if (begin >= end) return;
    if constexpr (kind == Kind::Any) {
      if (!d.has()) d.set(c, begin, arena, ctx_);
    } else if constexpr (kind == Kind::AnyLast) {
      d.set(c, end - 1, arena, ctx_);
    } else if constexpr (IsFixed<Data>::value) {
      using T = typename IsFixed<Data>::Type;
      const T* x = Data::values(c);
      if (!d.has()) d.setValue(x[begin++]);
      d.setValue(reduceFixed<kind>(x + begin, end - begin, d.value));
    } else {
      for (size_t i = begin; i < end; ++i) addRow(d, c, i, arena, ctx_);
    }
  }

  SingleValueContext ctx_;
};

template <Kind kind>
AggregateFunctionPtr create(const std::string& name, const DataTypes& arguments, const Fields& parameters) {
  checkNoParameters(name, parameters);
  if (arguments.size() != 1)
    throw Exception(ErrorCodes::NUMBER_OF_ARGUMENTS_DOESNT_MATCH, "Aggregate function {} require single argument", name);
  if ((kind == Kind::Min || kind == Kind::Max) && !arguments[0]->isComparable())
    throw Exception(ErrorCodes::ILLEGAL_TYPE_OF_ARGUMENT,
                    "Illegal type {} of argument of aggregate function {} because the values of that data type are not "
                    "comparable",
                    arguments[0]->name(), name);
  AggregateFunctionPtr res;
  dispatchSingleValue(arguments[0], [&](auto tag) {
    using Data = typename decltype(tag)::Type;
    res = std::make_shared<AggregateFunctionSingleValue<kind, Data>>(arguments, parameters);
  });
  return res;
}

}  // namespace aggregate_min_max_any

REGISTER_AGGREGATE_FUNCTION(MinMaxAny) {
  using namespace aggregate_min_max_any;
  auto doc = [](const char* description, const char* syntax) {
    return FunctionDocumentation{description, syntax, "", "", "", "Aggregate"};
  };
  factory.registerFunction("min", create<Kind::Min>, {}, FunctionFactory::CaseInsensitive,
                           doc("The minimum value.", "min(x)"));
  factory.registerFunction("max", create<Kind::Max>, {}, FunctionFactory::CaseInsensitive,
                           doc("The maximum value.", "max(x)"));
  factory.registerFunction("any", create<Kind::Any>, {}, FunctionFactory::CaseSensitive,
                           doc("The first value encountered.", "any(x)"));
  factory.registerFunction("anyLast", create<Kind::AnyLast>, {}, FunctionFactory::CaseSensitive,
                           doc("The last value encountered.", "anyLast(x)"));
  factory.registerAlias("any_value", "any", FunctionFactory::CaseInsensitive);
  factory.registerAlias("first_value", "any", FunctionFactory::CaseInsensitive);
  factory.registerAlias("last_value", "anyLast", FunctionFactory::CaseInsensitive);
}

}  // namespace tally
