// Output formats checked byte for byte against ClickHouse (the expected texts are what the
// reference server prints for the same data):
//   SELECT number AS n, toString(number) AS s, toDate('2024-01-15') + number AS d,
//          [number, 2] AS arr, if(number = 1, NULL, number) AS nul,
//          'a"b\'c\td\\e\n/' AS str, toFloat64(number) / 3 AS f FROM system.numbers LIMIT 3
// and, for totals and extremes,
//   SELECT number % 2 AS k, count() AS c FROM numbers(5) GROUP BY k WITH TOTALS ORDER BY k
//   SETTINGS extremes = 1

#include "formats_test_util.h"

namespace tally::test {
namespace {

Block sampleBlock() {
  return makeBlock({
      {"n", "UInt64", {"0", "1", "2"}},
      {"s", "String", {"0", "1", "2"}},
      {"d", "Date", {"2024-01-15", "2024-01-16", "2024-01-17"}},
      {"arr", "Array(UInt64)", {"[0,2]", "[1,2]", "[2,2]"}},
      {"nul", "Nullable(UInt64)", {"0", "\\N", "2"}},
      {"str", "String", {"a\"b'c\td\\e\n/", "a\"b'c\td\\e\n/", "a\"b'c\td\\e\n/"}},
      {"f", "Float64", {"0", "0.3333333333333333", "0.6666666666666666"}},
  });
}

FormatSettings noStatistics() {
  FormatSettings s;
  s.write_statistics = false;
  return s;
}

WriteOptions totalsAndExtremes() {
  WriteOptions o;
  o.blocks.push_back(makeBlock({{"k", "UInt8", {"0", "1"}}, {"c", "UInt64", {"3", "2"}}}));
  o.totals = makeBlock({{"k", "UInt8", {"0"}}, {"c", "UInt64", {"5"}}});
  o.extremes = std::make_pair(makeBlock({{"k", "UInt8", {"0"}}, {"c", "UInt64", {"2"}}}),
                              makeBlock({{"k", "UInt8", {"1"}}, {"c", "UInt64", {"3"}}}));
  o.statistics.rows_before_limit = 2;
  o.set_statistics = true;
  return o;
}

TEST(FormatsTextOutput, TabSeparated) {
  EXPECT_EQ(writeFormat("TabSeparated", sampleBlock()),
            "0\t0\t2024-01-15\t[0,2]\t0\ta\"b\\'c\\td\\\\e\\n/\t0\n"
            "1\t1\t2024-01-16\t[1,2]\t\\N\ta\"b\\'c\\td\\\\e\\n/\t0.3333333333333333\n"
            "2\t2\t2024-01-17\t[2,2]\t2\ta\"b\\'c\\td\\\\e\\n/\t0.6666666666666666\n");
  EXPECT_EQ(writeFormat("TSV", sampleBlock()), writeFormat("TabSeparated", sampleBlock()));
}

TEST(FormatsTextOutput, TabSeparatedWithNames) {
  EXPECT_EQ(writeFormat("TSVWithNames", sampleBlock()),
            "n\ts\td\tarr\tnul\tstr\tf\n"
            "0\t0\t2024-01-15\t[0,2]\t0\ta\"b\\'c\\td\\\\e\\n/\t0\n"
            "1\t1\t2024-01-16\t[1,2]\t\\N\ta\"b\\'c\\td\\\\e\\n/\t0.3333333333333333\n"
            "2\t2\t2024-01-17\t[2,2]\t2\ta\"b\\'c\\td\\\\e\\n/\t0.6666666666666666\n");
  std::string header = "n\ts\td\tarr\tnul\tstr\tf\nUInt64\tString\tDate\tArray(UInt64)\tNullable(UInt64)\tString\tFloat64\n";
  EXPECT_EQ(writeFormat("TSVWithNamesAndTypes", sampleBlock()), header + writeFormat("TSV", sampleBlock()));
}

TEST(FormatsTextOutput, TabSeparatedRawWritesTextUnescapedAndNullAsBackslashN) {
  // Today's TabSeparatedRaw: values unescaped, NULL as format_tsv_null_representation.
  Block b = makeBlock({{"s", "String", {"a\tb\\c"}}, {"n", "Nullable(UInt8)", {"\\N"}}});
  EXPECT_EQ(writeFormat("TSVRaw", b), "a\tb\\c\t\\N\n");
  EXPECT_EQ(writeFormat("Raw", b), "a\tb\\c\t\\N\n");
}

TEST(FormatsTextOutput, CSV) {
  EXPECT_EQ(writeFormat("CSV", sampleBlock()),
            "0,\"0\",\"2024-01-15\",\"[0,2]\",0,\"a\"\"b'c\td\\e\n"
            "/\",0\n"
            "1,\"1\",\"2024-01-16\",\"[1,2]\",\\N,\"a\"\"b'c\td\\e\n"
            "/\",0.3333333333333333\n"
            "2,\"2\",\"2024-01-17\",\"[2,2]\",2,\"a\"\"b'c\td\\e\n"
            "/\",0.6666666666666666\n");
  EXPECT_EQ(writeFormat("CSVWithNames", sampleBlock()),
            "\"n\",\"s\",\"d\",\"arr\",\"nul\",\"str\",\"f\"\n"
            "0,\"0\",\"2024-01-15\",\"[0,2]\",0,\"a\"\"b'c\td\\e\n"
            "/\",0\n"
            "1,\"1\",\"2024-01-16\",\"[1,2]\",\\N,\"a\"\"b'c\td\\e\n"
            "/\",0.3333333333333333\n"
            "2,\"2\",\"2024-01-17\",\"[2,2]\",2,\"a\"\"b'c\td\\e\n"
            "/\",0.6666666666666666\n");
}

TEST(FormatsTextOutput, CSVSettings) {
  Block b = makeBlock({{"a", "UInt8", {"1"}}, {"b", "String", {"x"}}});
  FormatSettings s;
  s.csv.delimiter = ';';
  s.csv.crlf_end_of_line = true;
  EXPECT_EQ(writeFormat("CSV", b, s), "1;\"x\"\r\n");
  EXPECT_EQ(writeFormat("CSVWithNamesAndTypes", b), "\"a\",\"b\"\n\"UInt8\",\"String\"\n1,\"x\"\n");
}

TEST(FormatsTextOutput, JSONEachRow) {
  EXPECT_EQ(writeFormat("JSONEachRow", sampleBlock()),
            "{\"n\":\"0\",\"s\":\"0\",\"d\":\"2024-01-15\",\"arr\":[\"0\",\"2\"],\"nul\":\"0\",\"str\":\"a\\\"b'c\\td\\\\e\\n\\/\",\"f\":0}\n"
            "{\"n\":\"1\",\"s\":\"1\",\"d\":\"2024-01-16\",\"arr\":[\"1\",\"2\"],\"nul\":null,\"str\":\"a\\\"b'c\\td\\\\e\\n\\/\",\"f\":0.3333333333333333}\n"
            "{\"n\":\"2\",\"s\":\"2\",\"d\":\"2024-01-17\",\"arr\":[\"2\",\"2\"],\"nul\":\"2\",\"str\":\"a\\\"b'c\\td\\\\e\\n\\/\",\"f\":0.6666666666666666}\n");
  EXPECT_EQ(writeFormat("JSONLines", sampleBlock()), writeFormat("JSONEachRow", sampleBlock()));
  EXPECT_EQ(writeFormat("NDJSON", sampleBlock()), writeFormat("JSONEachRow", sampleBlock()));
  EXPECT_EQ(writeFormat("JSONL", sampleBlock()), writeFormat("JSONEachRow", sampleBlock()));
}

TEST(FormatsTextOutput, JSONEachRowArrayOfRows) {
  Block b = makeBlock({{"a", "UInt8", {"1", "2"}}});
  FormatSettings s;
  s.json.array_of_rows = true;
  EXPECT_EQ(writeFormat("JSONEachRow", b, s), "[\n{\"a\":1},\n{\"a\":2}\n]\n");
}

TEST(FormatsTextOutput, JSONStringsAndCompactEachRow) {
  Block b = makeBlock({{"a", "UInt64", {"1"}}, {"b", "Nullable(String)", {"\\N"}}, {"c", "Array(UInt8)", {"[1,2]"}}});
  EXPECT_EQ(writeFormat("JSONStringsEachRow", b), "{\"a\":\"1\",\"b\":\"ᴺᵁᴸᴸ\",\"c\":\"[1,2]\"}\n");
  EXPECT_EQ(writeFormat("JSONCompactEachRow", b), "[\"1\", null, [1,2]]\n");
  EXPECT_EQ(writeFormat("JSONCompactEachRowWithNames", b), "[\"a\", \"b\", \"c\"]\n[\"1\", null, [1,2]]\n");
  EXPECT_EQ(writeFormat("JSONCompactEachRowWithNamesAndTypes", b),
            "[\"a\", \"b\", \"c\"]\n[\"UInt64\", \"Nullable(String)\", \"Array(UInt8)\"]\n[\"1\", null, [1,2]]\n");
  EXPECT_EQ(writeFormat("JSONCompactStringsEachRow", b), "[\"1\", \"ᴺᵁᴸᴸ\", \"[1,2]\"]\n");
}

TEST(FormatsTextOutput, Values) {
  EXPECT_EQ(writeFormat("Values", sampleBlock()),
            "(0,'0','2024-01-15',[0,2],0,'a\"b\\'c\\td\\\\e\\n/',0),(1,'1','2024-01-16',[1,2],NULL,'a\"b\\'c\\td\\\\e\\n/',0.3333333333333333),(2,'2','2024-01-17',[2,2],2,'a\"b\\'c\\td\\\\e\\n/',0.6666666666666666)");
}

TEST(FormatsTextOutput, JSON) {
  WriteOptions o;
  o.blocks.push_back(sampleBlock());
  o.statistics.rows_before_limit = 3;
  o.set_statistics = true;
  EXPECT_EQ(writeFormat("JSON", o, noStatistics()),
            "{\n"
            "\t\"meta\":\n"
            "\t[\n"
            "\t\t{\n"
            "\t\t\t\"name\": \"n\",\n"
            "\t\t\t\"type\": \"UInt64\"\n"
            "\t\t},\n"
            "\t\t{\n"
            "\t\t\t\"name\": \"s\",\n"
            "\t\t\t\"type\": \"String\"\n"
            "\t\t},\n"
            "\t\t{\n"
            "\t\t\t\"name\": \"d\",\n"
            "\t\t\t\"type\": \"Date\"\n"
            "\t\t},\n"
            "\t\t{\n"
            "\t\t\t\"name\": \"arr\",\n"
            "\t\t\t\"type\": \"Array(UInt64)\"\n"
            "\t\t},\n"
            "\t\t{\n"
            "\t\t\t\"name\": \"nul\",\n"
            "\t\t\t\"type\": \"Nullable(UInt64)\"\n"
            "\t\t},\n"
            "\t\t{\n"
            "\t\t\t\"name\": \"str\",\n"
            "\t\t\t\"type\": \"String\"\n"
            "\t\t},\n"
            "\t\t{\n"
            "\t\t\t\"name\": \"f\",\n"
            "\t\t\t\"type\": \"Float64\"\n"
            "\t\t}\n"
            "\t],\n"
            "\n"
            "\t\"data\":\n"
            "\t[\n"
            "\t\t{\n"
            "\t\t\t\"n\": \"0\",\n"
            "\t\t\t\"s\": \"0\",\n"
            "\t\t\t\"d\": \"2024-01-15\",\n"
            "\t\t\t\"arr\": [\"0\",\"2\"],\n"
            "\t\t\t\"nul\": \"0\",\n"
            "\t\t\t\"str\": \"a\\\"b'c\\td\\\\e\\n\\/\",\n"
            "\t\t\t\"f\": 0\n"
            "\t\t},\n"
            "\t\t{\n"
            "\t\t\t\"n\": \"1\",\n"
            "\t\t\t\"s\": \"1\",\n"
            "\t\t\t\"d\": \"2024-01-16\",\n"
            "\t\t\t\"arr\": [\"1\",\"2\"],\n"
            "\t\t\t\"nul\": null,\n"
            "\t\t\t\"str\": \"a\\\"b'c\\td\\\\e\\n\\/\",\n"
            "\t\t\t\"f\": 0.3333333333333333\n"
            "\t\t},\n"
            "\t\t{\n"
            "\t\t\t\"n\": \"2\",\n"
            "\t\t\t\"s\": \"2\",\n"
            "\t\t\t\"d\": \"2024-01-17\",\n"
            "\t\t\t\"arr\": [\"2\",\"2\"],\n"
            "\t\t\t\"nul\": \"2\",\n"
            "\t\t\t\"str\": \"a\\\"b'c\\td\\\\e\\n\\/\",\n"
            "\t\t\t\"f\": 0.6666666666666666\n"
            "\t\t}\n"
            "\t],\n"
            "\n"
            "\t\"rows\": 3,\n"
            "\n"
            "\t\"rows_before_limit_at_least\": 3\n"
            "}\n");
}

TEST(FormatsTextOutput, JSONCompact) {
  WriteOptions o;
  o.blocks.push_back(sampleBlock());
  o.statistics.rows_before_limit = 3;
  o.set_statistics = true;
  EXPECT_EQ(writeFormat("JSONCompact", o, noStatistics()),
            "{\n"
            "\t\"meta\":\n"
            "\t[\n"
            "\t\t{\n"
            "\t\t\t\"name\": \"n\",\n"
            "\t\t\t\"type\": \"UInt64\"\n"
            "\t\t},\n"
            "\t\t{\n"
            "\t\t\t\"name\": \"s\",\n"
            "\t\t\t\"type\": \"String\"\n"
            "\t\t},\n"
            "\t\t{\n"
            "\t\t\t\"name\": \"d\",\n"
            "\t\t\t\"type\": \"Date\"\n"
            "\t\t},\n"
            "\t\t{\n"
            "\t\t\t\"name\": \"arr\",\n"
            "\t\t\t\"type\": \"Array(UInt64)\"\n"
            "\t\t},\n"
            "\t\t{\n"
            "\t\t\t\"name\": \"nul\",\n"
            "\t\t\t\"type\": \"Nullable(UInt64)\"\n"
            "\t\t},\n"
            "\t\t{\n"
            "\t\t\t\"name\": \"str\",\n"
            "\t\t\t\"type\": \"String\"\n"
            "\t\t},\n"
            "\t\t{\n"
            "\t\t\t\"name\": \"f\",\n"
            "\t\t\t\"type\": \"Float64\"\n"
            "\t\t}\n"
            "\t],\n"
            "\n"
            "\t\"data\":\n"
            "\t[\n"
            "\t\t[\"0\", \"0\", \"2024-01-15\", [\"0\",\"2\"], \"0\", \"a\\\"b'c\\td\\\\e\\n\\/\", 0],\n"
            "\t\t[\"1\", \"1\", \"2024-01-16\", [\"1\",\"2\"], null, \"a\\\"b'c\\td\\\\e\\n\\/\", 0.3333333333333333],\n"
            "\t\t[\"2\", \"2\", \"2024-01-17\", [\"2\",\"2\"], \"2\", \"a\\\"b'c\\td\\\\e\\n\\/\", 0.6666666666666666]\n"
            "\t],\n"
            "\n"
            "\t\"rows\": 3,\n"
            "\n"
            "\t\"rows_before_limit_at_least\": 3\n"
            "}\n");
}

TEST(FormatsTextOutput, JSONStatistics) {
  WriteOptions o;
  o.blocks.push_back(makeBlock({{"x", "UInt8", {"1"}}}));
  o.statistics.elapsed_seconds = 0.000099898;
  o.statistics.rows_read = 2;
  o.statistics.bytes_read = 16;
  o.set_statistics = true;
  EXPECT_EQ(writeFormat("JSON", o, FormatSettings{}),
            "{\n\t\"meta\":\n\t[\n\t\t{\n\t\t\t\"name\": \"x\",\n\t\t\t\"type\": \"UInt8\"\n\t\t}\n\t],\n\n"
            "\t\"data\":\n\t[\n\t\t{\n\t\t\t\"x\": 1\n\t\t}\n\t],\n\n\t\"rows\": 1,\n\n"
            "\t\"statistics\":\n\t{\n\t\t\"elapsed\": 0.000099898,\n\t\t\"rows_read\": 2,\n\t\t\"bytes_read\": 16\n\t}\n}\n");
}

TEST(FormatsTextOutput, JSONEmptyResultAndStrings) {
  WriteOptions o;
  o.blocks.push_back(makeBlock({{"x", "UInt8", {}}}));
  EXPECT_EQ(writeFormat("JSON", o, noStatistics()),
            "{\n\t\"meta\":\n\t[\n\t\t{\n\t\t\t\"name\": \"x\",\n\t\t\t\"type\": \"UInt8\"\n\t\t}\n\t],\n\n"
            "\t\"data\":\n\t[\n\n\t],\n\n\t\"rows\": 0\n}\n");
  WriteOptions o2;
  o2.blocks.push_back(makeBlock({{"x", "UInt8", {"7"}}}));
  EXPECT_EQ(writeFormat("JSONCompactStrings", o2, noStatistics()),
            "{\n\t\"meta\":\n\t[\n\t\t{\n\t\t\t\"name\": \"x\",\n\t\t\t\"type\": \"UInt8\"\n\t\t}\n\t],\n\n"
            "\t\"data\":\n\t[\n\t\t[\"7\"]\n\t],\n\n\t\"rows\": 1\n}\n");
}

TEST(FormatsTextOutput, JSONReplacesInvalidUTF8) {
  WriteOptions o;
  o.blocks.push_back(makeBlock({{"s", "String", {"a\xff\xfe" "b\xc3\xa9"}}}));
  std::string json = writeFormat("JSONCompact", o, noStatistics());
  EXPECT_NE(json.find("[\"a\xEF\xBF\xBD" "b\xc3\xa9\"]"), std::string::npos) << json;
}

TEST(FormatsTextOutput, TotalsAndExtremes) {
  WriteOptions o = totalsAndExtremes();
  EXPECT_EQ(writeFormat("TSV", o, noStatistics()),
            "0\t3\n"
            "1\t2\n"
            "\n"
            "0\t5\n"
            "\n"
            "0\t2\n"
            "1\t3\n");
  EXPECT_EQ(writeFormat("CSV", o, noStatistics()),
            "0,3\n"
            "1,2\n"
            "\n"
            "0,5\n"
            "\n"
            "0,2\n"
            "1,3\n");
  EXPECT_EQ(writeFormat("JSON", o, noStatistics()),
            "{\n"
            "\t\"meta\":\n"
            "\t[\n"
            "\t\t{\n"
            "\t\t\t\"name\": \"k\",\n"
            "\t\t\t\"type\": \"UInt8\"\n"
            "\t\t},\n"
            "\t\t{\n"
            "\t\t\t\"name\": \"c\",\n"
            "\t\t\t\"type\": \"UInt64\"\n"
            "\t\t}\n"
            "\t],\n"
            "\n"
            "\t\"data\":\n"
            "\t[\n"
            "\t\t{\n"
            "\t\t\t\"k\": 0,\n"
            "\t\t\t\"c\": \"3\"\n"
            "\t\t},\n"
            "\t\t{\n"
            "\t\t\t\"k\": 1,\n"
            "\t\t\t\"c\": \"2\"\n"
            "\t\t}\n"
            "\t],\n"
            "\n"
            "\t\"totals\":\n"
            "\t{\n"
            "\t\t\"k\": 0,\n"
            "\t\t\"c\": \"5\"\n"
            "\t},\n"
            "\n"
            "\t\"extremes\":\n"
            "\t{\n"
            "\t\t\"min\":\n"
            "\t\t{\n"
            "\t\t\t\"k\": 0,\n"
            "\t\t\t\"c\": \"2\"\n"
            "\t\t},\n"
            "\t\t\"max\":\n"
            "\t\t{\n"
            "\t\t\t\"k\": 1,\n"
            "\t\t\t\"c\": \"3\"\n"
            "\t\t}\n"
            "\t},\n"
            "\n"
            "\t\"rows\": 2,\n"
            "\n"
            "\t\"rows_before_limit_at_least\": 2\n"
            "}\n");
  EXPECT_EQ(writeFormat("Vertical", o, noStatistics()),
            "Row 1:\n"
            "──────\n"
            "k: 0\n"
            "c: 3\n"
            "\n"
            "Row 2:\n"
            "──────\n"
            "k: 1\n"
            "c: 2\n"
            "\n"
            "\n"
            "Totals:\n"
            "───────\n"
            "k: 0\n"
            "c: 5\n"
            "\n"
            "Min:\n"
            "────\n"
            "k: 0\n"
            "c: 2\n"
            "\n"
            "Max:\n"
            "────\n"
            "k: 1\n"
            "c: 3\n");
}

TEST(FormatsTextOutput, JSONCompactTotalsUseCommaSpace) {
  // Today's JSONCompact writes totals and extremes values separated by ", " (18.16 used ",").
  std::string json = writeFormat("JSONCompact", totalsAndExtremes(), noStatistics());
  EXPECT_NE(json.find("\t\t[0, \"3\"],\n\t\t[1, \"2\"]\n\t],\n\n\t\"totals\": [0, \"5\"],\n\n\t\"extremes\":\n\t{\n"
                      "\t\t\"min\": [0, \"2\"],\n\t\t\"max\": [1, \"3\"]\n\t},\n\n\t\"rows\": 2"),
            std::string::npos)
      << json;
}

TEST(FormatsTextOutput, JSONCompactEachRowWithNamesWritesTotals) {
  WriteOptions o = totalsAndExtremes();
  EXPECT_EQ(writeFormat("JSONCompactEachRowWithNames", o, {}), "[\"k\", \"c\"]\n[0, \"3\"]\n[1, \"2\"]\n\n[0, \"5\"]\n");
  EXPECT_EQ(writeFormat("JSONCompactEachRow", o, {}), "[0, \"3\"]\n[1, \"2\"]\n");
}

TEST(FormatsTextOutput, ContentTypes) {
  Block header = makeHeader({{"x", "UInt8"}});
  auto type_of = [&](const std::string& format, FormatSettings s = {}) {
    std::string sink;
    WriteBufferFromString out(sink);
    return FormatFactory::instance().getOutput(format, out, header, s)->contentType();
  };
  EXPECT_EQ(type_of("TSV"), "text/tab-separated-values; charset=UTF-8");
  EXPECT_EQ(type_of("TSVWithNames"), "text/tab-separated-values; charset=UTF-8");
  EXPECT_EQ(type_of("TSVRaw"), "text/tab-separated-values; charset=UTF-8");
  EXPECT_EQ(type_of("CSV"), "text/csv; charset=UTF-8; header=absent");
  EXPECT_EQ(type_of("CSVWithNames"), "text/csv; charset=UTF-8; header=present");
  EXPECT_EQ(type_of("JSON"), "application/json; charset=UTF-8");
  EXPECT_EQ(type_of("JSONCompact"), "application/json; charset=UTF-8");
  EXPECT_EQ(type_of("JSONEachRow"), "application/x-ndjson; charset=UTF-8");
  FormatSettings array;
  array.json.array_of_rows = true;
  EXPECT_EQ(type_of("JSONEachRow", array), "application/json; charset=UTF-8");
  EXPECT_EQ(type_of("RowBinary"), "application/octet-stream");
  EXPECT_EQ(type_of("Values"), "text/plain; charset=UTF-8");
  EXPECT_EQ(type_of("Pretty"), "text/plain; charset=UTF-8");
  EXPECT_EQ(type_of("Null"), "text/plain; charset=UTF-8");
}

TEST(FormatsTextOutput, ConstantColumnsAreExpanded) {
  DataTypePtr t = dataTypeFromString("UInt8");
  Block b;
  b.insert({t->createColumnConst(3, Field(uint64_t(7))), t, "c"});
  EXPECT_EQ(writeFormat("TSV", b), "7\n7\n7\n");
  EXPECT_EQ(writeFormat("Null", b), "");
}

TEST(FormatsTextOutput, Markdown) {
  Block b = makeBlock({{"number", "UInt64", {"0", "1"}}, {"s", "String", {"a|b", "x\ty"}}});
  EXPECT_EQ(writeFormat("Markdown", b), "| number | s |\n|-:|:-|\n| 0 | a|b |\n| 1 | x\\ty |\n");
  EXPECT_EQ(writeFormat("MD", b), writeFormat("Markdown", b));
}

TEST(FormatsTextOutput, FormatNamesAreCaseInsensitiveForLookup) {
  EXPECT_EQ(writeFormat("tsv", sampleBlock()), writeFormat("TabSeparated", sampleBlock()));
  EXPECT_EQ(writeFormat("jsoneachrow", sampleBlock()), writeFormat("JSONEachRow", sampleBlock()));
  auto [code, message] = errorOf([] { writeFormat("NoSuchFormat", sampleBlock()); });
  EXPECT_EQ(code, 73);
}

}  // namespace
}  // namespace tally::test
