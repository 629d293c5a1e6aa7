// toStartOfInterval(t, INTERVAL n unit[, tz]): t rounded down to the start of its n-unit interval.
// Result: DateTime64(3/6/9) for sub-second units, DateTime for seconds to days, Date for weeks to
// years.

#include <algorithm>

#include "functions/datetime/date_time_transform.h"
#include "functions/datetime/interval_rounding.h"
#include "types/data_type_date.h"

namespace tally {

namespace start_of_interval {

using namespace datetime;

bool isSubsecondKind(IntervalKind k) {
  return k == IntervalKind::Nanosecond || k == IntervalKind::Microsecond || k == IntervalKind::Millisecond;
}
bool isClockKind(IntervalKind k) {
  return k == IntervalKind::Second || k == IntervalKind::Minute || k == IntervalKind::Hour;
}

/// Sub-second rounding of DateTime64 ticks (scale multiplier s) into ticks of 1/per_second s.
int64_t startOfSubsecond(int64_t t, int64_t n, int64_t s, int64_t per_second) {
  if (s < per_second) {
    int64_t converted;
    if (__builtin_mul_overflow(t, per_second / s, &converted))
      throw Exception(ErrorCodes::DECIMAL_OVERFLOW, "Numeric overflow");
    return converted >= 0 ? converted / n * n : ((converted + 1) / n - 1) * n;
  }
  if (s > per_second) {
    int64_t diff = s / per_second;
    return t >= 0 ? (t + diff / 2) / (n * diff) * n : ((t + 1) / n / diff - 1) * n;
  }
  return t >= 0 ? t / n * n : ((t + 1) / n - 1) * n;
}

class FunctionToStartOfInterval final : public IFunction {
 public:
  explicit FunctionToStartOfInterval(const FunctionContext& context) : context_(&context) {}

  std::string getName() const override { return "toStartOfInterval"; }
  bool isVariadic() const override { return true; }
  std::vector<size_t> getArgumentsThatAreAlwaysConstant() const override { return {1, 2}; }

  DataTypePtr getReturnType(const ColumnsWithTypeAndName& args) const override {
    checkArgumentCount(getName(), args.size(), 2, 3);
    TimeKind kind;
    uint32_t scale;
    if (!classifyTimeType(args[0].type, kind, scale))
      throw Exception(ErrorCodes::ILLEGAL_TYPE_OF_ARGUMENT,
                      "Illegal type {} of 1st argument of function {}, expected a Date, Date32, DateTime or DateTime64",
                      args[0].type->name(), getName());
    IntervalKind unit;
    if (!intervalKindOf(args[1].type, unit))
      throw Exception(ErrorCodes::ILLEGAL_TYPE_OF_ARGUMENT,
                      "Illegal type {} of 2nd argument of function {}, expected a time interval", args[1].type->name(),
                      getName());
    checkUnit(kind, unit);
    if (args[1].column) checkCount(constantInterval(getName(), args, 1).count);
    if (args.size() == 3) {
      if (!isString(args[2].type))
        throw Exception(
            ErrorCodes::ILLEGAL_TYPE_OF_ARGUMENT,
            "Illegal type {} of 3rd argument of function {}. This argument is optional and must be a constant "
            "String with timezone name",
            args[2].type->name(), getName());
      if (kind == TimeKind::Date && isDateIntervalKind(unit))
        throw Exception(
            ErrorCodes::ILLEGAL_TYPE_OF_ARGUMENT,
            "A timezone argument of function {} with interval type {} is allowed only when the 1st argument "
            "has the type DateTime or DateTime64",
            getName(), intervalKindName(unit));
      explicitZone(getName(), args, 2);
    }
    if (isSubsecondKind(unit))
      return dateTime64Type(unit == IntervalKind::Nanosecond    ? 9
                            : unit == IntervalKind::Microsecond ? 6
                                                                : 3,
                            resultZoneName(getName(), args, 2, 0));
    if (isDateIntervalKind(unit)) return typeDate();
    return dateTimeType(resultZoneName(getName(), args, 2, 0));
  }

