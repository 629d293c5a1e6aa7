// addNanoseconds ... addYears and subtractNanoseconds ... subtractYears (what `t + INTERVAL n
// UNIT` runs: plus/minus look them up by name), date_add/date_sub(unit, n, t) with a unit string,
// and addDate/subDate(t, interval).
//
// Result types follow ClickHouse: days and larger keep the argument type; seconds, minutes and
// hours turn Date into DateTime and Date32 into DateTime64(3); sub-second units give DateTime64
// with at least their precision; a String argument is read as DateTime64(3). Month and year
// arithmetic clamps to the last day of the target month (Jan 31 + 1 month = Feb 28/29).

#include <cmath>

#include "columns/column_const.h"
#include "functions/datetime/calendar.h"
#include "functions/datetime/date_time_transform.h"
#include "functions/type_dispatch.h"
#include "types/data_type_date.h"
#include "types/data_type_number.h"

namespace tally {

namespace add_interval {

using namespace datetime;

/// The per-row deltas: one constant or a column converted to Int64.
struct Deltas {
  bool is_const = true;
  Int64 constant = 0;
  PODArray<Int64> values;
};

[[noreturn]] void throwNumericOverflow() { throw Exception(ErrorCodes::DECIMAL_OVERFLOW, "Numeric overflow"); }

template <typename T>
Int64 deltaToInt64(T v) {
  if constexpr (std::is_floating_point_v<T>) {
    if (!std::isfinite(v) || v >= 9223372036854775808.0 || v < -9223372036854775808.0) throwNumericOverflow();
    return Int64(v);
  } else if constexpr (std::is_same_v<T, UInt64>) {
    if (v > UInt64(INT64_MAX)) throwNumericOverflow();
    return Int64(v);
  } else {
    return Int64(v);
  }
}

Deltas readDeltas(const ColumnWithTypeAndName& arg, size_t rows, bool negate) {
  Deltas d;
  TypeIndex id = arg.type->typeId();
  if (id == TypeIndex::Interval || id == TypeIndex::Bool)
    id = id == TypeIndex::Bool ? TypeIndex::UInt8 : TypeIndex::Int64;
  const Column* column = arg.column.get();
  d.is_const = column->isConst();
  if (d.is_const) column = &static_cast<const ColumnConst&>(*column).getDataColumn();
  size_t n = d.is_const ? 1 : rows;
  d.values.resize(n);
  dispatchNumber(id, [&](auto tag) {
    using T = typename decltype(tag)::Type;
    const T* in = static_cast<const ColumnVector<T>&>(*column).getData().data();
    for (size_t i = 0; i < n; ++i) d.values[i] = deltaToInt64(in[i]);
  });
  if (negate)
    for (auto& v : d.values) v = Int64(0ULL - UInt64(v));
  if (d.is_const) d.constant = d.values[0];
  return d;
}

/// out[i] = fn(in[i], delta_i) with the constant case hoisted out of the loop.
template <typename In, typename Out, typename Fn>
void applyDeltas(const In* in, const Deltas& d, Out* out, size_t rows, Fn&& fn) {
  if (d.is_const) {
    const Int64 c = d.constant;
    for (size_t i = 0; i < rows; ++i) out[i] = static_cast<Out>(fn(in[i], c));
  } else {
    const Int64* dv = d.values.data();
    for (size_t i = 0; i < rows; ++i) out[i] = static_cast<Out>(fn(in[i], dv[i]));
  }
}

bool isSubsecond(IntervalKind k) {
  return k == IntervalKind::Nanosecond || k == IntervalKind::Microsecond || k == IntervalKind::Millisecond;
}
bool isClockUnit(IntervalKind k) {
  return k == IntervalKind::Second || k == IntervalKind::Minute || k == IntervalKind::Hour;
}
uint32_t subsecondDigits(IntervalKind k) {
  return k == IntervalKind::Nanosecond ? 9 : k == IntervalKind::Microsecond ? 6 : 3;
}
int64_t clockUnitSeconds(IntervalKind k) { return k == IntervalKind::Hour ? 3600 : k == IntervalKind::Minute ? 60 : 1; }

/// Calendar shift of an instant by days/weeks/months/quarters/years, keeping the local time of day.
struct CalendarShift {
  IntervalKind kind;
  const TimeZone* zone;

