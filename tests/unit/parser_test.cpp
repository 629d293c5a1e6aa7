// Parser: expressions, column names (checked against a ClickHouse server where it supports
// the syntax), literals, formatting round trips.

#include <gtest/gtest.h>

#include <cmath>
#include <string>
#include <vector>

#include "common/exception.h"
#include "parser/format_helpers.h"
#include "parser/parser.h"

namespace tally {
namespace {

/// Compact structural dump of an expression tree (kinds, names, flags, literal values).
std::string dump(const IAST& ast) {
  std::string s;
  switch (ast.kind) {
    case ASTKind::Literal: s = "L:" + ast.as<ASTLiteral>().value.dump(); break;
    case ASTKind::Identifier:
      s = "I:" + ast.as<ASTIdentifier>().name() + "{" + ast.as<ASTIdentifier>().parameter_name + "}";
      break;
    case ASTKind::Function: {
      const auto& f = ast.as<ASTFunction>();
      s = "F:" + f.name + (f.is_operator ? "@" : "");
      if (f.parameters) {
        s += "<";
        for (const auto& p : f.parameters->children) s += dump(*p) + ";";
        s += ">";
      }
      s += "(";
      for (const auto& a : f.args()) s += dump(*a) + ";";
      s += ")";
      if (f.is_window_function) s += " OVER " + f.window_name + (f.window_definition ? formatAST(*f.window_definition) : "");
      break;
    }
    default: s = "X:" + formatAST(ast); break;
  }
  if (!ast.alias.empty()) s += " AS " + ast.alias;
  return s;
}

const ASTSelectQuery& firstSelect(const ASTPtr& ast) {
  const IAST* node = ast.get();
  while (node->kind == ASTKind::SelectWithUnionQuery) node = node->as<ASTSelectWithUnionQuery>().selects.front().get();
  return node->as<ASTSelectQuery>();
}

/// Column names of the select list of `query`, joined with " | ".
std::string columnNames(const std::string& query) {
  ASTPtr ast = parseQuery(query);
  std::string out;
  for (const auto& item : firstSelect(ast).select->as<ASTExpressionList>().children) {
    if (!out.empty()) out += " | ";
    out += formatColumnName(*item);
  }
  return out;
}

std::string exprDump(const std::string& expression) { return dump(*parseExpression(expression)); }

// ------------------------------------------------------------------------------------------

struct NameCase {
  const char* query;
  const char* names;
};

// Expected names are what ClickHouse prints as the column header (TSVWithNames). Cases marked
// "18.16" were checked against the 18.16 reference server; "modern" ones follow today's
// ClickHouse (tuple/array literals, DIV/MOD, count(DISTINCT) -> countDistinct, ...).
TEST(ParserColumnNames, MatchesClickHouse) {
  const NameCase cases[] = {
      // 18.16
      {"SELECT 1 + 2", "plus(1, 2)"},
      {"SELECT -1, - 1, 1 - -1", "-1 | -1 | minus(1, -1)"},
      {"SELECT NOT 1 = 2", "not(equals(1, 2))"},
      {"SELECT 2 * 3 + 4", "plus(multiply(2, 3), 4)"},
      {"SELECT 1 AND 2 AND 3", "and(1, 2, 3)"},
      {"SELECT 1 OR 2 OR 3 AND 4", "or(1, 2, and(3, 4))"},
      {"SELECT 'a\\'b', 'a''b'", "'a\\'b' | 'a\\'b'"},
      {"SELECT 'abc\\n\\t\\0'", "'abc\\n\\t\\0'"},
      {"SELECT '\\x41'", "'A'"},
      {"SELECT [1, 2], [1, -2], [1, NULL]", "[1, 2] | [1, -2] | [1, NULL]"},
      {"SELECT 1.5, NULL, 0.1, 1e-5, 123456789.123", "1.5 | NULL | 0.1 | 0.00001 | 123456789.123"},
      {"SELECT 1e10, 1e3, 1E3, 2.5e-3, 0.1e1, 1.5e+2, 1e100", "10000000000. | 1000. | 1000. | 0.0025 | 1. | 150. | 1e100"},
      {"SELECT 1.5e300 * 10", "multiply(1.5e300, 10)"},
      {"SELECT 18446744073709551615, 18446744073709551616", "18446744073709551615 | 18446744073709552000."},
      {"SELECT -9223372036854775808, -9223372036854775809", "-9223372036854775808 | -9223372036854776000."},
      {"SELECT -0, -0.0, 0x10, 0x1F, -0x10", "0 | -0. | 16 | 31 | -16"},
      {"SELECT inf, nan, -inf", "inf | nan | -inf"},
      {"SELECT -2.5, -1e3", "-2.5 | -1000."},
      {"SELECT 2 * -3, -3 * 2", "multiply(2, -3) | multiply(-3, 2)"},
      {"SELECT x.1, (1, 2, 3).2", "tupleElement(x, 1) | tupleElement((1, 2, 3), 2)"},
      {"SELECT x.1.2", "tupleElement(tupleElement(x, 1), 2)"},
      {"SELECT arr[1], [1, 2][1], [1, 2, 3][2 + 1]",
       "arrayElement(arr, 1) | arrayElement([1, 2], 1) | arrayElement([1, 2, 3], plus(2, 1))"},
      {"SELECT quantile(0.5)(number), quantiles(0.5, 0.9)(number)", "quantile(0.5)(number) | quantiles(0.5, 0.9)(number)"},
      {"SELECT CAST(1 AS String), cast(1 AS String), cast(1, 'String')",
       "CAST(1, 'String') | CAST(1, 'String') | cast(1, 'String')"},
      {"SELECT CAST(1 AS Nullable( String )), CAST(1 AS Decimal(10,2))",
       "CAST(1, 'Nullable(String)') | CAST(1, 'Decimal(10, 2)')"},
      {"SELECT CAST('a' AS Enum8('a' = 1, 'b'=2))", "CAST('a', 'Enum8(\\'a\\' = 1, \\'b\\' = 2)')"},
      {"SELECT toDate('2020-01-01') + INTERVAL 1 DAY", "plus(toDate('2020-01-01'), toIntervalDay(1))"},
      {"SELECT toDateTime('2020-01-01 00:00:00') - INTERVAL 1 HOUR",
       "minus(toDateTime('2020-01-01 00:00:00'), toIntervalHour(1))"},
      {"SELECT INTERVAL '1' DAY", "toIntervalDay('1')"},
      {"SELECT arrayMap(x -> (x + 1), arr), arrayMap(x -> x + 1, arr)",
       "arrayMap(lambda(tuple(x), plus(x, 1)), arr) | arrayMap(lambda(tuple(x), plus(x, 1)), arr)"},
      {"SELECT arrayMap((x, y) -> x + y, a, b)", "arrayMap(lambda(tuple(x, y), plus(x, y)), a, b)"},
      {"SELECT arrayFilter(x -> x > 1, [1, 2])", "arrayFilter(lambda(tuple(x), greater(x, 1)), [1, 2])"},
      {"SELECT count(*), count(), COUNT(*)", "count() | count() | COUNT()"},
      {"SELECT 1 = 1 ? 2 : 3", "if(equals(1, 1), 2, 3)"},
      {"SELECT CASE WHEN 1 THEN 2 ELSE 3 END", "multiIf(1, 2, 3)"},
      {"SELECT CASE WHEN 1 THEN 2 WHEN 3 THEN 4 END", "multiIf(1, 2, 3, 4, NULL)"},
      {"SELECT CASE 1 WHEN 1 THEN 2 END", "caseWithExpression(1, 1, 2, NULL)"},
      {"SELECT 1 BETWEEN 0 AND 2", "and(greaterOrEquals(1, 0), lessOrEquals(1, 2))"},
      {"SELECT 1 = 1 AND 2 BETWEEN 1 AND 3", "and(equals(1, 1), and(greaterOrEquals(2, 1), lessOrEquals(2, 3)))"},
      {"SELECT 'a' || 'b', 'a' || 'b' || 'c'", "concat('a', 'b') | concat('a', 'b', 'c')"},
      {"SELECT 'a' || 'b' = 'ab'", "equals(concat('a', 'b'), 'ab')"},
      {"SELECT NULL IS NULL, NULL IS NOT NULL, NOT NULL IS NULL, -1 IS NULL",
       "isNull(NULL) | isNotNull(NULL) | not(isNull(NULL)) | isNull(-1)"},
      {"SELECT 1 IN 1, 1 IN (1), 1 NOT IN (1), 1 GLOBAL IN (1)", "in(1, 1) | in(1, 1) | notIn(1, 1) | globalIn(1, 1)"},
      {"SELECT 1 + 2 IN (3), 1 IN (1) = 1", "in(plus(1, 2), 3) | equals(in(1, 1), 1)"},
      {"SELECT 'a' LIKE 'b', 'a' NOT LIKE 'b'", "like('a', 'b') | notLike('a', 'b')"},
      {"SELECT NOT 1 AND 0, not(1)", "and(not(1), 0) | not(1)"},
      {"SELECT 1 = 2 = 3, 1 < 2 > 3", "equals(equals(1, 2), 3) | greater(less(1, 2), 3)"},
      {"SELECT 1 + 2 + 3, 1 - 2 - 3", "plus(plus(1, 2), 3) | minus(minus(1, 2), 3)"},
      {"SELECT (1 + 2) * 3, ((1)), (1)", "multiply(plus(1, 2), 3) | 1 | 1"},
      {"SELECT -(1), -x, - - 1, -(-1)", "negate(1) | negate(x) | negate(-1) | negate(-1)"},
      {"SELECT substring('abc' FROM 1 FOR 2), substring('abc', 1)", "substring('abc', 1, 2) | substring('abc', 1)"},
      {"SELECT EXTRACT(YEAR FROM toDate('2020-01-01')), extract('abc', 'b')",
       "toYear(toDate('2020-01-01')) | extract('abc', 'b')"},
      {"SELECT (1 AS x) + 2", "plus(1, 2)"},
      {"SELECT 1 AS `a b`, x AS y", "1 | x"},
      {"SELECT countIf(number > 1)", "countIf(greater(number, 1))"},
      {"SELECT tuple(1, 2).1, tuple(1, 'a'), array(1, 2)", "tupleElement(tuple(1, 2), 1) | tuple(1, 'a') | array(1, 2)"},
      {"SELECT `x y` + 1, toString(`a.b`), \"number\"", "plus(x y, 1) | toString(a.b) | number"},
      {"SELECT [1, x]", "array(1, x)"},
      // modern ClickHouse
      {"SELECT (1, 'a'), [(1, 2)], [[1]], []", "(1, 'a') | [(1, 2)] | [[1]] | []"},
      {"SELECT 1 IN (1, 2)", "in(1, (1, 2))"},
      {"SELECT 5 DIV 2, 5 MOD 2, 5 % 2", "intDiv(5, 2) | modulo(5, 2) | modulo(5, 2)"},
      {"SELECT count(DISTINCT x), sum(DISTINCT x)", "countDistinct(x) | sumDistinct(x)"},
      {"SELECT true, false, TRUE", "true | false | true"},
      {"SELECT 0b101, .5, 1.", "5 | 0.5 | 1."},
      {"SELECT 1 ? 2 : 3 ? 4 : 5", "if(1, 2, if(3, 4, 5))"},
      {"SELECT 'ab' ILIKE 'a%', 'ab' NOT ILIKE 'a%', 'a' REGEXP 'b'", "ilike('ab', 'a%') | notILike('ab', 'a%') | match('a', 'b')"},
      {"SELECT 1 NOT BETWEEN 0 AND 2", "or(less(1, 0), greater(1, 2))"},
      {"SELECT x::Int8, '1'::Array(Nullable(String))", "CAST(x, 'Int8') | CAST('1', 'Array(Nullable(String))')"},
      {"SELECT DATE '2020-01-01', TIMESTAMP '2020-01-01 00:00:00'", "toDate('2020-01-01') | toDateTime('2020-01-01 00:00:00')"},
      {"SELECT INTERVAL '1 day', INTERVAL 1 day, INTERVAL 2 HOURS, INTERVAL -1 MONTH",
       "toIntervalDay(1) | toIntervalDay(1) | toIntervalHour(2) | toIntervalMonth(-1)"},
      {"SELECT date_add(DAY, 1, d), DATE_SUB(MONTH, 2, d), dateAdd(dt, INTERVAL 1 WEEK)",
       "plus(d, toIntervalDay(1)) | minus(d, toIntervalMonth(2)) | plus(dt, toIntervalWeek(1))"},
      {"SELECT date_diff(DAY, a, b), dateDiff('day', a, b), date_diff('hour', a, b)",
       "dateDiff('day', a, b) | dateDiff('day', a, b) | date_diff('hour', a, b)"},
      {"SELECT position('abc' IN 'b'), position('b', 'abc')", "position('b', 'abc') | position('b', 'abc')"},
      {"SELECT trim(BOTH ' ' FROM s), trim(LEADING FROM s), trim(TRAILING FROM s), trim(s)",
       "replaceRegexpAll(s, concat('^[', regexpQuoteMeta(' '), ']+|[', regexpQuoteMeta(' '), ']+$'), '') | trimLeft(s) | "
       "trimRight(s) | trim(s)"},
      {"SELECT sum(x) OVER w, rank() OVER (PARTITION BY a ORDER BY b DESC)",
       "sum(x) OVER w | rank() OVER (PARTITION BY a ORDER BY b DESC)"},
      {"SELECT count() FILTER (WHERE x > 1)", "countIf(greater(x, 1))"},
      {"SELECT '\\d\\%', '\\\\'", "'\\\\d\\\\%' | '\\\\'"},
      {"SELECT {x:UInt8}, t.*, *", "{x:UInt8} | t.* | *"},
  };
  for (const auto& c : cases) EXPECT_EQ(columnNames(c.query), c.names) << c.query;
}

TEST(ParserExpressions, PrecedenceAndShape) {
  EXPECT_EQ(exprDump("a AND b AND c"), "F:and@(I:a{};I:b{};I:c{};)");
  EXPECT_EQ(exprDump("(a AND b) AND c"), "F:and@(F:and@(I:a{};I:b{};);I:c{};)");
  EXPECT_EQ(exprDump("a OR b AND c"), "F:or@(I:a{};F:and@(I:b{};I:c{};);)");
  EXPECT_EQ(exprDump("NOT a = b"), "F:not@(F:equals@(I:a{};I:b{};);)");
  EXPECT_EQ(exprDump("NOT a AND b"), "F:and@(F:not@(I:a{};);I:b{};)");
  EXPECT_EQ(exprDump("a = b IS NULL"), "F:isNull@(F:equals@(I:a{};I:b{};);)");
  EXPECT_EQ(exprDump("a || b = c"), "F:equals@(F:concat@(I:a{};I:b{};);I:c{};)");
  EXPECT_EQ(exprDump("a + b || c"), "F:concat@(F:plus@(I:a{};I:b{};);I:c{};)");
  EXPECT_EQ(exprDump("-a * b"), "F:multiply@(F:negate@(I:a{};);I:b{};)");
  EXPECT_EQ(exprDump("-a[1]"), "F:negate@(F:arrayElement@(I:a{};L:UInt64_1;);)");
  EXPECT_EQ(exprDump("a ? b : c ? d : e"), "F:if@(I:a{};I:b{};F:if@(I:c{};I:d{};I:e{};);)");
  EXPECT_EQ(exprDump("a OR b ? c : d"), "F:if@(F:or@(I:a{};I:b{};);I:c{};I:d{};)");
  EXPECT_EQ(exprDump("x -> x + 1"), "F:lambda@(F:tuple(I:x{};);F:plus@(I:x{};L:UInt64_1;);)");
  EXPECT_EQ(exprDump("a.b.c"), "I:a.b.c{}");
  EXPECT_EQ(exprDump("f(x).name"), "F:tupleElement@(F:f(I:x{};);L:'name';)");
  EXPECT_EQ(exprDump("x::Nullable(String)::String"),
            "F:CAST(F:CAST(I:x{};L:'Nullable(String)';);L:'String';)");
  EXPECT_EQ(exprDump("a BETWEEN 1 AND 2 AND c"),
            "F:and@(F:and@(F:greaterOrEquals@(I:a{};L:UInt64_1;);F:lessOrEquals@(I:a{};L:UInt64_2;););I:c{};)");
  EXPECT_EQ(exprDump("1 + 2 AS x"), "F:plus@(L:UInt64_1;L:UInt64_2;) AS x");
  EXPECT_EQ(exprDump("{tbl:Identifier}"), "I:{tbl}");
  EXPECT_EQ(exprDump("f(DISTINCT x)"), "F:fDistinct(I:x{};)");
  EXPECT_EQ(exprDump("uniqUpTo(3)(x)"), "F:uniqUpTo<L:UInt64_3;>(I:x{};)");
  EXPECT_EQ(exprDump("[1, 'a']"), "L:[UInt64_1, 'a']");
  EXPECT_EQ(exprDump("(1, (2, 3))"), "L:(UInt64_1, (UInt64_2, UInt64_3))");
  EXPECT_EQ(exprDump("(1, x)"), "F:tuple@(L:UInt64_1;I:x{};)");
}

TEST(ParserExpressions, Literals) {
  auto value = [](const std::string& e) { return parseExpression(e)->as<ASTLiteral>().value; };
  EXPECT_EQ(value("1"), Field(uint64_t(1)));
  EXPECT_EQ(value("-1"), Field(int64_t(-1)));
  EXPECT_EQ(value("-0"), Field(uint64_t(0)));
  EXPECT_EQ(value("1.5"), Field(1.5));
  EXPECT_EQ(value("1e3"), Field(1000.0));
  EXPECT_EQ(value(".5"), Field(0.5));
  EXPECT_EQ(value("1."), Field(1.0));
  EXPECT_EQ(value("0xff"), Field(uint64_t(255)));
  EXPECT_EQ(value("0b1010"), Field(uint64_t(10)));
  EXPECT_EQ(value("18446744073709551615"), Field(uint64_t(18446744073709551615ULL)));
  EXPECT_EQ(value("18446744073709551616"), Field(18446744073709551616.0));
  EXPECT_EQ(value("-9223372036854775808"), Field(std::numeric_limits<int64_t>::min()));
  EXPECT_EQ(value("1e400"), Field(std::numeric_limits<double>::infinity()));
  EXPECT_TRUE(std::isnan(value("nan").get<double>()));
  EXPECT_EQ(value("-inf"), Field(-std::numeric_limits<double>::infinity()));
  EXPECT_EQ(value("'a\\'b'"), Field("a'b"));
  EXPECT_EQ(value("'a''b'"), Field("a'b"));
  EXPECT_EQ(value("'\\n\\t\\\\'"), Field("\n\t\\"));
  EXPECT_EQ(value("'\\d'"), Field("\\d"));  // unknown escapes keep the backslash (regexps)
  EXPECT_EQ(value("$$a'b$$"), Field("a'b"));
  EXPECT_EQ(value("$tag$x$$y$tag$"), Field("x$$y"));
  EXPECT_EQ(value("NULL"), Field());
  EXPECT_EQ(value("true"), Field(true));
  EXPECT_EQ(value("[1, -2, NULL]"), Field(FieldArray{Field(uint64_t(1)), Field(int64_t(-2)), Field()}));
  EXPECT_EQ(value("(1, 'a')"), Field(FieldTuple{Field(uint64_t(1)), Field("a")}));
  EXPECT_EQ(value("[]"), Field(FieldArray{}));
  EXPECT_EQ(value("()"), Field(FieldTuple{}));
}

TEST(ParserExpressions, Identifiers) {
  auto id = [](const std::string& e) { return parseExpression(e)->as<ASTIdentifier>().parts; };
  EXPECT_EQ(id("`a b`"), std::vector<std::string>{"a b"});
  EXPECT_EQ(id("\"Quoted\".\"Col\""), (std::vector<std::string>{"Quoted", "Col"}));
  EXPECT_EQ(id("db.t.`c`"), (std::vector<std::string>{"db", "t", "c"}));
  EXPECT_EQ(id("`a``b`"), std::vector<std::string>{"a`b"});
  EXPECT_EQ(id("_x1"), std::vector<std::string>{"_x1"});
  auto asterisk = parseExpression("* EXCEPT (a, b)");
  ASSERT_EQ(asterisk->kind, ASTKind::Asterisk);
  EXPECT_EQ(asterisk->as<ASTAsterisk>().except, (std::vector<std::string>{"a", "b"}));
  auto qualified = parseExpression("t.* EXCEPT a");
  ASSERT_EQ(qualified->kind, ASTKind::QualifiedAsterisk);
  EXPECT_EQ(qualified->as<ASTQualifiedAsterisk>().qualifier, std::vector<std::string>{"t"});
  EXPECT_EQ(qualified->as<ASTQualifiedAsterisk>().except, std::vector<std::string>{"a"});
  auto columns = parseExpression("COLUMNS('^a')");
  ASSERT_EQ(columns->kind, ASTKind::ColumnsMatcher);
  EXPECT_EQ(columns->as<ASTColumnsMatcher>().regexp, "^a");
  auto param = parseExpression("{p:Array(UInt16)}");
  ASSERT_EQ(param->kind, ASTKind::QueryParameter);
  EXPECT_EQ(param->as<ASTQueryParameter>().name, "p");
  EXPECT_EQ(param->as<ASTQueryParameter>().type, "Array(UInt16)");
}

TEST(ParserExpressions, WindowFunctions) {
  auto f = parseExpression("sum(x) OVER (PARTITION BY a, b ORDER BY c DESC ROWS BETWEEN 1 PRECEDING AND UNBOUNDED FOLLOWING)");
  const auto& fn = f->as<ASTFunction>();
  ASSERT_TRUE(fn.is_window_function);
  const auto& w = fn.window_definition->as<ASTWindowDefinition>();
  EXPECT_EQ(w.partition_by->as<ASTExpressionList>().children.size(), 2u);
  EXPECT_EQ(w.order_by->as<ASTExpressionList>().children[0]->as<ASTOrderByElement>().direction, -1);
  EXPECT_FALSE(w.frame_is_default);
  EXPECT_EQ(w.frame_type, WindowFrameType::Rows);
  EXPECT_EQ(w.frame_begin.type, WindowBoundType::Offset);
  EXPECT_TRUE(w.frame_begin.preceding);
  EXPECT_EQ(w.frame_end.type, WindowBoundType::Unbounded);
  EXPECT_FALSE(w.frame_end.preceding);
  auto named = parseExpression("row_number() OVER w");
  EXPECT_EQ(named->as<ASTFunction>().window_name, "w");
}

TEST(ParserExpressions, ByteRanges) {
  std::string q = "SELECT a + 1 AS x, f(b) FROM t";
  ASTPtr ast = parseQuery(q);
  const auto& items = firstSelect(ast).select->as<ASTExpressionList>().children;
  EXPECT_EQ(q.substr(items[0]->begin, items[0]->end - items[0]->begin), "a + 1");
  EXPECT_EQ(q.substr(items[1]->begin, items[1]->end - items[1]->begin), "f(b)");
  const auto& args = items[0]->as<ASTFunction>().args();
  EXPECT_EQ(q.substr(args[1]->begin, args[1]->end - args[1]->begin), "1");
}

TEST(ParserFormat, FloatsAndStrings) {
  EXPECT_EQ(formatFloatLiteral(1e10), "10000000000.");
  EXPECT_EQ(formatFloatLiteral(1e21), "1e21");
  EXPECT_EQ(formatFloatLiteral(1e20), "100000000000000000000.");
  EXPECT_EQ(formatFloatLiteral(1e-7), "1e-7");
  EXPECT_EQ(formatFloatLiteral(0.000001), "0.000001");
  EXPECT_EQ(formatFloatLiteral(-0.0), "-0.");
  EXPECT_EQ(formatFloatLiteral(0.1 + 0.2), "0.30000000000000004");
  EXPECT_EQ(formatFloatLiteral(1.5e-300), "1.5e-300");
  EXPECT_EQ(quoteString("a'b\\c\n"), "'a\\'b\\\\c\\n'");
  EXPECT_EQ(backQuoteIfNeed("abc_1"), "abc_1");
  EXPECT_EQ(backQuoteIfNeed("a b"), "`a b`");
  EXPECT_EQ(backQuoteIfNeed("1a"), "`1a`");
  EXPECT_EQ(backQuoteIfNeed("a`b"), "`a\\`b`");
}

/// formatAST output re-parses to an AST that formats identically (and, for selects, has
/// identical expression trees).
void expectRoundTrip(const std::string& query) {
  SCOPED_TRACE(query);
  ASTPtr first = parseQuery(query);
  std::string text = formatAST(*first);
  ASTPtr second;
  ASSERT_NO_THROW(second = parseQuery(text)) << text;
  EXPECT_EQ(formatAST(*second), text);
  if (first->kind == ASTKind::SelectWithUnionQuery && second->kind == ASTKind::SelectWithUnionQuery) {
    const auto& a = firstSelect(first).select->as<ASTExpressionList>().children;
    const auto& b = firstSelect(second).select->as<ASTExpressionList>().children;
    ASSERT_EQ(a.size(), b.size());
    for (size_t i = 0; i < a.size(); ++i) EXPECT_EQ(dump(*a[i]), dump(*b[i])) << text;
  }
}

TEST(ParserFormat, RoundTripExpressions) {
  const char* queries[] = {
      "SELECT -1, - 1, 1 - -1, NOT 1 = 2, 2 * 3 + 4, 2 * (3 + 4), 1 AND 2 AND 3, (1 AND 2) AND 3, 1 AND (2 AND 3)",
      "SELECT 'a\\'b', [1, 2], (1, 'a'), 1.5, NULL, x.1, arr[1], quantile(0.5)(number), CAST(1 AS String)",
      "SELECT toDate('2020-01-01') + INTERVAL 1 DAY, arrayMap(x -> (x + 1), arr), count(*), count(DISTINCT x)",
      "SELECT 1e10, 0x10, inf, nan, -inf, .5, 1., 1.0, 18446744073709551616, -9223372036854775808, -0.0, -0",
      "SELECT [(1,2)], [[1]], [], 1 IN (1,2), 1 IN (1), 1 ? 2 : 3 ? 4 : 5, CASE WHEN 1 THEN 2 END",
      "SELECT 1 BETWEEN 0 AND 2, 'a' || 'b' || 'c', NULL IS NOT NULL, 5 DIV 2, 5 MOD 2, -x, - - 1, -(1), -(-1)",
      "SELECT substring('abc' FROM 1 FOR 2), position('b' IN 'abc'), EXTRACT(YEAR FROM d), trim(BOTH ' ' FROM s)",
      "SELECT DATE '2020-01-01', INTERVAL '1 day', INTERVAL '1' DAY, date_add(DAY, 1, d), date_diff(DAY, a, b)",
      "SELECT {x:UInt8}, * EXCEPT (a, b), t.*, COLUMNS('re'), sum(x) OVER w, EXISTS (SELECT 1), NOT EXISTS (SELECT 2)",
      "SELECT rank() OVER (PARTITION BY a ORDER BY b DESC NULLS FIRST ROWS BETWEEN 1 PRECEDING AND CURRENT ROW)",
      "SELECT x::Int8, (1, 2).1, t.a.b, `a b`, \"c d\" + 1, a.1.2, f(x).name, (a + b)[1], [1, x][2], -a[1]",
      "SELECT (1 AS x) + 2, f(y AS z), (a, b) AS t, [1, x] AS arr, x -> x AS lam, (x, y) -> x + y",
      "SELECT a ? b : c, (a ? b : c) ? d : e, a OR b ? c : d, NOT NOT a, -(-(-a)), NOT (a AND b)",
      "SELECT `select`, `from` + 1, `null`, `1a`, \"weird name\".x, `a.b`",
      "SELECT x IN (SELECT 1), x NOT IN t, x GLOBAL IN (1, 2), x GLOBAL NOT IN (SELECT 1), x IN ()",
      "SELECT (1,), ((1, 2),), tuple(), (x,), [(1,)], INTERVAL (1 + 2) DAY, INTERVAL x DAY + 1, -INTERVAL 1 DAY",
      "SELECT 'line\\nbreak', '\\0', 'tab\\t', $$here'doc$$, 'back\\\\slash'",
      "SELECT count() FILTER (WHERE x > 1), uniqUpTo(3)(DISTINCT x), sum(x) OVER (), first_value(x) OVER (w ORDER BY y)",
      "SELECT a = b, a == b, a != b, a <> b, a < b, a > b, a <= b, a >= b, a <=> b, a LIKE b, a NOT ILIKE b",
      "SELECT 1 NOT BETWEEN 0 AND 2, a IS NULL IS NULL, (a = b) IS NULL, -1 IS NULL, -1 * 2, 2 * -1",
  };
  for (const char* q : queries) expectRoundTrip(q);
}

TEST(ParserFormat, RoundTripSelects) {
  const char* queries[] = {
      "WITH 1 AS x, t AS (SELECT 1) SELECT DISTINCT a FROM db.t FINAL AS tt ARRAY JOIN arr AS a LEFT JOIN (SELECT 1) s "
      "USING (id) WHERE 1 GROUP BY a WITH TOTALS HAVING 1 ORDER BY a DESC NULLS FIRST LIMIT 1, 10 SETTINGS max_threads "
      "= 1 FORMAT TSV",
      "SELECT * FROM a GLOBAL ANY LEFT OUTER JOIN b ON a.x = b.x, c CROSS JOIN d INNER JOIN e USING x",
      "SELECT * FROM a SEMI LEFT JOIN b ON 1 ANTI RIGHT JOIN c ON 1 ASOF JOIN d ON 1 FULL OUTER JOIN e ON 1",
      "SELECT 1 UNION ALL (SELECT 2 UNION DISTINCT SELECT 3) EXCEPT SELECT 4 INTERSECT SELECT 5 UNION SELECT 6",
      "(SELECT 1) UNION ALL (SELECT 2)",
      "SELECT a FROM t LIMIT 1 BY a LIMIT 10 OFFSET 5",
      "SELECT a FROM t LIMIT 2, 3 BY a, b",
      "SELECT a FROM t ORDER BY a OFFSET 5 ROWS FETCH FIRST 10 ROWS ONLY",
      "SELECT a FROM t LIMIT 10 WITH TIES",
      "SELECT a FROM t OFFSET 3",
      "SELECT a FROM t GROUP BY ALL WINDOW w AS (PARTITION BY a), v AS (w ORDER BY b) QUALIFY x > 1",
      "SELECT a FROM t GROUP BY a, b WITH ROLLUP",
      "SELECT a FROM t GROUP BY CUBE(a, b) WITH TOTALS",
      "SELECT * FROM file('a/**/*.json.gz', 'JSONAsString'), numbers(1, 10), values('a UInt8', 1, 2)",
      "SELECT * FROM (SELECT 1) AS s, ((SELECT 2) UNION ALL SELECT 3) t",
      "SELECT * FROM t SAMPLE 1 / 10 PREWHERE a WHERE b",
      "SELECT x FROM t LEFT ARRAY JOIN arr AS x, [1, 2] AS y",
      "SELECT * FROM {tbl:Identifier} WHERE x = {v:String}",
      "SELECT 1 INTO OUTFILE 'out.tsv' FORMAT TSV",
      "SELECT 1 FORMAT JSON SETTINGS a = 1",
      "SELECT 1 SETTINGS a = 1, b = 'x' FORMAT JSON",
      "SELECT a FROM t ORDER BY a ASC, b DESC NULLS LAST, c COLLATE 'tr'",
      "SELECT (SELECT max(x) FROM t) AS m, (SELECT 1) + 1",
      "SELECT `from` FROM `select` AS `where`",
      "SELECT * FROM system.numbers LIMIT 10",
      "SELECT DISTINCT ON_TIME, t.ON FROM t",
  };
  for (const char* q : queries) expectRoundTrip(q);
}

TEST(ParserFormat, CanonicalText) {
  auto fmt = [](const std::string& q) { return formatAST(*parseQuery(q)); };
  EXPECT_EQ(fmt("select a+b*c from t where x>1 and y<2"), "SELECT a + (b * c) FROM t WHERE (x > 1) AND (y < 2)");
  EXPECT_EQ(fmt("SELECT a b, c AS d FROM t x"), "SELECT a AS b, c AS d FROM t AS x");
  EXPECT_EQ(fmt("select count(*) from t -- comment\n# another\n/* block */"), "SELECT count() FROM t");
  EXPECT_EQ(fmt("SELECT x FROM t ORDER BY x OFFSET 5 ROWS FETCH NEXT 10 ROWS ONLY"), "SELECT x FROM t ORDER BY x LIMIT 5, 10");
  EXPECT_EQ(fmt("SELECT 1 AS `from`"), "SELECT 1 AS `from`");
  EXPECT_EQ(fmt("SELECT TOP 5 x FROM t"), "SELECT x FROM t LIMIT 5");
}

}  // namespace
}  // namespace tally