  ColumnPtr execute(const ColumnsWithTypeAndName& args, const DataTypePtr&, size_t rows) const override {
    IntervalArg interval = constantInterval(getName(), args, 1);
    checkCount(interval.count);
    TimeArg arg = timeArg(*context_, getName(), args, 0, 2);
    ColumnPtr column = materialize(args[0].column);
    const bool extended = arg.kind == TimeKind::Date32 || arg.kind == TimeKind::DateTime64;
    IntervalRounding rounding{interval.kind, interval.count, arg.zone, hasWholeHourOffsets(*arg.zone)};

    if (isSubsecondKind(interval.kind)) {
      const int64_t per_second = interval.kind == IntervalKind::Nanosecond    ? 1000000000
                                 : interval.kind == IntervalKind::Microsecond ? 1000000
                                                                              : 1000;
      const Int64* in = typedAs<ColumnInt64>(*column).getData().data();
      auto res = ColumnInt64::create(rows);
      for (size_t i = 0; i < rows; ++i)
        res->getData()[i] = startOfSubsecond(in[i], interval.count, arg.ticks_per_second, per_second);
      return res;
    }
    if (isDateIntervalKind(interval.kind)) {
      auto res = ColumnUInt16::create(rows);
      UInt16* out = res->getData().data();
      if (arg.kind == TimeKind::DateTime) {
        // DateTime days are ClickHouse's unsigned day numbers (saturated at 1970-01-01).
        mapDays(*column, arg, out, rows,
                [&](int64_t d) { return toDateValue(rounding.startOfDays(std::max<int64_t>(d, 0), false)); });
      } else {
        mapDays(*column, arg, out, rows, [&](int64_t d) { return toDateValue(rounding.startOfDays(d, extended)); });
      }
      return res;
    }
    auto res = ColumnUInt32::create(rows);
    UInt32* out = res->getData().data();
    const bool saturate = arg.kind == TimeKind::DateTime64;
    auto store = [saturate](int64_t v) -> UInt32 {
      if (saturate) return UInt32(std::clamp<int64_t>(v, 0, UINT32_MAX));
      return UInt32(v);
    };
    if (interval.kind == IntervalKind::Day) {
      if (arg.kind == TimeKind::DateTime64) {
        // Whole seconds by truncation, as ClickHouse divides the ticks.
        const Int64* in = typedAs<ColumnInt64>(*column).getData().data();
        for (size_t i = 0; i < rows; ++i)
          out[i] = store(rounding.startOfDayInterval(arg.zone->toDayNum(in[i] / arg.ticks_per_second)));
      } else {
        const bool unsigned_days = arg.kind == TimeKind::DateTime;
        mapDays(*column, arg, out, rows, [&](int64_t d) {
          return store(rounding.startOfDayInterval(unsigned_days ? std::max<int64_t>(d, 0) : d));
        });
      }
      return res;
    }
    if (arg.kind == TimeKind::DateTime64) {
      const Int64* in = typedAs<ColumnInt64>(*column).getData().data();
      for (size_t i = 0; i < rows; ++i) out[i] = store(rounding.startOfTime(in[i] / arg.ticks_per_second));
    } else {
      mapSeconds(*column, arg, out, rows, [&](int64_t t) { return rounding.startOfTime(t); });
    }
    return res;
  }

 private:
  void checkUnit(TimeKind kind, IntervalKind unit) const {
    const bool days = kind == TimeKind::Date || kind == TimeKind::Date32;
    if ((isSubsecondKind(unit) && kind != TimeKind::DateTime64) || (isClockKind(unit) && days))
      throw Exception(ErrorCodes::ILLEGAL_TYPE_OF_ARGUMENT, "Illegal interval kind for argument data type {}",
                      days ? "Date" : "DateTime");
  }
  void checkCount(int64_t count) const {
    if (count <= 0)
      throw Exception(ErrorCodes::ARGUMENT_OUT_OF_BOUND, "Value for 2nd argument of function {} must be positive",
                      getName());
  }

  const FunctionContext* context_;
};

}  // namespace start_of_interval

REGISTER_FUNCTION(ToStartOfInterval) {
  using namespace start_of_interval;
  factory.registerFunction(
      "toStartOfInterval",
      [](const FunctionContext& context) { return std::make_shared<FunctionToStartOfInterval>(context); },
      dateTimeDoc("Rounds down a date or date with time to the start of its n-unit interval.",
                  "toStartOfInterval(value, INTERVAL x unit[, time_zone])"));
}

}  // namespace tally
