// Variance, standard deviation, covariance and correlation (Float64).
//   varPop, varSamp, stddevPop, stddevSamp, covarPop, covarSamp, corr — ClickHouse's formulas over
//     raw moments (count, sums, sums of products), which give bit-identical results to ClickHouse
//     but lose precision when the mean is large relative to the spread (as ClickHouse documents);
//     no rows: nan; varSamp of one row: nan (0/0).
//   varPopStable, varSampStable, stddevPopStable, stddevSampStable, covarPopStable,
//   covarSampStable, corrStable — Welford's numerically stable updates (Chan's parallel merge);
//     no rows or too few for the sample forms: inf, as in ClickHouse.
// States: the moments as Float64 (raw forms); count varint + Float64 accumulators (stable forms).

#include <cmath>
#include <limits>

#include "columns/column_vector.h"
#include "functions/aggregate/aggregate_function_factory.h"
#include "functions/aggregate/aggregate_parameters.h"
#include "functions/aggregate/state_io.h"
#include "functions/type_dispatch.h"
#include "types/data_type_number.h"

namespace tally {

namespace aggregate_statistics {

enum class Stat { VarPop, VarSamp, StddevPop, StddevSamp, CovarPop, CovarSamp, Corr };

constexpr bool isTwoArgument(Stat s) { return s == Stat::CovarPop || s == Stat::CovarSamp || s == Stat::Corr; }

const char* statName(Stat s) {
  switch (s) {
    case Stat::VarPop: return "varPop";
    case Stat::VarSamp: return "varSamp";
    case Stat::StddevPop: return "stddevPop";
    case Stat::StddevSamp: return "stddevSamp";
    case Stat::CovarPop: return "covarPop";
    case Stat::CovarSamp: return "covarSamp";
    case Stat::Corr: return "corr";
  }
  return "";
}

/// Raw moments: m[0] = count, then sums (x, y, xy, x², y²) as each statistic needs.
struct RawMoments {
  Float64 m0 = 0, x1 = 0, y1 = 0, xy = 0, x2 = 0, y2 = 0;
};

/// Welford accumulators.
struct StableMoments {
  UInt64 count = 0;
  Float64 mean_x = 0, mean_y = 0, m2_x = 0, m2_y = 0, co_moment = 0;
};

template <typename T>
inline Float64 readValue(const Column& c, size_t row) {
  if constexpr (std::is_void_v<T>)
    return c.getFloat64(row);  // mixed argument pairs: one generic instantiation
  else
    return Float64(static_cast<const ColumnVector<T>&>(c).getData()[row]);
}

template <Stat stat, bool stable>
using MomentsFor = std::conditional_t<stable, StableMoments, RawMoments>;

template <typename TX, typename TY, Stat stat, bool stable>
class AggregateFunctionStatistics final
    : public AggregateFunctionDataHelper<MomentsFor<stat, stable>, AggregateFunctionStatistics<TX, TY, stat, stable>> {
  using Data = MomentsFor<stat, stable>;
  using Base = AggregateFunctionDataHelper<Data, AggregateFunctionStatistics<TX, TY, stat, stable>>;
  using Base::data;
  static constexpr bool two = isTwoArgument(stat);

 public:
  using Base::Base;

  std::string getName() const override { return std::string(statName(stat)) + (stable ? "Stable" : ""); }
  DataTypePtr getReturnType() const override { return typeFloat64(); }

  void add(AggregateDataPtr place, const Column** columns, size_t row, Arena*) const override {
    Float64 x = readValue<TX>(*columns[0], row);
    Float64 y = 0;
    if constexpr (two) y = readValue<TY>(*columns[1], row);
    Data& d = data(place);
    if constexpr (!stable) {
      d.m0 += 1;
      d.x1 += x;
      if constexpr (two) {
        d.y1 += y;
        d.xy += x * y;
        if constexpr (stat == Stat::Corr) {
          d.x2 += x * x;
          d.y2 += y * y;
        }
      } else {
        d.x2 += x * x;
      }
    } else {
      ++d.count;
      Float64 n = Float64(d.count);
      Float64 dx = x - d.mean_x;
      d.mean_x += dx / n;
      d.m2_x += dx * (x - d.mean_x);
      if constexpr (two) {
        Float64 dy = y - d.mean_y;
        d.mean_y += dy / n;
        d.m2_y += dy * (y - d.mean_y);
        d.co_moment += dx * (y - d.mean_y);
      }
    }
  }

  void merge(AggregateDataPtr place, ConstAggregateDataPtr rhs_place, Arena*) const override {
    Data& d = data(place);
    const Data& r = data(rhs_place);
    if constexpr (!stable) {
      d.m0 += r.m0;
      d.x1 += r.x1;
      d.y1 += r.y1;
      d.xy += r.xy;
      d.x2 += r.x2;
      d.y2 += r.y2;
    } else {
      if (r.count == 0) return;
      Float64 n = Float64(d.count + r.count);
      Float64 factor = Float64(d.count) * Float64(r.count) / n;
      Float64 dx = r.mean_x - d.mean_x;
      Float64 dy = r.mean_y - d.mean_y;
      d.co_moment += r.co_moment + dx * dy * factor;
      d.m2_x += r.m2_x + dx * dx * factor;
      d.m2_y += r.m2_y + dy * dy * factor;
      d.mean_x = (d.mean_x * Float64(d.count) + r.mean_x * Float64(r.count)) / n;
      d.mean_y = (d.mean_y * Float64(d.count) + r.mean_y * Float64(r.count)) / n;
      d.count += r.count;
    }
  }

  void insertResultInto(AggregateDataPtr place, Column& to, Arena*) const override {
    static_cast<ColumnFloat64&>(to).insertValue(result(data(place)));
  }

  static Float64 result(const Data& d) {
    if constexpr (!stable) {
      constexpr Float64 nan = std::numeric_limits<Float64>::quiet_NaN();
      switch (stat) {
        case Stat::VarPop: return (d.x2 - d.x1 * d.x1 / d.m0) / d.m0;
        case Stat::VarSamp: return d.m0 == 0 ? nan : (d.x2 - d.x1 * d.x1 / d.m0) / (d.m0 - 1);
        case Stat::StddevPop: return std::sqrt((d.x2 - d.x1 * d.x1 / d.m0) / d.m0);
        case Stat::StddevSamp: return d.m0 == 0 ? nan : std::sqrt((d.x2 - d.x1 * d.x1 / d.m0) / (d.m0 - 1));
        case Stat::CovarPop: return (d.xy - d.x1 * d.y1 / d.m0) / d.m0;
        case Stat::CovarSamp: return d.m0 == 0 ? nan : (d.xy - d.x1 * d.y1 / d.m0) / (d.m0 - 1);
        case Stat::Corr:
          return (d.m0 * d.xy - d.x1 * d.y1) / std::sqrt((d.m0 * d.x2 - d.x1 * d.x1) * (d.m0 * d.y2 - d.y1 * d.y1));
      }
      return nan;
    } else {
      constexpr Float64 inf = std::numeric_limits<Float64>::infinity();
      Float64 n = Float64(d.count);
      switch (stat) {
        case Stat::VarPop: return d.count == 0 ? inf : d.count == 1 ? 0 : d.m2_x / n;
        case Stat::VarSamp: return d.count < 2 ? inf : d.m2_x / (n - 1);
        case Stat::StddevPop: return d.count == 0 ? inf : d.count == 1 ? 0 : std::sqrt(d.m2_x / n);
        case Stat::StddevSamp: return d.count < 2 ? inf : std::sqrt(d.m2_x / (n - 1));
        case Stat::CovarPop: return d.count == 0 ? inf : d.count == 1 ? 0 : d.co_moment / n;
        case Stat::CovarSamp: return d.count < 2 ? inf : d.co_moment / (n - 1);
        case Stat::Corr: return d.count < 2 ? inf : d.co_moment / std::sqrt(d.m2_x * d.m2_y);
      }
      return inf;
    }
  }

  void serialize(ConstAggregateDataPtr place, WriteBuffer& out) const override {
    const Data& d = data(place);
    if constexpr (!stable) {
      writePodBinary(d.m0, out);
      writePodBinary(d.x1, out);
      if constexpr (two) {
        writePodBinary(d.y1, out);
        writePodBinary(d.xy, out);
        if constexpr (stat == Stat::Corr) {
          writePodBinary(d.x2, out);
          writePodBinary(d.y2, out);
        }
      } else {
        writePodBinary(d.x2, out);
      }
    } else {
      writeVarUInt(d.count, out);
      writePodBinary(d.mean_x, out);
      writePodBinary(d.m2_x, out);
      if constexpr (two) {
        writePodBinary(d.mean_y, out);
        writePodBinary(d.m2_y, out);
        writePodBinary(d.co_moment, out);
      }
    }
  }

  void deserialize(AggregateDataPtr place, ReadBuffer& in, Arena*) const override {
    Data& d = data(place);
    if constexpr (!stable) {
      d.m0 = readPodBinary<Float64>(in);
      d.x1 = readPodBinary<Float64>(in);
      if constexpr (two) {
        d.y1 = readPodBinary<Float64>(in);
        d.xy = readPodBinary<Float64>(in);
        if constexpr (stat == Stat::Corr) {
          d.x2 = readPodBinary<Float64>(in);
          d.y2 = readPodBinary<Float64>(in);
        }
      } else {
        d.x2 = readPodBinary<Float64>(in);
      }
    } else {
      d.count = readVarUInt(in);
      d.mean_x = readPodBinary<Float64>(in);
      d.m2_x = readPodBinary<Float64>(in);
      if constexpr (two) {
        d.mean_y = readPodBinary<Float64>(in);
        d.m2_y = readPodBinary<Float64>(in);
        d.co_moment = readPodBinary<Float64>(in);
      }
    }
  }
};

/// Numbers convert to Float64 on the way in: one instantiation per argument type; two-argument
/// statistics instantiate equal pairs only and read mixed pairs through Column::getFloat64.
template <Stat stat, bool stable>
AggregateFunctionPtr create(const std::string& name, const DataTypes& arguments, const Fields& parameters) {
  checkNoParameters(name, parameters);
  constexpr size_t n = isTwoArgument(stat) ? 2 : 1;
  if (arguments.size() != n)
    throw Exception(ErrorCodes::NUMBER_OF_ARGUMENTS_DOESNT_MATCH, "Aggregate function {} require {} argument{}", name,
                    n == 1 ? "single" : "two", n == 1 ? "" : "s");
  for (const auto& a : arguments)
    if (!a->isNumber() && a->typeId() != TypeIndex::Bool) throwIllegalAggregateArgument(name, a);
  auto id = [](const DataTypePtr& t) { return t->typeId() == TypeIndex::Bool ? TypeIndex::UInt8 : t->typeId(); };
  AggregateFunctionPtr res;
  if constexpr (n == 1) {
    dispatchNumber(id(arguments[0]), [&](auto tag) {
      using T = typename decltype(tag)::Type;
      res = std::make_shared<AggregateFunctionStatistics<T, T, stat, stable>>(arguments, parameters);
    });
  } else {
    if (id(arguments[0]) == id(arguments[1])) {
      dispatchNumber(id(arguments[0]), [&](auto tag) {
        using T = typename decltype(tag)::Type;
        res = std::make_shared<AggregateFunctionStatistics<T, T, stat, stable>>(arguments, parameters);
      });
    } else {
      res = std::make_shared<AggregateFunctionStatistics<void, void, stat, stable>>(arguments, parameters);
    }
  }
  return res;
}

}  // namespace aggregate_statistics

REGISTER_AGGREGATE_FUNCTION(Statistics) {
  using namespace aggregate_statistics;
  auto doc = [](const char* description, const char* syntax) {
    return FunctionDocumentation{description, syntax, "", "", "", "Aggregate"};
  };
  factory.registerFunction("varPop", create<Stat::VarPop, false>, {}, FunctionFactory::CaseSensitive,
                           doc("Population variance.", "varPop(x)"));
  factory.registerFunction("varSamp", create<Stat::VarSamp, false>, {}, FunctionFactory::CaseSensitive,
                           doc("Sample variance.", "varSamp(x)"));
  factory.registerFunction("stddevPop", create<Stat::StddevPop, false>, {}, FunctionFactory::CaseSensitive,
                           doc("Population standard deviation.", "stddevPop(x)"));
  factory.registerFunction("stddevSamp", create<Stat::StddevSamp, false>, {}, FunctionFactory::CaseSensitive,
                           doc("Sample standard deviation.", "stddevSamp(x)"));
  factory.registerFunction("covarPop", create<Stat::CovarPop, false>, {}, FunctionFactory::CaseSensitive,
                           doc("Population covariance.", "covarPop(x, y)"));
  factory.registerFunction("covarSamp", create<Stat::CovarSamp, false>, {}, FunctionFactory::CaseSensitive,
                           doc("Sample covariance.", "covarSamp(x, y)"));
  factory.registerFunction("corr", create<Stat::Corr, false>, {}, FunctionFactory::CaseInsensitive,
                           doc("Pearson correlation coefficient.", "corr(x, y)"));
  factory.registerFunction("varPopStable", create<Stat::VarPop, true>, {}, FunctionFactory::CaseSensitive,
                           doc("Population variance (numerically stable).", "varPopStable(x)"));
  factory.registerFunction("varSampStable", create<Stat::VarSamp, true>, {}, FunctionFactory::CaseSensitive,
                           doc("Sample variance (numerically stable).", "varSampStable(x)"));
  factory.registerFunction("stddevPopStable", create<Stat::StddevPop, true>, {}, FunctionFactory::CaseSensitive,
                           doc("Population standard deviation (numerically stable).", "stddevPopStable(x)"));
  factory.registerFunction("stddevSampStable", create<Stat::StddevSamp, true>, {}, FunctionFactory::CaseSensitive,
                           doc("Sample standard deviation (numerically stable).", "stddevSampStable(x)"));
  factory.registerFunction("covarPopStable", create<Stat::CovarPop, true>, {}, FunctionFactory::CaseSensitive,
                           doc("Population covariance (numerically stable).", "covarPopStable(x, y)"));
  factory.registerFunction("covarSampStable", create<Stat::CovarSamp, true>, {}, FunctionFactory::CaseSensitive,
                           doc("Sample covariance (numerically stable).", "covarSampStable(x, y)"));
  factory.registerFunction("corrStable", create<Stat::Corr, true>, {}, FunctionFactory::CaseSensitive,
                           doc("Pearson correlation coefficient (numerically stable).", "corrStable(x, y)"));
  factory.registerAlias("VAR_POP", "varPop", FunctionFactory::CaseInsensitive);
  factory.registerAlias("VAR_SAMP", "varSamp", FunctionFactory::CaseInsensitive);
  factory.registerAlias("STDDEV_POP", "stddevPop", FunctionFactory::CaseInsensitive);
  factory.registerAlias("STDDEV_SAMP", "stddevSamp", FunctionFactory::CaseInsensitive);
  factory.registerAlias("COVAR_POP", "covarPop", FunctionFactory::CaseInsensitive);
  factory.registerAlias("COVAR_SAMP", "covarSamp", FunctionFactory::CaseInsensitive);
}

}  // namespace tally