  int64_t shiftDay(int64_t day, int64_t n) const {
    switch (kind) {
      case IntervalKind::Day: return day + n;
      case IntervalKind::Week: return day + n * 7;
      case IntervalKind::Month: return calendar::clampToLut(calendar::addMonthsToDay(day, n));
      case IntervalKind::Quarter: return calendar::clampToLut(calendar::addMonthsToDay(day, n * 3));
      default: return calendar::clampToLut(calendar::addYearsToDay(day, n));
    }
  }
  int64_t shiftInstant(int64_t t, int64_t n) const {
    if (zone->isUTC()) {
      if (kind == IntervalKind::Day) return t + n * 86400;
      if (kind == IntervalKind::Week) return t + n * 7 * 86400;
      int64_t day = floorDiv(t, 86400);
      return shiftDay(day, n) * 86400 + (t - day * 86400);
    }
    int64_t local = zone->toLocal(t);
    int64_t day = floorDiv(local, 86400);
    return instantOfLocal(*zone, shiftDay(day, n) * 86400 + (local - day * 86400));
  }
};

class FunctionAddInterval final : public IFunction {
 public:
  FunctionAddInterval(std::string name, IntervalKind kind, bool subtract, const FunctionContext& context)
      : name_(std::move(name)), kind_(kind), subtract_(subtract), context_(&context) {}

  std::string getName() const override { return name_; }
  bool isVariadic() const override { return true; }
  std::vector<size_t> getArgumentsThatAreAlwaysConstant() const override { return {2}; }

  DataTypePtr getReturnType(const ColumnsWithTypeAndName& args) const override {
    checkArgumentCount(name_, args.size(), 2, 3);
    const DataTypePtr& delta = args[1].type;
    if (!isNumber(delta) && delta->typeId() != TypeIndex::Interval)
      throw Exception(ErrorCodes::ILLEGAL_TYPE_OF_ARGUMENT, "Second argument for function {} (delta) must be a number",
                      name_);
    TimeKind kind;
    uint32_t scale = 0;
    const bool is_string = isString(args[0].type);
    if (is_string) {
      kind = TimeKind::DateTime64;
      scale = 3;
    } else if (!classifyTimeType(args[0].type, kind, scale)) {
      throw Exception(
          ErrorCodes::ILLEGAL_TYPE_OF_ARGUMENT,
          "Illegal type {} of first argument of function {}. Should be a date, a date with time or a string",
          args[0].type->name(), name_);
    }
    if (args.size() == 3) {
      if ((kind != TimeKind::DateTime && kind != TimeKind::DateTime64) || !isString(args[2].type))
        throw Exception(
            ErrorCodes::ILLEGAL_TYPE_OF_ARGUMENT,
            "Function {} supports 2 or 3 arguments. The 1st argument must be of type Date or DateTime. The 2nd "
            "argument must be a number. The 3rd argument (optional) must be a constant string with timezone "
            "name. The timezone argument is allowed only when the 1st argument has the type DateTime",
            name_);
    }
    std::string zone = resultZoneName(name_, args, 2, 0);
    if (isSubsecond(kind_)) {
      uint32_t digits = subsecondDigits(kind_);
      if (kind == TimeKind::Date || kind == TimeKind::Date32)
        throw Exception(ErrorCodes::ILLEGAL_TYPE_OF_ARGUMENT, "{}() cannot be used with {}", name_,
                        kind == TimeKind::Date ? "Date" : "Date32");
      return dateTime64Type(kind == TimeKind::DateTime64 ? std::max(scale, digits) : digits, zone);
    }
    switch (kind) {
      case TimeKind::Date: return isClockUnit(kind_) ? dateTimeType(zone) : typeDate();
      case TimeKind::Date32: return isClockUnit(kind_) ? dateTime64Type(3, zone) : typeDate32();
      case TimeKind::DateTime: return dateTimeType(zone);
      case TimeKind::DateTime64: return dateTime64Type(scale, zone);
    }
    return nullptr;
  }

