// Schema inference, with the examples of ClickHouse's "schema inference" documentation page
// (DESC format(<format>, '<data>') results), and the row boundary finders used to cut input
// for parallel parsing.

#include "formats_test_util.h"

namespace tally::test {
namespace {

std::string infer(const std::string& format, const std::string& data, const FormatSettings& settings = {},
                  size_t max_rows = 25000) {
  const auto* reader = FormatFactory::instance().schemaReader(format);
  if (!reader) return "<no schema reader>";
  ReadBufferFromMemory in(data);
  InferredSchema schema = (*reader)(in, settings, max_rows);
  std::string out;
  for (const auto& [name, type] : schema) out += name + " " + type->name() + "\n";
  return out;
}

TEST(FormatsSchemaInference, JSONScalars) {
  EXPECT_EQ(infer("JSONEachRow", R"({"int" : 42, "float" : 42.42, "bool" : true, "string" : "Hello, World!"})"),
            "int Nullable(Int64)\nfloat Nullable(Float64)\nbool Nullable(Bool)\nstring Nullable(String)\n");
  EXPECT_EQ(infer("JSONEachRow",
                  R"({"date" : "2022-01-01", "datetime" : "2022-01-01 00:00:00", "datetime64" : "2022-01-01 00:00:00.000"})"),
            "date Nullable(Date)\ndatetime Nullable(DateTime)\ndatetime64 Nullable(DateTime64(9))\n");
  EXPECT_EQ(infer("JSONLines", "{\"number\" : 1}\n{\"number\" : 18446744073709551615}"), "number Nullable(UInt64)\n");
  EXPECT_EQ(infer("NDJSON", "{\"number\" : 1}\n{\"number\" : 2.2}"), "number Nullable(Float64)\n");
  EXPECT_EQ(infer("JSONEachRow", "{\"value\" : 1055}\n{\"value\" : \"unknown\"}"), "value Nullable(String)\n");
  EXPECT_EQ(infer("JSONEachRow", "{\"value\" : true}\n{\"value\" : 42}"), "value Nullable(Int64)\n");
  EXPECT_EQ(infer("JSONEachRow", "{\"value\" : true}\n{\"value\" : \"Hello, World\"}"), "value Nullable(String)\n");
  EXPECT_EQ(infer("JSONEachRow", "{\"date\" : \"2021-01-01\"}\n{\"date\" : \"unknown\"}"), "date Nullable(String)\n");
  FormatSettings no_dates;
  no_dates.inference.try_infer_dates = false;
  no_dates.inference.try_infer_datetimes = false;
  EXPECT_EQ(infer("JSONEachRow", "{\"d\" : \"2021-01-01\", \"dt\" : \"2021-01-01 00:00:00\"}", no_dates),
            "d Nullable(String)\ndt Nullable(String)\n");
}

TEST(FormatsSchemaInference, JSONArraysAndObjects) {
  EXPECT_EQ(infer("JSONEachRow", R"({"arr" : [1, 2, 3], "nested_arrays" : [[1, 2, 3], [4, 5, 6], []]})"),
            "arr Array(Nullable(Int64))\nnested_arrays Array(Array(Nullable(Int64)))\n");
  EXPECT_EQ(infer("JSONEachRow", R"({"arr" : [null, 42, null]})"), "arr Array(Nullable(Int64))\n");
  EXPECT_EQ(infer("JSONEachRow", R"({"arr" : [null, null]})"), "arr Array(Nullable(String))\n");
  EXPECT_EQ(infer("JSONEachRow",
                  R"({"obj" : {"a" : 42, "b" : "Hello"}}, {"obj" : {"a" : 43, "c" : [1, 2, 3]}}, {"obj" : {"d" : {"e" : 42}}})"),
            "obj Tuple(a Nullable(Int64), b Nullable(String), c Array(Nullable(Int64)), d Tuple(e Nullable(Int64)))\n");
  EXPECT_EQ(infer("JSONEachRow", R"({"obj" : {"a" : [1,2,3], "b" : "hello", "c" : null, "d" : {}, "e" : []}})"),
            "obj Tuple(a Array(Nullable(Int64)), b Nullable(String), c Nullable(String), d Nullable(String), e "
            "Array(Nullable(String)))\n");
  EXPECT_EQ(infer("JSONEachRow", R"([{"a": 1}, {"b": "x"}])"), "a Nullable(Int64)\nb Nullable(String)\n");
  EXPECT_EQ(infer("JSONEachRow", "{\"id\" :  1, \"age\" :  25, \"name\" : \"Josh\", \"status\" : null, \"hobbies\" : "
                                 "[\"football\", \"cooking\"]}\n{\"id\" :  2, \"age\" :  19, \"name\" :  \"Alan\", "
                                 "\"status\" : \"married\", \"hobbies\" :  [\"tennis\", \"art\"]}"),
            "id Nullable(Int64)\nage Nullable(Int64)\nname Nullable(String)\nstatus Nullable(String)\nhobbies "
            "Array(Nullable(String))\n");
}

TEST(FormatsSchemaInference, JSONErrorsAndRowLimit) {
  auto [code, message] = errorOf([] { infer("JSONEachRow", "  \n"); });
  EXPECT_EQ(code, 636);
  // Only the first max_rows rows are looked at.
  EXPECT_EQ(infer("JSONEachRow", "{\"a\" : 1}\n{\"a\" : \"x\"}", {}, 1), "a Nullable(Int64)\n");
}

TEST(FormatsSchemaInference, JSONCompactEachRow) {
  EXPECT_EQ(infer("JSONCompactEachRow", "[1, \"a\", [1.5]]\n[2, null, []]"),
            "c1 Nullable(Int64)\nc2 Nullable(String)\nc3 Array(Nullable(Float64))\n");
  EXPECT_EQ(infer("JSONCompactEachRowWithNames", "[\"x\", \"y\"]\n[1, \"2024-01-01\"]"),
            "x Nullable(Int64)\ny Nullable(Date)\n");
  EXPECT_EQ(infer("JSONCompactEachRowWithNamesAndTypes", "[\"x\", \"y\"]\n[\"UInt8\", \"String\"]\n[1, \"a\"]"),
            "x UInt8\ny String\n");
}

TEST(FormatsSchemaInference, CSV) {
  EXPECT_EQ(infer("CSV", "42,42.42,true,\"Hello,World!\""),
            "c1 Nullable(Int64)\nc2 Nullable(Float64)\nc3 Nullable(Bool)\nc4 Nullable(String)\n");
  EXPECT_EQ(infer("CSV", "Hello world!,World hello!"), "c1 Nullable(String)\nc2 Nullable(String)\n");
  EXPECT_EQ(infer("CSV", "\"2020-01-01\",\"2020-01-01 00:00:00\",\"2022-01-01 00:00:00.000\""),
            "c1 Nullable(Date)\nc2 Nullable(DateTime)\nc3 Nullable(DateTime64(9))\n");
  EXPECT_EQ(infer("CSV", "\"[1,2,3]\",\"[[1, 2], [], [3, 4]]\""),
            "c1 Array(Nullable(Int64))\nc2 Array(Array(Nullable(Int64)))\n");
  EXPECT_EQ(infer("CSV", "\"['Hello', 'world']\",\"[['Abc', 'Def'], []]\""),
            "c1 Array(Nullable(String))\nc2 Array(Array(Nullable(String)))\n");
  EXPECT_EQ(infer("CSV", "\"[NULL, 42, NULL]\""), "c1 Array(Nullable(Int64))\n");
  EXPECT_EQ(infer("CSV", "\"[NULL, NULL]\""), "c1 Nullable(String)\n");
  EXPECT_EQ(infer("CSV", "\"42\",1e10"), "c1 Nullable(String)\nc2 Nullable(String)\n");
  EXPECT_EQ(infer("CSV", "1,\n,x\n\\N,y\n"), "c1 Nullable(Int64)\nc2 Nullable(String)\n");
}

TEST(FormatsSchemaInference, CSVHeaderDetection) {
  EXPECT_EQ(infer("CSV", "\"number\",\"string\",\"array\"\n42,\"Hello\",\"[1, 2, 3]\"\n43,\"World\",\"[4, 5, 6]\"\n"),
            "number Nullable(Int64)\nstring Nullable(String)\narray Array(Nullable(Int64))\n");
  EXPECT_EQ(infer("CSV",
                  "\"number\",\"string\",\"array\"\n\"UInt32\",\"String\",\"Array(UInt16)\"\n42,\"Hello\",\"[1, 2, "
                  "3]\"\n43,\"World\",\"[4, 5, 6]\"\n"),
            "number UInt32\nstring String\narray Array(UInt16)\n");
  EXPECT_EQ(infer("CSV", "\"first_column\",\"second_column\"\n\"Hello\",\"World\"\n\"World\",\"Hello\"\n"),
            "c1 Nullable(String)\nc2 Nullable(String)\n");
  FormatSettings off;
  off.csv.detect_header = false;
  EXPECT_EQ(infer("CSV", "a,b\n1,2\n", off), "c1 Nullable(String)\nc2 Nullable(String)\n");
  EXPECT_EQ(infer("CSVWithNames", "a,b\n1,2\n"), "a Nullable(Int64)\nb Nullable(Int64)\n");
  EXPECT_EQ(infer("CSVWithNamesAndTypes", "a,b\nInt8,String\n1,2\n"), "a Int8\nb String\n");
}

TEST(FormatsSchemaInference, TabSeparated) {
  EXPECT_EQ(infer("TSV", "42\t42.42\ttrue\tHello,World!"),
            "c1 Nullable(Int64)\nc2 Nullable(Float64)\nc3 Nullable(Bool)\nc4 Nullable(String)\n");
  EXPECT_EQ(infer("TSV", "2020-01-01\t2020-01-01 00:00:00\t2022-01-01 00:00:00.000"),
            "c1 Nullable(Date)\nc2 Nullable(DateTime)\nc3 Nullable(DateTime64(9))\n");
  EXPECT_EQ(infer("TSV", "[1,2,3]\t[[1, 2], [], [3, 4]]"),
            "c1 Array(Nullable(Int64))\nc2 Array(Array(Nullable(Int64)))\n");
  EXPECT_EQ(infer("TSV", "['Hello', 'world']\t[['Abc', 'Def'], []]"),
            "c1 Array(Nullable(String))\nc2 Array(Array(Nullable(String)))\n");
  EXPECT_EQ(infer("TSV", "[NULL, 42, NULL]"), "c1 Array(Nullable(Int64))\n");
  EXPECT_EQ(infer("TSV", "(42, 'Hello, world!')"), "c1 Tuple(Nullable(Int64), Nullable(String))\n");
  EXPECT_EQ(infer("TSV", "[NULL, NULL]"), "c1 Nullable(String)\n");
  EXPECT_EQ(infer("TSV", "number\tstring\tarray\n42\tHello\t[1, 2, 3]\n43\tWorld\t[4, 5, 6]\n"),
            "number Nullable(Int64)\nstring Nullable(String)\narray Array(Nullable(Int64))\n");
  EXPECT_EQ(infer("TSV", "number\tstring\tarray\nUInt32\tString\tArray(UInt16)\n42\tHello\t[1, 2, 3]\n"),
            "number UInt32\nstring String\narray Array(UInt16)\n");
  EXPECT_EQ(infer("TSV", "first_column\tsecond_column\nHello\tWorld\nWorld\tHello\n"),
            "c1 Nullable(String)\nc2 Nullable(String)\n");
  EXPECT_EQ(infer("TSVWithNames", "x\ty\n1\t\\N\n"), "x Nullable(Int64)\ny Nullable(String)\n");
}

TEST(FormatsSchemaInference, Values) {
  EXPECT_EQ(infer("Values", "(42, 42.42, true, 'Hello,World!')"),
            "c1 Nullable(Int64)\nc2 Nullable(Float64)\nc3 Nullable(Bool)\nc4 Nullable(String)\n");
  EXPECT_EQ(infer("Values", "('2020-01-01', '2020-01-01 00:00:00', '2022-01-01 00:00:00.000')"),
            "c1 Nullable(Date)\nc2 Nullable(DateTime)\nc3 Nullable(DateTime64(9))\n");
  EXPECT_EQ(infer("Values", "([1,2,3], [[1, 2], [], [3, 4]])"),
            "c1 Array(Nullable(Int64))\nc2 Array(Array(Nullable(Int64)))\n");
  EXPECT_EQ(infer("Values", "((42, 'Hello, world!'))"), "c1 Tuple(Nullable(Int64), Nullable(String))\n");
  auto [code, message] = errorOf([] { infer("Values", "([NULL, NULL])"); });
  EXPECT_EQ(code, 652);
  EXPECT_EQ(message,
            "Cannot determine type for column 'c1' by first 1 rows of data, most likely this column contains only "
            "Nulls or empty Arrays/Maps.");
}

TEST(FormatsSchemaInference, InferredSchemaReadsTheData) {
  std::string data = "{\"id\":1,\"tags\":[\"a\"],\"when\":\"2024-01-02 03:04:05\",\"obj\":{\"k\":1.5}}\n"
                     "{\"id\":null,\"tags\":[],\"obj\":{\"k\":2}}\n";
  ReadBufferFromMemory in(data);
  InferredSchema schema = (*FormatFactory::instance().schemaReader("JSONEachRow"))(in, {}, 100);
  Block header;
  for (const auto& [name, type] : schema) header.insert({type->createColumn(), type, name});
  EXPECT_EQ(toTSV(readFormat("JSONEachRow", data, header)),
            "1\t['a']\t2024-01-02 03:04:05\t(1.5)\n\\N\t[]\t\\N\t(2)\n");
}

// ---- Row boundary finders ----

size_t boundary(const std::string& format, const std::string& data) {
  const auto* finder = FormatFactory::instance().rowBoundaryFinder(format);
  EXPECT_NE(finder, nullptr);
  return size_t((*finder)(data.data(), data.data() + data.size()) - data.data());
}

TEST(FormatsRowBoundaries, CSVRespectsQuotes) {
  EXPECT_EQ(boundary("CSV", "a,b\nc,d"), 4u);
  EXPECT_EQ(boundary("CSV", "a,\"x\ny\"\nc,\"unterminated\nline"), 8u);
  EXPECT_EQ(boundary("CSV", "1,\"\"\"quoted\"\"\nnewline\"\n2,x\n"), 27u);
  EXPECT_EQ(boundary("CSV", "\"no newline outside quotes\n"), 0u);
  EXPECT_EQ(boundary("CSVWithNames", "a\nb\n"), 4u);
  // Cutting at the boundary and parsing both parts gives the same rows as parsing the whole.
  std::string data;
  for (int i = 0; i < 200; ++i) data += std::to_string(i) + ",\"multi\nline \"\"" + std::to_string(i) + "\"\"\"\n";
  Block header = makeHeader({{"n", "UInt32"}, {"s", "String"}});
  FormatSettings s;
  s.csv.detect_header = false;
  std::string whole = toTSV(readFormat("CSV", data, header, s));
  for (size_t cut : {size_t(1), size_t(17), data.size() / 3, data.size() / 2, data.size() - 5}) {
    size_t end = boundary("CSV", data.substr(0, cut));
    std::string parts = toTSV(readFormat("CSV", data.substr(0, end), header, s)) +
                        toTSV(readFormat("CSV", data.substr(end), header, s));
    EXPECT_EQ(parts, whole) << "cut at " << cut;
  }
}

TEST(FormatsRowBoundaries, TabSeparatedSkipsEscapedLineFeeds) {
  EXPECT_EQ(boundary("TSV", "a\tb\nc\\\nd\te"), 4u);
  EXPECT_EQ(boundary("TSV", "a\\\\\nb"), 4u);
  EXPECT_EQ(boundary("TSVWithNames", "no line end"), 0u);
}

TEST(FormatsRowBoundaries, JSON) {
  EXPECT_EQ(boundary("JSONEachRow", "{\"a\":\"}\\\"{\"}\n{\"a\":{\"b\":1}}\n{\"a\":"), 27u);
  EXPECT_EQ(boundary("JSONEachRow", "{\"a\":1},\n{\"a\":2}, {\"a\""), 18u);
  EXPECT_EQ(boundary("JSONEachRow", "[{\"a\":1}, {\"a\":2}]"), 0u);
  EXPECT_EQ(boundary("JSONAsString", "{\"x\":[1,{\"y\":2}]}\n{"), 18u);
  EXPECT_EQ(boundary("JSONCompactEachRow", "[1, \"]\"]\n[2, \"x\"]\n[3"), 18u);
  EXPECT_EQ(boundary("LineAsString", "a\nb\nc"), 4u);
  EXPECT_EQ(FormatFactory::instance().rowBoundaryFinder("Values"), nullptr);
}

}  // namespace
}  // namespace tally::test
