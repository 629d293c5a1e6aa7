// toRelativeYearNum, toRelativeQuarterNum, toRelativeMonthNum, toRelativeWeekNum,
// toRelativeDayNum, toRelativeHourNum, toRelativeMinuteNum, toRelativeSecondNum, and the relative
// numbers dateDiff/age subtract.

#include "functions/datetime/relative_numbers.h"

#include <algorithm>

#include "functions/datetime/calendar.h"
#include "functions/datetime/date_time_transform.h"
#include "types/data_type_number.h"

namespace tally {

namespace datetime {

bool parseRelativeUnit(std::string_view text, RelativeUnit& unit) {
  std::string s(text);
  std::transform(s.begin(), s.end(), s.begin(), [](unsigned char c) { return char(std::tolower(c)); });
  static const std::pair<const char*, RelativeUnit> names[] = {{"year", RelativeUnit::Year},
                                                               {"years", RelativeUnit::Year},
                                                               {"yy", RelativeUnit::Year},
                                                               {"yyyy", RelativeUnit::Year},
                                                               {"quarter", RelativeUnit::Quarter},
                                                               {"quarters", RelativeUnit::Quarter},
                                                               {"qq", RelativeUnit::Quarter},
                                                               {"q", RelativeUnit::Quarter},
                                                               {"month", RelativeUnit::Month},
                                                               {"months", RelativeUnit::Month},
                                                               {"mm", RelativeUnit::Month},
                                                               {"m", RelativeUnit::Month},
                                                               {"week", RelativeUnit::Week},
                                                               {"weeks", RelativeUnit::Week},
                                                               {"wk", RelativeUnit::Week},
                                                               {"ww", RelativeUnit::Week},
                                                               {"day", RelativeUnit::Day},
                                                               {"days", RelativeUnit::Day},
                                                               {"dd", RelativeUnit::Day},
                                                               {"d", RelativeUnit::Day},
                                                               {"hour", RelativeUnit::Hour},
                                                               {"hours", RelativeUnit::Hour},
                                                               {"hh", RelativeUnit::Hour},
                                                               {"h", RelativeUnit::Hour},
                                                               {"minute", RelativeUnit::Minute},
                                                               {"minutes", RelativeUnit::Minute},
                                                               {"mi", RelativeUnit::Minute},
                                                               {"n", RelativeUnit::Minute},
                                                               {"second", RelativeUnit::Second},
                                                               {"seconds", RelativeUnit::Second},
                                                               {"ss", RelativeUnit::Second},
                                                               {"s", RelativeUnit::Second},
                                                               {"millisecond", RelativeUnit::Millisecond},
                                                               {"milliseconds", RelativeUnit::Millisecond},
                                                               {"ms", RelativeUnit::Millisecond},
                                                               {"microsecond", RelativeUnit::Microsecond},
                                                               {"microseconds", RelativeUnit::Microsecond},
                                                               {"us", RelativeUnit::Microsecond},
                                                               {"u", RelativeUnit::Microsecond},
                                                               {"nanosecond", RelativeUnit::Nanosecond},
                                                               {"nanoseconds", RelativeUnit::Nanosecond},
                                                               {"ns", RelativeUnit::Nanosecond}};
  for (const auto& [name, u] : names)
    if (s == name) {
      unit = u;
      return true;
    }
  return false;
}

namespace {

/// Hours counted so that boundaries fall on the zone's local hours at the epoch.
struct HourNumbering {
  int64_t offset_at_epoch;
  bool utc_hours;  // toRelativeHourNum in a zone with whole-hour offsets: t / 3600 for t >= 0
  int64_t operator()(int64_t t) const {
    if (utc_hours && t >= 0) return t / 3600;
    return floorDiv(t + 86400 - offset_at_epoch, 3600);
  }
};

void subsecondNumbers(const Column& column, const TimeArg& arg, int64_t per_second, Int64* out, size_t rows) {
  if (arg.kind == TimeKind::DateTime64) {
    const Int64* in = typedAs<ColumnInt64>(column).getData().data();
    const int64_t m = arg.ticks_per_second;
    if (m == per_second) {
      std::copy(in, in + rows, out);
    } else if (m > per_second) {
      const int64_t div = m / per_second;
      for (size_t i = 0; i < rows; ++i) out[i] = in[i] / div;
    } else {
      const uint64_t mul = uint64_t(per_second / m);
      for (size_t i = 0; i < rows; ++i) out[i] = Int64(uint64_t(in[i]) * mul);
    }
    return;
  }
  for (size_t i = 0; i < rows; ++i) out[i] = rowInstant(column, arg, i) * per_second;
}

}  // namespace

void relativeNumbers(const Column& column, const TimeArg& arg, RelativeUnit unit, Int64* out, size_t rows,
                     bool legacy_hours) {
  const TimeZone& zone = *arg.zone;
  switch (unit) {
    case RelativeUnit::Year: mapDays(column, arg, out, rows, [](int64_t d) { return calendar::civil(d).year; }); return;
    case RelativeUnit::Quarter: mapDays(column, arg, out, rows, calendar::relativeQuarterNum); return;
    case RelativeUnit::Month: mapDays(column, arg, out, rows, calendar::relativeMonthNum); return;
    case RelativeUnit::Week: mapDays(column, arg, out, rows, calendar::relativeWeekNum); return;
    case RelativeUnit::Day: mapDays(column, arg, out, rows, [](int64_t d) { return d; }); return;
    case RelativeUnit::Hour: {
      HourNumbering hours{zone.offsetAt(0), legacy_hours && hasWholeHourOffsets(zone)};
      if (arg.isDays())
        mapDays(column, arg, out, rows, [&](int64_t d) { return hours(dayStart(zone, d)); });
      else
        mapSeconds(column, arg, out, rows, hours);
      return;
    }
    case RelativeUnit::Minute:
      if (arg.isDays())
        mapDays(column, arg, out, rows, [&](int64_t d) { return floorDiv(dayStart(zone, d), 60); });
      else
        mapSeconds(column, arg, out, rows, [](int64_t t) { return floorDiv(t, 60); });
      return;
    case RelativeUnit::Second:
      if (arg.isDays())
        mapDays(column, arg, out, rows, [&](int64_t d) { return dayStart(zone, d); });
      else
        mapSeconds(column, arg, out, rows, [](int64_t t) { return t; });
      return;
    case RelativeUnit::Millisecond: subsecondNumbers(column, arg, 1000, out, rows); return;
    case RelativeUnit::Microsecond: subsecondNumbers(column, arg, 1000000, out, rows); return;
    case RelativeUnit::Nanosecond: subsecondNumbers(column, arg, 1000000000, out, rows); return;
  }
}

}  // namespace datetime

namespace relative_numbers {

using namespace datetime;

/// toRelative*Num: the numbers above narrowed as ClickHouse narrows them (16 bits for years to
/// days, 32 bits for hours to seconds).
template <RelativeUnit unit, typename Narrow, typename Out, DataTypePtr (*type)()>
struct ToRelativeNum {
  static constexpr bool needs_time = false;
  static constexpr bool returns_date = false;
  static DataTypePtr resultType(TimeKind, uint32_t, const std::string&) { return type(); }
  static ColumnPtr execute(const Column& c, const TimeArg& a, size_t rows) {
    PODArray<Int64> numbers(rows);
    relativeNumbers(c, a, unit, numbers.data(), rows, /*legacy_hours=*/true);
    auto res = ColumnVector<Out>::create(rows);
    Out* out = res->getData().data();
    for (size_t i = 0; i < rows; ++i) out[i] = Out(Narrow(numbers[i]));
    return res;
  }
};

struct ToRelativeYearNum : ToRelativeNum<RelativeUnit::Year, UInt16, UInt16, typeUInt16> {
  static constexpr const char* name = "toRelativeYearNum";
};
struct ToRelativeQuarterNum : ToRelativeNum<RelativeUnit::Quarter, UInt16, UInt32, typeUInt32> {
  static constexpr const char* name = "toRelativeQuarterNum";
};
struct ToRelativeMonthNum : ToRelativeNum<RelativeUnit::Month, UInt16, UInt32, typeUInt32> {
  static constexpr const char* name = "toRelativeMonthNum";
};
struct ToRelativeWeekNum : ToRelativeNum<RelativeUnit::Week, UInt16, UInt32, typeUInt32> {
  static constexpr const char* name = "toRelativeWeekNum";
};
struct ToRelativeDayNum : ToRelativeNum<RelativeUnit::Day, UInt16, UInt32, typeUInt32> {
  static constexpr const char* name = "toRelativeDayNum";
};
struct ToRelativeHourNum : ToRelativeNum<RelativeUnit::Hour, UInt32, UInt32, typeUInt32> {
  static constexpr const char* name = "toRelativeHourNum";
};
struct ToRelativeMinuteNum : ToRelativeNum<RelativeUnit::Minute, UInt32, UInt32, typeUInt32> {
  static constexpr const char* name = "toRelativeMinuteNum";
};
struct ToRelativeSecondNum : ToRelativeNum<RelativeUnit::Second, UInt32, UInt32, typeUInt32> {
  static constexpr const char* name = "toRelativeSecondNum";
};

}  // namespace relative_numbers

REGISTER_FUNCTION(RelativeNumbers) {
  using namespace relative_numbers;
  registerTimeTransform<ToRelativeYearNum>(factory, "Year number (the year itself).",
                                           "toRelativeYearNum(value[, timezone])");
  registerTimeTransform<ToRelativeQuarterNum>(factory, "Quarter number since a fixed point in the past.",
                                              "toRelativeQuarterNum(value[, timezone])");
  registerTimeTransform<ToRelativeMonthNum>(factory, "Month number since a fixed point in the past.",
                                            "toRelativeMonthNum(value[, timezone])");
  registerTimeTransform<ToRelativeWeekNum>(factory,
                                           "Week number (weeks starting on Monday) since a fixed point in the past.",
                                           "toRelativeWeekNum(value[, timezone])");
  registerTimeTransform<ToRelativeDayNum>(factory, "Day number since 1970-01-01.",
                                          "toRelativeDayNum(value[, timezone])");
  registerTimeTransform<ToRelativeHourNum>(factory, "Hour number since a fixed point in the past.",
                                           "toRelativeHourNum(value[, timezone])");
  registerTimeTransform<ToRelativeMinuteNum>(factory, "Minute number since a fixed point in the past.",
                                             "toRelativeMinuteNum(value[, timezone])");
  registerTimeTransform<ToRelativeSecondNum>(factory, "Second number since a fixed point in the past.",
                                             "toRelativeSecondNum(value[, timezone])");
}

}  // namespace tally