  ColumnPtr execute(const ColumnsWithTypeAndName& args, const DataTypePtr& result_type, size_t rows) const override {
    ColumnsWithTypeAndName a = args;
    if (isString(a[0].type)) a[0] = parseString(args, rows);
    TimeArg arg = timeArg(*context_, name_, a, 0, 2);
    ColumnPtr times = materialize(a[0].column);
    Deltas deltas = readDeltas(a[1], rows, subtract_);
    auto result = result_type->createColumn();
    result->insertManyDefaults(rows);
    if (isSubsecond(kind_))
      executeSubsecond(*times, arg, deltas, *result, result_type, rows);
    else if (isClockUnit(kind_))
      executeClock(*times, arg, deltas, *result, rows);
    else
      executeCalendar(*times, arg, deltas, *result, rows);
    return result;
  }

 private:
  /// A String first argument read as DateTime64(3) (through toDateTime64).
  ColumnWithTypeAndName parseString(const ColumnsWithTypeAndName& args, size_t rows) const {
    FunctionPtr convert = FunctionFactory::instance().get("toDateTime64", *context_);
    ColumnsWithTypeAndName call{args[0],
                                {typeUInt8()->createColumnConst(rows, Field(uint64_t(3))), typeUInt8(), "scale"}};
    if (args.size() == 3) call.push_back(args[2]);
    DataTypePtr type = getFunctionReturnType(*convert, call);
    return {executeFunction(*convert, call, type, rows), type, args[0].name};
  }

  void executeSubsecond(const Column& times, const TimeArg& arg, const Deltas& d, Column& result,
                        const DataTypePtr& result_type, size_t rows) const {
    Int64* out = typedAs<ColumnInt64>(result).getData().data();
    const uint32_t result_scale = static_cast<const DataTypeDateTime64&>(*result_type).getScale();
    const uint32_t digits = subsecondDigits(kind_);
    if (arg.kind == TimeKind::DateTime) {
      const int64_t widen = scaleMultiplier(result_scale);
      applyDeltas(typedAs<ColumnUInt32>(times).getData().data(), d, out, rows,
                  [widen](UInt32 t, Int64 n) { return Int64(UInt64(t) * UInt64(widen) + UInt64(n)); });
      return;
    }
    const Int64* in = typedAs<ColumnInt64>(times).getData().data();
    if (arg.scale <= digits) {
      const int64_t widen = scaleMultiplier(digits - arg.scale);
      applyDeltas(in, d, out, rows, [widen](Int64 t, Int64 n) { return Int64(UInt64(t) * UInt64(widen) + UInt64(n)); });
    } else {
      const int64_t unit = scaleMultiplier(arg.scale - digits);
      applyDeltas(in, d, out, rows, [unit](Int64 t, Int64 n) { return Int64(UInt64(t) + UInt64(n) * UInt64(unit)); });
    }
  }

  void executeClock(const Column& times, const TimeArg& arg, const Deltas& d, Column& result, size_t rows) const {
    const int64_t unit = clockUnitSeconds(kind_);
    const TimeZone& zone = *arg.zone;
    switch (arg.kind) {
      case TimeKind::Date:
        applyDeltas(
            typedAs<ColumnUInt16>(times).getData().data(), d, typedAs<ColumnUInt32>(result).getData().data(), rows,
            [&zone, unit](UInt16 day, Int64 n) { return UInt64(dayStart(zone, day)) + UInt64(n) * UInt64(unit); });
        return;
      case TimeKind::Date32:
        applyDeltas(typedAs<ColumnInt32>(times).getData().data(), d, typedAs<ColumnInt64>(result).getData().data(),
                    rows, [&zone, unit](Int32 day, Int64 n) {
                      return Int64((UInt64(dayStart(zone, day)) + UInt64(n) * UInt64(unit)) * 1000);
                    });
        return;
      case TimeKind::DateTime:
        applyDeltas(typedAs<ColumnUInt32>(times).getData().data(), d, typedAs<ColumnUInt32>(result).getData().data(),
                    rows, [unit](UInt32 t, Int64 n) { return UInt64(t) + UInt64(n) * UInt64(unit); });
        return;
      case TimeKind::DateTime64: {
        const UInt64 step = UInt64(unit) * UInt64(arg.ticks_per_second);
        applyDeltas(typedAs<ColumnInt64>(times).getData().data(), d, typedAs<ColumnInt64>(result).getData().data(),
                    rows, [step](Int64 t, Int64 n) { return Int64(UInt64(t) + UInt64(n) * step); });
        return;
      }
    }
  }

