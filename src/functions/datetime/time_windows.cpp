// Time-window functions over DateTime: tumble(t, interval[, tz]) and hop(t, hop, window[, tz])
// give the window as Tuple(start, end); tumbleStart, tumbleEnd, hopStart, hopEnd give one bound
// (from the same arguments, or from a window tuple). Bounds are Date for week to year intervals,
// DateTime otherwise.

#include <algorithm>

#include "columns/column_tuple.h"
#include "functions/datetime/date_time_transform.h"
#include "functions/datetime/interval_rounding.h"
#include "types/data_type_array.h"
#include "types/data_type_date.h"

namespace tally {

namespace time_windows {

using namespace datetime;

enum class Window { Tumble, Hop };
enum class Bound { Both, Start, End };

/// Window bounds in the result's domain: day numbers for date intervals, seconds otherwise.
struct WindowUnit {
  IntervalKind kind;
  const TimeZone* zone;
  bool whole_hours;

  bool dates() const { return isDateIntervalKind(kind); }

  int64_t start(int64_t t, int64_t n) const {
    IntervalRounding r{kind, n, zone, whole_hours};
    if (kind == IntervalKind::Day) return r.startOfDayInterval(std::max<int64_t>(zone->toDayNum(t), 0));
    if (dates()) return r.startOfDays(std::max<int64_t>(zone->toDayNum(t), 0), false);
    return r.startOfTime(t);
  }

  int64_t add(int64_t v, int64_t n) const {
    switch (kind) {
      case IntervalKind::Second: return v + n;
      case IntervalKind::Minute: return v + n * 60;
      case IntervalKind::Hour: return v + n * 3600;
      case IntervalKind::Day:
        return zone->isUTC() ? v + n * 86400 : instantOfLocal(*zone, zone->toLocal(v) + n * 86400);
      case IntervalKind::Week: return v + n * 7;
      case IntervalKind::Month: return calendar::clampToLut(calendar::addMonthsToDay(v, n));
      case IntervalKind::Quarter: return calendar::clampToLut(calendar::addMonthsToDay(v, n * 3));
      default: return calendar::clampToLut(calendar::addYearsToDay(v, n));
    }
  }

  /// Value as stored in the bound column (UInt16 days or UInt32 seconds).
  int64_t store(int64_t v) const { return dates() ? int64_t(toDateValue(v)) : int64_t(UInt32(v)); }
};

class FunctionTimeWindow final : public IFunction {
 public:
  FunctionTimeWindow(std::string name, Window window, Bound bound, const FunctionContext& context)
      : name_(std::move(name)), window_(window), bound_(bound), context_(&context) {}

  std::string getName() const override { return name_; }
  bool isVariadic() const override { return true; }
  std::vector<size_t> getArgumentsThatAreAlwaysConstant() const override { return {1, 2, 3}; }

  DataTypePtr getReturnType(const ColumnsWithTypeAndName& args) const override {
    if (bound_ != Bound::Both && args.size() == 1) {
      const DataTypePtr& t = args[0].type;
      if (t->typeId() == TypeIndex::Tuple) {
        const auto& elements = static_cast<const DataTypeTuple&>(*t).getElements();
        if (elements.size() == 2) return elements[bound_ == Bound::Start ? 0 : 1];
      }
      if (t->typeId() == TypeIndex::UInt32) return typeDateTime();
      throwIllegalType(name_, 0, t, "Tuple(Date/DateTime, Date/DateTime) or UInt32");
    }
    const size_t intervals = window_ == Window::Tumble ? 1 : 2;
    checkArgumentCount(name_, args.size(), 1 + intervals, 2 + intervals);
    if (args[0].type->typeId() != TypeIndex::DateTime) throwIllegalType(name_, 0, args[0].type, "DateTime");
    IntervalKind kind = intervalKindAt(args, 1);
    if (window_ == Window::Hop && intervalKindAt(args, 2) != kind)
      throw Exception(ErrorCodes::ILLEGAL_COLUMN, "Illegal type of window and hop column of function {}, must be same",
                      name_);
    const size_t zone_index = 1 + intervals;
    if (args.size() > zone_index) {
      checkZoneArgumentType(name_, args, zone_index);
      explicitZone(name_, args, zone_index);
    }
    DataTypePtr bound =
        isDateIntervalKind(kind) ? typeDate() : dateTimeType(resultZoneName(name_, args, zone_index, 0));
    if (bound_ == Bound::Both) return std::make_shared<DataTypeTuple>(DataTypes{bound, bound});
    return bound;
  }

