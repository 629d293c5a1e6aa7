// Quantiles over numbers, Date, Date32, DateTime and DateTime64:
//   quantile(level)(x), quantiles(l1, ...)(x), median(x)            — reservoir sample of 8192
//       (quantile_reservoir.h), linear interpolation; Float64, or the date type (truncated);
//   quantileExact / quantilesExact / medianExact                    — all values; the element at
//       position floor(level * n) of the sorted values (n - 1 for level 1); the argument's type;
//   quantileTDigest / quantilesTDigest / medianTDigest              — t-digest
//       (quantile_tdigest.h); Float32, or the date type.
// NaNs are skipped except by the t-digest (as in ClickHouse). No values: nan for float results,
// 0 (1970-01-01) otherwise. The plural forms return Array(result) in the order of the levels.

#include <algorithm>
#include <cmath>

#include "columns/column_array.h"
#include "columns/column_vector.h"
#include "functions/aggregate/aggregate_function_factory.h"
#include "functions/aggregate/aggregate_parameters.h"
#include "functions/aggregate/quantile_reservoir.h"
#include "functions/aggregate/quantile_tdigest.h"
#include "functions/aggregate/state_io.h"
#include "functions/type_dispatch.h"
#include "types/data_type_array.h"
#include "types/data_type_number.h"

namespace tally {

namespace aggregate_quantile {

template <typename T>
struct ExactData {
  PODArray<T> values;
  bool sorted = false;