  void executeCalendar(const Column& times, const TimeArg& arg, const Deltas& d, Column& result, size_t rows) const {
    CalendarShift shift{kind_, arg.zone};
    const bool by_days = kind_ == IntervalKind::Day || kind_ == IntervalKind::Week;
    const int64_t day_step = kind_ == IntervalKind::Week ? 7 : 1;
    switch (arg.kind) {
      case TimeKind::Date: {
        UInt16* out = typedAs<ColumnUInt16>(result).getData().data();
        const UInt16* in = typedAs<ColumnUInt16>(times).getData().data();
        if (by_days)
          applyDeltas(in, d, out, rows, [day_step](UInt16 day, Int64 n) {
            Int64 r = Int64(day) + n * day_step;
            return r < 0 ? 0 : (r > 65535 ? 65535 : r);
          });
        else
          applyDeltas(in, d, out, rows, [&shift](UInt16 day, Int64 n) { return toDateValue(shift.shiftDay(day, n)); });
        return;
      }
      case TimeKind::Date32: {
        Int32* out = typedAs<ColumnInt32>(result).getData().data();
        const Int32* in = typedAs<ColumnInt32>(times).getData().data();
        if (by_days)
          applyDeltas(in, d, out, rows, [day_step](Int32 day, Int64 n) {
            return std::max(Int32(Int64(day) + n * day_step), Int32(kDate32MinDay));
          });
        else
          applyDeltas(in, d, out, rows, [&shift](Int32 day, Int64 n) { return shift.shiftDay(day, n); });
        return;
      }
      case TimeKind::DateTime: {
        UInt32* out = typedAs<ColumnUInt32>(result).getData().data();
        applyDeltas(typedAs<ColumnUInt32>(times).getData().data(), d, out, rows, [&shift, by_days](UInt32 t, Int64 n) {
          int64_t r = shift.shiftInstant(t, n);
          return by_days || r > 0 ? r : 0;
        });
        return;
      }
      case TimeKind::DateTime64: {
        const int64_t m = arg.ticks_per_second;
        applyDeltas(typedAs<ColumnInt64>(times).getData().data(), d, typedAs<ColumnInt64>(result).getData().data(),
                    rows, [&shift, m](Int64 t, Int64 n) {
                      Int64 whole = t / m;
                      return shift.shiftInstant(whole, n) * m + (t - whole * m);
                    });
        return;
      }
    }
  }

  std::string name_;
  IntervalKind kind_;
  bool subtract_;
  const FunctionContext* context_;
};

/// date_add(unit, n, t) / date_sub(unit, n, t): the unit as a constant string.
class FunctionDateAddWithUnit final : public IFunction {
 public:
  FunctionDateAddWithUnit(std::string name, bool subtract, const FunctionContext& context)
      : name_(std::move(name)), subtract_(subtract), context_(&context) {}

  std::string getName() const override { return name_; }
  size_t getNumberOfArguments() const override { return 3; }
  std::vector<size_t> getArgumentsThatAreAlwaysConstant() const override { return {0}; }
  bool useDefaultImplementationForNulls() const override { return false; }
  bool useDefaultImplementationForConstants() const override { return false; }
  bool useDefaultImplementationForLowCardinality() const override { return false; }

  DataTypePtr getReturnType(const ColumnsWithTypeAndName& args) const override {
    return getFunctionReturnType(*target(args), {args[2], args[1]});
  }
  ColumnPtr execute(const ColumnsWithTypeAndName& args, const DataTypePtr& result_type, size_t rows) const override {
    return executeFunction(*target(args), {args[2], args[1]}, result_type, rows);
  }

 private:
  FunctionPtr target(const ColumnsWithTypeAndName& args) const {
    std::string unit = constantString(name_, args, 0);
    IntervalKind kind;
    if (!parseIntervalKind(unit, kind))
      throw Exception(ErrorCodes::BAD_ARGUMENTS, "Function {} does not support '{}' unit", name_, unit);
    std::string target = (subtract_ ? "subtract" : "add") + intervalKindName(kind) + "s";
    return FunctionFactory::instance().get(target, *context_);
  }

  std::string name_;
  bool subtract_;
  const FunctionContext* context_;
};

/// addDate(t, interval) / subDate(t, interval): plus / minus restricted to a date and an interval.
class FunctionOpDate final : public IFunction {
 public:
  FunctionOpDate(std::string name, bool subtract, const FunctionContext& context)
      : name_(std::move(name)), subtract_(subtract), context_(&context) {}