  ColumnPtr execute(const ColumnsWithTypeAndName& args, const DataTypePtr&, size_t rows) const override {
    if (bound_ != Bound::Both && args.size() == 1) {
      if (args[0].type->typeId() == TypeIndex::UInt32) return args[0].column;
      ColumnPtr tuple = materialize(args[0].column);
      return static_cast<const ColumnTuple&>(*tuple).getColumnPtr(bound_ == Bound::Start ? 0 : 1);
    }
    const size_t zone_index = window_ == Window::Tumble ? 2 : 3;
    TimeArg arg = timeArg(*context_, name_, args, 0, zone_index);
    IntervalArg step = positiveInterval(args, 1);
    WindowUnit unit{step.kind, arg.zone, hasWholeHourOffsets(*arg.zone)};
    if (isSubsecond(step.kind))
      throw Exception(ErrorCodes::SYNTAX_ERROR, "Fraction seconds are unsupported by windows yet");
    ColumnPtr column = materialize(args[0].column);
    const UInt32* in = typedAs<ColumnUInt32>(*column).getData().data();
    PODArray<Int64> starts(rows), ends(rows);

    if (window_ == Window::Tumble) {
      for (size_t i = 0; i < rows; ++i) {
        starts[i] = unit.store(unit.start(in[i], step.count));
        ends[i] = unit.store(unit.add(starts[i], step.count));
      }
    } else {
      IntervalArg window = positiveInterval(args, 2);
      if (step.count > window.count)
        throw Exception(ErrorCodes::ARGUMENT_OUT_OF_BOUND,
                        "Value for hop interval of function {} must not larger than window interval", name_);
      for (size_t i = 0; i < rows; ++i) {
        int64_t wstart = unit.store(unit.start(in[i], step.count));
        int64_t wend = unit.store(unit.add(wstart, step.count));
        wstart = unit.store(unit.add(wend, -window.count));
        if (wstart > wend) throw Exception(ErrorCodes::BAD_ARGUMENTS, "Time overflow in function {}", name_);
        int64_t latest;
        do {
          latest = wend;
          wend = unit.store(unit.add(wend, -step.count));
        } while (wend > int64_t(in[i]));
        ends[i] = latest;
        starts[i] = unit.store(unit.add(latest, -window.count));
      }
    }

    auto make = [&](const PODArray<Int64>& values) -> MutableColumnPtr {
      if (unit.dates()) {
        auto c = ColumnUInt16::create(rows);
        for (size_t i = 0; i < rows; ++i) c->getData()[i] = UInt16(values[i]);
        return c;
      }
      auto c = ColumnUInt32::create(rows);
      for (size_t i = 0; i < rows; ++i) c->getData()[i] = UInt32(values[i]);
      return c;
    };
    if (bound_ == Bound::Start) return make(starts);
    if (bound_ == Bound::End) return make(ends);
    MutableColumns parts;
    parts.push_back(make(starts));
    parts.push_back(make(ends));
    return ColumnTuple::create(std::move(parts));
  }

 private:
  static bool isSubsecond(IntervalKind k) {
    return k == IntervalKind::Nanosecond || k == IntervalKind::Microsecond || k == IntervalKind::Millisecond;
  }
  IntervalKind intervalKindAt(const ColumnsWithTypeAndName& args, size_t i) const {
    IntervalKind kind;
    if (!intervalKindOf(args[i].type, kind)) throwIllegalType(name_, i, args[i].type, "Interval");
    return kind;
  }
  IntervalArg positiveInterval(const ColumnsWithTypeAndName& args, size_t i) const {
    IntervalArg interval = constantInterval(name_, args, i);
    if (interval.count <= 0)
      throw Exception(ErrorCodes::ARGUMENT_OUT_OF_BOUND, "Value for argument {} of function {} must be positive", i + 1,
                      name_);
    return interval;
  }

  std::string name_;
  Window window_;
  Bound bound_;
  const FunctionContext* context_;
};

void registerWindow(FunctionFactory& factory, const char* name, Window window, Bound bound, const char* description,
                    const char* syntax) {
  std::string n = name;
  factory.registerFunction(
      n,
      [n, window, bound](const FunctionContext& context) {
        return std::make_shared<FunctionTimeWindow>(n, window, bound, context);
      },
      dateTimeDoc(description, syntax));
}

}  // namespace time_windows

REGISTER_FUNCTION(TimeWindows) {
  using namespace time_windows;
  registerWindow(factory, "tumble", Window::Tumble, Bound::Both,
                 "Tumbling (non-overlapping) time window containing the time.",
                 "tumble(time_attr, interval[, timezone])");
  registerWindow(factory, "tumbleStart", Window::Tumble, Bound::Start,
                 "Start of the tumbling window containing the time.", "tumbleStart(time_attr, interval[, timezone])");
  registerWindow(factory, "tumbleEnd", Window::Tumble, Bound::End, "End of the tumbling window containing the time.",
                 "tumbleEnd(time_attr, interval[, timezone])");
  registerWindow(factory, "hop", Window::Hop, Bound::Both, "Hopping (overlapping) time window containing the time.",
                 "hop(time_attr, hop_interval, window_interval[, timezone])");
  registerWindow(factory, "hopStart", Window::Hop, Bound::Start, "Start of the hopping window containing the time.",
                 "hopStart(time_attr, hop_interval, window_interval[, timezone])");
  registerWindow(factory, "hopEnd", Window::Hop, Bound::End, "End of the hopping window containing the time.",
                 "hopEnd(time_attr, hop_interval, window_interval[, timezone])");
}

}  // namespace tally
