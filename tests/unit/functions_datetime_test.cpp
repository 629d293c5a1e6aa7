// Date and time functions. Expected values come from the reference ClickHouse server (18.16)
// where it has the function and agrees with today's documented behaviour; functions, types and
// specifiers it lacks or defines differently (Date32, DateTime64, toStartOfInterval, toWeek
// modes, age, formatDateTime's %M/%e, saturating addDays on Date, ...) follow today's ClickHouse
// documentation and source, as noted next to those tests.

#include <chrono>
#include <ctime>
#include <functional>

#include "function_test_util.h"

#include "columns/column_nullable.h"
#include "columns/column_string.h"
#include "types/data_type_date.h"

namespace tally::test {
namespace {

struct Result {
  std::string text;
  std::string type;
};

Result call(const std::string& name, const ColumnsWithTypeAndName& args) {
  ColumnWithTypeAndName r = evaluate(name, args);
  return {texts(r)[0], r.type->name()};
}
std::string value(const std::string& name, const ColumnsWithTypeAndName& args) { return call(name, args).text; }
std::string typeOf(const std::string& name, const ColumnsWithTypeAndName& args) { return call(name, args).type; }
/// All rows of name(args) as text.
std::vector<std::string> values(const std::string& name, const ColumnsWithTypeAndName& args) {
  return texts(evaluate(name, args));
}

ColumnWithTypeAndName s(const std::string& v) { return constant("String", Field(v)); }
ColumnWithTypeAndName u8(uint64_t v) { return constant("UInt8", Field(v)); }
ColumnWithTypeAndName i64(int64_t v) { return constant("Int64", Field(v)); }
ColumnWithTypeAndName f64(double v) { return constant("Float64", Field(v)); }

/// A constant of `type` made from its text (CAST from String).
ColumnWithTypeAndName typed(const std::string& type, const std::string& text) {
  ColumnWithTypeAndName r = evaluate("CAST", {s(text), s(type)});
  return {r.column, r.type, "c"};
}
/// A full column of `type` made from texts.
ColumnWithTypeAndName typedColumn(const std::string& type, const std::vector<std::string>& items) {
  std::vector<Field> fields;
  for (const auto& t : items) fields.emplace_back(t);
  ColumnWithTypeAndName r = evaluate("CAST", {column("String", fields), s(type)});
  return {r.column, r.type, "x"};
}
ColumnWithTypeAndName date(const std::string& t) { return typed("Date", t); }
ColumnWithTypeAndName date32(const std::string& t) { return typed("Date32", t); }
ColumnWithTypeAndName dt(const std::string& t, const std::string& zone = "") {
  return typed(zone.empty() ? "DateTime" : "DateTime('" + zone + "')", t);
}
ColumnWithTypeAndName dt64(const std::string& t, int scale, const std::string& zone = "") {
  return typed("DateTime64(" + std::to_string(scale) + (zone.empty() ? "" : ", '" + zone + "'") + ")", t);
}
ColumnWithTypeAndName interval(const std::string& unit, int64_t n) {
  ColumnWithTypeAndName r = evaluate("toInterval" + unit, {i64(n)});
  return {r.column, r.type, "i"};
}

/// A constant argument repeated for `rows` rows (evaluate() takes the row count from argument 0).
ColumnWithTypeAndName repeated(const ColumnWithTypeAndName& c, size_t rows) {
  ColumnPtr data = c.column->isConst() ? static_cast<const ColumnConst&>(*c.column).getDataColumnPtr() : c.column;
  return {ColumnConst::create(data, rows), c.type, c.name};
}

int errorCode(const std::string& name, const ColumnsWithTypeAndName& args) {
  try {
    evaluate(name, args);
  } catch (const Exception& e) {
    return e.code();
  }
  return 0;
}

// ---------------------------------------------------------------- components

TEST(DateTimeParts, DateComponents) {
  EXPECT_EQ(call("toYear", {date("2024-02-29")}).text, "2024");
  EXPECT_EQ(call("toYear", {date("2024-02-29")}).type, "UInt16");
  EXPECT_EQ(value("toQuarter", {date("2024-02-29")}), "1");
  EXPECT_EQ(typeOf("toQuarter", {date("2024-02-29")}), "UInt8");
  EXPECT_EQ(value("toMonth", {date("2024-12-31")}), "12");
  EXPECT_EQ(value("toDayOfYear", {date("2024-12-31")}), "366");
  EXPECT_EQ(typeOf("toDayOfYear", {date("2024-12-31")}), "UInt16");
  EXPECT_EQ(value("toDayOfMonth", {date("2024-12-31")}), "31");
  EXPECT_EQ(value("DAY", {date("2024-12-31")}), "31");
  EXPECT_EQ(value("dayofmonth", {date("2024-12-31")}), "31");
  EXPECT_EQ(value("toDayOfWeek", {date("2024-12-29")}), "7");
  EXPECT_EQ(value("toISOYear", {date("2024-12-30")}), "2025");
  EXPECT_EQ(value("toISOWeek", {date("2024-12-30")}), "1");
  EXPECT_EQ(value("toISOWeek", {date("2021-01-03")}), "53");
  EXPECT_EQ(value("toISOYear", {date("2021-01-03")}), "2020");
}

TEST(DateTimeParts, AllInputTypes) {
  for (const auto& arg :
       {date("1999-07-04"), date32("1999-07-04"), dt("1999-07-04 05:06:07"), dt64("1999-07-04 05:06:07.891", 3)}) {
    EXPECT_EQ(value("toYear", {arg}), "1999") << arg.type->name();
    EXPECT_EQ(value("toMonth", {arg}), "7") << arg.type->name();
    EXPECT_EQ(value("toDayOfMonth", {arg}), "4") << arg.type->name();
    EXPECT_EQ(value("toDayOfWeek", {arg}), "7") << arg.type->name();
    EXPECT_EQ(value("toYYYYMMDD", {arg}), "19990704") << arg.type->name();
  }
  // Date32 reaches before 1970.
  EXPECT_EQ(value("toYear", {date32("1900-01-01")}), "1900");
  EXPECT_EQ(value("toDayOfWeek", {date32("1900-01-01")}), "1");
  EXPECT_EQ(value("toYYYYMM", {date32("1969-12-31")}), "196912");
}

TEST(DateTimeParts, ClockComponents) {
  EXPECT_EQ(value("toHour", {dt("2024-02-29 10:11:12")}), "10");
  EXPECT_EQ(value("toMinute", {dt("2024-02-29 10:11:12")}), "11");
  EXPECT_EQ(value("toSecond", {dt("2024-02-29 10:11:12")}), "12");
  EXPECT_EQ(value("toSecond", {dt64("2024-02-29 10:11:12.999", 3)}), "12");
  EXPECT_EQ(value("toMillisecond", {dt64("2024-02-29 10:11:12.456789", 6)}), "456");
  EXPECT_EQ(value("toMillisecond", {dt("2024-02-29 10:11:12")}), "0");
  EXPECT_EQ(value("HOUR", {dt("2024-02-29 10:11:12")}), "10");
  // Reference: the zone of the type, or an explicit zone argument.
  EXPECT_EQ(value("toHour", {dt("2024-03-10 01:30:00", "America/New_York")}), "1");
  EXPECT_EQ(value("toHour", {dt("2024-03-31 12:00:00", "Europe/Amsterdam")}), "12");
  EXPECT_EQ(value("toMinute", {dt("2024-01-01 10:05:00", "Asia/Kolkata")}), "5");
  EXPECT_EQ(value("toHour", {dt("2024-01-01 10:00:00", "UTC"), s("Asia/Tokyo")}), "19");
  EXPECT_EQ(value("toDayOfMonth", {dt("2024-01-01 20:00:00", "UTC"), s("Asia/Tokyo")}), "2");
  EXPECT_EQ(value("toYYYYMMDD", {dt("2024-05-17 23:59:59", "Asia/Tokyo")}), "20240517");
  EXPECT_EQ(value("toYYYYMMDDhhmmss", {dt("2024-05-17 23:59:59")}), "20240517235959");
  EXPECT_EQ(typeOf("toYYYYMMDDhhmmss", {date("2024-01-01")}), "UInt64");
  EXPECT_EQ(value("toYYYYMMDDhhmmss", {date("2024-01-01")}), "20240101000000");
}

TEST(DateTimeParts, Errors) {
  EXPECT_EQ(errorCode("toHour", {date("2024-01-01")}), 43);
  EXPECT_EQ(errorCode("toMinute", {date32("2024-01-01")}), 43);
  EXPECT_EQ(errorCode("toYear", {u8(1)}), 43);
  EXPECT_EQ(errorCode("toYear", {s("2024-01-01")}), 43);
  EXPECT_EQ(errorCode("toYear", {dt("2024-01-01 00:00:00"), u8(1)}), 43);
  EXPECT_EQ(errorCode("toYear", {dt("2024-01-01 00:00:00"), s("No/Such_Zone")}), 36);
  EXPECT_EQ(errorCode("toYear", {}), 42);
}

TEST(DateTimeParts, FullColumns) {
  auto days = typedColumn("Date", {"2024-01-31", "2024-02-29", "1970-01-01", "2149-06-06"});
  EXPECT_EQ(values("toYear", {days}), (std::vector<std::string>{"2024", "2024", "1970", "2149"}));
  EXPECT_EQ(values("toStartOfMonth", {days}),
            (std::vector<std::string>{"2024-01-01", "2024-02-01", "1970-01-01", "2149-06-01"}));
  auto times = typedColumn("DateTime('Europe/Amsterdam')",
                           {"2024-03-31 01:59:59", "2024-03-31 03:00:00", "2024-10-27 02:30:00"});
  EXPECT_EQ(values("toHour", {times}), (std::vector<std::string>{"1", "3", "2"}));
  EXPECT_EQ(values("toStartOfHour", {times}),
            (std::vector<std::string>{"2024-03-31 01:00:00", "2024-03-31 03:00:00", "2024-10-27 02:00:00"}));
}

TEST(DateTimeParts, NullableAndLowCardinality) {
  ColumnWithTypeAndName n = typed("Nullable(Date)", "2024-05-17");
  EXPECT_EQ(call("toMonth", {n}).type, "Nullable(UInt8)");
  EXPECT_EQ(call("toMonth", {n}).text, "5");
  EXPECT_EQ(call("toMonth", {constant("Nullable(Date)", Field())}).text, "NULL");
}

// ---------------------------------------------------------------- week modes

TEST(DateTimeWeeks, DayOfWeekModes) {
  // 2024-12-29 is a Sunday.
  EXPECT_EQ(value("toDayOfWeek", {date("2024-12-29"), u8(0)}), "7");
  EXPECT_EQ(value("toDayOfWeek", {date("2024-12-29"), u8(1)}), "6");
  EXPECT_EQ(value("toDayOfWeek", {date("2024-12-29"), u8(2)}), "0");
  EXPECT_EQ(value("toDayOfWeek", {date("2024-12-29"), u8(3)}), "1");
  EXPECT_EQ(value("toDayOfWeek", {date("2024-12-30"), u8(2)}), "1");
  EXPECT_EQ(value("DAYOFWEEK", {dt("2024-12-29 23:00:00", "UTC"), u8(0), s("Asia/Tokyo")}), "1");
  EXPECT_EQ(value("toDayOfWeek", {dt("2024-12-29 23:00:00", "UTC"), s("Asia/Tokyo")}), "1");
}

TEST(DateTimeWeeks, WeekAndYearWeek) {
  // Documentation examples.
  EXPECT_EQ(value("toWeek", {date("2016-12-27")}), "52");
  EXPECT_EQ(value("toWeek", {date("2016-12-27"), u8(1)}), "52");
  EXPECT_EQ(value("toWeek", {date("2016-12-27"), u8(9)}), "1");
  EXPECT_EQ(value("toYearWeek", {date("2016-12-27")}), "201652");
  EXPECT_EQ(value("toYearWeek", {date("2016-12-27"), u8(1)}), "201652");
  EXPECT_EQ(value("toYearWeek", {date("2016-12-27"), u8(9)}), "201701");
  EXPECT_EQ(typeOf("toYearWeek", {date("2016-12-27")}), "UInt32");
  // 2017-01-01 is a Sunday (MySQL WEEK() semantics).
  EXPECT_EQ(value("toWeek", {date("2017-01-01"), u8(0)}), "1");
  EXPECT_EQ(value("toWeek", {date("2017-01-01"), u8(1)}), "0");
  EXPECT_EQ(value("toWeek", {date("2017-01-01"), u8(2)}), "1");
  EXPECT_EQ(value("toWeek", {date("2017-01-01"), u8(3)}), "52");
  EXPECT_EQ(value("toYearWeek", {date("2017-01-01"), u8(1)}), "201652");
  // Mode 3 is ISO 8601.
  for (const char* d : {"2020-12-31", "2021-01-03", "2021-01-04", "2024-12-30", "2026-06-15"})
    EXPECT_EQ(value("toWeek", {date(d), u8(3)}), value("toISOWeek", {date(d)})) << d;
}

TEST(DateTimeWeeks, ModesAgainstStrftime) {
  // Mode 0 (Sunday first, weeks 0-53, week 1 has the first Sunday) is strftime's %U; mode 5
  // (Monday first, 0-53, week 1 has the first Monday) is %W; mode 3 is ISO 8601 (%V).
  std::vector<std::string> items;
  std::vector<std::string> u, w, v;
  for (int64_t day = daysFromCivil(1999, 12, 20); day < daysFromCivil(2031, 1, 10); day += 3) {
    std::time_t t = std::time_t(day * 86400);
    std::tm tm{};
    gmtime_r(&t, &tm);
    char buf[32];
    std::strftime(buf, sizeof(buf), "%Y-%m-%d", &tm);
    items.push_back(buf);
    std::strftime(buf, sizeof(buf), "%U|%W|%V", &tm);
    std::string parts(buf);
    u.push_back(std::to_string(std::stoi(parts.substr(0, 2))));
    w.push_back(std::to_string(std::stoi(parts.substr(3, 2))));
    v.push_back(std::to_string(std::stoi(parts.substr(6, 2))));
  }
  auto days = typedColumn("Date", items);
  EXPECT_EQ(values("toWeek", {days, u8(0)}), u);
  EXPECT_EQ(values("toWeek", {days, u8(5)}), w);
  EXPECT_EQ(values("toWeek", {days, u8(3)}), v);
  EXPECT_EQ(values("toISOWeek", {days}), v);
}

TEST(DateTimeWeeks, StartAndEndOfWeek) {
  // 2024-05-17 is a Friday.
  EXPECT_EQ(value("toStartOfWeek", {date("2024-05-17")}), "2024-05-12");
  EXPECT_EQ(value("toStartOfWeek", {date("2024-05-17"), u8(1)}), "2024-05-13");
  EXPECT_EQ(value("toStartOfWeek", {date("2024-05-12")}), "2024-05-12");
  EXPECT_EQ(typeOf("toStartOfWeek", {dt("2024-05-17 10:00:00")}), "Date");
  EXPECT_EQ(value("toLastDayOfWeek", {date("2024-05-17")}), "2024-05-18");
  EXPECT_EQ(value("toLastDayOfWeek", {date("2024-05-17"), u8(1)}), "2024-05-19");
  EXPECT_EQ(value("toMonday", {date("2024-05-17")}), "2024-05-13");
  EXPECT_EQ(value("toStartOfWeek", {date("1970-01-01")}), "1970-01-01");  // Sunday 1969-12-28 saturates
}

// ---------------------------------------------------------------- start of period

TEST(DateTimeStartOf, Dates) {
  EXPECT_EQ(value("toStartOfYear", {date("2024-05-17")}), "2024-01-01");
  EXPECT_EQ(value("toStartOfQuarter", {date("2024-05-17")}), "2024-04-01");
  EXPECT_EQ(value("toStartOfMonth", {date("2024-05-17")}), "2024-05-01");
  EXPECT_EQ(typeOf("toStartOfMonth", {dt("2024-05-17 10:00:00")}), "Date");
  EXPECT_EQ(typeOf("toStartOfMonth", {date32("2024-05-17")}), "Date");
  EXPECT_EQ(value("toStartOfISOYear", {date("2024-05-17")}), "2024-01-01");
  EXPECT_EQ(value("toStartOfISOYear", {date("2021-01-02")}), "2019-12-30");
  EXPECT_EQ(value("toLastDayOfMonth", {date("2024-02-10")}), "2024-02-29");
  EXPECT_EQ(value("LAST_DAY", {dt("2023-02-10 10:00:00")}), "2023-02-28");
  EXPECT_EQ(value("toStartOfMonth", {dt("2024-05-31 23:00:00", "UTC"), s("Asia/Tokyo")}), "2024-06-01");
  EXPECT_EQ(errorCode("toStartOfMonth", {date("2024-05-31"), s("Asia/Tokyo")}), 43);
}

TEST(DateTimeStartOf, Times) {
  EXPECT_EQ(value("toStartOfDay", {dt("2024-05-17 13:14:15")}), "2024-05-17 00:00:00");
  EXPECT_EQ(call("toStartOfDay", {dt("2024-05-17 03:14:15", "Asia/Tokyo")}).text, "2024-05-17 00:00:00");
  EXPECT_EQ(call("toStartOfDay", {dt("2024-05-17 03:14:15", "Asia/Tokyo")}).type, "DateTime('Asia/Tokyo')");
  EXPECT_EQ(call("toStartOfDay", {date("2024-05-17")}).text, "2024-05-17 00:00:00");
  EXPECT_EQ(call("toStartOfDay", {date("2024-05-17")}).type, "DateTime");
  EXPECT_EQ(call("toStartOfDay", {dt64("2024-05-17 13:14:15.5", 1)}).type, "DateTime");
  EXPECT_EQ(value("toStartOfHour", {dt("2024-05-17 13:14:15", "Asia/Kolkata")}), "2024-05-17 13:00:00");
  EXPECT_EQ(value("toStartOfMinute", {dt("2024-05-17 13:14:15")}), "2024-05-17 13:14:00");
  EXPECT_EQ(value("toStartOfFiveMinutes", {dt("2024-05-17 13:14:15")}), "2024-05-17 13:10:00");
  EXPECT_EQ(value("toStartOfFiveMinute", {dt("2024-05-17 13:14:15")}), "2024-05-17 13:10:00");
  EXPECT_EQ(value("toStartOfTenMinutes", {dt("2024-05-17 13:14:15")}), "2024-05-17 13:10:00");
  EXPECT_EQ(value("toStartOfFifteenMinutes", {dt("2024-05-17 13:14:15")}), "2024-05-17 13:00:00");
  EXPECT_EQ(value("timeSlot", {dt("2024-05-17 13:44:15")}), "2024-05-17 13:30:00");
  EXPECT_EQ(call("toStartOfHour", {dt("2024-05-17 13:14:15"), s("Asia/Tokyo")}).type, "DateTime('Asia/Tokyo')");
  EXPECT_EQ(errorCode("toStartOfHour", {date("2024-05-17")}), 43);
  EXPECT_EQ(errorCode("toStartOfDay", {dt("2024-05-17 13:14:15"), s("")}), 43);
}

TEST(DateTimeStartOf, Subseconds) {
  // Documentation: toStartOfSecond keeps the type and zone.
  EXPECT_EQ(call("toStartOfSecond", {dt64("2020-01-01 10:20:30.999", 3)}).text, "2020-01-01 10:20:30.000");
  EXPECT_EQ(call("toStartOfSecond", {dt64("2020-01-01 10:20:30.999", 3, "UTC"), s("Europe/Moscow")}).text,
            "2020-01-01 13:20:30.000");
  EXPECT_EQ(call("toStartOfSecond", {dt64("2020-01-01 10:20:30.999", 3, "UTC"), s("Europe/Moscow")}).type,
            "DateTime64(3, 'Europe/Moscow')");
  EXPECT_EQ(value("toStartOfMillisecond", {dt64("2020-01-01 10:20:30.123456", 6)}), "2020-01-01 10:20:30.123000");
  EXPECT_EQ(call("toStartOfMillisecond", {dt64("2020-01-01 10:20:30.1", 1)}).text, "2020-01-01 10:20:30.100");
  EXPECT_EQ(call("toStartOfMicrosecond", {dt64("2020-01-01 10:20:30.1", 1)}).type, "DateTime64(6)");
  EXPECT_EQ(value("toStartOfSecond", {dt64("1969-12-31 23:59:59.5", 1, "UTC")}), "1969-12-31 23:59:59.0");
  EXPECT_EQ(errorCode("toStartOfSecond", {dt("2020-01-01 10:20:30")}), 43);
}

// ---------------------------------------------------------------- relative numbers

TEST(DateTimeRelative, Numbers) {
  EXPECT_EQ(call("toRelativeYearNum", {date("2024-05-17")}).type, "UInt16");
  EXPECT_EQ(value("toRelativeYearNum", {date("2024-05-17")}), "2024");
  EXPECT_EQ(value("toRelativeQuarterNum", {date("2024-05-17")}), "8097");
  EXPECT_EQ(value("toRelativeMonthNum", {date("2024-05-17")}), "24293");
  EXPECT_EQ(value("toRelativeWeekNum", {date("2024-05-17")}), "2837");
  EXPECT_EQ(value("toRelativeDayNum", {date("2024-05-17")}), "19860");
  EXPECT_EQ(call("toRelativeDayNum", {date("2024-05-17")}).type, "UInt32");
  EXPECT_EQ(value("toRelativeHourNum", {dt("2024-05-17 10:00:00")}), "476650");
  EXPECT_EQ(value("toRelativeMinuteNum", {dt("2024-05-17 10:00:00")}), "28599000");
  EXPECT_EQ(value("toRelativeSecondNum", {dt("2024-05-17 10:00:00")}), "1715940000");
  EXPECT_EQ(value("toRelativeHourNum", {date("2024-05-17")}), "476640");
  EXPECT_EQ(value("toRelativeWeekNum", {dt("2024-05-19 23:00:00", "Asia/Tokyo")}), "2837");
  EXPECT_EQ(value("toRelativeHourNum", {dt("1970-01-01 00:00:00", "UTC")}), "0");
  EXPECT_EQ(value("toRelativeHourNum", {dt("2020-01-01 05:00:00", "Asia/Kolkata")}), "438306");
}

// ---------------------------------------------------------------- dateDiff, age

TEST(DateTimeDiff, Units) {
  EXPECT_EQ(value("dateDiff", {s("minute"), dt("2022-03-14 11:13:08"), dt("2022-03-14 11:17:10")}), "4");
  EXPECT_EQ(typeOf("dateDiff", {s("minute"), dt("2022-03-14 11:13:08"), dt("2022-03-14 11:17:10")}), "Int64");
  EXPECT_EQ(value("dateDiff", {s("day"), date("2021-12-29"), date("2022-01-01")}), "3");
  EXPECT_EQ(value("dateDiff", {s("month"), date("2021-12-29"), date("2022-01-01")}), "1");
  EXPECT_EQ(value("dateDiff", {s("year"), date("2021-12-29"), date("2022-01-01")}), "1");
  EXPECT_EQ(value("dateDiff", {s("week"), date("2024-05-12"), date("2024-05-13")}), "1");
  EXPECT_EQ(value("dateDiff", {s("hour"), dt("2018-01-01 22:00:00"), dt("2018-01-02 23:00:00")}), "25");
  EXPECT_EQ(value("dateDiff", {s("second"), date("2024-01-01"), dt("2024-01-01 00:00:10")}), "10");
  EXPECT_EQ(value("dateDiff", {s("quarter"), date("2024-03-31"), date("2024-04-01")}), "1");
  EXPECT_EQ(value("dateDiff",
                  {s("day"), dt("2024-01-01 23:00:00", "UTC"), dt("2024-01-02 01:00:00", "UTC"), s("Asia/Tokyo")}),
            "0");
  EXPECT_EQ(value("dateDiff", {s("day"), dt("2024-01-02 01:00:00"), dt("2024-01-01 23:00:00")}), "-1");
  // Abbreviations and aliases.
  EXPECT_EQ(value("date_diff", {s("DD"), date("2024-01-01"), date("2024-01-31")}), "30");
  EXPECT_EQ(value("DATE_DIFF", {s("mi"), dt("2024-01-01 00:00:00"), dt("2024-01-01 01:00:00")}), "60");
  EXPECT_EQ(value("timestampDiff", {s("years"), date("2000-01-01"), date("2024-01-01")}), "24");
  EXPECT_EQ(value("DateDiff", {s("ms"), dt64("2024-01-01 00:00:00.5", 1), dt64("2024-01-01 00:00:01.25", 2)}), "750");
  EXPECT_EQ(value("dateDiff", {s("us"), dt("2024-01-01 00:00:00"), dt("2024-01-01 00:00:01")}), "1000000");
  EXPECT_EQ(value("dateDiff", {s("day"), date32("1900-01-01"), date("1970-01-01")}), "25567");
  EXPECT_EQ(errorCode("dateDiff", {s("fortnight"), date("2024-01-01"), date("2024-01-02")}), 36);
  EXPECT_EQ(errorCode("dateDiff", {s("day"), u8(1), date("2024-01-02")}), 43);
}

TEST(DateTimeDiff, ConstantAndColumn) {
  auto days = typedColumn("Date", {"2024-01-01", "2024-02-01", "2025-01-01"});
  EXPECT_EQ(values("dateDiff", {repeated(s("month"), 3), repeated(date("2023-12-31"), 3), days}),
            (std::vector<std::string>{"1", "2", "13"}));
  EXPECT_EQ(values("dateDiff", {repeated(s("day"), 3), days, repeated(date("2024-01-01"), 3)}),
            (std::vector<std::string>{"0", "-31", "-366"}));
}

TEST(DateTimeDiff, Age) {
  // Documentation examples.
  EXPECT_EQ(value("age", {s("hour"), dt("2015-08-18 00:00:00", "UTC"), dt("2015-08-18 01:40:00", "UTC")}), "1");
  EXPECT_EQ(value("age", {s("day"), date("2021-12-29"), date("2022-01-01")}), "3");
  EXPECT_EQ(value("age", {s("month"), date("2021-12-29"), date("2022-01-01")}), "0");
  EXPECT_EQ(value("age", {s("year"), date("2021-12-29"), date("2022-01-01")}), "0");
  EXPECT_EQ(value("age", {s("month"), date("2024-01-31"), date("2024-02-29")}), "0");
  EXPECT_EQ(value("age", {s("month"), date("2024-01-29"), date("2024-02-29")}), "1");
  EXPECT_EQ(value("age", {s("year"), date("2024-02-29"), date("2025-02-28")}), "0");
  EXPECT_EQ(value("age", {s("minute"), dt("2024-01-01 00:00:30"), dt("2024-01-01 00:01:29")}), "0");
  EXPECT_EQ(value("age", {s("minute"), dt("2024-01-01 00:01:29"), dt("2024-01-01 00:00:30")}), "0");
  EXPECT_EQ(value("age", {s("day"), dt("2024-01-02 12:00:00"), dt("2024-01-01 13:00:00")}), "0");
  EXPECT_EQ(value("age", {s("second"), dt64("2024-01-01 00:00:00.9", 1), dt64("2024-01-01 00:00:01.8", 1)}), "0");
}

TEST(DateTimeDiff, TimeDiff) {
  EXPECT_EQ(value("timeDiff", {dt("2018-01-01 22:00:00"), dt("2018-01-02 23:00:00")}), "90000");
}

// ---------------------------------------------------------------- add / subtract

TEST(DateTimeAdd, Values) {
  EXPECT_EQ(value("addSeconds", {dt("2024-01-01 00:00:00"), u8(70)}), "2024-01-01 00:01:10");
  EXPECT_EQ(value("addMinutes", {date("2024-01-01"), u8(5)}), "2024-01-01 00:05:00");
  EXPECT_EQ(value("addHours", {dt("2024-01-01 00:00:00", "Asia/Tokyo"), u8(25)}), "2024-01-02 01:00:00");
  EXPECT_EQ(value("addDays", {dt("2024-03-30 12:00:00", "Europe/Amsterdam"), u8(1)}), "2024-03-31 12:00:00");
  EXPECT_EQ(value("addWeeks", {date("2024-01-01"), u8(2)}), "2024-01-15");
  EXPECT_EQ(value("addMonths", {date("2024-01-31"), u8(1)}), "2024-02-29");
  EXPECT_EQ(value("addMonths", {dt("2024-01-31 10:00:00"), u8(13)}), "2025-02-28 10:00:00");
  EXPECT_EQ(value("addQuarters", {date("2024-11-30"), u8(1)}), "2025-02-28");
  EXPECT_EQ(value("addYears", {date("2024-02-29"), i64(-4)}), "2020-02-29");
  EXPECT_EQ(value("addYears", {date("2024-02-29"), u8(1)}), "2025-02-28");
  EXPECT_EQ(value("subtractMonths", {date("2024-03-31"), u8(1)}), "2024-02-29");
  EXPECT_EQ(value("subtractYears", {dt("2024-02-29 23:59:59"), u8(1)}), "2023-02-28 23:59:59");
  EXPECT_EQ(value("subtractDays", {date("1970-01-02"), u8(5)}), "1970-01-01");
  EXPECT_EQ(value("subtractHours", {date("1970-01-02"), u8(5)}), "1970-01-01 19:00:00");
  EXPECT_EQ(value("addMonths", {date("2024-01-31"), f64(-1.5)}), "2023-12-31");
  EXPECT_EQ(value("addDays", {date("2024-01-01"), f64(1.9)}), "2024-01-02");
  EXPECT_EQ(value("subtractDays", {date("2024-01-01"), f64(1.9)}), "2023-12-31");
  // Today's ClickHouse saturates Date day arithmetic at the type's ends.
  EXPECT_EQ(value("addDays", {date("2149-06-05"), u8(5)}), "2149-06-06");
  // Wall-clock time is kept across a DST change; a time in the gap uses the later offset.
  EXPECT_EQ(value("addDays", {dt("2024-03-30 02:30:00", "Europe/Amsterdam"), u8(1)}), "2024-03-31 01:30:00");
  EXPECT_EQ(value("addDays", {dt("2024-10-26 02:30:00", "Europe/Amsterdam"), u8(1)}), "2024-10-27 02:30:00");
}

TEST(DateTimeAdd, Types) {
  EXPECT_EQ(typeOf("addHours", {date("2024-01-01"), u8(1)}), "DateTime");
  EXPECT_EQ(typeOf("addDays", {dt("2024-01-01 00:00:00", "Asia/Tokyo"), u8(1)}), "DateTime('Asia/Tokyo')");
  EXPECT_EQ(typeOf("addHours", {dt("2024-01-01 00:00:00"), u8(1), s("Asia/Tokyo")}), "DateTime('Asia/Tokyo')");
  EXPECT_EQ(value("addHours", {dt("2024-01-01 00:00:00", "UTC"), u8(1), s("Asia/Tokyo")}), "2024-01-01 10:00:00");
  EXPECT_EQ(typeOf("addDays", {date32("2024-01-01"), u8(1)}), "Date32");
  EXPECT_EQ(call("addHours", {date32("2024-01-01"), u8(1)}).type, "DateTime64(3)");
  EXPECT_EQ(call("addHours", {date32("2024-01-01"), u8(1)}).text, "2024-01-01 01:00:00.000");
  EXPECT_EQ(call("addDays", {dt64("2024-01-31 10:00:00.25", 2), u8(1)}).text, "2024-02-01 10:00:00.25");
  EXPECT_EQ(call("addMonths", {dt64("2024-01-31 10:00:00.25", 2), u8(1)}).text, "2024-02-29 10:00:00.25");
  EXPECT_EQ(call("addSeconds", {dt64("2024-01-31 10:00:00.25", 2), i64(-1)}).text, "2024-01-31 09:59:59.25");
  EXPECT_EQ(call("addMilliseconds", {dt("2024-01-01 00:00:00"), u8(5)}).type, "DateTime64(3)");
  EXPECT_EQ(call("addMilliseconds", {dt("2024-01-01 00:00:00"), u8(5)}).text, "2024-01-01 00:00:00.005");
  EXPECT_EQ(call("addMicroseconds", {dt64("2024-01-01 00:00:00.5", 1), u8(5)}).text, "2024-01-01 00:00:00.500005");
  EXPECT_EQ(call("addMilliseconds", {dt64("2024-01-01 00:00:00.000001", 6), u8(5)}).text, "2024-01-01 00:00:00.005001");
  EXPECT_EQ(call("subtractNanoseconds", {dt64("2024-01-01 00:00:00", 9), u8(1)}).text, "2023-12-31 23:59:59.999999999");
  EXPECT_EQ(call("addDays", {s("2024-01-01 00:00:00"), u8(5)}).text, "2024-01-06 00:00:00.000");
  EXPECT_EQ(call("addDays", {s("2024-01-01 00:00:00"), u8(5)}).type, "DateTime64(3)");
  EXPECT_EQ(errorCode("addMilliseconds", {date("2024-01-01"), u8(1)}), 43);
  EXPECT_EQ(errorCode("addDays", {date("2024-01-01"), s("1")}), 43);
  EXPECT_EQ(errorCode("addDays", {u8(1), u8(1)}), 43);
  EXPECT_EQ(errorCode("addDays", {date("2024-01-01"), u8(1), s("UTC")}), 43);
  EXPECT_EQ(errorCode("addDays", {date("2024-01-01"), f64(1e30)}), 407);
}

TEST(DateTimeAdd, Columns) {
  auto days = typedColumn("Date", {"2024-01-31", "2024-03-31", "2023-12-31"});
  auto counts = column("Int32", {Field(int64_t(1)), Field(int64_t(-1)), Field(int64_t(2))});
  EXPECT_EQ(values("addMonths", {days, counts}), (std::vector<std::string>{"2024-02-29", "2024-02-29", "2024-02-29"}));
  EXPECT_EQ(values("addMonths", {days, i64(1)}), (std::vector<std::string>{"2024-02-29", "2024-04-30", "2024-01-31"}));
  EXPECT_EQ(values("addDays", {repeated(date("2024-01-01"), 3), counts}),
            (std::vector<std::string>{"2024-01-02", "2023-12-31", "2024-01-03"}));
}

TEST(DateTimeAdd, IntervalArguments) {
  // plus/minus with an interval delegate to these functions.
  EXPECT_EQ(value("addMonths", {date("2024-01-31"), interval("Month", 1)}), "2024-02-29");
  EXPECT_EQ(value("plus", {date("2024-01-31"), interval("Month", 1)}), "2024-02-29");
  EXPECT_EQ(value("plus", {dt("2024-01-31 10:00:00"), interval("Month", 1)}), "2024-02-29 10:00:00");
  EXPECT_EQ(value("minus", {dt("2024-01-31 10:00:00"), interval("Hour", 11)}), "2024-01-30 23:00:00");
  EXPECT_EQ(value("date_add", {s("month"), u8(1), date("2024-01-31")}), "2024-02-29");
  EXPECT_EQ(value("DATE_SUB", {s("YEAR"), u8(1), date("2024-02-29")}), "2023-02-28");
  EXPECT_EQ(value("addDate", {date("2024-01-31"), interval("Day", 1)}), "2024-02-01");
  EXPECT_EQ(value("subDate", {date("2024-01-31"), interval("Week", 1)}), "2024-01-24");
  EXPECT_EQ(errorCode("addDate", {date("2024-01-31"), u8(1)}), 43);
}

// ---------------------------------------------------------------- intervals

TEST(DateTimeIntervals, ToInterval) {
  EXPECT_EQ(call("toIntervalDay", {f64(1.7)}).text, "1");
  EXPECT_EQ(call("toIntervalDay", {f64(1.7)}).type, "IntervalDay");
  EXPECT_EQ(call("toIntervalDay", {s("3")}).text, "3");
  EXPECT_EQ(call("toIntervalSecond", {i64(-2)}).text, "-2");
  for (const char* unit : {"Nanosecond", "Microsecond", "Millisecond", "Second", "Minute", "Hour", "Day", "Week",
                           "Month", "Quarter", "Year"})
    EXPECT_EQ(typeOf(std::string("toInterval") + unit, {u8(1)}), std::string("Interval") + unit);
  EXPECT_EQ(errorCode("toIntervalDay", {date("2024-01-01")}), 43);
}

// ---------------------------------------------------------------- toStartOfInterval, windows

TEST(DateTimeStartOfInterval, Units) {
  auto t = dt("2023-01-15 14:34:56");
  EXPECT_EQ(call("toStartOfInterval", {t, interval("Month", 1)}).text, "2023-01-01");
  EXPECT_EQ(call("toStartOfInterval", {t, interval("Month", 1)}).type, "Date");
  EXPECT_EQ(value("toStartOfInterval", {t, interval("Year", 1)}), "2023-01-01");
  EXPECT_EQ(value("toStartOfInterval", {t, interval("Year", 10)}), "2020-01-01");
  EXPECT_EQ(value("toStartOfInterval", {t, interval("Quarter", 1)}), "2023-01-01");
  EXPECT_EQ(value("toStartOfInterval", {dt("2023-05-15 00:00:00"), interval("Quarter", 2)}), "2023-01-01");
  EXPECT_EQ(value("toStartOfInterval", {dt("2023-05-15 00:00:00"), interval("Month", 5)}), "2023-05-01");
  EXPECT_EQ(value("toStartOfInterval", {dt("2023-05-15 00:00:00"), interval("Month", 7)}), "2023-02-01");
  EXPECT_EQ(value("toStartOfInterval", {t, interval("Week", 1)}), "2023-01-09");
  EXPECT_EQ(value("toStartOfInterval", {t, interval("Week", 2)}), "2023-01-09");
  EXPECT_EQ(call("toStartOfInterval", {t, interval("Day", 1)}).text, "2023-01-15 00:00:00");
  EXPECT_EQ(call("toStartOfInterval", {t, interval("Day", 1)}).type, "DateTime");
  EXPECT_EQ(value("toStartOfInterval", {t, interval("Day", 7)}), "2023-01-12 00:00:00");
  EXPECT_EQ(value("toStartOfInterval", {t, interval("Hour", 1)}), "2023-01-15 14:00:00");
  EXPECT_EQ(value("toStartOfInterval", {t, interval("Hour", 5)}), "2023-01-15 10:00:00");
  EXPECT_EQ(value("toStartOfInterval", {t, interval("Minute", 15)}), "2023-01-15 14:30:00");
  EXPECT_EQ(value("toStartOfInterval", {t, interval("Second", 7)}), "2023-01-15 14:34:56");
  EXPECT_EQ(value("toStartOfInterval", {t, interval("Second", 9)}), "2023-01-15 14:34:48");
  EXPECT_EQ(call("toStartOfInterval", {dt64("2023-01-15 14:34:56.789", 3), interval("Millisecond", 100)}).text,
            "2023-01-15 14:34:56.700");
  EXPECT_EQ(call("toStartOfInterval", {dt64("2023-01-15 14:34:56.789", 3), interval("Millisecond", 100)}).type,
            "DateTime64(3)");
  EXPECT_EQ(call("toStartOfInterval", {dt64("2023-01-15 14:34:56.789", 3), interval("Second", 1)}).type, "DateTime");
  EXPECT_EQ(call("toStartOfInterval", {date("2023-01-15"), interval("Day", 1)}).text, "2023-01-15 00:00:00");
  EXPECT_EQ(call("toStartOfInterval", {t, interval("Hour", 1), s("Asia/Kolkata")}).text, "2023-01-15 20:00:00");
  EXPECT_EQ(call("toStartOfInterval", {t, interval("Hour", 1), s("Asia/Kolkata")}).type, "DateTime('Asia/Kolkata')");
  EXPECT_EQ(errorCode("toStartOfInterval", {date("2023-01-15"), interval("Hour", 1)}), 43);
  EXPECT_EQ(errorCode("toStartOfInterval", {t, interval("Millisecond", 1)}), 43);
  EXPECT_EQ(errorCode("toStartOfInterval", {t, interval("Day", 0)}), 69);
  EXPECT_EQ(errorCode("toStartOfInterval", {date("2023-01-15"), interval("Month", 1), s("UTC")}), 43);
}

TEST(DateTimeWindows, TumbleAndHop) {
  auto t = dt("2024-07-04 11:22:33");
  EXPECT_EQ(call("tumble", {t, interval("Day", 1)}).text, "('2024-07-04 00:00:00','2024-07-05 00:00:00')");
  EXPECT_EQ(call("tumble", {t, interval("Day", 1)}).type, "Tuple(DateTime, DateTime)");
  EXPECT_EQ(value("tumbleStart", {t, interval("Minute", 10)}), "2024-07-04 11:20:00");
  EXPECT_EQ(value("tumbleEnd", {t, interval("Minute", 10)}), "2024-07-04 11:30:00");
  EXPECT_EQ(call("tumbleEnd", {t, interval("Month", 1)}).text, "2024-08-01");
  EXPECT_EQ(call("tumbleEnd", {t, interval("Month", 1)}).type, "Date");
  EXPECT_EQ(call("hop", {t, interval("Day", 1), interval("Day", 2)}).text,
            "('2024-07-03 00:00:00','2024-07-05 00:00:00')");
  EXPECT_EQ(value("hopStart", {t, interval("Hour", 1), interval("Hour", 3)}), "2024-07-04 09:00:00");
  EXPECT_EQ(value("hopEnd", {t, interval("Hour", 1), interval("Hour", 3)}), "2024-07-04 12:00:00");
  EXPECT_EQ(errorCode("hop", {t, interval("Hour", 4), interval("Hour", 3)}), 69);
  EXPECT_EQ(errorCode("hop", {t, interval("Hour", 1), interval("Day", 3)}), 44);
  EXPECT_EQ(errorCode("tumble", {date("2024-07-04"), interval("Day", 1)}), 43);
}

// ---------------------------------------------------------------- formatting

TEST(DateTimeFormat, Specifiers) {
  auto t = dt("2018-01-02 22:33:44");
  EXPECT_EQ(value("formatDateTime", {t, s("%Y-%m-%d %H:%i:%S")}), "2018-01-02 22:33:44");
  // Reference values (the specifiers 18.16 has).
  EXPECT_EQ(value("formatDateTime", {t, s("%C %d %D %F %I %j %m %p %R %T %u %V %w %y %%")}),
            "20 02 01/02/18 2018-01-02 10 002 01 PM 22:33 22:33:44 2 01 2 18 %");
  // Today's specifiers: %M month name, %e unpadded day, %f six fraction digits.
  EXPECT_EQ(value("formatDateTime", {t, s("%M|%e|%f|%a %b|%W|%c|%h %l %k|%r|%s|%Q|%G %g")}),
            "January|2|000000|Tue Jan|Tuesday|01|10 10 22|10:33 PM|44|1|2018 18");
  EXPECT_EQ(value("formatDateTime", {t, s("%z|%n|%t")}), "+0000|\n|\t");
  EXPECT_EQ(value("formatDateTime", {dt("2018-01-02 22:33:44", "Asia/Kolkata"), s("%F %T %z")}),
            "2018-01-02 22:33:44 +0530");
  EXPECT_EQ(value("formatDateTime", {dt("2018-01-02 22:33:44", "Asia/Kolkata"), s("%F %T"), s("UTC")}),
            "2018-01-02 17:03:44");
  EXPECT_EQ(value("formatDateTime", {dt("2018-07-02 00:05:00", "America/New_York"), s("%z %r")}), "-0400 12:05 AM");
  EXPECT_EQ(typeOf("formatDateTime", {t, s("%F")}), "String");
  EXPECT_EQ(value("DATE_FORMAT", {t, s("%F")}), "2018-01-02");
}

TEST(DateTimeFormat, DatesAndFractions) {
  EXPECT_EQ(value("formatDateTime", {date("2018-01-02"), s("%F %T %H %p|%e|")}), "2018-01-02 00:00:00 00 AM|2|");
  EXPECT_EQ(value("formatDateTime", {date32("1918-11-11"), s("%d/%m/%Y %W")}), "11/11/1918 Monday");
  EXPECT_EQ(value("formatDateTime", {date("2010-01-04"), s("%g")}), "10");
  EXPECT_EQ(value("formatDateTime", {dt64("2010-01-04 12:34:56.123456", 7), s("%f")}), "123456");
  EXPECT_EQ(value("formatDateTime", {dt64("2010-01-04 12:34:56.12", 2), s("%f")}), "120000");
  EXPECT_EQ(value("formatDateTime", {dt64("1969-12-31 23:59:59.25", 2, "UTC"), s("%T.%f")}), "23:59:59.250000");
  EXPECT_EQ(errorCode("formatDateTime", {date("2018-01-02"), s("%z")}), 43);
}

TEST(DateTimeFormat, Errors) {
  auto t = dt("2018-01-02 22:33:44");
  EXPECT_EQ(errorCode("formatDateTime", {t, s("%")}), 36);
  EXPECT_EQ(errorCode("formatDateTime", {t, s("%q")}), 36);
  EXPECT_EQ(errorCode("formatDateTime", {t, s("%U")}), 48);
  EXPECT_EQ(errorCode("formatDateTime", {t, u8(1)}), 43);
  EXPECT_EQ(errorCode("formatDateTime", {u8(1), s("%F")}), 43);
}

TEST(DateTimeFormat, FromUnixTimestamp) {
  EXPECT_EQ(call("fromUnixTimestamp", {i64(1514932424)}).text, "2018-01-02 22:33:44");
  EXPECT_EQ(call("fromUnixTimestamp", {i64(1514932424)}).type, "DateTime");
  EXPECT_EQ(value("FROM_UNIXTIME", {i64(1514932424), s("%F %T")}), "2018-01-02 22:33:44");
  EXPECT_EQ(value("from_unixtime", {i64(1514932424), s("%F %T"), s("Asia/Tokyo")}), "2018-01-03 07:33:44");
  EXPECT_EQ(typeOf("fromUnixTimestamp", {i64(0), s("%F")}), "String");
}

TEST(DateTimeFormat, FullColumns) {
  auto times = typedColumn("DateTime('UTC')", {"2024-01-01 00:00:00", "2024-12-31 23:59:59"});
  EXPECT_EQ(values("formatDateTime", {times, s("[%F %T %j %W]")}),
            (std::vector<std::string>{"[2024-01-01 00:00:00 001 Monday]", "[2024-12-31 23:59:59 366 Tuesday]"}));
}

// ---------------------------------------------------------------- unix timestamps

TEST(DateTimeUnix, Timestamps) {
  EXPECT_EQ(value("toUnixTimestamp", {dt("2024-01-01 10:05:07", "Asia/Kolkata")}), "1704083707");
  EXPECT_EQ(value("toUnixTimestamp", {s("2017-11-05 08:07:47"), s("Asia/Tokyo")}), "1509836867");
  EXPECT_EQ(typeOf("toUnixTimestamp", {s("2017-11-05 08:07:47")}), "UInt32");
  EXPECT_EQ(value("toUnixTimestamp", {date("2024-01-01")}), "1704067200");
  EXPECT_EQ(value("UNIX_TIMESTAMP", {dt64("2024-01-01 00:00:00.9", 1)}), "1704067200");
  EXPECT_EQ(value("toUnixTimestamp64Milli", {dt64("2024-01-01 00:00:00.123", 3, "UTC")}), "1704067200123");
  EXPECT_EQ(value("toUnixTimestamp64Micro", {dt64("2024-01-01 00:00:00.123", 3, "UTC")}), "1704067200123000");
  EXPECT_EQ(value("toUnixTimestamp64Milli", {dt64("2024-01-01 00:00:00.123456", 6, "UTC")}), "1704067200123");
  EXPECT_EQ(typeOf("toUnixTimestamp64Nano", {dt64("2024-01-01 00:00:00", 0)}), "Int64");
  EXPECT_EQ(call("fromUnixTimestamp64Milli", {i64(1704067200123)}).text, "2024-01-01 00:00:00.123");
  EXPECT_EQ(call("fromUnixTimestamp64Micro", {i64(1704067200123456), s("Asia/Tokyo")}).type,
            "DateTime64(6, 'Asia/Tokyo')");
  EXPECT_EQ(call("fromUnixTimestamp64Nano", {i64(1)}).text, "1970-01-01 00:00:00.000000001");
  EXPECT_EQ(errorCode("toUnixTimestamp64Milli", {dt("2024-01-01 00:00:00")}), 43);
}

// ---------------------------------------------------------------- zones, clock

TEST(DateTimeZones, ToTimezoneAndTimezoneOf) {
  auto t = dt("2024-01-01 00:00:00", "UTC");
  EXPECT_EQ(call("toTimeZone", {t, s("Asia/Tokyo")}).type, "DateTime('Asia/Tokyo')");
  EXPECT_EQ(call("toTimeZone", {t, s("Asia/Tokyo")}).text, "2024-01-01 09:00:00");
  EXPECT_EQ(call("toTimezone", {dt64("2024-01-01 00:00:00.5", 1, "UTC"), s("Asia/Tokyo")}).type,
            "DateTime64(1, 'Asia/Tokyo')");
  EXPECT_EQ(value("timezoneOf", {dt("2024-01-01 00:00:00", "Asia/Tokyo")}), "Asia/Tokyo");
  EXPECT_EQ(value("timeZoneOf", {dt("2024-01-01 00:00:00")}), TimeZone::defaultZone().name());
  EXPECT_EQ(value("timezoneOffset", {dt("2024-07-01 00:00:00", "Europe/Amsterdam")}), "7200");
  EXPECT_EQ(errorCode("toTimeZone", {date("2024-01-01"), s("UTC")}), 43);
}

TEST(DateTimeClock, NowAndToday) {
  Result now = call("now", {});
  EXPECT_EQ(now.type, "DateTime");
  EXPECT_EQ(typeOf("now", {s("Asia/Tokyo")}), "DateTime('Asia/Tokyo')");
  EXPECT_EQ(typeOf("now64", {}), "DateTime64(3)");
  EXPECT_EQ(typeOf("now64", {u8(6), s("UTC")}), "DateTime64(6, 'UTC')");
  EXPECT_EQ(errorCode("now64", {u8(10)}), 69);
  EXPECT_EQ(typeOf("today", {}), "Date");
  FunctionPtr f = FunctionFactory::instance().get("now", testContext());
  EXPECT_FALSE(f->isDeterministic());
  EXPECT_TRUE(f->isDeterministicInScopeOfQuery());

  // The query start time comes from the context.
  static Settings settings;
  FunctionContext context;
  context.settings = &settings;
  context.query_start_time = 1704067200 + 86400 + 3600;
  context.query_start_time_us = context.query_start_time * 1000000 + 250000;
  auto run = [&](const std::string& name, const ColumnsWithTypeAndName& args) {
    FunctionPtr fn = FunctionFactory::instance().get(name, context);
    DataTypePtr type = getFunctionReturnType(*fn, args);
    ColumnWithTypeAndName r{executeFunction(*fn, args, type, 1), type, name};
    return texts(r)[0];
  };
  EXPECT_EQ(run("now", {s("UTC")}), "2024-01-02 01:00:00");
  EXPECT_EQ(run("now64", {u8(2), s("UTC")}), "2024-01-02 01:00:00.25");
  EXPECT_EQ(run("today", {}), "2024-01-02");
  EXPECT_EQ(run("yesterday", {}), "2024-01-01");
  EXPECT_EQ(run("curdate", {}), "2024-01-02");
  EXPECT_EQ(run("CURRENT_TIMESTAMP", {s("Asia/Tokyo")}), "2024-01-02 10:00:00");
}

}  // namespace
}  // namespace tally::test