  std::string getName() const override { return name_; }
  size_t getNumberOfArguments() const override { return 2; }
  bool useDefaultImplementationForNulls() const override { return false; }
  bool useDefaultImplementationForConstants() const override { return false; }
  bool useDefaultImplementationForLowCardinality() const override { return false; }

  DataTypePtr getReturnType(const ColumnsWithTypeAndName& args) const override {
    DataTypePtr t0 = removeNullableAndLowCardinality(args[0].type), t1 = removeNullableAndLowCardinality(args[1].type);
    if (!isTimeType(t0) && !isString(t0))
      throw Exception(ErrorCodes::ILLEGAL_TYPE_OF_ARGUMENT,
                      "Illegal type {} of 1st argument of function {}. Should be a date or a date with time",
                      args[0].type->name(), name_);
    if (t1->typeId() != TypeIndex::Interval)
      throw Exception(ErrorCodes::ILLEGAL_TYPE_OF_ARGUMENT,
                      "Illegal type {} of 2nd argument of function {}. Should be an interval", args[1].type->name(),
                      name_);
    return getFunctionReturnType(*target(), args);
  }
  ColumnPtr execute(const ColumnsWithTypeAndName& args, const DataTypePtr& result_type, size_t rows) const override {
    return executeFunction(*target(), args, result_type, rows);
  }

 private:
  FunctionPtr target() const { return FunctionFactory::instance().get(subtract_ ? "minus" : "plus", *context_); }

  std::string name_;
  bool subtract_;
  const FunctionContext* context_;
};

}  // namespace add_interval

REGISTER_FUNCTION(AddInterval) {
  using namespace add_interval;
  for (IntervalKind kind : {IntervalKind::Nanosecond, IntervalKind::Microsecond, IntervalKind::Millisecond,
                            IntervalKind::Second, IntervalKind::Minute, IntervalKind::Hour, IntervalKind::Day,
                            IntervalKind::Week, IntervalKind::Month, IntervalKind::Quarter, IntervalKind::Year}) {
    for (bool subtract : {false, true}) {
      std::string name = (subtract ? "subtract" : "add") + intervalKindName(kind) + "s";
      std::string unit = intervalKindName(kind);
      for (auto& c : unit) c = char(std::tolower(static_cast<unsigned char>(c)));
      std::string description = std::string(subtract ? "Subtracts" : "Adds") + " a number of " + unit + "s " +
                                (subtract ? "from" : "to") + " a date, a date with time or its string form.";
      factory.registerFunction(
          name,
          [name, kind, subtract](const FunctionContext& context) {
            return std::make_shared<FunctionAddInterval>(name, kind, subtract, context);
          },
          dateTimeDoc(description.c_str(), (name + "(datetime, num[, timezone])").c_str()));
    }
  }
  for (bool subtract : {false, true}) {
    std::string name = subtract ? "date_sub" : "date_add";
    factory.registerFunction(
        name,
        [name, subtract](const FunctionContext& context) {
          return std::make_shared<FunctionDateAddWithUnit>(name, subtract, context);
        },
        dateTimeDoc(subtract ? "Subtracts n units ('day', 'month', ...) from a date or date with time."
                             : "Adds n units ('day', 'month', ...) to a date or date with time.",
                    subtract ? "date_sub(unit, n, date)" : "date_add(unit, n, date)"),
        FunctionFactory::CaseInsensitive);
    factory.registerAlias(subtract ? "dateSub" : "dateAdd", name, FunctionFactory::CaseInsensitive);
    factory.registerAlias(subtract ? "timestamp_sub" : "timestamp_add", name, FunctionFactory::CaseInsensitive);
    factory.registerAlias(subtract ? "timestampSub" : "timestampAdd", name, FunctionFactory::CaseInsensitive);

    std::string op_name = subtract ? "subDate" : "addDate";
    factory.registerFunction(
        op_name,
        [op_name, subtract](const FunctionContext& context) {
          return std::make_shared<FunctionOpDate>(op_name, subtract, context);
        },
        dateTimeDoc(subtract ? "Subtracts an interval from a date, a date with time or its string form."
                             : "Adds an interval to a date, a date with time or its string form.",
                    subtract ? "subDate(datetime, interval)" : "addDate(datetime, interval)"),
        FunctionFactory::CaseInsensitive);
  }
}

}  // namespace tally
