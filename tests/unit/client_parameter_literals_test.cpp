// Query parameters written as literals for servers without them (ClickHouse 18.16).
#include <gtest/gtest.h>

#include "client/parameter_literals.h"
#include "tally/tally.h"

namespace tally::cli {
namespace {

int errorCode(std::string_view sql, const std::map<std::string, std::string>& params) {
  try {
    inlineQueryParameters(sql, params);
  } catch (const api::Error& e) {
    return e.code();
  }
  return 0;
}

TEST(ParameterLiterals, ScalarsBecomeTypedLiterals) {
  EXPECT_EQ(inlineQueryParameters("SELECT {s:String}, {n:UInt32}, {i:Int64}, {d:Date}, {t:DateTime}, {f:Float64}",
                                  {{"s", "it's"}, {"n", "42"}, {"i", "-7"}, {"d", "2024-02-29"}, {"t", "2024-02-29 23:59:01"}, {"f", "1.5e3"}}),
            "SELECT 'it\\'s', 42, -7, toDate('2024-02-29'), toDateTime('2024-02-29 23:59:01'), 1.5e3");
  EXPECT_EQ(inlineQueryParameters("SELECT {s: String }", {{"s", "back\\slash"}}), "SELECT 'back\\\\slash'");
}

TEST(ParameterLiterals, ArraysAfterInAreTuples) {
  const std::map<std::string, std::string> p{{"a", "['numpy', 'it\\'s', 'x,y']"}};
  EXPECT_EQ(inlineQueryParameters("SELECT 1 WHERE project IN {a:Array(String)}", p),
            "SELECT 1 WHERE project IN ('numpy', 'it\\'s', 'x,y')");
  EXPECT_EQ(inlineQueryParameters("SELECT has({a:Array(String)}, 'numpy')", p), "SELECT has(['numpy', 'it\\'s', 'x,y'], 'numpy')");
  EXPECT_EQ(inlineQueryParameters("SELECT 1 WHERE x in\n{a:Array(UInt8)}", {{"a", "[1,2]"}}), "SELECT 1 WHERE x in\n(1, 2)");
  EXPECT_EQ(inlineQueryParameters("SELECT 1 WHERE x IN {a:Array(String)}", {{"a", "[]"}}), "SELECT 1 WHERE x IN (SELECT 1 WHERE 0)");
  // "MIN" ends with IN but is not the keyword.
  EXPECT_EQ(inlineQueryParameters("SELECT MIN {a:Array(UInt8)}", {{"a", "[1]"}}), "SELECT MIN [1]");
}

TEST(ParameterLiterals, PlaceholdersInsideLiteralsAndCommentsStay) {
  EXPECT_EQ(inlineQueryParameters("SELECT '{s:String}', `{s:String}` -- {s:String}\n, {s:String} /* {s:String} */",
                                  {{"s", "v"}}),
            "SELECT '{s:String}', `{s:String}` -- {s:String}\n, 'v' /* {s:String} */");
  EXPECT_EQ(inlineQueryParameters("SELECT map{1}, {x}", {}), "SELECT map{1}, {x}");
}

TEST(ParameterLiterals, ValuesNotOfTheirTypeAreRejected) {
  EXPECT_EQ(errorCode("SELECT {n:UInt32}", {{"n", "1 OR 1=1"}}), 457);
  EXPECT_EQ(errorCode("SELECT {n:UInt8}", {{"n", "256"}}), 457);
  EXPECT_EQ(errorCode("SELECT {n:Int8}", {{"n", "-129"}}), 457);
  EXPECT_EQ(errorCode("SELECT {n:UInt64}", {{"n", "-1"}}), 457);
  EXPECT_EQ(errorCode("SELECT {n:UInt64}", {{"n", "18446744073709551616"}}), 457);
  EXPECT_EQ(errorCode("SELECT {d:Date}", {{"d", "2024-13-01"}}), 457);
  EXPECT_EQ(errorCode("SELECT {d:Date}", {{"d", "2024-01-01') OR ('1"}}), 457);
  EXPECT_EQ(errorCode("SELECT {f:Float64}", {{"f", "nan"}}), 457);
  EXPECT_EQ(errorCode("SELECT {a:Array(String)}", {{"a", "['a'] OR 1"}}), 457);
  EXPECT_EQ(errorCode("SELECT {a:Array(String)}", {{"a", "['a"}}), 457);
  EXPECT_EQ(errorCode("SELECT {a:Array(UInt8)}", {{"a", "[1, x]"}}), 457);
  EXPECT_EQ(errorCode("SELECT {m:Map(String, String)}", {{"m", "{}"}}), 457);
  EXPECT_EQ(errorCode("SELECT {missing:String}", {}), 456);
  EXPECT_EQ(errorCode("SELECT {n:UInt64}", {{"n", "18446744073709551615"}}), 0);
  EXPECT_EQ(errorCode("SELECT {n:Int64}", {{"n", "-9223372036854775808"}}), 0);
}

}  // namespace
}  // namespace tally::cli
