// String and regular-expression functions. Expected values come from the reference ClickHouse
// server (18.16) where it has the function and the behaviour did not change since, and from
// today's ClickHouse documentation otherwise (noted per test).

#include <gtest/gtest.h>

#include "columns/column_string.h"
#include "function_test_util.h"

namespace tally::test {
namespace {

ColumnWithTypeAndName str(const std::string& v) {
  return constant("String", Field(v));
}
ColumnWithTypeAndName strings(const std::vector<std::string>& values) {
  std::vector<Field> f(values.begin(), values.end());
  return column("String", f);
}
ColumnWithTypeAndName num(const std::string& type, Field v) {
  return constant(type, v);
}

std::vector<std::string> run(const std::string& name, const ColumnsWithTypeAndName& args) {
  return texts(evaluate(name, args));
}
std::string one(const std::string& name, const ColumnsWithTypeAndName& args) {
  return run(name, args).at(0);
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

using V = std::vector<std::string>;

TEST(StringFunctions, Length) {
  EXPECT_EQ(one("length", {str("abc")}), "3");
  EXPECT_EQ(typeOf("length", {str("abc")}), "UInt64");
  EXPECT_EQ(one("length", {constant("FixedString(3)", Field("a"))}), "3");
  EXPECT_EQ(one("length", {constant("Array(UInt8)", Field(FieldArray{Field(1), Field(2)}))}), "2");
  EXPECT_EQ(run("length", {strings({"", "a", "hello"})}), (V{"0", "1", "5"}));
  EXPECT_EQ(run("length", {column("Array(String)", {Field(FieldArray{}), Field(FieldArray{Field("x")})})}),
            (V{"0", "1"}));
  EXPECT_EQ(one("LENGTH", {str("ab")}), "2");
  EXPECT_EQ(one("lengthUTF8", {str("привет")}), "6");
  EXPECT_EQ(one("lengthUTF8", {str("\xD0")}), "1");
  EXPECT_EQ(one("char_length", {str("ab")}), "2");
  EXPECT_EQ(one("CHARACTER_LENGTH", {str("ab")}), "2");
  EXPECT_EQ(errorCode("length", {num("UInt8", 1)}), ErrorCodes::ILLEGAL_TYPE_OF_ARGUMENT);
}

TEST(StringFunctions, EmptyNotEmpty) {
  EXPECT_EQ(run("empty", {strings({"", "a"})}), (V{"1", "0"}));
  EXPECT_EQ(run("notEmpty", {strings({"", "a"})}), (V{"0", "1"}));
  EXPECT_EQ(typeOf("empty", {str("")}), "UInt8");
  EXPECT_EQ(one("empty", {constant("FixedString(2)", Field(""))}), "1");
  EXPECT_EQ(one("notEmpty", {constant("Array(UInt8)", Field(FieldArray{Field(1)}))}), "1");
  EXPECT_EQ(run("empty", {column("Array(UInt8)", {Field(FieldArray{}), Field(FieldArray{Field(1)})})}), (V{"1", "0"}));
}

TEST(StringFunctions, CaseConversion) {
  EXPECT_EQ(one("lower", {str("AbC")}), "abc");
  EXPECT_EQ(one("upper", {str("abc123xyz!")}), "ABC123XYZ!");
  EXPECT_EQ(one("lcase", {str("X")}), "x");
  EXPECT_EQ(one("UCASE", {str("x")}), "X");
  EXPECT_EQ(typeOf("upper", {constant("FixedString(3)", Field("AB"))}), "FixedString(3)");
  EXPECT_EQ(one("lowerUTF8", {str("ÀÉÎ ΑΒΓ Ǆ µ")}), "àéî αβγ ǆ µ");
  EXPECT_EQ(one("upperUTF8", {str("àéî αβγ ǆ µ ß")}), "ÀÉÎ ΑΒΓ Ǆ µ ß");
  EXPECT_EQ(one("lowerUTF8", {str("ПРИВЕТ Ab")}), "привет ab");
  EXPECT_EQ(one("lowerUTF8", {str("ĲÅÖ")}), "ĳåö");
  EXPECT_EQ(run("upper", {strings({"a", "", "bC"})}), (V{"A", "", "BC"}));
  EXPECT_EQ(errorCode("lowerUTF8", {constant("FixedString(2)", Field("a"))}), ErrorCodes::BAD_ARGUMENTS);
}

TEST(StringFunctions, Reverse) {
  EXPECT_EQ(one("reverse", {str("abc")}), "cba");
  EXPECT_EQ(one("reverse", {str("")}), "");
  EXPECT_EQ(one("reverse", {constant("Array(UInt8)", Field(FieldArray{Field(1), Field(2), Field(3)}))}), "[3,2,1]");
  EXPECT_EQ(one("reverse", {constant("FixedString(3)", Field("ab"))}), std::string("\0ba", 3));
  EXPECT_EQ(typeOf("reverse", {constant("FixedString(3)", Field("ab"))}), "FixedString(3)");
  EXPECT_EQ(one("reverseUTF8", {str("привет")}), "тевирп");
  EXPECT_EQ(one("reverseUTF8", {str("a\xD0\xB1\xD0\xB2\xBF"
                                    "c")}),
            "\xBF"
            "c\xD0\xB2\xD0\xB1"
            "a");
  EXPECT_EQ(run("reverse", {column("Array(String)", {Field(FieldArray{Field("a"), Field("b")}), Field(FieldArray{})})}),
            (V{"['b','a']", "[]"}));
}

TEST(StringFunctions, Substring) {
  auto sub = [](const std::string& s, int64_t off) { return one("substring", {str(s), num("Int64", off)}); };
  auto sub3 = [](const std::string& s, int64_t off, int64_t len) {
    return one("substring", {str(s), num("Int64", off), num("Int64", len)});
  };
  // Reference server.
  EXPECT_EQ(sub("hello", 2), "ello");
  EXPECT_EQ(sub("hello", -2), "lo");
  EXPECT_EQ(sub("hello", 0), "");
  EXPECT_EQ(sub3("hello", 2, 2), "el");
  EXPECT_EQ(sub3("hello", -3, 2), "ll");
  EXPECT_EQ(sub("hello", 10), "");
  EXPECT_EQ(sub3("hello", -10, 3), "");
  EXPECT_EQ(sub3("hello", -10, 8), "hel");
  EXPECT_EQ(sub3("hello", 1, 0), "");
  EXPECT_EQ(sub3("hello", 3, 100), "llo");
  // Today's ClickHouse: a negative length stops that many bytes before the end.
  EXPECT_EQ(sub3("hello", 2, -1), "ell");
  EXPECT_EQ(sub3("hello", -4, -1), "ell");
  EXPECT_EQ(one("substring", {constant("FixedString(5)", Field("hello")), num("UInt8", 2)}), "ello");
  EXPECT_EQ(typeOf("substring", {constant("FixedString(5)", Field("hello")), num("UInt8", 2)}), "String");
  EXPECT_EQ(one("substr", {str("hello"), num("UInt8", 2), num("UInt8", 3)}), "ell");
  EXPECT_EQ(one("mid", {str("hello"), num("UInt8", 2), num("UInt8", 3)}), "ell");
  EXPECT_EQ(one("substringUTF8", {str("привет"), num("UInt8", 2), num("UInt8", 3)}), "рив");
  EXPECT_EQ(one("substringUTF8", {str("привет"), num("Int8", -2), num("UInt8", 2)}), "ет");
  EXPECT_EQ(one("substringUTF8", {str("hello"), num("Int8", -10), num("UInt8", 7)}), "he");
  // Column offsets.
  EXPECT_EQ(run("substring", {strings({"abc", "abc", "abc"}), column("Int64", {Field(1), Field(-1), Field(0)})}),
            (V{"abc", "c", ""}));
  // left / right (today's documentation).
  EXPECT_EQ(one("left", {str("Hello"), num("Int8", 3)}), "Hel");
  EXPECT_EQ(one("left", {str("Hello"), num("Int8", -3)}), "He");
  EXPECT_EQ(one("right", {str("Hello"), num("Int8", 3)}), "llo");
  EXPECT_EQ(one("right", {str("Hello"), num("Int8", -3)}), "lo");
  EXPECT_EQ(one("leftUTF8", {str("Привет"), num("Int8", 4)}), "Прив");
  EXPECT_EQ(one("rightUTF8", {str("Привет"), num("Int8", -4)}), "ет");
  EXPECT_EQ(errorCode("substring", {str("a"), str("b")}), ErrorCodes::ILLEGAL_TYPE_OF_ARGUMENT);
}

TEST(StringFunctions, Concat) {
  EXPECT_EQ(one("concat", {str("a"), str("b"), str("c")}), "abc");
  EXPECT_EQ(typeOf("concat", {str("a"), str("b")}), "String");
  EXPECT_EQ(one("concat", {str("a"), num("UInt8", 1), num("Float64", 0.5)}), "a10.5");
  EXPECT_EQ(one("concat", {}), "");
  EXPECT_EQ(one("concat", {num("UInt8", 42)}), "42");
  EXPECT_EQ(one("concat", {constant("FixedString(2)", Field("a")), str("b")}), std::string("a\0b", 3));
  EXPECT_EQ(run("concat", {strings({"x", "y"}), str("-")}), (V{"x-", "y-"}));
  EXPECT_EQ(run("concat", {constant("String", Field("-"), 2), strings({"x", "y"})}), (V{"-x", "-y"}));
  EXPECT_EQ(run("concat", {strings({"x", "y"}), strings({"1", "2"}), str("!")}), (V{"x1!", "y2!"}));
  EXPECT_EQ(run("concat", {strings({"x", "y"}), column("UInt32", {Field(7), Field(8)})}), (V{"x7", "y8"}));
  EXPECT_EQ(typeOf("concat", {str("a"), constant("Nullable(String)", Field())}), "Nullable(String)");
  EXPECT_EQ(one("concatWithSeparator", {str(", "), str("a"), str("b"), num("UInt8", 3)}), "a, b, 3");
  EXPECT_EQ(one("concat_ws", {str("-")}), "");
  EXPECT_EQ(run("concatWithSeparator", {constant("String", Field("/"), 2), strings({"a", "b"}), strings({"c", "d"})}),
            (V{"a/c", "b/d"}));
}

TEST(StringFunctions, ConcatOfArraysIsArrayConcat) {
  auto a = constant("Array(UInt8)", Field(FieldArray{Field(1), Field(2)}));
  auto b = constant("Array(UInt8)", Field(FieldArray{Field(3)}));
  EXPECT_EQ(one("concat", {a, b}), "[1,2,3]");
  EXPECT_EQ(typeOf("concat", {a, b}), "Array(UInt8)");
}

TEST(StringFunctions, NullableAndLowCardinalityInputs) {
  auto nullable = column("Nullable(String)", {Field("Ab"), Field(), Field("c")});
  EXPECT_EQ(run("upper", {nullable}), (V{"AB", "NULL", "C"}));
  EXPECT_EQ(typeOf("upper", {nullable}), "Nullable(String)");
  EXPECT_EQ(run("length", {nullable}), (V{"2", "NULL", "1"}));
  auto lc = column("LowCardinality(String)", {Field("Ab"), Field("x"), Field("Ab")});
  EXPECT_EQ(run("lower", {lc}), (V{"ab", "x", "ab"}));
  EXPECT_EQ(run("concat", {lc, constant("String", Field("!"), 3)}), (V{"Ab!", "x!", "Ab!"}));
  EXPECT_EQ(run("like", {lc, constant("String", Field("A%"), 3)}), (V{"1", "0", "1"}));
  EXPECT_EQ(run("cityHash64", {lc}), run("cityHash64", {strings({"Ab", "x", "Ab"})}));
}

TEST(StringFunctions, Format) {
  EXPECT_EQ(one("format", {str("{1} {0} {1}"), str("World"), str("Hello")}), "Hello World Hello");
  EXPECT_EQ(one("format", {str("{} {}"), str("Hello"), str("World")}), "Hello World");
  EXPECT_EQ(one("format", {str("{{}} {}"), num("UInt8", 5)}), "{} 5");
  EXPECT_EQ(run("format", {constant("String", Field("<{}>"), 2), strings({"a", "bc"})}), (V{"<a>", "<bc>"}));
  EXPECT_EQ(errorCode("format", {str("{} {0}"), str("a")}), ErrorCodes::BAD_ARGUMENTS);
  EXPECT_EQ(errorCode("format", {str("{"), str("a")}), ErrorCodes::BAD_ARGUMENTS);
  EXPECT_EQ(errorCode("format", {str("{} {}"), str("a")}), ErrorCodes::BAD_ARGUMENTS);
}

TEST(StringFunctions, Position) {
  EXPECT_EQ(one("position", {str("hello"), str("l")}), "3");
  EXPECT_EQ(one("position", {str("hello"), str("")}), "1");
  EXPECT_EQ(one("position", {str(""), str("")}), "1");
  EXPECT_EQ(one("position", {str("abc"), str("d")}), "0");
  EXPECT_EQ(one("position", {str(""), str("a")}), "0");
  EXPECT_EQ(typeOf("position", {str("hello"), str("l")}), "UInt64");
  EXPECT_EQ(one("positionUTF8", {str("привет"), str("в")}), "4");
  EXPECT_EQ(one("positionUTF8", {str("Motörhead"), str("r")}), "5");
  EXPECT_EQ(one("positionCaseInsensitive", {str("HELLO"), str("l")}), "3");
  EXPECT_EQ(one("positionCaseInsensitive", {str("Hello World"), str("WORLD")}), "7");
  EXPECT_EQ(one("positionCaseInsensitiveUTF8", {str("ПРИВЕТ"), str("в")}), "4");
  EXPECT_EQ(one("positionCaseInsensitiveUTF8", {str("ÅÖ abc"), str("ö")}), "2");
  // start_pos (documentation examples).
  EXPECT_EQ(one("position", {str("Hello, world!"), str("o"), num("UInt8", 1)}), "5");
  EXPECT_EQ(one("position", {str("Hello, world!"), str("o"), num("UInt8", 7)}), "9");
  std::vector<std::string> empty_needle;
  for (int start = 0; start <= 5; ++start)
    empty_needle.push_back(one("position", {str("abc"), str(""), num("UInt8", start)}));
  EXPECT_EQ(empty_needle, (V{"1", "1", "2", "3", "4", "0"}));
  // locate takes (needle, haystack) since ClickHouse 24.3.
  EXPECT_EQ(one("locate", {str("l"), str("hello")}), "3");
  EXPECT_EQ(run("position", {strings({"abc", "bca", "x"}), str("a")}), (V{"1", "3", "0"}));
  EXPECT_EQ(run("position", {strings({"abc", "abc"}), strings({"c", "b"})}), (V{"3", "2"}));
  EXPECT_EQ(one("countSubstrings", {str("aaaa"), str("aa")}), "2");
  EXPECT_EQ(one("countSubstrings", {str("abc"), str("")}), "0");
  EXPECT_EQ(one("countSubstringsCaseInsensitive", {str("AbcaBCabc"), str("bC")}), "3");
}

TEST(StringFunctions, StartsEndsWithTrimPadRepeat) {
  EXPECT_EQ(one("startsWith", {str("abc"), str("ab")}), "1");
  EXPECT_EQ(one("endsWith", {str("abc"), str("bc")}), "1");
  EXPECT_EQ(one("startsWith", {str("abc"), str("")}), "1");
  EXPECT_EQ(one("endsWith", {str("abc"), str("abcd")}), "0");
  EXPECT_EQ(one("startsWith", {constant("FixedString(3)", Field("ab")), str("ab")}), "1");
  EXPECT_EQ(run("startsWith", {strings({"ab", "ba"}), str("a")}), (V{"1", "0"}));
  EXPECT_EQ(one("trimLeft", {str("  a  ")}), "a  ");
  EXPECT_EQ(one("trimRight", {str("  a  ")}), "  a");
  EXPECT_EQ(one("trim", {str("  a  ")}), "a");
  EXPECT_EQ(one("trimBoth", {str("\ta ")}), "\ta");
  EXPECT_EQ(one("ltrim", {str("xxaxx"), str("x")}), "axx");
  EXPECT_EQ(one("trimBoth", {str("$$ClickHouse$$"), str("$")}), "ClickHouse");
  EXPECT_EQ(one("leftPad", {str("abc"), num("UInt8", 7), str("*")}), "****abc");
  EXPECT_EQ(one("leftPad", {str("def"), num("UInt8", 7)}), "    def");
  EXPECT_EQ(one("rightPad", {str("abc"), num("UInt8", 7), str("*")}), "abc****");
  EXPECT_EQ(one("rightPad", {str("abc"), num("UInt8", 2)}), "ab");
  EXPECT_EQ(one("leftPad", {str("abc"), num("UInt8", 8), str("xy")}), "xyxyxabc");
  EXPECT_EQ(one("leftPadUTF8", {str("абвг"), num("UInt8", 7), str("*")}), "***абвг");
  EXPECT_EQ(one("rightPadUTF8", {str("абвг"), num("UInt8", 6), str("жз")}), "абвгжз");
  EXPECT_EQ(one("rightPadUTF8", {str("абвг"), num("UInt8", 2)}), "аб");
  EXPECT_EQ(errorCode("leftPad", {str("a"), num("UInt32", 2000000)}), ErrorCodes::TOO_LARGE_STRING_SIZE);
  EXPECT_EQ(one("repeat", {str("abc"), num("UInt8", 3)}), "abcabcabc");
  EXPECT_EQ(one("repeat", {str("abc"), num("Int8", -1)}), "");
  EXPECT_EQ(run("repeat", {strings({"a", "b"}), column("UInt8", {Field(2), Field(0)})}), (V{"aa", ""}));
  EXPECT_EQ(one("space", {num("UInt8", 3)}), "   ");
}

TEST(StringFunctions, Replace) {
  EXPECT_EQ(one("replaceOne", {str("hello"), str("l"), str("L")}), "heLlo");
  EXPECT_EQ(one("replaceAll", {str("hello"), str("l"), str("LL")}), "heLLLLo");
  EXPECT_EQ(one("replace", {str("aaa"), str("aa"), str("b")}), "ba");
  EXPECT_EQ(one("replaceOne", {str("aaa"), str("a"), str("bb")}), "bbaa");
  EXPECT_EQ(one("replaceAll", {str(""), str("a"), str("b")}), "");
  EXPECT_EQ(one("replaceAll", {str("hello"), str(""), str("x")}), "hello");  // today: unchanged
  EXPECT_EQ(one("replaceOne", {constant("FixedString(3)", Field("abc")), str("b"), str("X")}), "aXc");
  EXPECT_EQ(run("replaceAll", {strings({"a.b", "..", ""}), str("."), str("::")}), (V{"a::b", "::::", ""}));
  EXPECT_EQ(run("replaceAll", {strings({"ab", "ab"}), strings({"a", "b"}), str("_")}), (V{"_b", "a_"}));
}

TEST(StringFunctions, Split) {
  EXPECT_EQ(one("splitByChar", {str(","), str("a,b,,c")}), "['a','b','','c']");
  EXPECT_EQ(one("splitByChar", {str(","), str("")}), "['']");
  EXPECT_EQ(one("splitByChar", {str(","), str(",")}), "['','']");
  EXPECT_EQ(one("splitByChar", {str("="), str("a=b=c=d"), num("UInt8", 2)}), "['a','b']");
  EXPECT_EQ(typeOf("splitByChar", {str(","), str("a")}), "Array(String)");
  EXPECT_EQ(errorCode("splitByChar", {str(",,"), str("a")}), ErrorCodes::BAD_ARGUMENTS);
  EXPECT_EQ(one("splitByString", {str(", "), str("a, b, c")}), "['a','b','c']");
  EXPECT_EQ(one("splitByString", {str("ab"), str("ab")}), "['','']");
  EXPECT_EQ(one("splitByString", {str(""), str("abcde")}), "['a','b','c','d','e']");
  EXPECT_EQ(one("splitByString", {str(","), str("")}), "['']");
  EXPECT_EQ(one("splitByWhitespace", {str("  1!  a,  b.  ")}), "['1!','a,','b.']");
  EXPECT_EQ(one("splitByNonAlpha", {str("  1!  a,  b.  ")}), "['1','a','b']");
  EXPECT_EQ(one("alphaTokens", {str("abca1abc")}), "['abca','abc']");
  EXPECT_EQ(one("splitByRegexp", {str("\\d+"), str("a12bc23de345f")}), "['a','bc','de','f']");
  EXPECT_EQ(one("splitByRegexp", {str(""), str("abcde")}), "['a','b','c','d','e']");
  EXPECT_EQ(run("splitByChar", {constant("String", Field(","), 3), strings({"a,b", "", "c"})}),
            (V{"['a','b']", "['']", "['c']"}));
  EXPECT_EQ(one("arrayStringConcat", {constant("Array(String)", Field(FieldArray{Field("a"), Field("b")}))}), "ab");
  EXPECT_EQ(one("arrayStringConcat", {constant("Array(String)", Field(FieldArray{Field("a"), Field("b")})), str("-")}),
            "a-b");
  EXPECT_EQ(
      one("arrayStringConcat", {constant("Array(UInt8)", Field(FieldArray{Field(1), Field(2), Field(3)})), str(",")}),
      "1,2,3");
  EXPECT_EQ(one("arrayStringConcat",
                {constant("Array(Nullable(String))", Field(FieldArray{Field("a"), Field(), Field("b")})), str(",")}),
            "a,b");
}

TEST(StringFunctions, Utf8AndChars) {
  EXPECT_EQ(one("toValidUTF8", {str("\x61\xF0\x80\x80\x80"
                                    "b")}),
            "a\xEF\xBF\xBD"
            "b");
  EXPECT_EQ(one("toValidUTF8", {str("abc")}), "abc");
  EXPECT_EQ(one("toValidUTF8", {str("a\xE2\x82")}), "a\xEF\xBF\xBD");
  EXPECT_EQ(one("isValidUTF8", {str("привет")}), "1");
  EXPECT_EQ(one("isValidUTF8", {str("\xC3\x28")}), "0");
  EXPECT_EQ(one("ascii", {str("234")}), "50");
  EXPECT_EQ(one("ascii", {str("")}), "0");
  EXPECT_EQ(typeOf("ascii", {str("a")}), "Int32");
  EXPECT_EQ(one("char", {num("Float64", 104.1), num("UInt8", 101), num("Float64", 108.9), num("Float64", 108.9),
                         num("UInt8", 111)}),
            "hello");
  EXPECT_EQ(one("appendTrailingCharIfAbsent", {str("a"), str("/")}), "a/");
  EXPECT_EQ(one("appendTrailingCharIfAbsent", {str("a/"), str("/")}), "a/");
  EXPECT_EQ(one("appendTrailingCharIfAbsent", {str(""), str("/")}), "");
}

TEST(RegexpFunctions, Like) {
  auto like = [](const std::string& s, const std::string& p) { return one("like", {str(s), str(p)}); };
  // Reference server.
  EXPECT_EQ(like("abc", "a%"), "1");
  EXPECT_EQ(like("abc", "%c"), "1");
  EXPECT_EQ(like("abc", "%b%"), "1");
  EXPECT_EQ(like("abc", "a_c"), "1");
  EXPECT_EQ(like("abc", "abc"), "1");
  EXPECT_EQ(like("a%c", "a\\%c"), "1");
  EXPECT_EQ(like("abc", "a\\%c"), "0");
  EXPECT_EQ(like("a_c", "a\\_c"), "1");
  EXPECT_EQ(like("a\\c", "a\\\\c"), "1");
  EXPECT_EQ(like("ABC", "abc"), "0");
  EXPECT_EQ(like("x\ny", "x_y"), "1");
  EXPECT_EQ(like("привет", "пр_вет"), "1");
  EXPECT_EQ(like("abc", "%"), "1");
  EXPECT_EQ(like("", "%"), "1");
  EXPECT_EQ(like("", "_"), "0");
  EXPECT_EQ(like("abc", "_b_"), "1");
  EXPECT_EQ(like("abc", "a%c%"), "1");
  EXPECT_EQ(like("a.c", "a.c"), "1");
  EXPECT_EQ(like("abc", "a.c"), "0");
  EXPECT_EQ(like("(x)", "(_)"), "1");
  EXPECT_EQ(like("abcd", "%bc"), "0");
  EXPECT_EQ(one("notLike", {str("abc"), str("a%")}), "0");
  EXPECT_EQ(one("ilike", {str("ABC"), str("a%")}), "1");
  EXPECT_EQ(one("ilike", {str("ПРИВЕТ"), str("%ив%")}), "1");
  EXPECT_EQ(one("ilike", {str("ABC"), str("a_c")}), "1");
  EXPECT_EQ(one("notILike", {str("ABC"), str("%x%")}), "1");
  EXPECT_EQ(run("like", {strings({"apple", "banana", "cherry"}), str("%an%")}), (V{"0", "1", "0"}));
  EXPECT_EQ(run("like", {strings({"apple", "banana"}), strings({"a%", "a%"})}), (V{"1", "0"}));
  EXPECT_EQ(errorCode("like", {str("a"), str("a\\")}), ErrorCodes::CANNOT_PARSE_ESCAPE_SEQUENCE);
}

TEST(RegexpFunctions, MatchAndExtract) {
  EXPECT_EQ(one("match", {str("abc"), str("b.")}), "1");
  EXPECT_EQ(one("match", {str("abc"), str("^b")}), "0");
  EXPECT_EQ(one("match", {str("a\nb"), str("a.b")}), "1");
  EXPECT_EQ(one("match", {str(""), str("")}), "1");
  EXPECT_EQ(run("match", {strings({"a1", "b"}), str("\\d")}), (V{"1", "0"}));
  EXPECT_EQ(errorCode("match", {str("a"), str("(")}), ErrorCodes::CANNOT_COMPILE_REGEXP);
  EXPECT_EQ(one("extract", {str("abc123def"), str("\\d+")}), "123");
  EXPECT_EQ(one("extract", {str("key=val"), str("(\\w+)=(\\w+)")}), "key");
  EXPECT_EQ(one("extract", {str("abc"), str("z")}), "");
  EXPECT_EQ(one("extract", {str("aXbX"), str("X(b)?")}), "b");
  EXPECT_EQ(one("extractAll", {str("a1b22c333"), str("\\d+")}), "['1','22','333']");
  EXPECT_EQ(one("extractAll", {str("k1=v1,k2=v2"), str("(\\w+)=")}), "['k1','k2']");
  EXPECT_EQ(one("extractAll", {str("abc"), str("x*")}), "[]");
  EXPECT_EQ(one("extractAll", {str("a1b2"), str("[a-z](\\d)")}), "['1','2']");
  EXPECT_EQ(typeOf("extractAll", {str("a"), str("a")}), "Array(String)");
  EXPECT_EQ(one("extractAllGroups", {str("abc=123, 8=\"hkl\""), str("(\"[^\"]+\"|\\w+)=(\"[^\"]+\"|\\w+)")}),
            "[['abc','123'],['8','\"hkl\"']]");
  EXPECT_EQ(one("extractAllGroupsHorizontal", {str("abc=111, def=222, ghi=333"), str("(\\w+)=(\\w+)")}),
            "[['abc','def','ghi'],['111','222','333']]");
  EXPECT_EQ(one("extractGroups", {str("hello world"), str("(\\w+) (\\w+)")}), "['hello','world']");
  EXPECT_EQ(errorCode("extractAllGroups", {str("a"), str("a")}), ErrorCodes::BAD_ARGUMENTS);
}

TEST(StringFunctions, HasToken) {
  EXPECT_EQ(one("hasToken", {str("Hello World"), str("Hello")}), "1");
  EXPECT_EQ(one("hasToken", {str("Hello World"), str("Hell")}), "0");
  EXPECT_EQ(one("hasToken", {str("a,b;clickhouse-x"), str("clickhouse")}), "1");
  EXPECT_EQ(one("hasToken", {str("clickhouses"), str("clickhouse")}), "0");
  EXPECT_EQ(one("hasTokenCaseInsensitive", {str("Hello World"), str("world")}), "1");
  EXPECT_EQ(errorCode("hasToken", {str("a b"), str("a b")}), ErrorCodes::BAD_ARGUMENTS);
}

TEST(RegexpFunctions, MultiMatch) {
  auto patterns = constant("Array(String)", Field(FieldArray{Field("^a"), Field("b+"), Field("z$")}));
  EXPECT_EQ(one("multiMatchAny", {str("xbbx"), patterns}), "1");
  EXPECT_EQ(one("multiMatchAny", {str("xyz1"), patterns}), "0");
  EXPECT_EQ(one("multiMatchAnyIndex", {str("xyz"), patterns}), "3");
  EXPECT_EQ(one("multiMatchAllIndices", {str("abz"), patterns}), "[1,2,3]");
  EXPECT_EQ(typeOf("multiMatchAllIndices", {str("abz"), patterns}), "Array(UInt64)");
}

TEST(RegexpFunctions, ReplaceRegexp) {
  EXPECT_EQ(one("replaceRegexpOne", {str("Hello, World!"), str("o"), str("0")}), "Hell0, World!");
  EXPECT_EQ(one("replaceRegexpAll", {str("Hello, World!"), str("o"), str("0")}), "Hell0, W0rld!");
  EXPECT_EQ(one("replaceRegexpOne", {str("2018-01-02"), str("(\\d+)-(\\d+)-(\\d+)"), str("\\3/\\2/\\1")}),
            "02/01/2018");
  EXPECT_EQ(one("replaceRegexpAll", {str("a.b"), str("\\."), str("\\\\")}), "a\\b");
  EXPECT_EQ(one("replaceRegexpAll", {str("abc"), str("^"), str("X")}), "Xabc");
  EXPECT_EQ(one("replaceRegexpAll", {str("aaa"), str("a"), str("[\\0]")}), "[a][a][a]");
  EXPECT_EQ(one("replaceRegexpAll", {str("hello world"), str("(\\w+)"), str("<\\1>")}), "<hello> <world>");
  EXPECT_EQ(one("replaceRegexpOne", {str("abc"), str("b"), str("x\\y")}), "axyc");
  // Today's ClickHouse: empty matches are replaced at every position.
  EXPECT_EQ(one("replaceRegexpAll", {str("abc"), str("x*"), str("-")}), "-a-b-c-");
  EXPECT_EQ(one("REGEXP_REPLACE", {str("abc"), str("b"), str("")}), "ac");
  EXPECT_EQ(errorCode("replaceRegexpOne", {str("abc"), str("b"), str("\\1")}), ErrorCodes::BAD_ARGUMENTS);
  EXPECT_EQ(run("replaceRegexpAll", {strings({"a1", "b22"}), str("\\d"), str("#")}), (V{"a#", "b##"}));
  EXPECT_EQ(one("regexpQuoteMeta", {str("a.b*c")}), "a\\.b\\*c");
  EXPECT_EQ(one("regexpQuoteMeta", {str(std::string("x\0y", 3))}), "x\\0y");
}

}  // namespace
}  // namespace tally::test
