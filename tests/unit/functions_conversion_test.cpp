// Type conversion functions and CAST. Expected values come from the reference ClickHouse server
// (18.16) where it has the function and agrees with today's documented behaviour; where today's
// ClickHouse differs (NaN to integer, OrZero overflow checks, toDate(65535), 10-digit timestamps in
// parseDateTimeBestEffort, ...) the expectation follows today's ClickHouse and says so.

#include <cmath>
#include <functional>

#include "io/read_buffer.h"
#include "io/write_buffer.h"
#include "function_test_util.h"

#include "columns/column_low_cardinality.h"
#include "columns/column_nullable.h"
#include "columns/column_string.h"
#include "functions/conversion/cast.h"
#include "types/data_type_date.h"
#include "types/data_type_low_cardinality.h"

namespace tally::test {
namespace {

/// Result of name(args) for one row: its text and type name.
struct Result {
  std::string text;
  std::string type;
};

Result call(const std::string& name, const ColumnsWithTypeAndName& args) {
  ColumnWithTypeAndName r = evaluate(name, args);
  return {texts(r)[0], r.type->name()};
}

std::string value(const std::string& name, const ColumnsWithTypeAndName& args) { return call(name, args).text; }

/// Shorthands for constant arguments.
ColumnWithTypeAndName s(const std::string& v) { return constant("String", Field(v)); }
ColumnWithTypeAndName u8(uint64_t v) { return constant("UInt8", Field(v)); }
ColumnWithTypeAndName u16(uint64_t v) { return constant("UInt16", Field(v)); }
ColumnWithTypeAndName u32(uint64_t v) { return constant("UInt32", Field(v)); }
ColumnWithTypeAndName u64(uint64_t v) { return constant("UInt64", Field(v)); }
ColumnWithTypeAndName i8(int64_t v) { return constant("Int8", Field(v)); }
ColumnWithTypeAndName i64(int64_t v) { return constant("Int64", Field(v)); }
ColumnWithTypeAndName f64(double v) { return constant("Float64", Field(v)); }
ColumnWithTypeAndName typed(const std::string& type, const std::string& text) {
  // A constant of `type` made from its text form (through CAST from String).
  ColumnWithTypeAndName r = evaluate("CAST", {s(text), s(type)});
  return {r.column, r.type, "c"};
}

/// Error code and message of f(), 0 if it did not throw.
std::pair<int, std::string> failure(const std::function<void()>& f) {
  try {
    f();
  } catch (const Exception& e) {
    return {e.code(), e.message()};
  }
  return {0, ""};
}
int errorCode(const std::string& name, const ColumnsWithTypeAndName& args) {
  return failure([&] { evaluate(name, args); }).first;
}
std::string errorMessage(const std::string& name, const ColumnsWithTypeAndName& args) {
  return failure([&] { evaluate(name, args); }).second;
}

// ---------------------------------------------------------------- numbers

TEST(ConversionNumbers, NarrowingWrapsLikeStaticCast) {
  EXPECT_EQ(value("toUInt8", {u16(300)}), "44");
  EXPECT_EQ(value("toUInt8", {i8(-1)}), "255");
  EXPECT_EQ(value("toInt8", {u8(200)}), "-56");
  EXPECT_EQ(value("toInt16", {u32(32768)}), "-32768");
  EXPECT_EQ(value("toUInt64", {i8(-1)}), "18446744073709551615");
  EXPECT_EQ(value("toInt32", {u64(4294967295ULL)}), "-1");
}

TEST(ConversionNumbers, FloatToIntegerTruncatesAndOverflowsLikeX86) {
  EXPECT_EQ(value("toUInt32", {f64(1e10)}), "1410065408");
  EXPECT_EQ(value("toInt8", {f64(-8.8)}), "-8");
  EXPECT_EQ(value("toUInt64", {f64(1e20)}), "0");
  EXPECT_EQ(value("toInt64", {f64(1e20)}), "-9223372036854775808");
  EXPECT_EQ(value("toUInt64", {f64(-1.5)}), "18446744073709551615");
  EXPECT_EQ(value("toInt32", {f64(-1e10)}), "-2147483648");
  EXPECT_EQ(value("toUInt16", {f64(-1.9)}), "65535");
  EXPECT_EQ(value("toInt8", {f64(-128.9)}), "-128");
  EXPECT_EQ(value("toUInt8", {f64(255.9)}), "255");
}

TEST(ConversionNumbers, NanOrInfToIntegerIsAnError) {
  // Today's ClickHouse: "Unexpected inf or nan to integer conversion" (18.16 returned garbage).
  EXPECT_EQ(errorCode("toInt64", {f64(NAN)}), ErrorCodes::CANNOT_CONVERT_TYPE);
  EXPECT_EQ(errorMessage("toUInt8", {f64(INFINITY)}), "Unexpected inf or nan to integer conversion");
  EXPECT_EQ(value("toFloat32", {f64(1e40)}), "inf");
  EXPECT_EQ(value("toFloat64", {constant("Float32", Field(0.1))}), "0.10000000149011612");
  EXPECT_EQ(value("toBool", {f64(NAN)}), "true");
}

TEST(ConversionNumbers, ResultTypes) {
  EXPECT_EQ(call("toFloat32", {u8(1)}).type, "Float32");
  EXPECT_EQ(call("toUInt8", {constant("Nullable(String)", Field("1"))}).type, "Nullable(UInt8)");
  EXPECT_EQ(call("toUInt8", {constant("Nullable(Nothing)", Field())}).type, "Nullable(Nothing)");
  EXPECT_EQ(call("toBool", {i8(-1)}).text, "true");
  EXPECT_EQ(call("toBool", {u8(0)}).text, "false");
  EXPECT_EQ(call("toBool", {s("FALSE")}).text, "false");
  EXPECT_EQ(call("toBool", {s("true")}).type, "Bool");
}

TEST(ConversionNumbers, WorksOnFullColumns) {
  ColumnWithTypeAndName r = evaluate("toUInt8", {column("Int32", {Field(int64_t(1)), Field(int64_t(-1)), Field(int64_t(300))})});
  EXPECT_EQ(texts(r), (std::vector<std::string>{"1", "255", "44"}));
  r = evaluate("toInt16", {column("String", {Field("1"), Field("-2"), Field("32768")})});
  EXPECT_EQ(texts(r), (std::vector<std::string>{"1", "-2", "-32768"}));
  r = evaluate("toFloat64", {column("Date", {Field(uint64_t(18263))})});
  EXPECT_EQ(texts(r), (std::vector<std::string>{"18263"}));
}

// ---------------------------------------------------------------- strings to numbers

TEST(ConversionParse, IntegersFromStrings) {
  EXPECT_EQ(value("toUInt8", {s("300")}), "44");
  EXPECT_EQ(value("toInt8", {s("-129")}), "127");
  EXPECT_EQ(value("toInt64", {s("+42")}), "42");
  EXPECT_EQ(value("toUInt64", {s("18446744073709551615")}), "18446744073709551615");
  EXPECT_EQ(errorMessage("toUInt8", {s("-1")}),
            "Unsigned type must not contain '-' symbol: Cannot parse UInt8 from String");
  EXPECT_EQ(errorCode("toUInt8", {s("-1")}), ErrorCodes::CANNOT_PARSE_NUMBER);
  EXPECT_EQ(errorMessage("toUInt8", {s(" 1")}),
            "Cannot parse string ' 1' as UInt8: syntax error at begin of string. Note: there are toUInt8OrZero and "
            "toUInt8OrNull functions, which returns zero/NULL instead of throwing exception.");
  EXPECT_EQ(errorMessage("toUInt8", {s("1 ")}),
            "Cannot parse string '1 ' as UInt8: syntax error at position 1 (parsed just '1'). Note: there are "
            "toUInt8OrZero and toUInt8OrNull functions, which returns zero/NULL instead of throwing exception.");
  EXPECT_EQ(errorCode("toUInt8", {s("0x10")}), ErrorCodes::CANNOT_PARSE_TEXT);
  EXPECT_EQ(errorCode("toUInt8", {s("1.5")}), ErrorCodes::CANNOT_PARSE_TEXT);
  EXPECT_EQ(errorCode("toUInt8", {s("")}), ErrorCodes::ATTEMPT_TO_READ_AFTER_EOF);
  EXPECT_EQ(errorMessage("toUInt8", {s("")}),
            "Attempt to read after eof: Cannot parse UInt8 from String, because value is too short");
  EXPECT_EQ(errorCode("toInt8", {s("-")}), ErrorCodes::CANNOT_PARSE_NUMBER);
}

TEST(ConversionParse, FloatsFromStrings) {
  EXPECT_EQ(value("toFloat64", {s("1e3")}), "1000");
  EXPECT_EQ(value("toFloat64", {s("inf")}), "inf");
  EXPECT_EQ(value("toFloat64", {s("-Infinity")}), "-inf");
  EXPECT_EQ(value("toFloat64", {s("-nan")}), "nan");
  EXPECT_EQ(value("toFloat64", {s(".5")}), "0.5");
  EXPECT_EQ(value("toFloat64", {s("5.")}), "5");
  EXPECT_EQ(value("toFloat32", {s("0.1")}), "0.1");
  EXPECT_EQ(value("toFloat64", {s("1e400")}), "inf");
  EXPECT_EQ(errorCode("toFloat64", {s("1,5")}), ErrorCodes::CANNOT_PARSE_TEXT);
  EXPECT_EQ(errorCode("toFloat64", {s(" 1")}), ErrorCodes::CANNOT_PARSE_TEXT);
}

TEST(ConversionParse, FixedStringSourceIgnoresPadding) {
  EXPECT_EQ(value("toUInt8", {typed("FixedString(3)", "1")}), "1");
  EXPECT_EQ(value("toUInt8OrZero", {typed("FixedString(3)", "1")}), "1");
}

TEST(ConversionParse, OrZeroOrNull) {
  // Today's ClickHouse checks integer overflow in the try-parsers: '300' is not a UInt8.
  EXPECT_EQ(value("toUInt8OrZero", {s("300")}), "0");
  EXPECT_EQ(value("toUInt8OrNull", {s("300")}), "NULL");
  EXPECT_EQ(value("toUInt8OrZero", {s("-1")}), "0");
  EXPECT_EQ(value("toUInt8OrZero", {s(" 1")}), "0");
  EXPECT_EQ(value("toUInt8OrZero", {s("")}), "0");
  EXPECT_EQ(value("toInt32OrNull", {s("12a")}), "NULL");
  EXPECT_EQ(value("toInt32OrNull", {s("-12")}), "-12");
  EXPECT_EQ(value("toFloat64OrZero", {s("1.5")}), "1.5");
  EXPECT_EQ(value("toDateOrZero", {s("abc")}), "1970-01-01");
  EXPECT_EQ(value("toDate32OrZero", {s("abc")}), "1900-01-01");
  EXPECT_EQ(value("toDateTimeOrNull", {s("2020-01-02 03:04:05")}), "2020-01-02 03:04:05");
  EXPECT_EQ(call("toDateOrZero", {s("x")}).type, "Date");
  EXPECT_EQ(call("toDateTimeOrNull", {s("x")}).type, "Nullable(DateTime)");
  EXPECT_EQ(call("toUInt8OrZero", {typed("FixedString(1)", "1")}).type, "UInt8");
  EXPECT_EQ(call("toDateTimeOrZero", {s("2020-01-02 03:04:05"), s("Asia/Tokyo")}).type, "DateTime('Asia/Tokyo')");
  EXPECT_EQ(value("toUUIDOrNull", {s("x")}), "NULL");
  EXPECT_EQ(value("toUInt8OrNull", {constant("Nullable(String)", Field())}), "NULL");
}

TEST(ConversionParse, OrZeroTakesOnlyStrings) {
  EXPECT_EQ(errorCode("toUInt8OrZero", {u8(5)}), ErrorCodes::ILLEGAL_TYPE_OF_ARGUMENT);
  EXPECT_EQ(errorMessage("toUInt8OrNull", {u8(5)}),
            "Illegal type UInt8 of first argument of function toUInt8OrNull. Conversion functions with postfix "
            "'OrZero' or 'OrNull' should take String argument");
  EXPECT_EQ(errorCode("toUInt8OrZero", {s("1"), u8(2)}), ErrorCodes::NUMBER_OF_ARGUMENTS_DOESNT_MATCH);
}

TEST(ConversionParse, NullableStringsParseToNullInsteadOfThrowing) {
  // Today's ClickHouse parses Nullable(String) arguments in the NULL-on-error mode.
  ColumnWithTypeAndName r =
      evaluate("toUInt8", {column("Nullable(String)", {Field("1"), Field(), Field("abc")})});
  EXPECT_EQ(r.type->name(), "Nullable(UInt8)");
  EXPECT_EQ(texts(r), (std::vector<std::string>{"1", "NULL", "NULL"}));
}

TEST(ConversionParse, OrDefault) {
  EXPECT_EQ(value("toUInt8OrDefault", {s("x"), u8(5)}), "5");
  EXPECT_EQ(value("toUInt8OrDefault", {s("7"), u8(5)}), "7");
  EXPECT_EQ(value("toUInt8OrDefault", {s("x")}), "0");
  EXPECT_EQ(value("toUInt8OrDefault", {u16(300)}), "0");
  EXPECT_EQ(value("toInt8OrDefault", {s("-8"), i8(-1)}), "-8");
  EXPECT_EQ(value("toInt8OrDefault", {s("abc"), i8(-1)}), "-1");
  EXPECT_EQ(errorCode("toUInt16OrDefault", {s("x"), u8(5)}), ErrorCodes::BAD_ARGUMENTS);
  EXPECT_EQ(value("toDateOrDefault", {s("bad")}), "1970-01-01");
  EXPECT_EQ(value("toDateTimeOrDefault", {s("bad"), s("UTC"), typed("DateTime('UTC')", "2023-01-01 00:00:00")}),
            "2023-01-01 00:00:00");
  EXPECT_EQ(value("accurateCastOrDefault", {i8(-1), s("UInt8"), u8(5)}), "5");
  EXPECT_EQ(value("accurateCastOrDefault", {i8(-1), s("UInt8")}), "0");
  ColumnWithTypeAndName r = evaluate(
      "toUInt8OrDefault", {column("String", {Field("1"), Field("x"), Field("3")}), column("UInt8", {Field(9), Field(8), Field(7)})});
  EXPECT_EQ(texts(r), (std::vector<std::string>{"1", "8", "3"}));
}

TEST(ConversionParse, EdgeCases) {
  EXPECT_EQ(value("toUInt16", {s("65536")}), "0");
  EXPECT_EQ(value("toFloat64OrNull", {s("abc")}), "NULL");
  EXPECT_EQ(value("toDateTime", {s("0000-00-00 00:00:00")}), "1970-01-01 00:00:00");
  EXPECT_EQ(value("toDate", {s("0000-00-00")}), "1970-01-01");
  // ClickHouse accumulates the magnitude in the target type when checking overflow, so the
  // minimum of a signed type does not pass (ClickHouse issue 27800); the plain conversion wraps.
  EXPECT_EQ(value("toInt8OrNull", {s("-128")}), "NULL");
  EXPECT_EQ(value("toInt8", {s("-128")}), "-128");
  EXPECT_EQ(value("CAST", {typed("FixedString(4)", "ab"), s("String")}), "ab");
  EXPECT_EQ(value("CAST", {s("ab"), s("FixedString(4)")}), std::string("ab\0\0", 4));
  EXPECT_EQ(value("CAST", {s("abc"), s("Nullable(FixedString(2))")}), "NULL");
}

// ---------------------------------------------------------------- to String

TEST(ConversionToString, Numbers) {
  EXPECT_EQ(value("toString", {f64(1.5)}), "1.5");
  EXPECT_EQ(value("toString", {f64(-0.0)}), "-0");
  EXPECT_EQ(value("toString", {f64(1e21)}), "1e21");
  EXPECT_EQ(value("toString", {f64(1e-7)}), "1e-7");
  EXPECT_EQ(value("toString", {constant("Float32", Field(0.1))}), "0.1");
  EXPECT_EQ(value("toString", {f64(NAN)}), "nan");
  EXPECT_EQ(value("toString", {f64(-INFINITY)}), "-inf");
  EXPECT_EQ(value("toString", {i64(-9223372036854775807LL - 1)}), "-9223372036854775808");
  EXPECT_EQ(value("toString", {constant("Bool", Field(true))}), "true");
}

TEST(ConversionToString, DatesAndOthers) {
  EXPECT_EQ(value("toString", {typed("Date", "2020-01-02")}), "2020-01-02");
  EXPECT_EQ(value("toString", {typed("DateTime", "2020-01-02 03:04:05")}), "2020-01-02 03:04:05");
  EXPECT_EQ(value("toString", {typed("DateTime", "2020-01-02 03:04:05"), s("Asia/Tokyo")}), "2020-01-02 12:04:05");
  EXPECT_EQ(value("toString", {typed("DateTime64(3)", "2020-01-02 03:04:05.1")}), "2020-01-02 03:04:05.100");
  EXPECT_EQ(value("toString", {typed("FixedString(4)", "ab")}), "ab");
  EXPECT_EQ(value("toString", {typed("Array(Nullable(UInt8))", "[1,NULL]")}), "[1,NULL]");
  EXPECT_EQ(value("toString", {typed("Tuple(UInt8, String)", "(1,'a')")}), "(1,'a')");
  EXPECT_EQ(value("toString", {typed("Enum8('a' = 1, 'b' = 2)", "b")}), "b");
  EXPECT_EQ(value("toString", {typed("UUID", "61f0c404-5cb3-11e7-907b-a6006ad3dba0")}),
            "61f0c404-5cb3-11e7-907b-a6006ad3dba0");
  EXPECT_EQ(call("toString", {constant("Nullable(UInt8)", Field(1))}).type, "Nullable(String)");
  EXPECT_EQ(errorCode("toString", {u8(1), s("UTC")}), ErrorCodes::NUMBER_OF_ARGUMENTS_DOESNT_MATCH);
  EXPECT_EQ(errorCode("toString", {typed("Date", "2020-01-01"), s("UTC")}), ErrorCodes::NUMBER_OF_ARGUMENTS_DOESNT_MATCH);
}

TEST(ConversionToString, FixedString) {
  Result r = call("toFixedString", {s("abc"), u8(5)});
  EXPECT_EQ(r.type, "FixedString(5)");
  EXPECT_EQ(r.text, std::string("abc\0\0", 5));
  EXPECT_EQ(errorCode("toFixedString", {s("abcdef"), u8(3)}), ErrorCodes::TOO_LARGE_STRING_SIZE);
  EXPECT_EQ(errorMessage("toFixedString", {s("abcdef"), u8(3)}), "String too long for type FixedString(3)");
  EXPECT_EQ(errorCode("toFixedString", {s("a"), u8(0)}), ErrorCodes::ARGUMENT_OUT_OF_BOUND);
  EXPECT_EQ(errorCode("toFixedString", {u8(1), u8(2)}), ErrorCodes::NOT_IMPLEMENTED);
  EXPECT_EQ(errorCode("toFixedString", {s("a"), column("UInt8", {Field(2)})}), ErrorCodes::ILLEGAL_COLUMN);
  EXPECT_EQ(value("toFixedString", {typed("FixedString(2)", "ab"), u8(3)}), std::string("ab\0", 3));
}

// ---------------------------------------------------------------- dates

TEST(ConversionDates, FromStrings) {
  EXPECT_EQ(value("toDate", {s("2020-1-2")}), "2020-01-02");
  EXPECT_EQ(value("toDate", {s("2020/01/02")}), "2020-01-02");
  EXPECT_EQ(value("toDate", {s("20200102")}), "2020-01-02");  // today's ClickHouse reads YYYYMMDD
  EXPECT_EQ(value("toDate", {s("2020-01-02 03:04:05")}), "2020-01-02");
  EXPECT_EQ(value("toDate", {s("2020-01-02T03:04:05.123")}), "2020-01-02");
  EXPECT_EQ(value("toDate", {s("2020-13-01")}), "1970-01-01");
  EXPECT_EQ(value("toDate32", {s("1950-06-01")}), "1950-06-01");
  EXPECT_EQ(value("toDateTime", {s("2020-01-02")}), "2020-01-02 00:00:00");
  EXPECT_EQ(value("toDateTime", {s("1600000000")}), "2020-09-13 12:26:40");
  EXPECT_EQ(value("toDateTime", {s("2020-01-02T03:04:05")}), "2020-01-02 03:04:05");
  EXPECT_EQ(errorMessage("toDate", {s("2020-01-02x")}),
            "Cannot parse string '2020-01-02x' as Date: syntax error at position 10 (parsed just '2020-01-02')");
  EXPECT_EQ(errorCode("toDate", {s("abc")}), ErrorCodes::CANNOT_PARSE_DATE);
  EXPECT_EQ(errorMessage("toDate", {s("abc")}), "Cannot parse date: value is too short: Cannot parse Date from String");
  EXPECT_EQ(errorCode("toDateTime", {s("abc")}), ErrorCodes::CANNOT_PARSE_DATETIME);
  EXPECT_EQ(errorMessage("toDateTime", {s("2020-01-02 03:04")}),
            "Cannot parse time component of DateTime 03:04: Cannot parse DateTime from String");
}

TEST(ConversionDates, FromNumbers) {
  EXPECT_EQ(value("toDate", {u32(100000)}), "1970-01-02");
  EXPECT_EQ(value("toDate", {u32(1700000000)}), "2023-11-14");
  EXPECT_EQ(value("toDate", {u16(65535)}), "2149-06-06");  // a day number in today's ClickHouse
  EXPECT_EQ(value("toDate", {i8(-1)}), "1970-01-01");
  EXPECT_EQ(value("toDate", {f64(1.5)}), "1970-01-02");
  EXPECT_EQ(value("toDate", {f64(18000.7)}), "2019-04-14");
  EXPECT_EQ(value("toDate", {i64(-5)}), "1970-01-01");
  EXPECT_EQ(value("toDate32", {i8(-5)}), "1969-12-27");
  EXPECT_EQ(value("toDateTime", {i8(-1)}), "1970-01-01 00:00:00");
  EXPECT_EQ(value("toDateTime", {f64(1.9)}), "1970-01-01 00:00:01");
  EXPECT_EQ(value("toDateTime", {f64(1e10)}), "2106-02-07 06:28:15");
  EXPECT_EQ(value("toDateTime", {u64(4294967296ULL)}), "2106-02-07 06:28:15");
  EXPECT_EQ(value("toDateTime64", {f64(1.5), u8(3)}), "1970-01-01 00:00:01.500");
  EXPECT_EQ(value("toDate", {u32(1700000000), s("Asia/Tokyo")}), "2023-11-15");
}

TEST(ConversionDates, BetweenDateTypes) {
  EXPECT_EQ(value("toDateTime", {typed("Date", "2020-01-02")}), "2020-01-02 00:00:00");
  EXPECT_EQ(value("toDate", {typed("DateTime", "2020-01-02 23:59:59")}), "2020-01-02");
  EXPECT_EQ(value("toUInt32", {typed("DateTime", "2020-01-02 00:00:00")}), "1577923200");
  EXPECT_EQ(value("toUInt16", {typed("Date", "2020-01-02")}), "18263");
  EXPECT_EQ(value("toInt8", {typed("Date", "2020-01-02")}), "87");
  EXPECT_EQ(value("toFloat32", {typed("DateTime", "2020-01-02 00:00:00")}), "1577923200");
  Result tokyo = call("toDateTime", {typed("Date", "2020-01-02"), s("Asia/Tokyo")});
  EXPECT_EQ(tokyo.text, "2020-01-02 00:00:00");
  EXPECT_EQ(tokyo.type, "DateTime('Asia/Tokyo')");
  EXPECT_EQ(value("toUInt32", {evaluate("toDateTime", {typed("Date", "2020-01-02"), s("Asia/Tokyo")})}), "1577890800");
  EXPECT_EQ(value("toDate", {typed("DateTime('Asia/Tokyo')", "2020-01-02 23:59:59")}), "2020-01-02");
  EXPECT_EQ(value("toDate", {typed("DateTime('Asia/Tokyo')", "2020-01-02 07:00:00"), s("UTC")}), "2020-01-01");
  EXPECT_EQ(call("toDateTime", {typed("DateTime('Asia/Tokyo')", "2020-01-02 03:04:05")}).type, "DateTime('Asia/Tokyo')");
  EXPECT_EQ(value("toUInt32", {evaluate("toDateTime", {s("2020-01-02 03:04:05"), s("Asia/Tokyo")})}), "1577901845");
  EXPECT_EQ(value("toDate32", {typed("Date", "2020-01-02")}), "2020-01-02");
  EXPECT_EQ(value("toDate", {typed("Date32", "2020-01-02")}), "2020-01-02");
}

TEST(ConversionDates, DateTime64) {
  Result r = call("toDateTime64", {s("2020-01-02 03:04:05.123456"), u8(3)});
  EXPECT_EQ(r.text, "2020-01-02 03:04:05.123");
  EXPECT_EQ(r.type, "DateTime64(3)");
  EXPECT_EQ(call("toDateTime64", {s("2020-01-02 03:04:05"), u8(6), s("UTC")}).type, "DateTime64(6, 'UTC')");
  EXPECT_EQ(value("toDateTime64", {s("1600000000.25"), u8(2)}), "2020-09-13 12:26:40.25");
  EXPECT_EQ(value("toDateTime", {typed("DateTime64(3)", "2020-01-02 03:04:05.999")}), "2020-01-02 03:04:05");
  EXPECT_EQ(value("toDate", {typed("DateTime64(3)", "2020-01-02 23:59:59.999")}), "2020-01-02");
  EXPECT_EQ(value("toInt64", {typed("DateTime64(3)", "2020-01-01 00:00:00.5")}), "1577836800");
  EXPECT_EQ(value("toFloat64", {typed("DateTime64(3)", "2020-01-01 00:00:00.5")}), "1577836800.5");
  EXPECT_EQ(value("toDateTime64", {typed("DateTime64(3)", "2020-01-01 00:00:00.123"), u8(1)}), "2020-01-01 00:00:00.1");
  EXPECT_EQ(value("toDateTime64", {typed("DateTime", "2020-01-01 00:00:00"), u8(2)}), "2020-01-01 00:00:00.00");
  EXPECT_EQ(call("toDateTime", {s("2020-01-01 00:00:00.5"), u8(2)}).type, "DateTime64(2)");
  EXPECT_EQ(errorCode("toDateTime64", {s("2020-01-01"), u8(10)}), ErrorCodes::ARGUMENT_OUT_OF_BOUND);
  EXPECT_EQ(value("toDateTime64OrNull", {s("x")}), "NULL");
  EXPECT_EQ(call("toDateTime64OrZero", {s("x")}).type, "DateTime64(3)");
}

TEST(ConversionDates, MoreForms) {
  EXPECT_EQ(value("DATE", {s("2020-01-02")}), "2020-01-02");
  EXPECT_EQ(value("date", {u32(1700000000)}), "2023-11-14");
  EXPECT_EQ(call("toDateTime32", {u8(1), s("UTC")}).type, "DateTime('UTC')");
  EXPECT_EQ(value("toDate32", {u64(1700000000)}), "2023-11-14");
  EXPECT_EQ(value("toDate32", {i64(-30000)}), "1900-01-01");
  EXPECT_EQ(value("toDateTime64", {s("1925-12-12 13:14:15.123"), u8(3), s("UTC")}), "1925-12-12 13:14:15.123");
  EXPECT_EQ(value("toInt64", {evaluate("toDateTime64", {s("1969-12-31 23:59:59.5"), u8(1), s("UTC")})}), "0");
  EXPECT_EQ(value("toFloat64", {evaluate("toDateTime64", {s("1969-12-31 23:59:59.5"), u8(1), s("UTC")})}), "-0.5");
  EXPECT_EQ(value("toDateTime", {i64(-5), s("UTC")}), "1970-01-01 00:00:00");
  EXPECT_EQ(value("toUInt8", {constant("Bool", Field(true))}), "1");
  EXPECT_EQ(call("toDate", {constant("Nullable(String)", Field("2020-01-02"))}).type, "Nullable(Date)");
}

TEST(ConversionDates, UUID) {
  EXPECT_EQ(value("toUUID", {s("61f0c404-5cb3-11e7-907b-a6006ad3dba0")}), "61f0c404-5cb3-11e7-907b-a6006ad3dba0");
  EXPECT_EQ(value("toUUID", {s("61f0c4045cb311e7907ba6006ad3dba0")}), "61f0c404-5cb3-11e7-907b-a6006ad3dba0");
  EXPECT_EQ(errorCode("toUUID", {s("abc")}), ErrorCodes::CANNOT_PARSE_UUID);
  EXPECT_EQ(errorCode("toUUID", {u8(1)}), ErrorCodes::NOT_IMPLEMENTED);
  EXPECT_EQ(errorCode("CAST", {typed("UUID", "61f0c404-5cb3-11e7-907b-a6006ad3dba0"), s("UInt64")}),
            ErrorCodes::NOT_IMPLEMENTED);
  EXPECT_EQ(value("toUUIDOrZero", {s("bad")}), "00000000-0000-0000-0000-000000000000");
}

// ---------------------------------------------------------------- CAST

TEST(ConversionCast, Basics) {
  EXPECT_EQ(value("CAST", {s("1"), s("UInt8")}), "1");
  EXPECT_EQ(value("cast", {f64(1.5), s("String")}), "1.5");
  EXPECT_EQ(value("CAST", {s("[1,2]"), s("Array(UInt8)")}), "[1,2]");
  EXPECT_EQ(value("CAST", {s("[1, 300]"), s("Array(UInt8)")}), "[1,44]");
  EXPECT_EQ(value("CAST", {typed("Tuple(UInt8, String)", "(1,'a')"), s("Tuple(String, String)")}), "('1','a')");
  EXPECT_EQ(value("CAST", {s("(1,'a')"), s("Tuple(UInt8, String)")}), "(1,'a')");
  EXPECT_EQ(call("CAST", {u8(1), s("Nullable(String)")}).type, "Nullable(String)");
  EXPECT_EQ(value("CAST", {u8(1), s("Nullable(String)")}), "1");
  EXPECT_EQ(value("CAST", {s("abc"), s("Nullable(UInt8)")}), "NULL");
  EXPECT_EQ(value("CAST", {s("300"), s("Nullable(UInt8)")}), "NULL");
  EXPECT_EQ(value("CAST", {u8(7), s("Bool")}), "true");
  EXPECT_EQ(value("CAST", {u8(1), s("DateTime")}), "1970-01-01 00:00:01");
  EXPECT_EQ(value("CAST", {u32(100000), s("Date")}), "1970-01-02");
  EXPECT_EQ(value("CAST", {u8(5), s("IntervalDay")}), "5");
}

TEST(ConversionCast, Errors) {
  EXPECT_EQ(errorCode("CAST", {constant("Nullable(Nothing)", Field()), s("UInt8")}), ErrorCodes::CANNOT_CONVERT_TYPE);
  EXPECT_EQ(errorMessage("CAST", {constant("Nullable(Nothing)", Field()), s("UInt8")}),
            "Cannot convert NULL to a non-nullable type");
  EXPECT_EQ(value("CAST", {constant("Nullable(Nothing)", Field()), s("Nullable(UInt8)")}), "NULL");
  EXPECT_EQ(errorMessage("CAST", {typed("Array(UInt8)", "[1]"), s("UInt8")}),
            "Illegal type Array(UInt8) of argument of function toUInt8");
  EXPECT_EQ(errorMessage("CAST", {u8(1), s("Array(UInt8)")}),
            "CAST AS Array can only be performed between same-dimensional Array, Map or String types");
  EXPECT_EQ(errorCode("CAST", {typed("Array(Array(UInt8))", "[[1]]"), s("Array(UInt8)")}), ErrorCodes::TYPE_MISMATCH);
  EXPECT_EQ(errorMessage("CAST", {typed("Tuple(UInt8, UInt8)", "(1,2)"), s("Tuple(UInt8)")}),
            "CAST AS Tuple can only be performed between tuple types with the same number of elements or from String.\n"
            "Left type: Tuple(UInt8, UInt8), right type: Tuple(UInt8)");
  EXPECT_EQ(errorMessage("CAST", {u8(1), s("Tuple(UInt8)")}),
            "CAST AS Tuple can only be performed between tuple types or from String.\nLeft type: UInt8, right type: "
            "Tuple(UInt8)");
  EXPECT_EQ(errorMessage("CAST", {u8(1), s("FixedString(3)")}),
            "CAST AS FixedString is only implemented for types String and FixedString");
  EXPECT_EQ(errorCode("CAST", {s("abcd"), s("FixedString(3)")}), ErrorCodes::TOO_LARGE_STRING_SIZE);
  EXPECT_EQ(errorMessage("CAST", {u8(1), s("Nothing")}), "Conversion from UInt8 to Nothing is not supported");
  EXPECT_EQ(errorCode("CAST", {u8(1), s("Strin")}), ErrorCodes::UNKNOWN_TYPE);
  EXPECT_EQ(errorCode("CAST", {u8(1), column("String", {Field("String")})}), ErrorCodes::ILLEGAL_TYPE_OF_ARGUMENT);
  EXPECT_EQ(errorCode("CAST", {u8(1)}), ErrorCodes::NUMBER_OF_ARGUMENTS_DOESNT_MATCH);
  EXPECT_EQ(errorCode("CAST", {s("[1,2"), s("Array(UInt8)")}) != 0, true);
  EXPECT_NE(errorCode("CAST", {s("[1,2]x"), s("Array(UInt8)")}), 0);
}

TEST(ConversionCast, NullableSources) {
  EXPECT_EQ(call("CAST", {constant("Nullable(UInt8)", Field(1)), s("UInt8")}).type, "UInt8");
  EXPECT_EQ(value("CAST", {constant("Nullable(UInt8)", Field(1)), s("UInt8")}), "1");
  auto nullable = column("Nullable(UInt8)", {Field(1), Field()});
  EXPECT_EQ(errorCode("CAST", {nullable, s("UInt8")}), ErrorCodes::CANNOT_INSERT_NULL_IN_ORDINARY_COLUMN);
  EXPECT_EQ(errorMessage("CAST", {nullable, s("UInt8")}), "Cannot convert NULL value to non-Nullable type");
  ColumnWithTypeAndName r = evaluate("CAST", {nullable, s("Nullable(String)")});
  EXPECT_EQ(texts(r), (std::vector<std::string>{"1", "NULL"}));
  EXPECT_EQ(value("CAST", {typed("Array(Nullable(UInt8))", "[NULL, 1]"), s("Array(Nullable(String))")}), "[NULL,'1']");
  EXPECT_EQ(errorCode("CAST", {typed("Array(Nullable(UInt8))", "[NULL, 1]"), s("Array(UInt8)")}),
            ErrorCodes::CANNOT_INSERT_NULL_IN_ORDINARY_COLUMN);
  // Enum names are not looked up for NULL rows.
  r = evaluate("CAST", {column("Nullable(String)", {Field("a"), Field()}), s("Nullable(Enum8('a' = 1))")});
  EXPECT_EQ(texts(r), (std::vector<std::string>{"a", "NULL"}));
}

TEST(ConversionCast, Enums) {
  const std::string e = "Enum8('a' = 1, 'b' = 2)";
  EXPECT_EQ(value("CAST", {s("a"), s(e)}), "a");
  EXPECT_EQ(value("CAST", {u8(2), s(e)}), "b");
  EXPECT_EQ(call("CAST", {s("a"), s(e)}).type, e);
  EXPECT_EQ(errorCode("CAST", {s("c"), s(e)}), ErrorCodes::UNKNOWN_ELEMENT_OF_ENUM);
  EXPECT_EQ(errorCode("CAST", {u8(3), s(e)}), ErrorCodes::UNKNOWN_ELEMENT_OF_ENUM);
  EXPECT_EQ(value("CAST", {typed(e, "a"), s("String")}), "a");
  EXPECT_EQ(value("CAST", {typed(e, "a"), s("UInt8")}), "1");
  EXPECT_EQ(value("CAST", {typed(e, "b"), s("Enum16('b' = 2, 'c' = 3)")}), "b");
  EXPECT_EQ(errorMessage("CAST", {typed(e, "a"), s("Enum8('a' = 2)")}),
            "Enum conversion changes value for element 'a' from 1 to 2");
}

TEST(ConversionCast, NamedTuples) {
  EXPECT_EQ(value("CAST", {typed("Tuple(a UInt8, b String)", "(1,'x')"), s("Tuple(b String, a UInt16, c UInt8)")}),
            "('x',1,0)");
}

TEST(ConversionCast, Accurate) {
  EXPECT_EQ(errorCode("accurateCast", {i8(-1), s("UInt8")}), ErrorCodes::CANNOT_CONVERT_TYPE);
  EXPECT_EQ(errorMessage("accurateCast", {i8(-1), s("UInt8")}),
            "Value in column Int8 cannot be safely converted into type UInt8");
  EXPECT_EQ(value("accurateCast", {i8(5), s("UInt8")}), "5");
  EXPECT_EQ(errorCode("accurateCast", {f64(1.5), s("UInt8")}), ErrorCodes::CANNOT_CONVERT_TYPE);
  EXPECT_EQ(errorCode("accurateCast", {s("300"), s("UInt8")}), ErrorCodes::CANNOT_PARSE_TEXT);
  EXPECT_EQ(value("accurateCastOrNull", {i8(-1), s("UInt8")}), "NULL");
  EXPECT_EQ(call("accurateCastOrNull", {i8(5), s("UInt8")}).type, "Nullable(UInt8)");
  EXPECT_EQ(value("accurateCastOrNull", {i8(5), s("UInt8")}), "5");
  EXPECT_EQ(value("accurateCastOrNull", {s("300"), s("UInt8")}), "NULL");
  EXPECT_EQ(value("accurateCastOrNull", {f64(NAN), s("Int32")}), "NULL");
  EXPECT_EQ(value("accurateCastOrNull", {f64(2.0), s("Int32")}), "2");
  EXPECT_EQ(value("accurateCastOrNull", {u64(16777217), s("Float32")}), "NULL");
}

TEST(ConversionCast, ConstantsStayConstant) {
  Settings settings;
  FunctionContext context;
  context.settings = &settings;
  ColumnWithTypeAndName c = constant("String", Field("42"), 10);
  ColumnPtr r = castColumn(c, dataTypeFromString("UInt64"), context);
  ASSERT_TRUE(r->isConst());
  EXPECT_EQ(r->size(), 10u);
  EXPECT_EQ(r->getUInt(0), 42u);
}

TEST(ConversionCast, ConvertFieldToType) {
  EXPECT_EQ(convertFieldToType(Field(uint64_t(300)), dataTypeFromString("UInt16"), dataTypeFromString("UInt8")),
            Field(uint64_t(44)));
  EXPECT_EQ(convertFieldToType(Field("2020-01-02"), dataTypeFromString("String"), dataTypeFromString("Date")),
            Field(uint64_t(18263)));
  EXPECT_EQ(convertFieldToType(Field(int64_t(-1)), dataTypeFromString("Int8"), dataTypeFromString("Nullable(String)")),
            Field("-1"));
  EXPECT_EQ(convertFieldToType(Field(), dataTypeFromString("Nullable(UInt8)"), dataTypeFromString("Nullable(String)")),
            Field());
  EXPECT_THROW(convertFieldToType(Field("x"), dataTypeFromString("String"), dataTypeFromString("UInt8")), Exception);
}

TEST(ConversionCast, KeepNullableSetting) {
  Settings settings;
  settings.cast_keep_nullable = true;
  FunctionContext context;
  context.settings = &settings;
  FunctionPtr f = FunctionFactory::instance().get("CAST", context);
  ColumnsWithTypeAndName args{constant("Nullable(UInt8)", Field(1)), s("String")};
  args[0].column = nullptr;
  EXPECT_EQ(getFunctionReturnType(*f, args)->name(), "Nullable(String)");
}

// ---------------------------------------------------------------- LowCardinality

ColumnWithTypeAndName lowCardinalityStrings(const std::vector<Field>& values, bool nullable) {
  return column(nullable ? "LowCardinality(Nullable(String))" : "LowCardinality(String)", values);
}

TEST(ConversionLowCardinality, ThroughTheDictionary) {
  Settings settings;
  FunctionContext context;
  context.settings = &settings;
  // The dictionary's default '' is not used by any row and must not fail the parse.
  auto lc = lowCardinalityStrings({Field("1"), Field("2"), Field("1")}, false);
  ColumnPtr full = castColumn(lc, dataTypeFromString("UInt8"), context);
  EXPECT_EQ(texts({full, dataTypeFromString("UInt8"), ""}), (std::vector<std::string>{"1", "2", "1"}));

  DataTypePtr lc_uint8 = dataTypeFromString("LowCardinality(UInt8)");
  ColumnPtr encoded = castColumn(lc, lc_uint8, context);
  ASSERT_EQ(encoded->kind(), ColumnKind::LowCardinality);
  EXPECT_EQ(static_cast<const ColumnLowCardinality&>(*encoded).getDictionary().size(), 3u);  // default + 2 values
  EXPECT_EQ(texts({encoded, lc_uint8, ""}), (std::vector<std::string>{"1", "2", "1"}));

  auto with_null = lowCardinalityStrings({Field("1"), Field()}, true);
  DataTypePtr lc_nullable = dataTypeFromString("LowCardinality(Nullable(UInt8))");
  EXPECT_EQ(texts({castColumn(with_null, lc_nullable, context), lc_nullable, ""}),
            (std::vector<std::string>{"1", "NULL"}));
  EXPECT_EQ(texts({castColumn(with_null, dataTypeFromString("Nullable(UInt16)"), context),
                   dataTypeFromString("Nullable(UInt16)"), ""}),
            (std::vector<std::string>{"1", "NULL"}));
  EXPECT_EQ(failure([&] { castColumn(with_null, dataTypeFromString("UInt8"), context); }).first,
            ErrorCodes::CANNOT_INSERT_NULL_IN_ORDINARY_COLUMN);

  DataTypePtr lc_string = dataTypeFromString("LowCardinality(String)");
  ColumnPtr to_lc = castColumn(column("UInt8", {Field(1), Field(1), Field(2)}), lc_string, context);
  ASSERT_EQ(to_lc->kind(), ColumnKind::LowCardinality);
  EXPECT_EQ(texts({to_lc, lc_string, ""}), (std::vector<std::string>{"1", "1", "2"}));
}

TEST(ConversionLowCardinality, FunctionsKeepLowCardinality) {
  auto lc = lowCardinalityStrings({Field("1"), Field("2")}, false);
  ColumnWithTypeAndName r = evaluate("toUInt8", {lc});
  EXPECT_EQ(r.type->name(), "LowCardinality(UInt8)");
  EXPECT_EQ(texts(r), (std::vector<std::string>{"1", "2"}));
  EXPECT_EQ(evaluate("CAST", {lc, s("UInt8")}).type->name(), "UInt8");
  EXPECT_EQ(call("toTypeName", {evaluate("toLowCardinality", {s("a")})}).text, "LowCardinality(String)");
  EXPECT_EQ(call("toLowCardinality", {u8(1)}).type, "LowCardinality(UInt8)");
  EXPECT_EQ(call("toLowCardinality", {constant("Nullable(String)", Field("a"))}).type, "LowCardinality(Nullable(String))");
  EXPECT_EQ(errorCode("toLowCardinality", {typed("Array(UInt8)", "[1]")}), ErrorCodes::ILLEGAL_TYPE_OF_ARGUMENT);
}

// ---------------------------------------------------------------- type names

TEST(ConversionTypeNames, TypeAndColumnNames) {
  EXPECT_EQ(value("toTypeName", {u8(1)}), "UInt8");
  EXPECT_EQ(value("toTypeName", {constant("Nullable(Nothing)", Field())}), "Nullable(Nothing)");
  EXPECT_EQ(value("toTypeName", {typed("Array(UInt8)", "[]")}), "Array(UInt8)");
  EXPECT_EQ(value("toTypeName", {column("Tuple(UInt8, String)", {Field(FieldTuple{Field(1), Field("a")})})}),
            "Tuple(UInt8, String)");
  EXPECT_EQ(value("toColumnTypeName", {u8(1)}), "Const(UInt8)");
  EXPECT_EQ(value("toColumnTypeName", {column("UInt8", {Field(1)})}), "UInt8");
  EXPECT_EQ(value("toColumnTypeName", {column("Nullable(UInt8)", {Field(1)})}), "Nullable(UInt8)");
  EXPECT_EQ(value("toColumnTypeName", {column("Date", {Field(1)})}), "UInt16");
  EXPECT_EQ(value("toColumnTypeName", {column("FixedString(1)", {Field("a")})}), "FixedString(1)");
  EXPECT_EQ(value("toColumnTypeName", {column("Array(UInt8)", {Field(FieldArray{Field(1)})})}), "Array(UInt8)");
}

// ---------------------------------------------------------------- reinterpret

TEST(ConversionReinterpret, Bytes) {
  EXPECT_EQ(value("reinterpretAsUInt32", {s("abc")}), "6513249");
  EXPECT_EQ(value("reinterpretAsString", {u16(257)}), "\x01\x01");
  EXPECT_EQ(value("reinterpretAsUInt8", {s("abc")}), "97");
  EXPECT_EQ(value("reinterpretAsFloat64", {evaluate("reinterpretAsString", {f64(1.5)})}), "1.5");
  EXPECT_EQ(value("reinterpretAsDate", {u16(18000)}), "2019-04-14");
  EXPECT_EQ(value("reinterpretAsDateTime", {u32(1600000000)}), "2020-09-13 12:26:40");
  EXPECT_EQ(value("reinterpretAsString", {u8(0)}), "");
  EXPECT_EQ(value("reinterpretAsInt8", {u8(255)}), "-1");
  EXPECT_EQ(value("reinterpretAsUInt16", {typed("FixedString(2)", "ab")}), "25185");
  EXPECT_EQ(value("reinterpretAsUInt64", {typed("Date", "2020-01-01")}), "18262");
  Result fixed = call("reinterpretAsFixedString", {u16(257)});
  EXPECT_EQ(fixed.type, "FixedString(2)");
  EXPECT_EQ(fixed.text, "\x01\x01");
  EXPECT_EQ(call("reinterpretAsFixedString", {u32(1)}).text, std::string("\x01\0\0\0", 4));
  // ClickHouse's UUID byte layout: reinterpretAsUUID(reverse(unhex('000102030405060708090a0b0c0d0e0f'))).
  std::string bytes;
  for (int i = 15; i >= 0; --i) bytes.push_back(char(i));
  EXPECT_EQ(value("reinterpretAsUUID", {s(bytes)}), "08090a0b-0c0d-0e0f-0001-020304050607");
  EXPECT_EQ(value("reinterpretAsUInt64", {typed("UUID", "61f0c404-5cb3-11e7-907b-a6006ad3dba0")}),
            "7057356139103719911");
  EXPECT_EQ(errorCode("reinterpretAsUInt8", {typed("Array(UInt8)", "[1]")}), ErrorCodes::ILLEGAL_TYPE_OF_ARGUMENT);
  EXPECT_EQ(errorCode("reinterpretAsFixedString", {s("a")}), ErrorCodes::ILLEGAL_TYPE_OF_ARGUMENT);
}

// ---------------------------------------------------------------- parseDateTimeBestEffort

std::string bestEffort(const std::string& text, const std::string& function = "parseDateTimeBestEffort") {
  return value(function, {s(text), s("UTC")});
}

TEST(ConversionBestEffort, CommonForms) {
  EXPECT_EQ(bestEffort("2022-03-14 11:09:10"), "2022-03-14 11:09:10");
  EXPECT_EQ(bestEffort("2022-03-14T11:09:10.123456Z"), "2022-03-14 11:09:10");
  EXPECT_EQ(bestEffort("Mon, 14 Mar 2022 11:09:10 GMT"), "2022-03-14 11:09:10");
  EXPECT_EQ(bestEffort("Tue, 15 Mar 2022 01:02:03 +0100"), "2022-03-15 00:02:03");
  EXPECT_EQ(bestEffort("14 Mar 2022"), "2022-03-14 00:00:00");
  EXPECT_EQ(bestEffort("Mar 14 2022 11:09:10"), "2022-03-14 11:09:10");
  EXPECT_EQ(bestEffort("1647256150"), "2022-03-14 11:09:10");  // a Unix timestamp in today's ClickHouse
  EXPECT_EQ(bestEffort("20220314"), "2022-03-14 00:00:00");
  EXPECT_EQ(bestEffort("20220314110910"), "2022-03-14 11:09:10");
  EXPECT_EQ(bestEffort("2022-03"), "2022-03-01 00:00:00");
  EXPECT_EQ(bestEffort("2022-03-14 11:09:10+03:00"), "2022-03-14 08:09:10");
  EXPECT_EQ(bestEffort("2022-03-14T11:09:10+0300"), "2022-03-14 08:09:10");
  EXPECT_EQ(bestEffort("2022-03-14 11:09:10 -0130"), "2022-03-14 12:39:10");
  EXPECT_EQ(bestEffort("12/03/2022"), "2022-03-12 00:00:00");
  EXPECT_EQ(bestEffort("12/03/2022", "parseDateTimeBestEffortUS"), "2022-12-03 00:00:00");
  EXPECT_EQ(bestEffort("14.03.2022 11:09"), "2022-03-14 11:09:00");
  EXPECT_EQ(bestEffort("2022/03/14 11:09"), "2022-03-14 11:09:00");
  EXPECT_EQ(bestEffort("2022-03-14 11:09:10 PM"), "2022-03-14 23:09:10");
  EXPECT_EQ(bestEffort("Monday, 14 March 2022 11:09:10 MSK"), "2022-03-14 08:09:10");
  EXPECT_EQ(bestEffort("2022-03-14, 11:09:10"), "2022-03-14 11:09:10");
}

TEST(ConversionBestEffort, ZonesAndErrors) {
  Result r = call("parseDateTimeBestEffort", {s("2022-03-14 11:09:10"), s("Asia/Tokyo")});
  EXPECT_EQ(r.type, "DateTime('Asia/Tokyo')");
  EXPECT_EQ(r.text, "2022-03-14 11:09:10");
  EXPECT_EQ(value("toUInt32", {evaluate("parseDateTimeBestEffort", {s("2022-03-14 11:09:10"), s("Asia/Tokyo")})}),
            "1647223750");
  EXPECT_EQ(value("parseDateTimeBestEffortOrNull", {s("garbage")}), "NULL");
  EXPECT_EQ(value("parseDateTimeBestEffortOrZero", {s("garbage"), s("UTC")}), "1970-01-01 00:00:00");
  EXPECT_EQ(value("parseDateTimeBestEffortOrNull", {s("2022-03-14 11:09:10x")}), "NULL");
  EXPECT_EQ(errorCode("parseDateTimeBestEffort", {s("garbage")}), ErrorCodes::CANNOT_PARSE_DATETIME);
  EXPECT_EQ(errorMessage("parseDateTimeBestEffort", {s("garbage")}), "Cannot read DateTime: unexpected word");
  EXPECT_EQ(errorMessage("parseDateTimeBestEffort", {s("2022-03-14 11:09:10x")}),
            "Cannot read DateTime: unexpected alphabetical character");
  EXPECT_EQ(errorMessage("parseDateTimeBestEffort", {s("2022-02-30")}), "Cannot read DateTime: unexpected date: 2022-2-30");
  EXPECT_EQ(errorCode("parseDateTimeBestEffort", {u8(1)}), ErrorCodes::ILLEGAL_TYPE_OF_ARGUMENT);
}

TEST(ConversionBestEffort, DateTime64) {
  Result r = call("parseDateTime64BestEffort", {s("2022-03-14T11:09:10.123456Z")});
  EXPECT_EQ(r.type, "DateTime64(3)");
  EXPECT_EQ(r.text, "2022-03-14 11:09:10.123");
  EXPECT_EQ(value("parseDateTime64BestEffort", {s("2022-03-14T11:09:10.123456Z"), u8(6), s("UTC")}),
            "2022-03-14 11:09:10.123456");
  EXPECT_EQ(value("parseDateTime64BestEffort", {s("1647256150123"), u8(3), s("UTC")}), "2022-03-14 11:09:10.123");
  EXPECT_EQ(value("parseDateTime64BestEffort", {s("1647256150.5"), u8(1), s("UTC")}), "2022-03-14 11:09:10.5");
  EXPECT_EQ(call("parseDateTimeBestEffort", {s("2022-03-14 11:09:10.5"), u8(2)}).type, "DateTime64(2)");
  EXPECT_EQ(value("parseDateTime64BestEffortOrNull", {s("x")}), "NULL");
  EXPECT_EQ(value("parseDateTime64BestEffortUS", {s("03/14/2022 11:09:10.25"), u8(2), s("UTC")}),
            "2022-03-14 11:09:10.25");
}

TEST(ConversionBestEffort, InstalledAsTypesHook) {
  FormatSettings settings;
  settings.date_time_best_effort = true;
  DataTypePtr type = dataTypeFromString("DateTime('UTC')");
  auto col = type->createColumn();
  ReadBufferFromMemory in(std::string_view("Mon, 14 Mar 2022 11:09:10 GMT"));
  type->deserializeWholeText(*col, in, settings);
  EXPECT_EQ(texts({std::move(col), type, ""}), (std::vector<std::string>{"2022-03-14 11:09:10"}));

  DataTypePtr type64 = dataTypeFromString("DateTime64(3, 'UTC')");
  auto col64 = type64->createColumn();
  ReadBufferFromMemory in64(std::string_view("2022-03-14T11:09:10.25Z"));
  type64->deserializeWholeText(*col64, in64, settings);
  EXPECT_EQ(texts({std::move(col64), type64, ""}), (std::vector<std::string>{"2022-03-14 11:09:10.250"}));
}

}  // namespace
}  // namespace tally::test
