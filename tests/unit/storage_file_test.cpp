// file() and ENGINE = File: formats from arguments and extensions, globs, compression, virtual
// columns, schema inference, allow_errors, parallel chunked parsing (same rows and exact error
// row numbers as sequential parsing), one-shot streams, INSERT, and path confinement.
//
// Chunked parsing and inference are tested with small test formats registered below (TSV and
// CSV with row-boundary finders and a toy schema reader), so they do not depend on which formats
// have finders and schema readers today; tests of real formats' inference skip when absent.

#include "storage/engines/storage_file.h"

#include <gtest/gtest.h>
#include <sys/stat.h>
#include <unistd.h>

#include "formats/format.h"
#include "io/compression.h"
#include "io/write_buffer.h"
#include "storage/storage_factory.h"
#include "storage/table_functions/column_list.h"
#include "storage_test_util.h"

namespace tally {
namespace {

using namespace test;

// ---- Test formats ----------------------------------------------------------------------------

const char* lineBoundary(const char* begin, const char* end) {
  for (const char* p = end; p > begin; --p)
    if (p[-1] == '\n') return p;
  return begin;
}

/// CSV rows may hold line feeds inside quotes: the last line feed outside quotes.
const char* csvBoundary(const char* begin, const char* end) {
  const char* last = begin;
  bool quoted = false;
  for (const char* p = begin; p < end; ++p) {
    if (*p == '"')
      quoted = !quoted;
    else if (*p == '\n' && !quoted)
      last = p + 1;
  }
  return last;
}

/// Columns c1..cN of the first line's tab-separated fields: Nullable(Int64) when every value of
/// the first rows is digits, Nullable(String) otherwise. WithNames: names from the header.
InferredSchema toySchema(ReadBuffer& in, size_t max_rows, bool with_names) {
  std::string text;
  in.readAll(text);
  std::vector<std::vector<std::string>> rows;
  size_t pos = 0;
  while (pos < text.size() && rows.size() < max_rows + 1) {
    size_t nl = text.find('\n', pos);
    std::string line = text.substr(pos, nl == std::string::npos ? std::string::npos : nl - pos);
    pos = nl == std::string::npos ? text.size() : nl + 1;
    std::vector<std::string> fields;
    size_t start = 0;
    while (true) {
      size_t tab = line.find('\t', start);
      fields.push_back(line.substr(start, tab == std::string::npos ? std::string::npos : tab - start));
      if (tab == std::string::npos) break;
      start = tab + 1;
    }
    rows.push_back(fields);
  }
  if (rows.empty()) return {};
  std::vector<std::string> names;
  size_t first = 0;
  if (with_names) {
    names = rows[0];
    first = 1;
  } else {
    for (size_t i = 0; i < rows[0].size(); ++i) names.push_back("c" + std::to_string(i + 1));
  }
  InferredSchema schema;
  for (size_t c = 0; c < names.size(); ++c) {
    bool numeric = rows.size() > first;
    for (size_t r = first; r < rows.size(); ++r)
      if (c >= rows[r].size() || rows[r][c].empty() || rows[r][c].find_first_not_of("0123456789") != std::string::npos)
        numeric = false;
    schema.emplace_back(names[c], dataTypeFromString(numeric ? "Nullable(Int64)" : "Nullable(String)"));
  }
  return schema;
}

FormatFactory::InputCreator delegateTo(const std::string& format) {
  return [format](ReadBuffer& in, const Block& header, const FormatSettings& settings) {
    return FormatFactory::instance().getInput(format, in, header, settings);
  };
}

REGISTER_FORMAT(StorageFileTestFormats) {
  factory.registerInputFormat("TestLines", delegateTo("TabSeparated"));
  factory.registerRowBoundaryFinder("TestLines", lineBoundary);
  factory.registerSchemaReader("TestLines", [](ReadBuffer& in, const FormatSettings&, size_t max_rows) {
    return toySchema(in, max_rows, false);
  });
  factory.registerInputFormat("TestLinesWithNames", delegateTo("TabSeparatedWithNames"));
  factory.registerRowBoundaryFinder("TestLinesWithNames", lineBoundary);
  factory.registerSchemaReader("TestLinesWithNames", [](ReadBuffer& in, const FormatSettings&, size_t max_rows) {
    return toySchema(in, max_rows, true);
  });
  factory.registerInputFormat("TestCSVChunked", delegateTo("CSV"));
  factory.registerRowBoundaryFinder("TestCSVChunked", csvBoundary);
  factory.registerInputFormat("TestNoSchema", delegateTo("TabSeparated"));
  factory.registerFileExtension("testlines", "TestLines");
}

// ---- Helpers -----------------------------------------------------------------------------------

class StorageFileTest : public ::testing::Test {
 protected:
  StorageFileTest() : context_(dir_.str()) {}

