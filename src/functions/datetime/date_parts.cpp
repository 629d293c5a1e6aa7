// Calendar and clock components of a date or date-time in its time zone: toYear, toQuarter,
// toMonth, toDayOfYear, toDayOfMonth (DAY, DAYOFMONTH), toHour, toMinute, toSecond,
// toMillisecond, toISOYear, toISOWeek, toYYYYMM, toYYYYMMDD, toYYYYMMDDhhmmss.

#include "functions/datetime/calendar.h"
#include "functions/datetime/date_time_transform.h"
#include "types/data_type_number.h"

namespace tally {

namespace date_parts {

using namespace datetime;

/// Shared shape of the component transforms: any date/time input, a number result.
template <DataTypePtr (*type)(), bool time_of_day>
struct ComponentBase {
  static constexpr bool needs_time = time_of_day;
  static constexpr bool returns_date = false;
  static DataTypePtr resultType(TimeKind, uint32_t, const std::string&) { return type(); }
};

struct ToYear : ComponentBase<typeUInt16, false> {
  static constexpr const char* name = "toYear";
  static ColumnPtr execute(const Column& c, const TimeArg& a, size_t rows) {
    return dayTransform<UInt16>(c, a, rows, [](int64_t d) { return calendar::civil(d).year; });
  }
};

struct ToQuarter : ComponentBase<typeUInt8, false> {
  static constexpr const char* name = "toQuarter";
  static ColumnPtr execute(const Column& c, const TimeArg& a, size_t rows) {
    return dayTransform<UInt8>(c, a, rows, [](int64_t d) { return (calendar::civil(d).month + 2) / 3; });
  }
};

struct ToMonth : ComponentBase<typeUInt8, false> {
  static constexpr const char* name = "toMonth";
  static ColumnPtr execute(const Column& c, const TimeArg& a, size_t rows) {
    return dayTransform<UInt8>(c, a, rows, [](int64_t d) { return calendar::civil(d).month; });
  }
};

struct ToDayOfYear : ComponentBase<typeUInt16, false> {
  static constexpr const char* name = "toDayOfYear";
  static ColumnPtr execute(const Column& c, const TimeArg& a, size_t rows) {
    return dayTransform<UInt16>(c, a, rows, [](int64_t d) { return calendar::dayOfYear(d); });
  }
};

struct ToDayOfMonth : ComponentBase<typeUInt8, false> {
  static constexpr const char* name = "toDayOfMonth";
  static ColumnPtr execute(const Column& c, const TimeArg& a, size_t rows) {
    return dayTransform<UInt8>(c, a, rows, [](int64_t d) { return calendar::civil(d).day; });
  }
};

struct ToHour : ComponentBase<typeUInt8, true> {
  static constexpr const char* name = "toHour";
  static ColumnPtr execute(const Column& c, const TimeArg& a, size_t rows) {
    return instantTransform<UInt8>(c, a, rows, [](int64_t, int64_t local) { return secondOfDay(local) / 3600; });
  }
};

struct ToMinute : ComponentBase<typeUInt8, true> {
  static constexpr const char* name = "toMinute";
  static ColumnPtr execute(const Column& c, const TimeArg& a, size_t rows) {
    return instantTransform<UInt8>(c, a, rows, [](int64_t, int64_t local) { return secondOfDay(local) / 60 % 60; });
  }
};

struct ToSecond : ComponentBase<typeUInt8, true> {
  static constexpr const char* name = "toSecond";
  static ColumnPtr execute(const Column& c, const TimeArg& a, size_t rows) {
    return instantTransform<UInt8>(c, a, rows, [](int64_t, int64_t local) { return secondOfDay(local) % 60; });
  }
};

/// Milliseconds of the second: the fraction of a DateTime64, 0 for DateTime.
struct ToMillisecond : ComponentBase<typeUInt16, true> {
  static constexpr const char* name = "toMillisecond";
  static ColumnPtr execute(const Column& c, const TimeArg& a, size_t rows) {
    auto res = ColumnUInt16::create(rows);
    auto* out = res->getData().data();
    if (a.kind == TimeKind::DateTime64) {
      const Int64* in = typedAs<ColumnInt64>(c).getData().data();
      const int64_t m = a.ticks_per_second;
      for (size_t i = 0; i < rows; ++i) {
        int64_t fraction = in[i] - floorDiv(in[i], m) * m;
        out[i] = UInt16(m >= 1000 ? fraction / (m / 1000) : fraction * (1000 / m));
      }
    } else {
      std::fill(out, out + rows, UInt16(0));
    }
    return res;
  }
};

struct ToISOYear : ComponentBase<typeUInt16, false> {
  static constexpr const char* name = "toISOYear";
  static ColumnPtr execute(const Column& c, const TimeArg& a, size_t rows) {
    return dayTransform<UInt16>(c, a, rows, [](int64_t d) { return calendar::isoYear(d); });
  }
};

struct ToISOWeek : ComponentBase<typeUInt8, false> {
  static constexpr const char* name = "toISOWeek";
  static ColumnPtr execute(const Column& c, const TimeArg& a, size_t rows) {
    return dayTransform<UInt8>(c, a, rows, [](int64_t d) { return calendar::isoWeek(d); });
  }
};

struct ToYYYYMM : ComponentBase<typeUInt32, false> {
  static constexpr const char* name = "toYYYYMM";
  static ColumnPtr execute(const Column& c, const TimeArg& a, size_t rows) {
    return dayTransform<UInt32>(c, a, rows, [](int64_t d) {
      CivilDate v = calendar::civil(d);
      return uint32_t(v.year) * 100 + v.month;
    });
  }
};

struct ToYYYYMMDD : ComponentBase<typeUInt32, false> {
  static constexpr const char* name = "toYYYYMMDD";
  static ColumnPtr execute(const Column& c, const TimeArg& a, size_t rows) {
    return dayTransform<UInt32>(c, a, rows, [](int64_t d) {
      CivilDate v = calendar::civil(d);
      return uint32_t(v.year) * 10000 + v.month * 100u + v.day;
    });
  }
};

struct ToYYYYMMDDhhmmss : ComponentBase<typeUInt64, false> {
  static constexpr const char* name = "toYYYYMMDDhhmmss";
  static uint64_t dateNumber(int64_t day) {
    CivilDate v = calendar::civil(day);
    return uint64_t(v.year) * 10000000000ULL + uint64_t(v.month) * 100000000ULL + uint64_t(v.day) * 1000000ULL;
  }
  static ColumnPtr execute(const Column& c, const TimeArg& a, size_t rows) {
    if (a.isDays()) return dayTransform<UInt64>(c, a, rows, [](int64_t d) { return dateNumber(d); });
    return instantTransform<UInt64>(c, a, rows, [](int64_t, int64_t local) {
      int64_t day = floorDiv(local, 86400);
      int64_t s = local - day * 86400;
      return dateNumber(day) + uint64_t(s / 3600 * 10000 + s / 60 % 60 * 100 + s % 60);
    });
  }
};

}  // namespace date_parts

REGISTER_FUNCTION(DateParts) {
  using namespace date_parts;
  registerTimeTransform<ToYear>(factory, "Year of a date or date with time (UInt16).", "toYear(value[, timezone])");
  factory.registerAlias("YEAR", "toYear", FunctionFactory::CaseInsensitive);
  registerTimeTransform<ToQuarter>(factory, "Quarter (1-4) of a date or date with time.",
                                   "toQuarter(value[, timezone])");
  factory.registerAlias("QUARTER", "toQuarter", FunctionFactory::CaseInsensitive);
  registerTimeTransform<ToMonth>(factory, "Month (1-12) of a date or date with time.", "toMonth(value[, timezone])");
  factory.registerAlias("MONTH", "toMonth", FunctionFactory::CaseInsensitive);
  registerTimeTransform<ToDayOfYear>(factory, "Day of the year (1-366).", "toDayOfYear(value[, timezone])");
  factory.registerAlias("DAYOFYEAR", "toDayOfYear", FunctionFactory::CaseInsensitive);
  registerTimeTransform<ToDayOfMonth>(factory, "Day of the month (1-31).", "toDayOfMonth(value[, timezone])");
  factory.registerAlias("DAY", "toDayOfMonth", FunctionFactory::CaseInsensitive);
  factory.registerAlias("DAYOFMONTH", "toDayOfMonth", FunctionFactory::CaseInsensitive);
  registerTimeTransform<ToHour>(factory, "Hour (0-23) of a date with time.", "toHour(value[, timezone])");
  factory.registerAlias("HOUR", "toHour", FunctionFactory::CaseInsensitive);
  registerTimeTransform<ToMinute>(factory, "Minute (0-59) of a date with time.", "toMinute(value[, timezone])");
  factory.registerAlias("MINUTE", "toMinute", FunctionFactory::CaseInsensitive);
  registerTimeTransform<ToSecond>(factory, "Second (0-59) of a date with time.", "toSecond(value[, timezone])");
  factory.registerAlias("SECOND", "toSecond", FunctionFactory::CaseInsensitive);
  registerTimeTransform<ToMillisecond>(factory, "Millisecond (0-999) of a date with time.",
                                       "toMillisecond(value[, timezone])");
  factory.registerAlias("MILLISECOND", "toMillisecond", FunctionFactory::CaseInsensitive);
  registerTimeTransform<ToISOYear>(factory, "ISO 8601 year of the week containing the date.",
                                   "toISOYear(value[, timezone])");
  registerTimeTransform<ToISOWeek>(factory, "ISO 8601 week number (1-53).", "toISOWeek(value[, timezone])");
  registerTimeTransform<ToYYYYMM>(factory, "Year and month as the number YYYYMM.", "toYYYYMM(value[, timezone])");
  registerTimeTransform<ToYYYYMMDD>(factory, "Year, month and day as the number YYYYMMDD.",
                                    "toYYYYMMDD(value[, timezone])");
  registerTimeTransform<ToYYYYMMDDhhmmss>(factory, "Date and time as the number YYYYMMDDhhmmss.",
                                          "toYYYYMMDDhhmmss(value[, timezone])");
}

}  // namespace tally