  void insert(T v) {
    if constexpr (std::is_floating_point_v<T>)
      if (std::isnan(v)) return;
    values.push_back(v);
    sorted = false;
  }
  void merge(const ExactData& rhs) {
    values.insert(rhs.values.begin(), rhs.values.end());
    sorted = false;
  }
  void write(WriteBuffer& out) const {
    writeVarUInt(values.size(), out);
    out.write(reinterpret_cast<const char*>(values.data()), values.size() * sizeof(T));
  }
  void read(ReadBuffer& in) {
    size_t n = readSizeBinary(in);
    values.resize(n);
    in.readStrict(reinterpret_cast<char*>(values.data()), n * sizeof(T));
    sorted = false;
  }
};

template <typename T>
struct TDigestData {
  TDigest digest;
  void insert(T v) { digest.add(float(v)); }
  void merge(const TDigestData& rhs) { digest.merge(rhs.digest); }
  void write(WriteBuffer& out) const { digest.write(out); }
  void read(ReadBuffer& in) { digest.read(in); }
};

template <typename T>
struct ReservoirData {
  ReservoirSampler<T> sampler;
  void insert(T v) { sampler.insert(v); }
  void merge(const ReservoirData& rhs) { sampler.merge(rhs.sampler); }
  void write(WriteBuffer& out) const { sampler.write(out); }
  void read(ReadBuffer& in) { sampler.read(in); }
};

template <typename Result>
Result emptyResult() {
  if constexpr (std::is_floating_point_v<Result>)
    return std::numeric_limits<Result>::quiet_NaN();
  else
    return Result{};
}

/// Quantiles of `levels` (in any order) into `out` (same order).
template <typename T, typename Result>
void computeQuantiles(ExactData<T>& d, const std::vector<double>& levels, Result* out) {
  if (d.values.empty()) {
    for (size_t i = 0; i < levels.size(); ++i) out[i] = emptyResult<Result>();
    return;
  }
  size_t n = d.values.size();
  auto position = [n](double level) { return level < 1 ? size_t(level * double(n)) : n - 1; };
  if (levels.size() == 1) {
    size_t p = position(levels[0]);
    if (!d.sorted) std::nth_element(d.values.begin(), d.values.begin() + p, d.values.end());
    out[0] = Result(d.values[p]);
    return;
  }
  if (!d.sorted) {
    std::sort(d.values.begin(), d.values.end());
    d.sorted = true;
  }
  for (size_t i = 0; i < levels.size(); ++i) out[i] = Result(d.values[position(levels[i])]);
}

template <typename T, typename Result>
void computeQuantiles(TDigestData<T>& d, const std::vector<double>& levels, Result* out) {
  for (size_t i = 0; i < levels.size(); ++i)
    out[i] = d.digest.empty() ? emptyResult<Result>() : Result(d.digest.quantile(levels[i]));
}

template <typename T, typename Result>
void computeQuantiles(ReservoirData<T>& d, const std::vector<double>& levels, Result* out) {
  for (size_t i = 0; i < levels.size(); ++i) {
    if (d.sampler.total() == 0) {
      out[i] = emptyResult<Result>();
      continue;
    }
    double v = d.sampler.quantileInterpolated(levels[i]);
    if constexpr (std::is_floating_point_v<Result>)
      out[i] = Result(v);
    else
      out[i] = Result(T(v));
  }
}

template <typename T, typename Data, typename Result>
class AggregateFunctionQuantile final
    : public AggregateFunctionDataHelper<Data, AggregateFunctionQuantile<T, Data, Result>> {
  using Base = AggregateFunctionDataHelper<Data, AggregateFunctionQuantile<T, Data, Result>>;
  using Base::data;

 public:
  AggregateFunctionQuantile(std::string name, std::vector<double> levels, bool plural, DataTypePtr result,
                            const DataTypes& arguments, const Fields& parameters)
      : Base(arguments, parameters),
        name_(std::move(name)),
        levels_(std::move(levels)),
        plural_(plural),
        result_(plural ? DataTypePtr(std::make_shared<DataTypeArray>(result)) : result) {}

  std::string getName() const override { return name_; }
  DataTypePtr getReturnType() const override { return result_; }

  void add(AggregateDataPtr place, const Column** columns, size_t row, Arena*) const override {
    data(place).insert(static_cast<const ColumnVector<T>&>(*columns[0]).getData()[row]);
  }
  void addBatchSinglePlace(size_t rows, AggregateDataPtr place, const Column** columns, Arena*) const override {
    const T* x = static_cast<const ColumnVector<T>&>(*columns[0]).getData().data();
    Data& d = data(place);
    for (size_t i = 0; i < rows; ++i) d.insert(x[i]);
  }
  void merge(AggregateDataPtr place, ConstAggregateDataPtr rhs, Arena*) const override { data(place).merge(data(rhs)); }

  void insertResultInto(AggregateDataPtr place, Column& to, Arena*) const override {
    if (!plural_) {
      Result r;
      computeQuantiles(data(place), levels_, &r);
      static_cast<ColumnVector<Result>&>(to).insertValue(r);
      return;
    }
    auto& array = static_cast<ColumnArray&>(to);
    auto& values = static_cast<ColumnVector<Result>&>(array.getData()).getData();
    size_t old = values.size();
    values.resize(old + levels_.size());
    computeQuantiles(data(place), levels_, values.data() + old);
    array.getOffsets().push_back(values.size());
  }
  void serialize(ConstAggregateDataPtr place, WriteBuffer& out) const override { data(place).write(out); }
  void deserialize(AggregateDataPtr place, ReadBuffer& in, Arena*) const override { data(place).read(in); }

 private:
  std::string name_;
  std::vector<double> levels_;
  bool plural_;
  DataTypePtr result_;
};

enum class Method { Reservoir, Exact, TDigest };

template <Method method, bool plural>
AggregateFunctionPtr create(const std::string& name, const DataTypes& arguments, const Fields& parameters) {
  if (arguments.size() != 1)
    throw Exception(ErrorCodes::NUMBER_OF_ARGUMENTS_DOESNT_MATCH, "Aggregate function {} require single argument", name);
  std::vector<double> levels = quantileLevelsParameters(name, parameters, plural);
  const DataTypePtr& type = arguments[0];
  TypeIndex id = type->typeId();
  bool is_date = id == TypeIndex::Date || id == TypeIndex::Date32 || id == TypeIndex::DateTime ||
                 id == TypeIndex::DateTime64;
  if (!is_date && !type->isNumber()) throwIllegalAggregateArgument(name, type);

  AggregateFunctionPtr res;
  dispatchColumnVector(id, [&](auto tag) {
    using T = typename decltype(tag)::Type;
    if constexpr (!std::is_same_v<T, UInt128>) {
      if constexpr (method == Method::Exact) {
        res = std::make_shared<AggregateFunctionQuantile<T, ExactData<T>, T>>(name, levels, plural, type, arguments,
                                                                              parameters);
      } else {
        using Data = std::conditional_t<method == Method::Reservoir, ReservoirData<T>, TDigestData<T>>;
        using FloatResult = std::conditional_t<method == Method::Reservoir, Float64, Float32>;
        if (is_date) {
          if constexpr (std::is_integral_v<T>)
            res = std::make_shared<AggregateFunctionQuantile<T, Data, T>>(name, levels, plural, type, arguments,
                                                                          parameters);
        } else {
          DataTypePtr result = method == Method::Reservoir ? typeFloat64() : typeFloat32();
          res = std::make_shared<AggregateFunctionQuantile<T, Data, FloatResult>>(name, levels, plural, result,
                                                                                  arguments, parameters);
        }
      }
    }
  });
  if (!res) throwIllegalAggregateArgument(name, type);
  return res;
}

}  // namespace aggregate_quantile

REGISTER_AGGREGATE_FUNCTION(Quantile) {
  using namespace aggregate_quantile;
  auto doc = [](const char* description, const char* syntax) {
    return FunctionDocumentation{description, syntax, "", "", "", "Aggregate"};
  };
  factory.registerFunction("quantile", create<Method::Reservoir, false>, {}, FunctionFactory::CaseSensitive,
                           doc("Approximate quantile (reservoir sample of 8192, interpolated).", "quantile(level)(x)"));
  factory.registerFunction("quantiles", create<Method::Reservoir, true>, {}, FunctionFactory::CaseSensitive,
                           doc("Several approximate quantiles at once.", "quantiles(level1, ...)(x)"));
  factory.registerFunction("median", create<Method::Reservoir, false>, {}, FunctionFactory::CaseSensitive,
                           doc("quantile(0.5).", "median(x)"));
  factory.registerFunction("quantileExact", create<Method::Exact, false>, {}, FunctionFactory::CaseSensitive,
                           doc("Exact quantile: the element at floor(level * n) of the sorted values.",
                               "quantileExact(level)(x)"));
  factory.registerFunction("quantilesExact", create<Method::Exact, true>, {}, FunctionFactory::CaseSensitive,
                           doc("Several exact quantiles at once.", "quantilesExact(level1, ...)(x)"));
  factory.registerFunction("medianExact", create<Method::Exact, false>, {}, FunctionFactory::CaseSensitive,
                           doc("quantileExact(0.5).", "medianExact(x)"));
  factory.registerFunction("quantileTDigest", create<Method::TDigest, false>, {}, FunctionFactory::CaseSensitive,
                           doc("Approximate quantile with a t-digest (Float32).", "quantileTDigest(level)(x)"));
  factory.registerFunction("quantilesTDigest", create<Method::TDigest, true>, {}, FunctionFactory::CaseSensitive,
                           doc("Several t-digest quantiles at once.", "quantilesTDigest(level1, ...)(x)"));
  factory.registerFunction("medianTDigest", create<Method::TDigest, false>, {}, FunctionFactory::CaseSensitive,
                           doc("quantileTDigest(0.5).", "medianTDigest(x)"));
}

}  // namespace tally