  StoragePtr file(const std::vector<TableFunctionArgument>& args) { return tableFunction("file", args, context_); }
  StoragePtr file(const std::string& path, const std::string& format = "", const std::string& structure = "",
                  const std::string& compression = "") {
    std::vector<TableFunctionArgument> args = {stringArg(path)};
    if (!format.empty() || !structure.empty() || !compression.empty())
      args.push_back(stringArg(format.empty() ? "auto" : format));
    if (!structure.empty() || !compression.empty()) args.push_back(stringArg(structure.empty() ? "auto" : structure));
    if (!compression.empty()) args.push_back(stringArg(compression));
    return file(args);
  }

  std::vector<std::string> rows(const StoragePtr& storage, std::vector<std::string> columns = {}, size_t streams = 1,
                                size_t block_size = 65536, Settings settings = Settings()) {
    if (columns.empty()) columns = columnNames(*storage);
    QueryContext context(settings);
    return readStorage(*storage, columns, context, streams, block_size).rows;
  }

  void writeCompressed(const std::string& relative, const std::string& content, CompressionMethod method) {
    fs::path p = dir_.path() / relative;
    fs::create_directories(p.parent_path());
    auto out = wrapWriteBufferWithCompression(std::make_unique<WriteBufferFromFile>(p.string()), method);
    out->write(content);
    out->finalize();
  }

