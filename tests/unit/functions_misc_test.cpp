// Encoding (hex, bin, base64, URL), formatting (formatReadable*, bar) and miscellaneous
// functions (version, currentDatabase, rand, generateUUIDv4, throwIf, sleep, getSetting...).
// Values from the reference server (18.16) where it has the function, else from today's
// ClickHouse documentation.

#include <gtest/gtest.h>

#include <set>

#include "common/version.h"
#include "function_test_util.h"

namespace tally::test {
namespace {

ColumnWithTypeAndName str(const std::string& v) {
  return constant("String", Field(v));
}
ColumnWithTypeAndName num(const std::string& type, Field v) {
  return constant(type, v);
}

std::string one(const std::string& name, const ColumnsWithTypeAndName& args) {
  return texts(evaluate(name, args)).at(0);
}
std::string typeOf(const std::string& name, const ColumnsWithTypeAndName& args) {
  return evaluate(name, args).type->name();
}
int errorCode(const std::string& name, const ColumnsWithTypeAndName& args) {
  try {
    evaluate(name, args);
  } catch (const Exception& e) {
    return e.code();
  }
  return 0;
}
std::string hexOf(const std::string& name, const ColumnsWithTypeAndName& args) {
  return texts(evaluate("hex", {evaluate(name, args)})).at(0);
}
/// Runs a function over `rows` rows (evaluate() uses one row for argument-less calls).
ColumnWithTypeAndName evaluateRows(const std::string& name, const ColumnsWithTypeAndName& args, size_t rows) {
  FunctionPtr f = FunctionFactory::instance().get(name, testContext());
  DataTypePtr type = getFunctionReturnType(*f, args);
  return {executeFunction(*f, args, type, rows), type, name};
}

using V = std::vector<std::string>;

TEST(EncodingFunctions, Hex) {
  EXPECT_EQ(one("hex", {str("abc")}), "616263");
  EXPECT_EQ(one("hex", {num("UInt8", 255)}), "FF");
  EXPECT_EQ(one("hex", {num("UInt16", 256)}), "0100");
  EXPECT_EQ(one("hex", {num("UInt8", 0)}), "00");
  EXPECT_EQ(one("hex", {num("UInt64", uint64_t(1234567890123))}), "011F71FB04CB");
  EXPECT_EQ(one("hex", {constant("FixedString(3)", Field("ab"))}), "616200");
  EXPECT_EQ(one("hex", {constant("Date", Field(uint64_t(18262)))}), "4756");
  EXPECT_EQ(one("hex", {constant("DateTime('UTC')", Field(uint64_t(1577836800)))}), "5E0BE100");
  EXPECT_EQ(one("hex", {num("Int8", -1)}), "FF");
  EXPECT_EQ(one("hex", {num("Float32", 15.0)}), "00007041");
  EXPECT_EQ(one("hex", {num("Float64", 15.0)}), "0000000000002E40");
  UInt128 uuid(0x907ba6006ad3dba0ULL, 0x61f0c4045cb311e7ULL);
  EXPECT_EQ(one("lower", {evaluate("hex", {constant("UUID", Field(uuid))})}), "61f0c4045cb311e7907ba6006ad3dba0");
  EXPECT_EQ(typeOf("hex", {num("UInt8", 1)}), "String");
  EXPECT_EQ(texts(evaluate("hex", {column("UInt32", {Field(1), Field(65536)})})), (V{"01", "010000"}));
  EXPECT_EQ(one("unhex", {str("616263")}), "abc");
  EXPECT_EQ(one("UNHEX", {str("4D7953514C")}), "MySQL");
  EXPECT_EQ(hexOf("unhex", {str("FFF")}), "0FFF");
  EXPECT_EQ(hexOf("unhex", {str("zz")}), "EF");
  EXPECT_EQ(hexOf("unhex", {str("6a")}), "6A");
  EXPECT_EQ(one("bin", {num("UInt8", 14)}), "00001110");
  EXPECT_EQ(one("bin", {num("Float32", 15.0)}), "00000000000000000111000001000001");
  EXPECT_EQ(one("unbin", {str("001100000011000100110010")}), "012");
  EXPECT_EQ(hexOf("unbin", {str("1110")}), "0E");
}

TEST(EncodingFunctions, Base64) {
  EXPECT_EQ(one("base64Encode", {str("clickhouse")}), "Y2xpY2tob3VzZQ==");
  EXPECT_EQ(one("base64Encode", {str("")}), "");
  EXPECT_EQ(one("base64Encode", {str("ab")}), "YWI=");
  EXPECT_EQ(one("TO_BASE64", {str("abc")}), "YWJj");
  EXPECT_EQ(one("base64Decode", {str("Y2xpY2tob3VzZQ==")}), "clickhouse");
  EXPECT_EQ(one("FROM_BASE64", {str("YWI=")}), "ab");
  EXPECT_EQ(one("tryBase64Decode", {str("invalid!")}), "");
  EXPECT_EQ(errorCode("base64Decode", {str("invalid!")}), ErrorCodes::INCORRECT_DATA);
  EXPECT_EQ(one("base64URLEncode", {str("https://clickhouse.com")}), "aHR0cHM6Ly9jbGlja2hvdXNlLmNvbQ");
  EXPECT_EQ(one("base64URLDecode", {str("aHR0cHM6Ly9jbGlja2hvdXNlLmNvbQ")}), "https://clickhouse.com");
  EXPECT_EQ(texts(evaluate("base64Encode", {column("String", {Field("a"), Field("abcd")})})), (V{"YQ==", "YWJjZA=="}));
}

TEST(EncodingFunctions, URLComponents) {
  EXPECT_EQ(one("encodeURLComponent", {str("http://127.0.0.1:8123/?query=SELECT 1;")}),
            "http%3A%2F%2F127.0.0.1%3A8123%2F%3Fquery%3DSELECT%201%3B");
  EXPECT_EQ(one("encodeURLFormComponent", {str("http://127.0.0.1:8123/?query=SELECT 1;")}),
            "http%3A%2F%2F127.0.0.1%3A8123%2F%3Fquery%3DSELECT+1%3B");
  EXPECT_EQ(one("decodeURLComponent", {str("http://127.0.0.1:8123/?query=SELECT%201%3B")}),
            "http://127.0.0.1:8123/?query=SELECT 1;");
  EXPECT_EQ(one("decodeURLComponent", {str("a%2")}), "a%2");
  EXPECT_EQ(one("decodeURLComponent", {str("%zz%41")}), "%zzA");
  EXPECT_EQ(one("decodeURLComponent", {str("a+b")}), "a+b");
  EXPECT_EQ(one("decodeURLFormComponent", {str("SELECT%201+2%2B3")}), "SELECT 1 2+3");
}

TEST(FormattingFunctions, ReadableSizes) {
  auto size = [](double v) { return one("formatReadableSize", {num("Float64", v)}); };
  EXPECT_EQ(size(0), "0.00 B");
  EXPECT_EQ(size(1), "1.00 B");
  EXPECT_EQ(size(1023), "1023.00 B");
  EXPECT_EQ(size(1024), "1.00 KiB");
  EXPECT_EQ(size(1536), "1.50 KiB");
  EXPECT_EQ(size(1e15), "909.49 TiB");
  EXPECT_EQ(size(-1536), "-1.50 KiB");
  EXPECT_EQ(size(1e30), "827180.61 YiB");
  EXPECT_EQ(size(1152), "1.13 KiB");
  EXPECT_EQ(size(0.125), "0.13 B");
  EXPECT_EQ(size(0.375), "0.38 B");
  EXPECT_EQ(size(2.675), "2.67 B");
  EXPECT_EQ(size(1023.999), "1024.00 B");
  EXPECT_EQ(size(std::numeric_limits<double>::quiet_NaN()), "nan B");
  EXPECT_EQ(size(std::numeric_limits<double>::infinity()), "inf YiB");
  EXPECT_EQ(one("formatReadableSize", {num("UInt64", uint64_t(18446744073709551615ULL))}), "16.00 EiB");
  EXPECT_EQ(typeOf("formatReadableSize", {num("UInt8", 1)}), "String");
  EXPECT_EQ(one("formatReadableDecimalSize", {num("UInt32", 1234567)}), "1.23 MB");
  EXPECT_EQ(one("formatReadableQuantity", {num("UInt32", 1234000)}), "1.23 million");
  EXPECT_EQ(one("formatReadableQuantity", {num("UInt16", 999)}), "999.00");
  EXPECT_EQ(texts(evaluate("formatReadableQuantity", {column("Float64", {Field(1e3), Field(4.321e9)})})),
            (V{"1.00 thousand", "4.32 billion"}));
  EXPECT_EQ(errorCode("formatReadableSize", {str("1")}), ErrorCodes::ILLEGAL_TYPE_OF_ARGUMENT);
}

TEST(FormattingFunctions, ReadableTimeDelta) {
  auto delta = [](double v) { return one("formatReadableTimeDelta", {num("Float64", v)}); };
  EXPECT_EQ(delta(100), "1 minute and 40 seconds");
  EXPECT_EQ(delta(12345), "3 hours, 25 minutes and 45 seconds");
  EXPECT_EQ(delta(432546534), "13 years, 8 months, 17 days, 7 hours, 48 minutes and 54 seconds");
  EXPECT_EQ(delta(0), "0 seconds");
  EXPECT_EQ(delta(1), "1 second");
  EXPECT_EQ(delta(-61), "-1 minute and 1 second");
  EXPECT_EQ(delta(3600), "1 hour");
  EXPECT_EQ(one("formatReadableTimeDelta", {num("UInt32", 432546534), str("minutes")}),
            "7209108 minutes and 54 seconds");
  EXPECT_EQ(one("formatReadableTimeDelta", {num("Float64", 1.5), str("seconds"), str("milliseconds")}),
            "1 second and 500 milliseconds");
  EXPECT_EQ(one("formatReadableTimeDelta", {num("Float64", 90061), str("days"), str("hours")}), "1 day and 1 hour");
  EXPECT_EQ(errorCode("formatReadableTimeDelta", {num("Float64", 1), str("weeks")}), ErrorCodes::BAD_ARGUMENTS);
  EXPECT_EQ(errorCode("formatReadableTimeDelta", {num("Float64", 1), str("seconds"), str("hours")}),
            ErrorCodes::BAD_ARGUMENTS);
}

TEST(FormattingFunctions, Bar) {
  auto bar = [](double x, double min, double max, double width) {
    return one("bar",
               {num("Float64", x), num("Int64", int64_t(min)), num("Int64", int64_t(max)), num("Float64", width)});
  };
  EXPECT_EQ(bar(5, 0, 10, 10), "█████");
  EXPECT_EQ(bar(1, 0, 10, 10), "█");
  EXPECT_EQ(bar(10, 0, 10, 10), "██████████");
  EXPECT_EQ(bar(-1, 0, 10, 10), "");
  EXPECT_EQ(bar(33, 0, 100, 7), "██▎");
  EXPECT_EQ(bar(1, 0, 3, 10), "███▎");
  EXPECT_EQ(bar(0.5, 0, 1, 3), "█▌");  // today's bar keeps the fraction of x
  std::string full;
  for (int i = 0; i < 40; ++i) full += "█";
  EXPECT_EQ(one("bar", {num("UInt8", 5), num("UInt8", 0), num("UInt8", 10)}), full);
  EXPECT_EQ(errorCode("bar", {num("UInt8", 5), num("UInt8", 0), num("UInt8", 10), num("UInt16", 2000)}),
            ErrorCodes::ARGUMENT_OUT_OF_BOUND);
  EXPECT_EQ(texts(evaluate("bar",
                           {column("UInt8", {Field(0), Field(2)}), num("UInt8", 0), num("UInt8", 2), num("UInt8", 2)})),
            (V{"", "██"}));
}

TEST(MiscFunctions, ServerInfo) {
  EXPECT_EQ(one("version", {}), kClickHouseCompatibleVersion);
  EXPECT_EQ(one("VERSION", {}), "25.8.1.1");
  EXPECT_EQ(one("revision", {}), "54460");
  EXPECT_EQ(typeOf("revision", {}), "UInt32");
  EXPECT_EQ(one("currentDatabase", {}), "default");
  EXPECT_EQ(one("DATABASE", {}), "default");
  EXPECT_EQ(one("currentUser", {}), "default");
  EXPECT_EQ(one("user", {}), "default");
  EXPECT_EQ(one("timezone", {}), "UTC");
  EXPECT_EQ(one("timeZone", {}), "UTC");
  EXPECT_EQ(one("serverTimezone", {}), "UTC");
  EXPECT_FALSE(one("hostName", {}).empty());
  EXPECT_EQ(one("hostname", {}), one("hostName", {}));
  EXPECT_EQ(typeOf("uptime", {}), "UInt32");
  EXPECT_EQ(one("queryID", {}), "");
  EXPECT_TRUE(evaluate("version", {}).column->isConst());
}

TEST(MiscFunctions, Random) {
  auto r = evaluateRows("rand", {}, 100);
  EXPECT_EQ(r.type->name(), "UInt32");
  auto values = texts(r);
  EXPECT_GT(std::set<std::string>(values.begin(), values.end()).size(), 90u);
  EXPECT_EQ(evaluateRows("rand64", {}, 1).type->name(), "UInt64");
  EXPECT_EQ(evaluateRows("rand32", {num("UInt8", 1)}, 1).type->name(), "UInt32");
  double c = std::stod(texts(evaluateRows("randCanonical", {}, 1))[0]);
  EXPECT_GE(c, 0.0);
  EXPECT_LT(c, 1.0);
  auto constant_values = texts(evaluateRows("randConstant", {}, 3));
  EXPECT_EQ(constant_values[0], constant_values[2]);
  FunctionPtr f = FunctionFactory::instance().get("rand", testContext());
  EXPECT_FALSE(f->isDeterministic());
  EXPECT_FALSE(f->isSuitableForConstantFolding());
  auto uuids = texts(evaluateRows("generateUUIDv4", {}, 20));
  EXPECT_EQ(evaluateRows("generateUUIDv4", {}, 1).type->name(), "UUID");
  for (const auto& u : uuids) {
    ASSERT_EQ(u.size(), 36u);
    EXPECT_EQ(u[14], '4');
    EXPECT_NE(std::string("89ab").find(u[19]), std::string::npos);
  }
  EXPECT_NE(uuids[0], uuids[1]);
}

TEST(MiscFunctions, ThrowIfSleepBlocks) {
  EXPECT_EQ(one("throwIf", {num("UInt8", 0)}), "0");
  EXPECT_EQ(typeOf("throwIf", {num("UInt8", 0)}), "UInt8");
  EXPECT_EQ(errorCode("throwIf", {num("UInt8", 1)}), ErrorCodes::FUNCTION_THROW_IF_VALUE_IS_NON_ZERO);
  try {
    evaluate("throwIf", {column("UInt8", {Field(0), Field(5)}), str("custom message")});
    FAIL();
  } catch (const Exception& e) {
    EXPECT_EQ(e.code(), ErrorCodes::FUNCTION_THROW_IF_VALUE_IS_NON_ZERO);
    EXPECT_EQ(e.message(), "custom message");
  }
  EXPECT_EQ(texts(evaluate("throwIf", {column("UInt8", {Field(0), Field(0)})})), (V{"0", "0"}));
  EXPECT_EQ(one("sleep", {num("Float64", 0.001)}), "0");
  EXPECT_EQ(errorCode("sleep", {num("UInt8", 5)}), ErrorCodes::TOO_SLOW);
  EXPECT_EQ(errorCode("sleepEachRow", {num("Float64", -1)}), ErrorCodes::BAD_ARGUMENTS);
  EXPECT_EQ(texts(evaluateRows("rowNumberInBlock", {}, 3)), (V{"0", "1", "2"}));
  EXPECT_EQ(texts(evaluateRows("blockSize", {}, 3)), (V{"3", "3", "3"}));
}

TEST(MiscFunctions, GetSetting) {
  EXPECT_EQ(one("getSetting", {str("max_block_size")}), "65536");
  EXPECT_EQ(typeOf("getSetting", {str("max_block_size")}), "UInt64");
  EXPECT_EQ(typeOf("getSetting", {str("allow_ddl")}), "Bool");
  EXPECT_EQ(one("getSetting", {str("timeout_overflow_mode")}), "throw");
  EXPECT_EQ(errorCode("getSetting", {str("no_such_setting")}), ErrorCodes::UNKNOWN_SETTING);
}

}  // namespace
}  // namespace tally::test
