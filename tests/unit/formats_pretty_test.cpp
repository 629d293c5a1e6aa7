// Pretty family, Vertical and Markdown layouts. Tables without row numbers are what the
// reference server prints for
//   SELECT number AS hello, toString(number) AS world, (number, toString(number)) AS tuple,
//          nullIf(number % 3, 0) AS sometimes_nulls FROM system.numbers LIMIT 3
// the rest follows today's rules (row numbers on by default, PrettySpace lines starting with a
// space, footer names for >= 50 rows, the single-number tip, multi-line values, the elided
// middle with "Showed N out of M rows.", the Vertical fallback).

#include "formats_test_util.h"

namespace tally::test {
namespace {

Block sample() {
  return makeBlock({
      {"hello", "UInt64", {"0", "1", "2"}},
      {"world", "String", {"0", "1", "2"}},
      {"tuple", "Tuple(UInt64, String)", {"(0,'0')", "(1,'1')", "(2,'2')"}},
      {"sometimes_nulls", "Nullable(UInt8)", {"\\N", "1", "2"}},
  });
}

FormatSettings noRowNumbers() {
  FormatSettings s;
  s.pretty.row_numbers = false;
  return s;
}

FormatSettings rowNumbers() {
  FormatSettings s;
  s.pretty.row_numbers = true;
  return s;
}

TEST(FormatsPretty, PrettyMatchesReference) {
  EXPECT_EQ(writeFormat("Pretty", sample(), noRowNumbers()),
            "┏━━━━━━━┳━━━━━━━┳━━━━━━━━━┳━━━━━━━━━━━━━━━━━┓\n"
            "┃ hello ┃ world ┃ tuple   ┃ sometimes_nulls ┃\n"
            "┡━━━━━━━╇━━━━━━━╇━━━━━━━━━╇━━━━━━━━━━━━━━━━━┩\n"
            "│     0 │ 0     │ (0,'0') │            ᴺᵁᴸᴸ │\n"
            "├───────┼───────┼─────────┼─────────────────┤\n"
            "│     1 │ 1     │ (1,'1') │               1 │\n"
            "├───────┼───────┼─────────┼─────────────────┤\n"
            "│     2 │ 2     │ (2,'2') │               2 │\n"
            "└───────┴───────┴─────────┴─────────────────┘\n");
  EXPECT_EQ(writeFormat("PrettyNoEscapes", sample(), noRowNumbers()), writeFormat("Pretty", sample(), noRowNumbers()));
}

TEST(FormatsPretty, PrettyCompactMatchesReference) {
  EXPECT_EQ(writeFormat("PrettyCompact", sample(), noRowNumbers()),
            "┌─hello─┬─world─┬─tuple───┬─sometimes_nulls─┐\n"
            "│     0 │ 0     │ (0,'0') │            ᴺᵁᴸᴸ │\n"
            "│     1 │ 1     │ (1,'1') │               1 │\n"
            "│     2 │ 2     │ (2,'2') │               2 │\n"
            "└───────┴───────┴─────────┴─────────────────┘\n");
}

TEST(FormatsPretty, PrettySpace) {
  EXPECT_EQ(writeFormat("PrettySpace", sample(), noRowNumbers()),
            " hello   world   tuple     sometimes_nulls\n"
            "\n"
            "     0   0       (0,'0')              ᴺᵁᴸᴸ \n"
            "     1   1       (1,'1')                 1 \n"
            "     2   2       (2,'2')                 2 \n");
}

TEST(FormatsPretty, RowNumbers) {
  EXPECT_EQ(writeFormat("PrettyCompact", sample(), rowNumbers()),
            "   ┌─hello─┬─world─┬─tuple───┬─sometimes_nulls─┐\n"
            "1. │     0 │ 0     │ (0,'0') │            ᴺᵁᴸᴸ │\n"
            "2. │     1 │ 1     │ (1,'1') │               1 │\n"
            "3. │     2 │ 2     │ (2,'2') │               2 │\n"
            "   └───────┴───────┴─────────┴─────────────────┘\n");
  Block one = makeBlock({{"x", "UInt8", {"1"}}});
  EXPECT_EQ(writeFormat("Pretty", one, rowNumbers()),
            "   ┏━━━┓\n"
            "   ┃ x ┃\n"
            "   ┡━━━┩\n"
            "1. │ 1 │\n"
            "   └───┘\n");
  Block ten = makeBlock({{"number", "UInt64", {"0", "1", "2", "3", "4", "5", "6", "7", "8", "9"}}});
  std::string text = writeFormat("PrettyCompact", ten, rowNumbers());
  EXPECT_EQ(text.substr(0, text.find('\n') + 1), "    ┌─number─┐\n");
  EXPECT_NE(text.find(" 1. │      0 │\n"), std::string::npos);
  EXPECT_NE(text.find("10. │      9 │\n    └────────┘\n"), std::string::npos);
}

TEST(FormatsPretty, RowNumbersContinueAcrossBlocks) {
  WriteOptions o;
  o.blocks.push_back(makeBlock({{"x", "UInt8", {"1", "2"}}}));
  o.blocks.push_back(makeBlock({{"x", "UInt8", {"3"}}}));
  EXPECT_EQ(writeFormat("PrettyCompact", o, rowNumbers()),
            "   ┌─x─┐\n"
            "1. │ 1 │\n"
            "2. │ 2 │\n"
            "   └───┘\n"
            "   ┌─x─┐\n"
            "3. │ 3 │\n"
            "   └───┘\n");
  EXPECT_EQ(writeFormat("PrettyCompactMonoBlock", o, rowNumbers()),
            "   ┌─x─┐\n"
            "1. │ 1 │\n"
            "2. │ 2 │\n"
            "3. │ 3 │\n"
            "   └───┘\n");
}

TEST(FormatsPretty, FooterNamesForManyRows) {
  std::vector<std::string> values;
  for (int i = 0; i < 50; ++i) values.push_back(std::to_string(i));
  Block b = makeBlock({{"number", "UInt64", values}});
  std::string text = writeFormat("PrettyCompact", b, rowNumbers());
  EXPECT_EQ(text.substr(0, text.find('\n') + 1), "    ┌─number─┐\n");
  EXPECT_NE(text.find("50. │     49 │\n    └─number─┘\n"), std::string::npos) << text;
  std::string full = writeFormat("Pretty", b, noRowNumbers());
  EXPECT_NE(full.find("│     49 │\n┢━━━━━━━━┪\n┃ number ┃\n┗━━━━━━━━┛\n"), std::string::npos) << full;
  values.pop_back();
  Block b49 = makeBlock({{"number", "UInt64", values}});
  std::string text49 = writeFormat("PrettyCompact", b49, rowNumbers());
  EXPECT_NE(text49.find("49. │     48 │\n    └────────┘\n"), std::string::npos);
  FormatSettings no_footer = rowNumbers();
  no_footer.pretty.display_footer_column_names = false;
  EXPECT_NE(writeFormat("PrettyCompact", b, no_footer).find("50. │     49 │\n    └────────┘\n"), std::string::npos);
}

TEST(FormatsPretty, SingleLargeNumberTip) {
  Block b = makeBlock({{"x", "UInt64", {"1234567"}}});
  EXPECT_EQ(writeFormat("PrettyCompact", b, rowNumbers()),
            "   ┌───────x─┐\n"
            "1. │ 1234567 │ -- 1.23 million\n"
            "   └─────────┘\n");
  Block small = makeBlock({{"x", "UInt64", {"1000000"}}});
  EXPECT_EQ(writeFormat("PrettyCompact", small, noRowNumbers()),
            "┌───────x─┐\n"
            "│ 1000000 │\n"
            "└─────────┘\n");
  Block hash = makeBlock({{"x", "UInt64", {"12345678901234567890"}}});
  EXPECT_EQ(writeFormat("PrettyCompact", hash, noRowNumbers()).find("--"), std::string::npos);
  Block two = makeBlock({{"x", "UInt64", {"1234567", "7654321"}}});
  EXPECT_EQ(writeFormat("PrettyCompact", two, noRowNumbers()).find("--"), std::string::npos);
}

TEST(FormatsPretty, NullAndAlignment) {
  Block b = makeBlock({{"x", "Nullable(Int32)", {"1", "\\N"}}, {"s", "Nullable(String)", {"\\N", "abc"}}});
  EXPECT_EQ(writeFormat("PrettyCompact", b, noRowNumbers()),
            "┌────x─┬─s────┐\n"
            "│    1 │ ᴺᵁᴸᴸ │\n"
            "│ ᴺᵁᴸᴸ │ abc  │\n"
            "└──────┴──────┘\n");
}

TEST(FormatsPretty, WideCharacters) {
  // Reference: SELECT 'абв' AS x, '中文' AS y, 1.5 AS z FORMAT PrettyCompactNoEscapes
  Block b = makeBlock({{"x", "String", {"абв"}}, {"y", "String", {"中文"}}, {"z", "Float64", {"1.5"}}});
  EXPECT_EQ(writeFormat("PrettyCompact", b, noRowNumbers()),
            "┌─x───┬─y────┬───z─┐\n"
            "│ абв │ 中文 │ 1.5 │\n"
            "└─────┴──────┴─────┘\n");
}

TEST(FormatsPretty, MultilineValues) {
  Block b = makeBlock({{"s", "String", {"a\nbc"}}});
  EXPECT_EQ(writeFormat("PrettyCompact", b, noRowNumbers()),
            "┌─s──┐\n"
            "│ a ↴│\n"
            "│↳bc │\n"
            "└────┘\n");
}

TEST(FormatsPretty, MaxRowsElidesTheMiddle) {
  Block b = makeBlock({{"number", "UInt64", {"0", "1", "2", "3", "4", "5", "6", "7", "8", "9"}}});
  FormatSettings s = noRowNumbers();
  s.pretty.max_rows = 4;
  EXPECT_EQ(writeFormat("PrettyCompact", b, s),
            "┌─number─┐\n"
            "│      0 │\n"
            "│      1 │\n"
            "─ ─ ─ ─ ─ \n"
            "│      8 │\n"
            "│      9 │\n"
            "└────────┘\n"
            "Showed 4 out of 10 rows.\n");
}

TEST(FormatsPretty, TotalsAndExtremes) {
  WriteOptions o;
  o.blocks.push_back(makeBlock({{"k", "UInt8", {"0", "1"}}, {"c", "UInt64", {"3", "2"}}}));
  o.totals = makeBlock({{"k", "UInt8", {"0"}}, {"c", "UInt64", {"5"}}});
  o.extremes = std::make_pair(makeBlock({{"k", "UInt8", {"0"}}, {"c", "UInt64", {"2"}}}),
                              makeBlock({{"k", "UInt8", {"1"}}, {"c", "UInt64", {"3"}}}));
  // Reference (18.16, PrettyCompactNoEscapes) of the GROUP BY k WITH TOTALS query with extremes.
  EXPECT_EQ(writeFormat("PrettyCompact", o, noRowNumbers()),
            "┌─k─┬─c─┐\n"
            "│ 0 │ 3 │\n"
            "│ 1 │ 2 │\n"
            "└───┴───┘\n"
            "\n"
            "Totals:\n"
            "┌─k─┬─c─┐\n"
            "│ 0 │ 5 │\n"
            "└───┴───┘\n"
            "\n"
            "Extremes:\n"
            "┌─k─┬─c─┐\n"
            "│ 0 │ 2 │\n"
            "│ 1 │ 3 │\n"
            "└───┴───┘\n");
}

TEST(FormatsPretty, AsciiGridAndColour) {
  Block b = makeBlock({{"x", "UInt8", {"1"}}});
  FormatSettings ascii = noRowNumbers();
  ascii.pretty.utf8 = false;
  EXPECT_EQ(writeFormat("PrettyCompact", b, ascii), "+-x-+\n| 1 |\n+---+\n");
  FormatSettings color = noRowNumbers();
  color.pretty.color = true;
  EXPECT_EQ(writeFormat("PrettyCompact", b, color), "┌─\033[1mx\033[0m─┐\n│ 1 │\n└───┘\n");
  EXPECT_EQ(writeFormat("PrettyCompactNoEscapes", b, color), "┌─x─┐\n│ 1 │\n└───┘\n");
}

TEST(FormatsPretty, LongExpressionNamesAreCutInTheMiddle) {
  Block b = makeBlock({{"concat(toString(number), 'some long suffix text')", "UInt8", {"1"}}});
  std::string text = writeFormat("PrettyCompact", b, noRowNumbers());
  EXPECT_EQ(text.substr(0, text.find('\n')), "┌─concat(toStr⋯ffix text')─┐");
}

TEST(FormatsPretty, WideSmallTablesFallBackToVertical) {
  std::string wide(63, 'w');
  Block b = makeBlock({{"a", "String", {wide}}, {"b", "String", {wide}}, {"c", "String", {wide}}, {"d", "String", {wide}},
                       {"e", "UInt8", {"1"}}});
  EXPECT_EQ(writeFormat("PrettyCompact", b, rowNumbers()),
            "Row 1:\n──────\na: " + wide + "\nb: " + wide + "\nc: " + wide + "\nd: " + wide + "\ne: 1\n");
}

TEST(FormatsVertical, Layout) {
  Block b = makeBlock({{"x", "UInt8", {"1", "2"}}, {"long_name", "Nullable(String)", {"\\N", "a\tb"}}});
  EXPECT_EQ(writeFormat("Vertical", b),
            "Row 1:\n"
            "──────\n"
            "x:         1\n"
            "long_name: ᴺᵁᴸᴸ\n"
            "\n"
            "Row 2:\n"
            "──────\n"
            "x:         2\n"
            "long_name: a␉b\n");
}

TEST(FormatsVertical, NumberTipAndMaxRows) {
  Block b = makeBlock({{"n", "UInt64", {"123456789", "5"}}});
  FormatSettings s;
  s.pretty.max_rows = 1;
  EXPECT_EQ(writeFormat("Vertical", b, s), "Row 1:\n──────\nn: 123456789 -- 123.46 million\nShowed first 1.\n");
}

}  // namespace
}  // namespace tally::test