  TempDir dir_;
  TestStorageContext context_;
};

std::string numberedLines(size_t rows, size_t bad_row = 0) {
  std::string s;
  for (size_t i = 1; i <= rows; ++i) {
    if (i == bad_row)
      s += "oops\tbad row\n";
    else
      s += std::to_string(i) + "\tvalue " + std::to_string(i * 7) + "\n";
  }
  return s;
}

// ---- Reading -----------------------------------------------------------------------------------

TEST_F(StorageFileTest, ReadsWithFormatAndStructure) {
  dir_.file("data.tsv", "1\ta\n2\tb\n");
  auto storage = file("data.tsv", "TSV", "x UInt8, s String");
  EXPECT_EQ(storage->engineName(), "File");
  EXPECT_EQ(structureOf(*storage), "x UInt8, s String");
  EXPECT_EQ(rows(storage), (std::vector<std::string>{"1\ta", "2\tb"}));
  EXPECT_EQ(rows(storage, {"s"}), (std::vector<std::string>{"a", "b"}));
  // Identifiers as arguments (file(data.tsv, TSV, ...)) count as their text.
  auto by_identifier = file({stringArg("data.tsv"), identifierArg("TabSeparated"), stringArg("x UInt8, s String")});
  EXPECT_EQ(rows(by_identifier).size(), 2u);
}

TEST_F(StorageFileTest, FormatFromExtension) {
  dir_.file("data.csv", "1,\"a,b\"\n2,c\n");
  auto storage = file("data.csv", "auto", "x UInt8, s String");
  EXPECT_EQ(std::static_pointer_cast<StorageFile>(storage)->format(), "CSV");
  EXPECT_EQ(rows(storage), (std::vector<std::string>{"1\ta,b", "2\tc"}));
  dir_.file("data.jsonl", "{\"s\":\"a\",\"x\":1}\n{\"x\":2}\n");
  auto json = file("data.jsonl", "", "x UInt8, s String");
  EXPECT_EQ(std::static_pointer_cast<StorageFile>(json)->format(), "JSONEachRow");
  EXPECT_EQ(rows(json), (std::vector<std::string>{"1\ta", "2\t"}));
}

TEST_F(StorageFileTest, Globs) {
  dir_.file("logs/a/1.tsv", "1\n");
  dir_.file("logs/a/2.tsv", "2\n");
  dir_.file("logs/b/3.tsv", "3\n");
  dir_.file("logs/b/deep/4.tsv", "4\n");
  dir_.file("logs/b/deep/5.txt", "5\n");
  auto files = [&](const std::string& pattern) {
    auto storage = file(pattern, "TSV", "x UInt8");
    return sorted(rows(storage, {"x", "_file"}));
  };
  EXPECT_EQ(files("logs/*/*.tsv"), (std::vector<std::string>{"1\t1.tsv", "2\t2.tsv", "3\t3.tsv"}));
  EXPECT_EQ(files("logs/a/{1,2}.tsv"), (std::vector<std::string>{"1\t1.tsv", "2\t2.tsv"}));
  EXPECT_EQ(files("logs/?/{1..3}.tsv"), (std::vector<std::string>{"1\t1.tsv", "2\t2.tsv", "3\t3.tsv"}));
  EXPECT_EQ(files("logs/**/*.tsv"), (std::vector<std::string>{"1\t1.tsv", "2\t2.tsv", "3\t3.tsv", "4\t4.tsv"}));
  EXPECT_EQ(files("logs/**").size(), 5u);
  // A directory stands for the files directly inside it.
  EXPECT_EQ(files("logs/a"), (std::vector<std::string>{"1\t1.tsv", "2\t2.tsv"}));
  // Absolute patterns work too.
  EXPECT_EQ(files(dir_.str() + "/logs/b/*.tsv"), (std::vector<std::string>{"3\t3.tsv"}));
  // Several files are read on several streams.
  auto storage = file("logs/**/*.tsv", "TSV", "x UInt8");
  QueryContext context{Settings()};
  auto result = readStorage(*storage, {"x"}, context, 3);
  EXPECT_EQ(result.streams, 3u);
  EXPECT_EQ(sorted(result.rows), (std::vector<std::string>{"1", "2", "3", "4"}));
  EXPECT_EQ(context.progress().read_rows, 4u);
}

TEST_F(StorageFileTest, NoMatchingFiles) {
  // A glob matching nothing with a structure: an empty table.
  auto storage = file("nothing/*.tsv", "TSV", "x UInt8");
  EXPECT_TRUE(rows(storage).empty());
  // A single missing file: FILE_DOESNT_EXIST when read.
  auto missing = file("missing.tsv", "TSV", "x UInt8");
  auto e = catchException([&] { rows(missing); });
  EXPECT_EQ(e.code(), ErrorCodes::FILE_DOESNT_EXIST);
  EXPECT_EQ(e.message(), "File " + (dir_.path() / "missing.tsv").string() + " doesn't exist");
  // Inference needs a file.
  e = catchException([&] { file("nothing/*.testlines"); });
  EXPECT_EQ(e.code(), ErrorCodes::CANNOT_EXTRACT_TABLE_STRUCTURE);
  e = catchException([&] { file("nothing/*.tsv", "TestLines"); });
  EXPECT_EQ(e.code(), ErrorCodes::CANNOT_EXTRACT_TABLE_STRUCTURE);
  EXPECT_EQ(e.message(),
            "The table structure cannot be extracted from a TestLines format file, because there are no files with "
            "provided path. You can specify table structure manually");
  e = catchException([&] { file("missing.tsv", "TestLines"); });
  EXPECT_EQ(e.code(), ErrorCodes::FILE_DOESNT_EXIST);
}

TEST_F(StorageFileTest, Compression) {
  std::string content = "1\tone\n2\ttwo\n3\tthree\n";
  writeCompressed("c/data.tsv.gz", content, CompressionMethod::Gzip);
  writeCompressed("c/data.tsv.zst", content, CompressionMethod::Zstd);
  writeCompressed("c/data.tsv.xz", content, CompressionMethod::Xz);
  writeCompressed("c/blob", content, CompressionMethod::Gzip);
  std::vector<std::string> expected = {"1\tone", "2\ttwo", "3\tthree"};
  for (const char* name : {"c/data.tsv.gz", "c/data.tsv.zst", "c/data.tsv.xz"}) {
    auto storage = file(name, "auto", "x UInt8, s String");
    EXPECT_EQ(std::static_pointer_cast<StorageFile>(storage)->format(), "TabSeparated") << name;
    EXPECT_EQ(rows(storage), expected) << name;
  }
  EXPECT_EQ(rows(file("c/blob", "TSV", "x UInt8, s String", "gzip")), expected);
  EXPECT_EQ(sorted(rows(file("c/data.tsv.{gz,zst}", "TSV", "x UInt8, s String"))),
            sorted({"1\tone", "2\ttwo", "3\tthree", "1\tone", "2\ttwo", "3\tthree"}));
  auto e = catchException([&] { file("c/blob", "TSV", "x UInt8", "rar"); });
  EXPECT_EQ(e.code(), ErrorCodes::NOT_IMPLEMENTED);
  // A corrupt stream fails when read.
  dir_.file("c/bad.tsv.gz", "not gzip at all");
  e = catchException([&] { rows(file("c/bad.tsv.gz", "TSV", "x UInt8")); });
  EXPECT_EQ(e.code(), ErrorCodes::CANNOT_DECOMPRESS);
}

TEST_F(StorageFileTest, VirtualColumns) {
  std::string path = dir_.file("v/one.tsv", "7\n8\n");
  auto storage = file("v/*.tsv", "TSV", "x UInt8");
  EXPECT_EQ(columnNames(*storage), (std::vector<std::string>{"x"}));
  auto virtuals = storage->virtualColumns();
  ASSERT_EQ(virtuals.size(), 4u);
  EXPECT_EQ(virtuals[0].name + " " + virtuals[0].type->name(), "_path LowCardinality(String)");
  EXPECT_EQ(virtuals[1].name + " " + virtuals[1].type->name(), "_file LowCardinality(String)");
  EXPECT_EQ(virtuals[2].name + " " + virtuals[2].type->name(), "_size Nullable(UInt64)");
  EXPECT_EQ(virtuals[3].name + " " + virtuals[3].type->name(), "_time Nullable(DateTime)");
  EXPECT_EQ(rows(storage, {"_file", "x", "_path", "_size"}),
            (std::vector<std::string>{"one.tsv\t7\t" + path + "\t4", "one.tsv\t8\t" + path + "\t4"}));
  auto only_virtual = rows(storage, {"_file"});
  EXPECT_EQ(only_virtual, (std::vector<std::string>{"one.tsv", "one.tsv"}));
  struct stat st {};
  ::stat(path.c_str(), &st);
  QueryContext context{Settings()};
  auto result = readStorage(*storage, {"_time"}, context);
  EXPECT_EQ(result.rows.size(), 2u);
  EXPECT_NE(result.rows[0], "NULL");
}

TEST_F(StorageFileTest, SchemaInference) {
  dir_.file("infer/data.testlines", "1\talpha\n22\tbeta\n");
  auto storage = file("infer/data.testlines");
  EXPECT_EQ(structureOf(*storage), "c1 Nullable(Int64), c2 Nullable(String)");
  EXPECT_EQ(rows(storage), (std::vector<std::string>{"1\talpha", "22\tbeta"}));
  // The first non-empty file decides; empty files are skipped.
  dir_.file("infer2/a.testlines", "");
  dir_.file("infer2/b.testlines", "x\t1\n");
  EXPECT_EQ(structureOf(*file("infer2/*.testlines")), "c1 Nullable(String), c2 Nullable(Int64)");
  dir_.file("empty/a.testlines", "");
  auto e = catchException([&] { file("empty/a.testlines"); });
  EXPECT_EQ(e.code(), ErrorCodes::CANNOT_EXTRACT_TABLE_STRUCTURE);
  EXPECT_EQ(
      e.message(),
      "The table structure cannot be extracted from a TestLines format file. Error:\nThe table structure cannot be "
      "extracted from a TestLines format file: the file is empty.\nYou can specify the structure manually: (in "
      "file/uri " +
          (dir_.path() / "empty/a.testlines").string() + ")");
  // Compressed files are inferred through their decompressor.
  writeCompressed("infer3/x.testlines.gz", "5\t6\n", CompressionMethod::Gzip);
  EXPECT_EQ(structureOf(*file("infer3/x.testlines.gz")), "c1 Nullable(Int64), c2 Nullable(Int64)");
}

TEST_F(StorageFileTest, FormatWithoutSchemaInference) {
  dir_.file("noschema.tsv", "1\n");
  auto e = catchException([&] { file("noschema.tsv", "TestNoSchema"); });
  EXPECT_EQ(e.code(), ErrorCodes::CANNOT_EXTRACT_TABLE_STRUCTURE);
  EXPECT_EQ(e.message(),
            "TestNoSchema file format doesn't support schema inference. You must specify the structure manually");
}

TEST_F(StorageFileTest, RealFormatsInference) {
  if (!FormatFactory::instance().schemaReader("CSV")) GTEST_SKIP() << "CSV has no schema reader yet";
  dir_.file("real/data.csv", "1,hello,2024-01-02\n2,world,2024-02-03\n");
  auto storage = file("real/data.csv");
  EXPECT_EQ(structureOf(*storage), "c1 Nullable(Int64), c2 Nullable(String), c3 Nullable(Date)");
  EXPECT_EQ(rows(storage).size(), 2u);
}

TEST_F(StorageFileTest, AllowErrors) {
  dir_.file("errors.tsv", "1\ta\nx\tb\n3\tc\n");
  auto storage = file("errors.tsv", "TSV", "x UInt8, s String");
  auto e = catchException([&] { rows(storage); });
  EXPECT_NE(e.message().find("(at row 2)"), std::string::npos) << e.message();
  Settings settings;
  settings.input_format_allow_errors_num = 1;
  EXPECT_EQ(rows(storage, {}, 1, 65536, settings), (std::vector<std::string>{"1\ta", "3\tc"}));
  Settings ratio;
  ratio.input_format_allow_errors_ratio = 0.5;
  EXPECT_EQ(rows(storage, {}, 1, 65536, ratio), (std::vector<std::string>{"1\ta", "3\tc"}));
}

// ---- Parallel chunked parsing -------------------------------------------------------------------

TEST_F(StorageFileTest, ChunksGiveTheSameRowsAsSequentialParsing) {
  std::string content = numberedLines(100000);
  dir_.file("big/data.testlines", content);
  auto storage = std::static_pointer_cast<StorageFile>(file("big/data.testlines", "TestLines", "x UInt32, s String"));
  storage->setParallelParsingChunkBytes(0);  // no chunks
  auto sequential = rows(storage, {}, 1, 10000);
  ASSERT_EQ(sequential.size(), 100000u);
  EXPECT_EQ(sequential[99999], "100000\tvalue 700000");

  storage->setParallelParsingChunkBytes(64 << 10);
  QueryContext context{Settings()};
  auto one_stream = readStorage(*storage, {"x", "s"}, context, 1, 10000);
  EXPECT_EQ(one_stream.rows, sequential);  // one stream: chunks in file order
  EXPECT_EQ(context.progress().read_rows, 100000u);
  QueryContext parallel_context{Settings()};
  auto parallel = readStorage(*storage, {"x", "s"}, parallel_context, 4, 10000);
  EXPECT_EQ(parallel.streams, 4u);
  EXPECT_EQ(sorted(parallel.rows), sorted(sequential));

  // Compressed big files are cut after decompression.
  writeCompressed("big/data2.testlines.gz", content, CompressionMethod::Gzip);
  auto gz = std::static_pointer_cast<StorageFile>(file("big/data2.testlines.gz", "TestLines", "x UInt32, s String"));
  gz->setParallelParsingChunkBytes(32 << 10);
  EXPECT_EQ(sorted(rows(gz, {}, 3, 5000)), sorted(sequential));
}

TEST_F(StorageFileTest, ChunksKeepTheHeaderOfWithNamesFormats) {
  // The header names the columns in another order than the structure: every chunk maps by name.
  std::string content = "s\tx\n";
  for (int i = 1; i <= 30000; ++i) content += "v" + std::to_string(i) + "\t" + std::to_string(i) + "\n";
  dir_.file("named/data.tsv", content);
  auto storage =
      std::static_pointer_cast<StorageFile>(file("named/data.tsv", "TestLinesWithNames", "x UInt32, s String"));
  storage->setParallelParsingChunkBytes(16 << 10);
  auto result = rows(storage, {"x", "s"}, 4, 1000);
  ASSERT_EQ(result.size(), 30000u);
  std::vector<std::string> expected;
  for (int i = 1; i <= 30000; ++i) expected.push_back(std::to_string(i) + "\tv" + std::to_string(i));
  EXPECT_EQ(sorted(result), sorted(expected));
  // Inference reads the names from the header.
  auto inferred = file("named/data.tsv", "TestLinesWithNames");
  EXPECT_EQ(structureOf(*inferred), "s Nullable(String), x Nullable(Int64)");
}

TEST_F(StorageFileTest, ChunksOfCsvWithQuotedLineFeedsAndDetectedHeader) {
  std::string content = "id,text\n";
  std::vector<std::string> expected;
  for (int i = 1; i <= 20000; ++i) {
    std::string text = i % 3 ? "plain " + std::to_string(i) : "multi\nline " + std::to_string(i);
    content += std::to_string(i) + ",\"" + text + "\"\n";
    expected.push_back(std::to_string(i) + "\t" + text);
  }
  dir_.file("quoted.csv", content);
  auto storage = std::static_pointer_cast<StorageFile>(file("quoted.csv", "TestCSVChunked", "id UInt32, text String"));
  storage->setParallelParsingChunkBytes(8 << 10);
  auto result = rows(storage, {}, 4, 500);
  EXPECT_EQ(sorted(result), sorted(expected));
  // Without a header row, later chunks must not take a data row for a header.
  dir_.file("noheader.csv", content.substr(8));
  auto plain = std::static_pointer_cast<StorageFile>(file("noheader.csv", "TestCSVChunked", "id UInt32, text String"));
  plain->setParallelParsingChunkBytes(8 << 10);
  EXPECT_EQ(sorted(rows(plain, {}, 4, 500)), sorted(expected));
}

TEST_F(StorageFileTest, ChunkErrorsNameTheSameRowAsSequentialParsing) {
  dir_.file("bad/data.testlines", numberedLines(60000, 45678));
  auto storage = std::static_pointer_cast<StorageFile>(file("bad/data.testlines", "TestLines", "x UInt32, s String"));
  storage->setParallelParsingChunkBytes(0);
  auto sequential = catchException([&] { rows(storage, {}, 1); });
  EXPECT_NE(sequential.message().find("(at row 45678)"), std::string::npos) << sequential.message();
  storage->setParallelParsingChunkBytes(16 << 10);
  for (size_t streams : {1, 4}) {
    auto chunked = catchException([&] { rows(storage, {}, streams, 1000); });
    EXPECT_EQ(chunked.code(), sequential.code());
    EXPECT_EQ(chunked.message(), sequential.message());
  }
}

TEST_F(StorageFileTest, StreamReadOnceWithChunkedRowNumbers) {
  // A one-shot stream cannot be read again: rows of earlier chunks are counted while cutting.
  auto storage = std::make_shared<StorageFile>(parseColumnList("x UInt32, s String"), "TestLines",
                                               std::make_unique<ReadBufferFromOwnString>(numberedLines(30000, 25000)));
  storage->setParallelParsingChunkBytes(8 << 10);
  auto e = catchException([&] { rows(storage, {}, 2, 1000); });
  EXPECT_NE(e.message().find("(at row 25000)"), std::string::npos) << e.message();

  auto good = std::make_shared<StorageFile>(parseColumnList("x UInt32, s String"), "TestLines",
                                            std::make_unique<ReadBufferFromOwnString>(numberedLines(30000)));
  good->setParallelParsingChunkBytes(8 << 10);
  EXPECT_EQ(rows(good, {}, 3, 1000).size(), 30000u);
  EXPECT_TRUE(rows(good).empty());  // read once
  EXPECT_EQ(good->engineFull(), "File(TestLines, stdin)");
}

TEST_F(StorageFileTest, StreamSchemaInference) {
  auto storage = std::make_shared<StorageFile>(ColumnsDescription(), "TestLines",
                                               std::make_unique<ReadBufferFromOwnString>("1\ta\n2\tb\n"));
  EXPECT_EQ(structureOf(*storage), "c1 Nullable(Int64), c2 Nullable(String)");
  EXPECT_EQ(rows(storage), (std::vector<std::string>{"1\ta", "2\tb"}));
  // Compressed stream.
  std::string gz;
  {
    auto out = wrapWriteBufferWithCompression(std::make_unique<WriteBufferFromString>(gz), CompressionMethod::Gzip);
    out->write(std::string_view("3\tc\n"));
    out->finalize();
  }
  auto compressed = std::make_shared<StorageFile>(parseColumnList("x UInt8, s String"), "TSV",
                                                  std::make_unique<ReadBufferFromOwnString>(gz), "gzip");
  EXPECT_EQ(rows(compressed), (std::vector<std::string>{"3\tc"}));
}

TEST_F(StorageFileTest, RealFormatsInChunks) {
  // The formats' own row-boundary finders: chunked reads give the rows of sequential reads.
  std::string tsv, csv = "n,word\n", json = "[\n", jsonl;
  for (int i = 1; i <= 20000; ++i) {
    std::string word = i % 5 ? "w" + std::to_string(i) : "tab\\there " + std::to_string(i);
    tsv += std::to_string(i) + "\t" + word + "\n";
    csv += std::to_string(i) + ",\"" + (i % 7 ? "w" : "line\nfeed") + std::to_string(i) + "\"\n";
    jsonl += "{\"n\": " + std::to_string(i) + ", \"word\": \"w" + std::to_string(i) + "\"}\n";
    json += std::string(i > 1 ? "," : "") + "{\"n\": " + std::to_string(i) + "}\n";
  }
  json += "]\n";
  dir_.file("real/big.tsv", tsv);
  dir_.file("real/big.csv", csv);
  dir_.file("real/big.jsonl", jsonl);
  dir_.file("real/array.json", json);
  struct Case {
    std::string path, format;
  };
  for (const Case& c : {Case{"real/big.tsv", "TSV"}, Case{"real/big.csv", "CSV"}, Case{"real/big.csv", "CSVWithNames"},
                        Case{"real/big.jsonl", "JSONEachRow"}, Case{"real/array.json", "JSONEachRow"}}) {
    if (!FormatFactory::instance().rowBoundaryFinder(c.format)) continue;
    auto storage = std::static_pointer_cast<StorageFile>(file(c.path, c.format, "n UInt32, word String"));
    storage->setParallelParsingChunkBytes(0);
    auto sequential = rows(storage, {}, 1, 4096);
    EXPECT_EQ(sequential.size(), 20000u) << c.path << " " << c.format;
    storage->setParallelParsingChunkBytes(16 << 10);
    EXPECT_EQ(sorted(rows(storage, {}, 4, 1000)), sorted(sequential)) << c.path << " " << c.format;
  }
  // A bad value deep in a CSV file with quoted line feeds: the same message as sequential parsing.
  std::string bad = csv;
  bad.replace(bad.find("\n15000,") + 1, 5, "x5000");
  dir_.file("real/bad.csv", bad);
  auto storage = std::static_pointer_cast<StorageFile>(file("real/bad.csv", "CSV", "n UInt32, word String"));
  storage->setParallelParsingChunkBytes(0);
  auto sequential = catchException([&] { rows(storage, {}, 1); });
  storage->setParallelParsingChunkBytes(16 << 10);
  auto chunked = catchException([&] { rows(storage, {}, 4, 1000); });
  EXPECT_EQ(chunked.message(), sequential.message());
  EXPECT_NE(chunked.message().find("(at row 15000)"), std::string::npos) << chunked.message();
}

// ---- Writing and the engine ----------------------------------------------------------------------

Block makeBlock(const std::vector<std::pair<uint64_t, std::string>>& values) {
  auto x = dataTypeFromString("UInt32")->createColumn();
  auto s = dataTypeFromString("String")->createColumn();
  for (const auto& [a, b] : values) {
    x->insert(Field(a));
    s->insert(Field(b));
  }
  Block block;
  block.insert({std::move(x), dataTypeFromString("UInt32"), "x"});
  block.insert({std::move(s), dataTypeFromString("String"), "s"});
  return block;
}

TEST_F(StorageFileTest, EngineWithDataPathAppends) {
  StorageCreateArguments args;
  args.columns = parseColumnList("x UInt32, s String");
  args.engine_args = {identifierArg("CSVWithNames")};
  args.context = &context_;
  args.data_path = (dir_.path() / "store/t1").string();
  auto storage = StorageFactory::instance().create("File", args);
  EXPECT_EQ(storage->engineFull(), "File(CSVWithNames)");
  EXPECT_TRUE(storage->supportsInsert());
  // Nothing written yet: the file does not exist (as ClickHouse).
  EXPECT_EQ(catchException([&] { rows(storage); }).code(), ErrorCodes::FILE_DOESNT_EXIST);

  QueryContext context{Settings()};
  storage->insert(makeBlock({{1, "a"}, {2, "b,c"}}), context);
  storage->insert(makeBlock({{3, "d"}}), context);
  EXPECT_EQ(context.progress().written_rows, 3u);
  std::string path = (dir_.path() / "store/t1/data.CSVWithNames").string();
  std::ifstream in(path);
  std::string text((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
  EXPECT_EQ(text, "\"x\",\"s\"\n1,\"a\"\n2,\"b,c\"\n3,\"d\"\n");  // the header once
  EXPECT_EQ(rows(storage), (std::vector<std::string>{"1\ta", "2\tb,c", "3\td"}));

  Settings truncating;
  truncating.engine_file_truncate_on_insert = true;
  QueryContext truncate_context(truncating);
  storage->insert(makeBlock({{9, "z"}}), truncate_context);
  EXPECT_EQ(rows(storage), (std::vector<std::string>{"9\tz"}));
  storage->truncate();
  EXPECT_TRUE(rows(storage).empty());
  storage->drop();
  EXPECT_FALSE(fs::exists(path));
}

TEST_F(StorageFileTest, EngineWithPathAndCompression) {
  StorageCreateArguments args;
  args.columns = parseColumnList("x UInt32, s String");
  args.engine_args = {identifierArg("TSV"), stringArg("out/data.tsv.gz")};
  args.context = &context_;
  auto storage = StorageFactory::instance().create("File", args);
  EXPECT_EQ(storage->engineFull(), "File(TSV, 'out/data.tsv.gz')");
  QueryContext context{Settings()};
  fs::create_directories(dir_.path() / "out");
  storage->insert(makeBlock({{1, "a"}}), context);
  storage->insert(makeBlock({{2, "b"}}), context);
  // Two gzip members, read as one stream.
  EXPECT_EQ(rows(storage), (std::vector<std::string>{"1\ta", "2\tb"}));
  EXPECT_EQ(rows(file("out/data.tsv.gz", "TSV", "x UInt32, s String")), (std::vector<std::string>{"1\ta", "2\tb"}));

  args.engine_args = {identifierArg("TSV"), stringArg("out/*.gz")};
  auto globbed = StorageFactory::instance().create("File", args);
  EXPECT_FALSE(globbed->supportsInsert());
  EXPECT_EQ(catchException([&] {
              globbed->insert(makeBlock({{1, "a"}}), context);
            }).code(),
            ErrorCodes::DATABASE_ACCESS_DENIED);

  args.engine_args = {};
  EXPECT_EQ(catchException([&] { StorageFactory::instance().create("File", args); }).code(),
            ErrorCodes::NUMBER_OF_ARGUMENTS_DOESNT_MATCH);
  args.engine_args = {identifierArg("NoSuchFormat"), stringArg("x.tsv")};
  EXPECT_EQ(catchException([&] { StorageFactory::instance().create("File", args); }).code(),
            ErrorCodes::UNKNOWN_FORMAT);
}

TEST_F(StorageFileTest, InsertIntoTableFunction) {
  auto storage = file("written.tsv", "TSV", "x UInt32, s String");
  ASSERT_TRUE(storage->supportsInsert());
  QueryContext context{Settings()};
  storage->insert(makeBlock({{5, "five"}}), context);
  EXPECT_EQ(rows(file("written.tsv", "TSV", "x UInt32, s String")), (std::vector<std::string>{"5\tfive"}));
}

// ---- Path confinement (the server's user_files) ---------------------------------------------------

TEST_F(StorageFileTest, PathConfinement) {
  dir_.file("user_files/ok.tsv", "1\n");
  dir_.file("secret.tsv", "42\n");
  fs::create_symlink(dir_.path() / "secret.tsv", dir_.path() / "user_files/link.tsv");
  TestStorageContext confined((dir_.path() / "user_files").string(), /*confined=*/true);
  auto open = [&](const std::string& path) {
    return tableFunction("file", {stringArg(path), stringArg("TSV"), stringArg("x UInt8")}, confined);
  };
  EXPECT_EQ(rows(open("ok.tsv")), (std::vector<std::string>{"1"}));
  EXPECT_EQ(rows(open("o*.tsv")), (std::vector<std::string>{"1"}));
  // "*.tsv" matches link.tsv, which leads outside: the whole read is refused.
  for (const std::string& path : {std::string("../secret.tsv"), (dir_.path() / "secret.tsv").string(),
                                  std::string("link.tsv"), std::string("../*.tsv"), std::string("*.tsv")}) {
    auto e = catchException([&] { open(path); });
    EXPECT_EQ(e.code(), ErrorCodes::DATABASE_ACCESS_DENIED) << path;
  }
}

}  // namespace
}  // namespace tally
