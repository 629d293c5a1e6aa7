// JSON functions (JSONHas, JSONLength, JSONType, JSONExtract*), checked against the examples
// and behaviour of ClickHouse's simdjson-based implementation.

#include "columns/column_const.h"
#include "io/write_buffer.h"  // before function_test_util.h, which uses it
#include "function_test_util.h"
#include "io/read_buffer.h"

namespace tally::test {
namespace {

const std::string kDoc = R"({"a": "hello", "b": [-100, 200.0, 300]})";

ColumnWithTypeAndName str(const std::vector<std::string>& values) {
  std::vector<Field> fields(values.begin(), values.end());
  return column("String", fields);
}
ColumnWithTypeAndName key(const std::string& k, size_t rows = 1) { return constant("String", Field(k), rows); }
ColumnWithTypeAndName idx(int64_t i, size_t rows = 1) { return constant("Int64", Field(i), rows); }

void check(const std::string& function, const ColumnsWithTypeAndName& args, const std::string& type,
           const std::vector<std::string>& values) {
  SCOPED_TRACE(function);
  auto r = evaluate(function, args);
  EXPECT_EQ(r.type->name(), type);
  EXPECT_EQ(texts(r), values);
}

TEST(JSONFunctions, HasLengthType) {
  check("JSONHas", {str({kDoc, kDoc}), key("b", 2)}, "UInt8", {"1", "1"});
  check("JSONHas", {str({kDoc}), key("b"), idx(4)}, "UInt8", {"0"});
  for (auto [i, expected] : std::vector<std::pair<int64_t, std::string>>{{0, "0"}, {1, "1"}, {2, "1"}, {-1, "1"}, {-2, "1"}, {3, "0"}})
    check("JSONHas", {str({kDoc}), idx(i)}, "UInt8", {expected});
  check("JSONLength", {str({kDoc}), key("b")}, "UInt64", {"3"});
  check("JSONLength", {str({kDoc, "[1,2]", "\"x\"", "{bad"})}, "UInt64", {"2", "2", "0", "0"});
  auto type = evaluate("JSONType", {str({kDoc}), key("a")});
  EXPECT_EQ(type.type->name(),
            "Enum8('Null' = 0, 'String' = 34, 'Array' = 91, 'Bool' = 98, 'Double' = 100, 'Int64' = 105, "
            "'UInt64' = 117, 'Object' = 123)");
  check("JSONType", {str({kDoc}), key("a")}, type.type->name(), {"String"});
  check("JSONType", {str({kDoc, R"({"x":1})", R"({"x":1.5})", R"({"x":18446744073709551615})", R"({"x":true})", R"({"x":null})", "{}"})},
        type.type->name(), {"Object", "Object", "Object", "Object", "Object", "Object", "Object"});
  check("JSONType",
        {str({R"({"x":1})", R"({"x":1.5})", R"({"x":18446744073709551615})", R"({"x":true})", R"({"x":null})", "{}", R"({"x":[]})"}),
         key("x", 7)},
        type.type->name(), {"Int64", "Double", "UInt64", "Bool", "Null", "Null", "Array"});
  check("isValidJSON", {str({"{}", "not JSON", "[1,2"})}, "UInt8", {"1", "0", "0"});
  check("JSONKey", {str({kDoc}), idx(2)}, "String", {"b"});
}

TEST(JSONFunctions, Numbers) {
  check("JSONExtractInt", {str({kDoc}), key("b"), idx(1)}, "Int64", {"-100"});
  check("JSONExtractFloat", {str({kDoc}), key("b"), idx(2)}, "Float64", {"200"});
  check("JSONExtractUInt", {str({kDoc}), key("b"), idx(-1)}, "UInt64", {"300"});
  check("JSONExtractUInt", {str({kDoc}), key("b"), idx(1)}, "UInt64", {"0"});
  auto docs = str({R"({"v":"12"})", R"({"v":1.9})", R"({"v":true})", R"({"v":null})", R"({"v":"x"})", R"({"v":1e30})", "oops"});
  check("JSONExtractInt", {docs, key("v", 7)}, "Int64", {"12", "1", "0", "0", "0", "0", "0"});
  check("JSONExtractFloat", {docs, key("v", 7)}, "Float64", {"12", "1.9", "0", "0", "0", "1e30", "0"});
  check("JSONExtractBool", {str({R"({"v":true})", R"({"v":false})", R"({"v":2})", R"({"v":1.5})", R"({"v":"true"})"}), key("v", 5)},
        "UInt8", {"1", "0", "1", "0", "0"});
}

TEST(JSONFunctions, StringsAndRaw) {
  check("JSONExtractString", {str({kDoc}), key("a")}, "String", {"hello"});
  check("JSONExtractString", {str({R"({"abc":"\n\u0000"})"}), key("abc")}, "String", {std::string("\n\0", 2)});
  check("JSONExtractString", {str({R"({"abc":"\u263a"})"}), key("abc")}, "String", {"☺"});
  check("JSONExtractString", {str({R"({"abc":"\u263"})", R"({"abc":"hello})"}), key("abc", 2)}, "String", {"", ""});
  check("JSONExtractString", {str({R"({"id":123})", R"({"id":null})", R"({"id":[1, "a/b"]})"}), key("id", 3)}, "String",
        {"123", "", "[1,\"a/b\"]"});
  check("JSONExtractRaw", {str({kDoc}), key("b")}, "String", {"[-100,200,300]"});
  check("JSONExtractRaw", {str({R"({"a": {"x": true, "y": null, "z": "q\"q"}})"}), key("a")}, "String",
        {R"({"x":true,"y":null,"z":"q\"q"})"});
  check("JSONExtractRaw", {str({kDoc}), key("zz")}, "String", {""});
  check("JSONExtractArrayRaw", {str({R"({"a": "hello", "b": [-100, 200.0, "hello"]})"}), key("b")}, "Array(String)",
        {R"(['-100','200','"hello"'])"});
  check("JSONExtractKeys", {str({kDoc, "[1]"})}, "Array(String)", {"['a','b']", "[]"});
  check("JSONExtractKeysAndValuesRaw",
        {str({R"({"a": [-100, 200.0], "b":{"c": {"d": "hello", "f": "world"}}})"})}, "Array(Tuple(String, String))",
        {R"([('a','[-100,200]'),('b','{"c":{"d":"hello","f":"world"}}')])"});
}

TEST(JSONFunctions, NonConstantPathAndNullable) {
  check("JSONExtractString", {str({R"({"a":"x","b":"y"})", R"({"a":"x","b":"y"})"}), str({"b", "a"})}, "String", {"y", "x"});
  check("JSONExtractInt", {str({"[10,20,30]", "[10,20,30]"}), column("Int8", {Field(int64_t(-1)), Field(int64_t(2))})}, "Int64",
        {"30", "20"});
  check("JSONExtractInt", {column("Nullable(String)", {Field(std::string("[1]")), Field()}), idx(1, 2)}, "Nullable(Int64)",
        {"1", "NULL"});
}

TEST(JSONExtract, TypedValues) {
  auto doc = str({kDoc});
  check("JSONExtract", {doc, key("Tuple(String, Array(Float64))")}, "Tuple(String, Array(Float64))",
        {"('hello',[-100,200,300])"});
  check("JSONExtract", {doc, key("Tuple(b Array(Float64), a String)")}, "Tuple(b Array(Float64), a String)",
        {"([-100,200,300],'hello')"});
  check("JSONExtract", {doc, key("b"), key("Array(Nullable(Int8))")}, "Array(Nullable(Int8))", {"[-100,NULL,NULL]"});
  check("JSONExtract", {doc, key("b"), idx(4), key("Nullable(Int64)")}, "Nullable(Int64)", {"NULL"});
  check("JSONExtract", {str({R"({"passed": true})"}), key("passed"), key("UInt8")}, "UInt8", {"1"});
  std::string days = "Enum8('Sunday' = 0, 'Monday' = 1, 'Tuesday' = 2, 'Wednesday' = 3, 'Thursday' = 4, 'Friday' = 5, 'Saturday' = 6)";
  check("JSONExtract", {str({R"({"day": "Thursday"})", R"({"day": 5})", R"({"day": 9})"}), key("day", 3), key(days, 3)}, days,
        {"Thursday", "Friday", "Sunday"});
  check("JSONExtract",
        {str({R"({"viewer_count": 1234})", R"({"viewer_count": "77"})", R"({"viewer_count": -1})", R"({"x": 1})", "broken"}),
         key("viewer_count", 5), key("UInt32", 5)},
        "UInt32", {"1234", "77", "0", "0", "0"});
  check("JSONExtract", {str({R"({"s": 5})", R"({"s": "q"})", R"({"s": null})"}), key("s", 3), key("String", 3)}, "String",
        {"5", "q", ""});
  check("JSONExtract", {str({R"({"s": "x"})", R"({"s": null})"}), key("s", 2), key("Nullable(String)", 2)}, "Nullable(String)",
        {"x", "NULL"});
  check("JSONExtract", {str({R"({"s": "x"})", R"({"s": null})"}), key("s", 2), key("LowCardinality(Nullable(String))", 2)},
        "LowCardinality(Nullable(String))", {"x", "NULL"});
  check("JSONExtract", {str({R"({"d": "2024-02-29"})", R"({"d": "bad"})"}), key("d", 2), key("Date", 2)}, "Date",
        {"2024-02-29", "1970-01-01"});
  check("JSONExtract", {str({R"({"t": "2024-01-02 03:04:05"})", R"({"t": 86400})"}), key("t", 2), key("DateTime('UTC')", 2)},
        "DateTime('UTC')", {"2024-01-02 03:04:05", "1970-01-02 00:00:00"});
  check("JSONExtract", {str({R"({"b": [1, "x", 2]})", R"({"b": ["x"]})", R"({"b": []})"}), key("b", 3), key("Array(UInt32)", 3)},
        "Array(UInt32)", {"[1,0,2]", "[]", "[]"});
  check("JSONExtract", {str({R"({"v": true})", R"({"v": 0})", R"({"v": 7})"}), key("v", 3), key("Bool", 3)}, "Bool",
        {"true", "false", "true"});
  check("JSONExtract", {str({"[1, 2]"}), key("Tuple(UInt8, UInt8, UInt8)")}, "Tuple(UInt8, UInt8, UInt8)", {"(1,2,0)"});
  check("JSONExtractKeysAndValues", {str({R"({"x": {"a": 5, "b": 7, "c": 11}})"}), key("x"), key("Int8")},
        "Array(Tuple(String, Int8))", {"[('a',5),('b',7),('c',11)]"});
  check("JSONExtractKeysAndValues", {str({R"({"a": 5, "b": "no", "c": 300})"}), key("Int8")}, "Array(Tuple(String, Int8))",
        {"[('a',5)]"});
  try {
    evaluate("JSONExtract", {str({kDoc}), column("String", {Field("UInt8")})});
    ADD_FAILURE() << "non-constant type accepted";
  } catch (const Exception& e) {
    EXPECT_EQ(e.code(), ErrorCodes::ILLEGAL_COLUMN);
  }
}

TEST(JSONFunctions, ArgumentErrors) {
  for (const char* f : {"JSONHas", "JSONExtractString"}) {
    try {
      evaluate(f, {column("UInt8", {Field(uint64_t(1))})});
      ADD_FAILURE() << f;
    } catch (const Exception& e) {
      EXPECT_EQ(e.code(), ErrorCodes::ILLEGAL_TYPE_OF_ARGUMENT);
    }
    try {
      evaluate(f, {str({kDoc}), constant("Float64", Field(1.5))});
      ADD_FAILURE() << f;
    } catch (const Exception& e) {
      EXPECT_EQ(e.code(), ErrorCodes::ILLEGAL_TYPE_OF_ARGUMENT);
    }
  }
}

}  // namespace
}  // namespace tally::test
