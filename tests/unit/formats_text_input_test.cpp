// Input formats: every format round-trips (write -> read gives the same block), ClickHouse's
// input rules (headers, defaults, NULLs, escapes, quoting, line ends, JSON value kinds), and the
// string-like inputs JSONAsString and LineAsString.

#include "formats_test_util.h"

namespace tally::test {
namespace {

Block richBlock() {
  return makeBlock({
      {"n", "UInt64", {"0", "18446744073709551615", "42"}},
      {"i", "Int32", {"-5", "0", "2147483647"}},
      {"s", "String", {"plain", "tab\tnew\nline\\back'q\"", ""}},
      {"d", "Date", {"2024-01-15", "1970-01-01", "2149-06-06"}},
      {"dt", "DateTime('UTC')", {"2024-01-15 10:30:00", "1970-01-01 00:00:00", "2106-02-07 06:28:15"}},
      {"f", "Float64", {"0.1", "-1e-7", "1e300"}},
      {"arr", "Array(UInt8)", {"[1,2]", "[]", "[3]"}},
      {"nul", "Nullable(String)", {"\\N", "x", ""}},
      {"lc", "LowCardinality(String)", {"a", "b", "a"}},
      {"t", "Tuple(UInt8, String)", {"(1,'x')", "(2,'y')", "(3,'z')"}},
      {"b", "Bool", {"true", "false", "true"}},
  });
}

void expectRoundTrip(const std::string& format, const Block& block, const FormatSettings& settings = {}) {
  std::string data = writeFormat(format, block, settings);
  Block back = readFormat(format, data, block.cloneEmpty(), settings);
  EXPECT_EQ(toTSV(back), toTSV(block)) << "format " << format << ", data:\n" << data;
  // Reading in small blocks gives the same rows.
  Block small = readFormat(format, data, block.cloneEmpty(), settings, 1);
  EXPECT_EQ(toTSV(small), toTSV(block)) << "format " << format << " (blocks of one row)";
}

TEST(FormatsRoundTrip, AllFormats) {
  Block block = richBlock();
  for (const char* format :
       {"TabSeparated", "TabSeparatedWithNames", "TabSeparatedWithNamesAndTypes", "CSV", "CSVWithNames",
        "CSVWithNamesAndTypes", "JSONEachRow", "JSONCompactEachRow", "JSONCompactEachRowWithNames",
        "JSONCompactEachRowWithNamesAndTypes", "JSONCompactStringsEachRow", "JSONCompactStringsEachRowWithNames",
        "RowBinary", "RowBinaryWithNames", "RowBinaryWithNamesAndTypes", "Values"})
    expectRoundTrip(format, block);
  FormatSettings array;
  array.json.array_of_rows = true;
  expectRoundTrip("JSONEachRow", block, array);
}

TEST(FormatsRoundTrip, RawStringsWithoutSpecialCharacters) {
  Block block = makeBlock({{"s", "String", {"a b", "c'd"}}, {"n", "Nullable(UInt8)", {"\\N", "3"}}});
  expectRoundTrip("TabSeparatedRaw", block);
}

TEST(FormatsTabSeparatedInput, EscapesNullsAndEmptyNumbers) {
  Block header = makeHeader({{"x", "UInt8"}, {"s", "String"}, {"n", "Nullable(Int32)"}});
  Block b = readFormat("TSV", "1\ta\\tb\\nc\\\\d\\x41\t\\N\n\t\t5\n", header);
  EXPECT_EQ(toTSV(b), "1\ta\\tb\\nc\\\\dA\t\\N\n0\t\t5\n");
  // \N into a non-Nullable column is the default (input_format_null_as_default).
  EXPECT_EQ(toTSV(readFormat("TSV", "\\N\t\\N\t1\n", header)), "0\t\t1\n");
}

TEST(FormatsTabSeparatedInput, NoTrailingLineFeedAndEmptyLastLine) {
  Block header = makeHeader({{"x", "UInt8"}});
  EXPECT_EQ(toTSV(readFormat("TSV", "1\n2", header)), "1\n2\n");
  // An empty line is a row with the default (as ClickHouse reads "1\n2\n\n").
  EXPECT_EQ(toTSV(readFormat("TSV", "1\n2\n\n", header)), "1\n2\n0\n");
  EXPECT_EQ(readFormat("TSV", "", header).rows(), 0u);
}

TEST(FormatsTabSeparatedInput, CarriageReturnIsAnError) {
  Block header = makeHeader({{"x", "UInt8"}});
  auto [code, message] = errorOf([&] { readFormat("TSV", "1\r\n2\r\n", header); });
  EXPECT_EQ(code, 117);
  EXPECT_EQ(message.substr(0, 67), "\nYou have carriage return (\\r, 0x0D, ASCII 13) at end of first row.");
}

TEST(FormatsTabSeparatedInput, WithNamesMapsColumnsByHeader) {
  Block header = makeHeader({{"a", "UInt8"}, {"b", "String"}, {"c", "UInt16"}});
  Block b = readFormat("TSVWithNames", "b\tunknown\ta\nx\t99\t1\ny\t98\t2\n", header);
  EXPECT_EQ(toTSV(b), "1\tx\t0\n2\ty\t0\n");
  FormatSettings strict;
  strict.skip_unknown_fields = false;
  auto [code, message] = errorOf([&] { readFormat("TSVWithNames", "b\tunknown\na\t1\n", header, strict); });
  EXPECT_EQ(code, 117);
  EXPECT_EQ(message,
            "Unknown field found in format header: 'unknown' at position 1\nSet the 'input_format_skip_unknown_fields' "
            "parameter explicitly to ignore and skip unknown data.");
  auto dup = errorOf([&] { readFormat("TSVWithNames", "a\ta\n1\t2\n", header); });
  EXPECT_EQ(dup.second, "Duplicate field found while parsing format header: a");
}

TEST(FormatsTabSeparatedInput, WithNamesAndTypesChecksTypes) {
  Block header = makeHeader({{"a", "UInt8"}, {"b", "String"}});
  EXPECT_EQ(toTSV(readFormat("TSVWithNamesAndTypes", "b\ta\nString\tUInt8\nx\t1\n", header)), "1\tx\n");
  auto [code, message] = errorOf([&] { readFormat("TSVWithNamesAndTypes", "a\tb\nUInt16\tString\n1\tx\n", header); });
  EXPECT_EQ(code, 117);
  EXPECT_EQ(message, "Type of 'a' must be UInt8, not UInt16");
}

TEST(FormatsTabSeparatedInput, DetectsHeader) {
  Block header = makeHeader({{"a", "UInt8"}, {"b", "String"}});
  EXPECT_EQ(toTSV(readFormat("TSV", "b\ta\nx\t1\n", header)), "1\tx\n");
  EXPECT_EQ(toTSV(readFormat("TSV", "a\tb\nUInt8\tString\n1\tx\n", header)), "1\tx\n");
  FormatSettings off;
  off.tsv.detect_header = false;
  auto [code, message] = errorOf([&] { readFormat("TSV", "a\tb\n1\tx\n", header, off); });
  EXPECT_NE(code, 0);
}

TEST(FormatsCSVInput, QuotingDefaultsAndLineEnds) {
  Block header = makeHeader({{"x", "UInt8"}, {"s", "String"}, {"n", "Nullable(Int32)"}, {"d", "Date"}});
  std::string data =
      "1,\"a,\"\"b\"\"\",\\N,2024-01-02\r\n"
      "2,  plain text  ,,\"2024-01-03\"\n"
      " \"3\" ,'single',7,2024-01-04,\n"
      ",\"multi\nline\",\"8\",\n";
  EXPECT_EQ(toTSV(readFormat("CSV", data, header)),
            "1\ta,\"b\"\t\\N\t2024-01-02\n"
            "2\tplain text\t\\N\t2024-01-03\n"
            "3\t\\'single\\'\t7\t2024-01-04\n"
            "0\tmulti\\nline\t8\t1970-01-01\n");
  FormatSettings single;
  single.csv.allow_single_quotes = true;
  EXPECT_EQ(toTSV(readFormat("CSV", "1,'it''s',1,2024-01-01\n", header, single)), "1\tit\\'s\t1\t2024-01-01\n");
  FormatSettings semicolon;
  semicolon.csv.delimiter = ';';
  EXPECT_EQ(toTSV(readFormat("CSV", "1;a,b;2;2024-01-01\n", header, semicolon)), "1\ta,b\t2\t2024-01-01\n");
}

TEST(FormatsCSVInput, WithNamesAndHeaderDetection) {
  Block header = makeHeader({{"a", "UInt8"}, {"b", "String"}});
  EXPECT_EQ(toTSV(readFormat("CSVWithNames", "\"b\",\"a\"\n\"x\",1\n", header)), "1\tx\n");
  EXPECT_EQ(toTSV(readFormat("CSVWithNamesAndTypes", "b,a\nString,UInt8\nx,1\n", header)), "1\tx\n");
  EXPECT_EQ(toTSV(readFormat("CSV", "a,b\n1,x\n", header)), "1\tx\n");
  EXPECT_EQ(toTSV(readFormat("CSV", "1,x\n", header)), "1\tx\n");
}

TEST(FormatsCSVInput, RowEndErrors) {
  Block header = makeHeader({{"x", "UInt8"}, {"s", "String"}, {"d", "Date"}});
  auto [code, message] = errorOf([&] { readFormat("CSV", "1,a,2024-01-01,5\n", header); });
  EXPECT_EQ(code, 117);
  EXPECT_EQ(message,
            "Expected end of line: (at row 1)\n"
            ": \nRow 1:\n"
            "Column 0,   name: x, type: UInt8,  parsed text: \"1\"\n"
            "Column 1,   name: s, type: String, parsed text: \"a\"\n"
            "Column 2,   name: d, type: Date,   parsed text: \"2024-01-01\"\n"
            "ERROR: There is no line feed. \"5\" found instead.\n"
            " It's like your file has more columns than expected.\n"
            "And if your file has the right number of columns, maybe it has an unquoted string value with a comma.\n\n");
}

TEST(FormatsCSVInput, MissingColumnDiagnostic) {
  Block header = makeHeader({{"x", "UInt8"}, {"s", "String"}, {"d", "Date"}});
  auto [code, message] = errorOf([&] { readFormat("CSV", "1,a,2024-01-01\n2,b\n", header); });
  EXPECT_EQ(code, 27);
  EXPECT_EQ(message,
            "Cannot parse input: expected ',' before: '\\n': (at row 2)\n"
            ": \nRow 1:\n"
            "Column 0,   name: x, type: UInt8,  parsed text: \"1\"\n"
            "Column 1,   name: s, type: String, parsed text: \"a\"\n"
            "Column 2,   name: d, type: Date,   parsed text: \"2024-01-01\"\n"
            "\nRow 2:\n"
            "Column 0,   name: x, type: UInt8,  parsed text: \"2\"\n"
            "Column 1,   name: s, type: String, parsed text: \"b\"\n"
            "ERROR: Line feed found where delimiter (,) is expected. It's like your file has less columns than "
            "expected.\nAnd if your file has the right number of columns, maybe it has unescaped quotes in values.\n\n");
}

TEST(FormatsJSONEachRowInput, KeysDefaultsAndValueKinds) {
  Block header = makeHeader({{"a", "UInt32"}, {"s", "String"}, {"n", "Nullable(Float64)"}, {"d", "Date"},
                             {"arr", "Array(String)"}});
  std::string data =
      "{\"s\":\"x\",\"a\":1,\"unknown\":{\"deep\":[1,2,{\"k\":\"}\"}]},\"n\":1.5,\"d\":\"2024-01-02\",\"arr\":[\"p\",\"q\"]}\n"
      "{\"a\":\"2\",\"s\":123,\"n\":null}\n"
      "\n"
      "{\"a\":true,\"s\":{\"o\":1},\"n\":\"2.5\",\"arr\":[]}\n"
      "{}\n"
      "{\"a\":null,\"s\":null,\"s2\":[1]}";
  EXPECT_EQ(toTSV(readFormat("JSONEachRow", data, header)),
            "1\tx\t1.5\t2024-01-02\t['p','q']\n"
            "2\t123\t\\N\t1970-01-01\t[]\n"
            "1\t{\"o\":1}\t2.5\t1970-01-01\t[]\n"
            "0\t\t\\N\t1970-01-01\t[]\n"
            "0\t\t\\N\t1970-01-01\t[]\n");
}

TEST(FormatsJSONEachRowInput, ArrayAndCommaSeparatedAndMultiLineObjects) {
  Block header = makeHeader({{"a", "UInt8"}, {"b", "String"}});
  EXPECT_EQ(toTSV(readFormat("JSONEachRow", "[{\"a\":1,\"b\":\"x\"}, {\"a\":2}]\n", header)), "1\tx\n2\t\n");
  EXPECT_EQ(toTSV(readFormat("JSONEachRow", "{\"a\":1},{\"a\":2},\n{\"a\":3}", header)), "1\t\n2\t\n3\t\n");
  EXPECT_EQ(toTSV(readFormat("JSONEachRow", "{\n  \"a\": 1,\n  \"b\": \"x\"\n}\n{\n  \"a\": 2\n}\n", header)),
            "1\tx\n2\t\n");
  EXPECT_EQ(readFormat("JSONEachRow", "  \n ", header).rows(), 0u);
  EXPECT_EQ(readFormat("JSONEachRow", "[]", header).rows(), 0u);
}

TEST(FormatsJSONEachRowInput, Errors) {
  Block header = makeHeader({{"x", "UInt8"}, {"s", "String"}});
  FormatSettings strict;
  strict.skip_unknown_fields = false;
  auto unknown = errorOf([&] { readFormat("JSONEachRow", "{\"x\":1}\n{\"x\":1,\"y\":2}\n", header, strict); });
  EXPECT_EQ(unknown.first, 117);
  EXPECT_EQ(unknown.second, "Unknown field found while parsing JSONEachRow format: y: (at row 2)\n");
  auto duplicate = errorOf([&] { readFormat("JSONEachRow", "{\"x\":1,\"x\":2}\n", header); });
  EXPECT_EQ(duplicate.second, "Duplicate field found while parsing JSONEachRow format: x: (at row 1)\n");
  auto bad_value = errorOf([&] { readFormat("JSONEachRow", "{\"x\":1}\n{\"x\":2}\n{\"x\":[1]}\n", header); });
  EXPECT_NE(bad_value.first, 0);
  EXPECT_NE(bad_value.second.find("(while reading the value of key x): (at row 3)\n"), std::string::npos)
      << bad_value.second;
  auto truncated = errorOf([&] { readFormat("JSONEachRow", "{\"x\":1}\n{\"x\":2", header); });
  EXPECT_NE(truncated.first, 0);
  EXPECT_NE(truncated.second.find("(at row 2)"), std::string::npos) << truncated.second;
}

TEST(FormatsJSONEachRowInput, FallbackKeepsRowNumbersAndBlocks) {
  // Rows the fast path cannot take (a comma-separated tail, a duplicate key) hand over to the
  // generic reader, which continues the row numbering.
  Block header = makeHeader({{"x", "UInt64"}});
  std::string data;
  for (int i = 0; i < 1000; ++i) data += "{\"x\":" + std::to_string(i) + "}\n";
  data += "{\"x\":1000},{\"x\":1001}\n{\"x\":5,\"x\":6}\n";
  auto [code, message] = errorOf([&] { readFormat("JSONEachRow", data, header, {}, 7); });
  EXPECT_EQ(message, "Duplicate field found while parsing JSONEachRow format: x: (at row 1003)\n");
  data.resize(data.size() - 14);
  Block b = readFormat("JSONEachRow", data, header, {}, 7);
  ASSERT_EQ(b.rows(), 1002u);
  EXPECT_EQ(b[0].column->getUInt(1001), 1001u);
}

TEST(FormatsJSONEachRowInput, LargeInputAcrossChunks) {
  Block header = makeHeader({{"id", "UInt64"}, {"name", "String"}, {"v", "Float64"}, {"lc", "LowCardinality(String)"},
                             {"dt", "DateTime('UTC')"}});
  std::string data;
  std::string expected;
  for (int i = 0; i < 60000; ++i) {
    std::string name = "name_" + std::to_string(i % 977) + (i % 5 == 0 ? "\\\"q" : "");
    data += "{\"id\":" + std::to_string(i) + ",\"name\":\"" + name + "\",\"v\":" + std::to_string(i) +
            ".5,\"lc\":\"k" + std::to_string(i % 7) + "\",\"dt\":\"2024-01-01 00:00:00\"}\n";
  }
  Block b = readFormat("JSONEachRow", data, header, {}, 8192);
  ASSERT_EQ(b.rows(), 60000u);
  EXPECT_EQ(b[0].column->getUInt(59999), 59999u);
  EXPECT_EQ(b[1].column->getDataAt(5), "name_5\"q");
  EXPECT_EQ(b[2].column->getFloat64(100), 100.5);
  FormatSettings unquoted;
  unquoted.json.quote_64bit_integers = false;
  EXPECT_EQ(writeFormat("JSONEachRow", b, unquoted), data);
}

TEST(FormatsJSONCompactEachRowInput, NamesAndNulls) {
  Block header = makeHeader({{"a", "UInt8"}, {"b", "Nullable(String)"}});
  EXPECT_EQ(toTSV(readFormat("JSONCompactEachRowWithNames", "[\"b\", \"zz\", \"a\"]\n[null, 1, 5]\n[\"x\", [1], null]\n",
                             header)),
            "5\t\\N\n0\tx\n");
  EXPECT_EQ(toTSV(readFormat("JSONCompactStringsEachRow", "[\"7\", \"y\"]\n", header)), "7\ty\n");
}

TEST(FormatsValuesInput, LiteralsAndSeparators) {
  Block header = makeHeader({{"a", "Int32"}, {"s", "Nullable(String)"}, {"arr", "Array(Int8)"},
                             {"t", "Tuple(UInt8, String)"}, {"d", "Date"}});
  Block b = readFormat("Values",
                       "(-1, 'x\\'y', [1, -2], (3, 'z'), '2024-01-01'),(2,NULL,[],(0,''),'1970-01-02') "
                       "( 3 , null , [ ] , ( 1 , 'q' ) , '2024-02-03' );\n",
                       header);
  EXPECT_EQ(toTSV(b),
            "-1\tx\\'y\t[1,-2]\t(3,'z')\t2024-01-01\n2\t\\N\t[]\t(0,'')\t1970-01-02\n3\t\\N\t[]\t(1,'q')\t2024-02-03\n");
}

TEST(FormatsValuesInput, Errors) {
  Block header = makeHeader({{"x", "UInt8"}, {"s", "String"}});
  auto missing_comma = errorOf([&] { readFormat("Values", "(1,'a'),(2 'b')", header); });
  EXPECT_EQ(missing_comma.first, 27);
  EXPECT_EQ(missing_comma.second, "Cannot parse input: expected ',' before: '\\'b\\')': (at row 2)\n");
  auto unterminated = errorOf([&] { readFormat("Values", "(1,'a'),(2, 'b'", header); });
  EXPECT_EQ(unterminated.second, "Cannot parse input: expected ')' at end of stream.: (at row 2)\n");
}

TEST(FormatsRowBinaryInput, HeaderMappingAndTruncation) {
  Block block = makeBlock({{"a", "UInt8", {"1"}}, {"b", "String", {"xy"}}});
  std::string data = writeFormat("RowBinaryWithNamesAndTypes", block);
  EXPECT_EQ(data, std::string("\x02\x01" "a\x01" "b\x05UInt8\x06String\x01\x02xy", 22));
  Block reversed = makeHeader({{"b", "String"}, {"a", "UInt8"}, {"c", "UInt32"}});
  EXPECT_EQ(toTSV(readFormat("RowBinaryWithNamesAndTypes", data, reversed)), "xy\t1\t0\n");
  auto [code, message] = errorOf([&] { readFormat("RowBinary", std::string("\x01\x05x", 3), block.cloneEmpty()); });
  EXPECT_EQ(code, 33);
}

TEST(FormatsAsStringInput, JSONAsString) {
  Block header = makeHeader({{"json", "String"}});
  std::string data = "{\"a\": \"}\\\"{\", \"b\": [1, {\"c\": 2}]}\n{\"x\":1}, {\"y\":\n2}";
  EXPECT_EQ(toTSV(readFormat("JSONAsString", data, header)),
            "{\"a\": \"}\\\\\"{\", \"b\": [1, {\"c\": 2}]}\n{\"x\":1}\n{\"y\":\\n2}\n");
  EXPECT_EQ(toTSV(readFormat("JSONAsString", " [ {\"a\":1} , {\"b\":2} ] ", header)), "{\"a\":1}\n{\"b\":2}\n");
  auto bad = errorOf([&] { readFormat("JSONAsString", "[1]", header); });
  EXPECT_EQ(bad.second, "JSON object must begin with '{'.: (at row 1)\n");
  auto wrong_header = errorOf([&] { readFormat("JSONAsString", "{}", makeHeader({{"x", "UInt8"}})); });
  EXPECT_EQ(wrong_header.first, 36);
}

TEST(FormatsAsStringInput, LineAsString) {
  Block header = makeHeader({{"line", "String"}});
  EXPECT_EQ(toTSV(readFormat("LineAsString", "a b\tc\n\nlast", header)), "a b\\tc\n\nlast\n");
  EXPECT_EQ(toTSV(readFormat("LineAsString", "x\ny\n", header)), "x\ny\n");
  Block nullable = makeHeader({{"line", "Nullable(String)"}});
  EXPECT_EQ(toTSV(readFormat("LineAsString", "x\n", nullable)), "x\n");
}

}  // namespace
}  // namespace tally::test
