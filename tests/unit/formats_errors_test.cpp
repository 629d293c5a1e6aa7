// Input errors: ClickHouse's codes, the row number over the whole input, the per-column
// diagnostic of the text formats, and input_format_allow_errors_num / _ratio (bad rows skipped
// whole, the allowance exceeded reported with ClickHouse's message).

#include "formats_test_util.h"

namespace tally::test {
namespace {

Block xs() { return makeHeader({{"x", "UInt8"}, {"s", "String"}}); }

TEST(FormatsErrors, TabSeparatedDiagnostic) {
  auto [code, message] = errorOf([] { readFormat("TSV", "1\ta\n2\tb\nabc\tc\n", xs()); });
  EXPECT_EQ(code, 27);
  EXPECT_EQ(message,
            "Cannot parse input: expected '\\t' before: 'abc\\tc\\n': (at row 3)\n"
            ": \nRow 2:\n"
            "Column 0,   name: x, type: UInt8,  parsed text: \"2\"\n"
            "Column 1,   name: s, type: String, parsed text: \"b\"\n"
            "\nRow 3:\n"
            "Column 0,   name: x, type: UInt8,  ERROR: text \"abc<TAB>c<LINE FEED>\" is not like UInt8\n\n");
}

TEST(FormatsErrors, TabSeparatedFirstRowAndColumnCounts) {
  auto fewer = errorOf([] { readFormat("TSV", "1\n", xs()); });
  EXPECT_EQ(fewer.second,
            "Cannot parse input: expected '\\t' before: '\\n': (at row 1)\n"
            ": \nRow 1:\n"
            "Column 0,   name: x, type: UInt8,  parsed text: \"1\"\n"
            "ERROR: Line feed found where tab is expected. It's like your file has less columns than expected.\n"
            "And if your file has the right number of columns, maybe it has an unescaped backslash in value before "
            "tab, which causes the tab to be escaped.\n\n");
  auto more = errorOf([] { readFormat("TSV", "1\ta\tb\n", xs()); });
  EXPECT_EQ(more.second,
            "Cannot parse input: expected '\\n' before: '\\tb\\n': (at row 1)\n"
            ": \nRow 1:\n"
            "Column 0,   name: x, type: UInt8,  parsed text: \"1\"\n"
            "Column 1,   name: s, type: String, parsed text: \"a\"\n"
            "ERROR: Tab found where line feed is expected. It's like your file has more columns than expected.\n"
            "And if your file has the right number of columns, maybe it has an unescaped tab in a value.\n\n");
}

TEST(FormatsErrors, DateDiagnostic) {
  Block header = makeHeader({{"d", "Date"}, {"n", "UInt32"}});
  auto [code, message] = errorOf([&] { readFormat("TSV", "2024-01-01\t1\n2024/x\t2\n", header); });
  EXPECT_EQ(code, 38);
  EXPECT_NE(message.find(": (at row 2)\n: \nRow 1:\nColumn 0,   name: d, type: Date,   parsed text: \"2024-01-01\"\n"),
            std::string::npos)
      << message;
  EXPECT_NE(message.find("\nRow 2:\nColumn 0,   name: d, type: Date,   parsed text: \"2024/\"ERROR: Date must be in "
                         "YYYY-MM-DD format.\n"),
            std::string::npos)
      << message;
}

TEST(FormatsErrors, AllowErrorsNum) {
  size_t skipped = 0;
  Block b = readFormat("TSV", "1\ta\nx\tb\n3\tc\n4\td\n", xs(), {}, 65536, 1, 0, &skipped);
  EXPECT_EQ(toTSV(b), "1\ta\n3\tc\n4\td\n");
  EXPECT_EQ(skipped, 1u);
  auto [code, message] = errorOf([] { readFormat("TSV", "1\ta\nx\tb\ny\tc\n4\td\n", xs(), {}, 65536, 1, 0); });
  EXPECT_EQ(code, 27);
  EXPECT_EQ(message.substr(0, message.find('\n') + 1),
            "Cannot parse input: expected '\\t' before: 'y\\tc\\n4\\td\\n': (Already have 2 errors out of 3 rows, which "
            "is 0.6666666666666666 of all rows): (at row 3)\n");
}

TEST(FormatsErrors, AllowErrorsRatio) {
  std::string data;
  for (int i = 0; i < 20; ++i) data += (i % 10 == 5 ? std::string("bad") : std::to_string(i)) + "\tv\n";
  size_t skipped = 0;
  Block b = readFormat("TSV", data, xs(), {}, 65536, 0, 0.2, &skipped);
  EXPECT_EQ(b.rows(), 18u);
  EXPECT_EQ(skipped, 2u);
  auto [code, message] = errorOf([&] { readFormat("TSV", "1\ta\nx\tb\n", xs(), {}, 65536, 0, 0.1); });
  EXPECT_NE(message.find("(Already have 1 errors out of 2 rows, which is 0.5 of all rows): (at row 2)\n"),
            std::string::npos)
      << message;
}

TEST(FormatsErrors, BadRowsAreRemovedFromEveryColumn) {
  // The second row fails in its last column after the first ones were read.
  Block header = makeHeader({{"a", "UInt8"}, {"s", "String"}, {"d", "Date"}});
  size_t skipped = 0;
  Block b = readFormat("CSV", "1,x,2024-01-01\n2,y,nope\n3,z,2024-01-03\n", header, {}, 65536, 5, 0, &skipped);
  EXPECT_EQ(toTSV(b), "1\tx\t2024-01-01\n3\tz\t2024-01-03\n");
  EXPECT_EQ(skipped, 1u);
  Block j = readFormat("JSONEachRow", "{\"a\":1,\"s\":\"x\"}\n{\"a\":2,\"s\":\"y\",\"d\":\"bad\"}\n{\"a\":3}\n", header, {},
                       65536, 5, 0, &skipped);
  EXPECT_EQ(toTSV(j), "1\tx\t1970-01-01\n3\t\t1970-01-01\n");
  EXPECT_EQ(skipped, 1u);
}

TEST(FormatsErrors, FormatsThatCannotSkip) {
  Block header = makeHeader({{"x", "UInt8"}, {"y", "UInt8"}});
  auto [code, message] = errorOf([&] { readFormat("Values", "(1,2),(x,3)", header, {}, 65536, 10, 0); });
  EXPECT_NE(message.find("(Input format doesn't allow to skip errors): (at row 2)\n"), std::string::npos) << message;
}

TEST(FormatsErrors, RowNumbersOfALaterChunk) {
  // A chunk of a larger input (parallel parsing) numbers its rows from setFirstRowNumber().
  auto read_chunk = [](const std::string& format, const std::string& data, const Block& header) {
    ReadBufferFromMemory in(data);
    auto input = FormatFactory::instance().getInput(format, in, header, {});
    input->setFirstRowNumber(101);
    while (input->read(1000).rows()) {
    }
  };
  auto tsv = errorOf([&] { read_chunk("TSV", "1\ta\nx\tb\n", xs()); });
  EXPECT_EQ(tsv.second.substr(0, tsv.second.find('\n') + 1),
            "Cannot parse input: expected '\\t' before: 'x\\tb\\n': (at row 102)\n");
  Block header = makeHeader({{"x", "UInt8"}});
  auto fast = errorOf([&] { read_chunk("JSONEachRow", "{\"x\":1}\n{\"x\":1,\"x\":2}\n", header); });
  EXPECT_EQ(fast.second, "Duplicate field found while parsing JSONEachRow format: x: (at row 102)\n");
  auto generic = errorOf([&] { read_chunk("JSONEachRow", "[{\"x\":1},{\"x\":1,\"x\":2}]", header); });
  EXPECT_EQ(generic.second, "Duplicate field found while parsing JSONEachRow format: x: (at row 102)\n");
}

TEST(FormatsErrors, NonParseErrorsAreNotSkipped) {
  Block header = makeHeader({{"x", "UInt8"}});
  auto [code, message] = errorOf([&] { readFormat("JSONAsString", "{}", header, {}, 65536, 10, 0); });
  EXPECT_EQ(code, 36);
}

}  // namespace
}  // namespace tally::test
