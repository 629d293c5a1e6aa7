// Rounding down to the start of a calendar period: toStartOfYear, toStartOfISOYear,
// toStartOfQuarter, toStartOfMonth, toMonday, toLastDayOfMonth (LAST_DAY) give a Date;
// toStartOfDay, toStartOfHour, toStartOfMinute, toStartOfFiveMinutes (toStartOfFiveMinute),
// toStartOfTenMinutes, toStartOfFifteenMinutes and timeSlot give a DateTime; toStartOfSecond,
// toStartOfMillisecond, toStartOfMicrosecond and toStartOfNanosecond truncate a DateTime64.

#include "functions/datetime/calendar.h"
#include "functions/datetime/date_time_transform.h"
#include "types/data_type_date.h"

namespace tally {

namespace start_of_period {

using namespace datetime;

struct DateResult {
  static constexpr bool needs_time = false;
  static constexpr bool returns_date = true;
  static DataTypePtr resultType(TimeKind, uint32_t, const std::string&) { return typeDate(); }
};

struct ToStartOfYear : DateResult {
  static constexpr const char* name = "toStartOfYear";
  static ColumnPtr execute(const Column& c, const TimeArg& a, size_t rows) {
    return dayTransform<UInt16>(c, a, rows, [](int64_t d) { return toDateValue(calendar::firstDayOfYearOf(d)); });
  }
};

struct ToStartOfISOYear : DateResult {
  static constexpr const char* name = "toStartOfISOYear";
  static ColumnPtr execute(const Column& c, const TimeArg& a, size_t rows) {
    return dayTransform<UInt16>(c, a, rows, [](int64_t d) { return toDateValue(calendar::firstDayOfISOYear(d)); });
  }
};

struct ToStartOfQuarter : DateResult {
  static constexpr const char* name = "toStartOfQuarter";
  static ColumnPtr execute(const Column& c, const TimeArg& a, size_t rows) {
    return dayTransform<UInt16>(c, a, rows, [](int64_t d) { return toDateValue(calendar::firstDayOfQuarter(d)); });
  }
};

struct ToStartOfMonth : DateResult {
  static constexpr const char* name = "toStartOfMonth";
  static ColumnPtr execute(const Column& c, const TimeArg& a, size_t rows) {
    return dayTransform<UInt16>(c, a, rows, [](int64_t d) { return toDateValue(calendar::firstDayOfMonth(d)); });
  }
};

struct ToMonday : DateResult {
  static constexpr const char* name = "toMonday";
  static ColumnPtr execute(const Column& c, const TimeArg& a, size_t rows) {
    return dayTransform<UInt16>(c, a, rows, [](int64_t d) { return toDateValue(calendar::monday(d)); });
  }
};

struct ToLastDayOfMonth : DateResult {
  static constexpr const char* name = "toLastDayOfMonth";
  static ColumnPtr execute(const Column& c, const TimeArg& a, size_t rows) {
    return dayTransform<UInt16>(c, a, rows, [](int64_t d) { return toDateValue(calendar::lastDayOfMonth(d)); });
  }
};

/// DateTime results (the input DateTime64 is read in whole seconds).
template <bool time_of_day>
struct DateTimeResult {
  static constexpr bool needs_time = time_of_day;
  static constexpr bool returns_date = false;
  static DataTypePtr resultType(TimeKind, uint32_t, const std::string& zone) { return dateTimeType(zone); }
};

struct ToStartOfDay : DateTimeResult<false> {
  static constexpr const char* name = "toStartOfDay";
  static ColumnPtr execute(const Column& c, const TimeArg& a, size_t rows) {
    const TimeZone& zone = *a.zone;
    if (a.isDays()) return dayTransform<UInt32>(c, a, rows, [&zone](int64_t d) { return dayStart(zone, d); });
    if (zone.isUTC())
      return instantTransform<UInt32>(c, a, rows, [](int64_t t, int64_t) { return floorDiv(t, 86400) * 86400; });
    // DateTime days before 1970-01-01 saturate to it, as ClickHouse's unsigned day numbers do.
    const bool saturate = a.kind == TimeKind::DateTime;
    LocalClock clock(zone);
    return instantTransform<UInt32>(c, a, rows, [&zone, &clock, saturate](int64_t t, int64_t local) {
      int64_t day = floorDiv(local, 86400);
      if (saturate && day < 0) return zone.fromDayNum(0);
      return clock.dayStart(day, t);
    });
  }
};

struct ToStartOfHour : DateTimeResult<true> {
  static constexpr const char* name = "toStartOfHour";
  static ColumnPtr execute(const Column& c, const TimeArg& a, size_t rows) {
    const TimeZone& zone = *a.zone;
    const bool whole_hours = hasWholeHourOffsets(zone);
    auto res = ColumnUInt32::create(rows);
    mapSeconds(c, a, res->getData().data(), rows,
               [&zone, whole_hours](int64_t t) { return roundDownInZone(zone, whole_hours, t, 3600); });
    return res;
  }
};

/// Rounds down to a multiple of `seconds` since the epoch (ClickHouse rounds minute intervals in
/// UTC: every zone's offset is a whole number of minutes).
template <int64_t seconds>
ColumnPtr roundSeconds(const Column& c, const TimeArg& a, size_t rows) {
  auto res = ColumnUInt32::create(rows);
  mapSeconds(c, a, res->getData().data(), rows, [](int64_t t) { return floorDiv(t, seconds) * seconds; });
  return res;
}

struct ToStartOfMinute : DateTimeResult<true> {
  static constexpr const char* name = "toStartOfMinute";
  static ColumnPtr execute(const Column& c, const TimeArg& a, size_t rows) { return roundSeconds<60>(c, a, rows); }
};
struct ToStartOfFiveMinutes : DateTimeResult<true> {
  static constexpr const char* name = "toStartOfFiveMinutes";
  static ColumnPtr execute(const Column& c, const TimeArg& a, size_t rows) { return roundSeconds<300>(c, a, rows); }
};
struct ToStartOfTenMinutes : DateTimeResult<true> {
  static constexpr const char* name = "toStartOfTenMinutes";
  static ColumnPtr execute(const Column& c, const TimeArg& a, size_t rows) { return roundSeconds<600>(c, a, rows); }
};
struct ToStartOfFifteenMinutes : DateTimeResult<true> {
  static constexpr const char* name = "toStartOfFifteenMinutes";
  static ColumnPtr execute(const Column& c, const TimeArg& a, size_t rows) { return roundSeconds<900>(c, a, rows); }
};
/// Half-hour slots counted from the epoch, independent of the zone.
struct TimeSlot : DateTimeResult<true> {
  static constexpr const char* name = "timeSlot";
  static ColumnPtr execute(const Column& c, const TimeArg& a, size_t rows) { return roundSeconds<1800>(c, a, rows); }
};

/// toStartOfSecond and friends: DateTime64 only, truncated to 10^-digits s; the result keeps the
/// larger of the input scale and `digits`.
template <typename Self, uint32_t digits>
struct SubsecondResult {
  static constexpr bool needs_time = true;
  static constexpr bool returns_date = false;
  static DataTypePtr resultType(TimeKind kind, uint32_t scale, const std::string& zone) {
    if (kind != TimeKind::DateTime64)
      throw Exception(ErrorCodes::ILLEGAL_TYPE_OF_ARGUMENT,
                      "Illegal type DateTime of argument of function {}, expected DateTime64", Self::name);
    return dateTime64Type(std::max(scale, digits), zone);
  }
  static ColumnPtr execute(const Column& c, const TimeArg& a, size_t rows) {
    const Int64* in = typedAs<ColumnInt64>(c).getData().data();
    auto res = ColumnInt64::create(rows);
    Int64* out = res->getData().data();
    if (a.scale <= digits) {
      const int64_t widen = scaleMultiplier(digits - a.scale);
      for (size_t i = 0; i < rows; ++i) out[i] = in[i] * widen;
    } else {
      const int64_t unit = scaleMultiplier(a.scale - digits);
      for (size_t i = 0; i < rows; ++i) out[i] = floorDiv(in[i], unit) * unit;
    }
    return res;
  }
};

struct ToStartOfSecond : SubsecondResult<ToStartOfSecond, 0> {
  static constexpr const char* name = "toStartOfSecond";
};
struct ToStartOfMillisecond : SubsecondResult<ToStartOfMillisecond, 3> {
  static constexpr const char* name = "toStartOfMillisecond";
};
struct ToStartOfMicrosecond : SubsecondResult<ToStartOfMicrosecond, 6> {
  static constexpr const char* name = "toStartOfMicrosecond";
};
struct ToStartOfNanosecond : SubsecondResult<ToStartOfNanosecond, 9> {
  static constexpr const char* name = "toStartOfNanosecond";
};

}  // namespace start_of_period

REGISTER_FUNCTION(StartOfPeriod) {
  using namespace start_of_period;
  registerTimeTransform<ToStartOfYear>(factory, "Rounds down to the first day of the year.",
                                       "toStartOfYear(value[, timezone])");
  registerTimeTransform<ToStartOfISOYear>(factory, "Rounds down to the first day of the ISO year.",
                                          "toStartOfISOYear(value[, timezone])");
  registerTimeTransform<ToStartOfQuarter>(factory, "Rounds down to the first day of the quarter.",
                                          "toStartOfQuarter(value[, timezone])");
  registerTimeTransform<ToStartOfMonth>(factory, "Rounds down to the first day of the month.",
                                        "toStartOfMonth(value[, timezone])");
  registerTimeTransform<ToMonday>(factory, "Rounds down to the nearest Monday.", "toMonday(value[, timezone])");
  registerTimeTransform<ToLastDayOfMonth>(factory, "Rounds up to the last day of the month.",
                                          "toLastDayOfMonth(value[, timezone])");
  factory.registerAlias("LAST_DAY", "toLastDayOfMonth", FunctionFactory::CaseInsensitive);
  registerTimeTransform<ToStartOfDay>(factory, "Rounds down to the start of the day.",
                                      "toStartOfDay(value[, timezone])");
  registerTimeTransform<ToStartOfHour>(factory, "Rounds down to the start of the hour.",
                                       "toStartOfHour(value[, timezone])");
  registerTimeTransform<ToStartOfMinute>(factory, "Rounds down to the start of the minute.",
                                         "toStartOfMinute(value[, timezone])");
  registerTimeTransform<ToStartOfFiveMinutes>(factory, "Rounds down to the start of the five-minute interval.",
                                              "toStartOfFiveMinutes(value[, timezone])");
  factory.registerAlias("toStartOfFiveMinute", "toStartOfFiveMinutes");
  registerTimeTransform<ToStartOfTenMinutes>(factory, "Rounds down to the start of the ten-minute interval.",
                                             "toStartOfTenMinutes(value[, timezone])");
  registerTimeTransform<ToStartOfFifteenMinutes>(factory, "Rounds down to the start of the fifteen-minute interval.",
                                                 "toStartOfFifteenMinutes(value[, timezone])");
  registerTimeTransform<TimeSlot>(factory, "Rounds down to the half hour.", "timeSlot(value[, timezone])");
  registerTimeTransform<ToStartOfSecond>(factory, "Truncates the sub-second part of a DateTime64.",
                                         "toStartOfSecond(value[, timezone])");
  registerTimeTransform<ToStartOfMillisecond>(factory, "Truncates a DateTime64 to milliseconds.",
                                              "toStartOfMillisecond(value[, timezone])");
  registerTimeTransform<ToStartOfMicrosecond>(factory, "Truncates a DateTime64 to microseconds.",
                                              "toStartOfMicrosecond(value[, timezone])");
  registerTimeTransform<ToStartOfNanosecond>(factory, "Truncates a DateTime64 to nanoseconds.",
                                             "toStartOfNanosecond(value[, timezone])");
}

}  // namespace tally
