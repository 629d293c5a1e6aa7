// values(), generateRandom(), null(), the Null / View engines and the column-list parser used by
// structure arguments.

#include <gtest/gtest.h>

#include <set>

#include "parser/parser.h"
#include "storage/engines/storage_null.h"
#include "storage/engines/storage_view.h"
#include "storage/storage_factory.h"
#include "storage/table_functions/column_list.h"
#include "storage_test_util.h"

namespace tally {
namespace {

using namespace test;

TestStorageContext& ctx() {
  static TestStorageContext context;
  return context;
}

std::string structure(const std::string& text) {
  ColumnsDescription columns = parseColumnList(text);
  std::string s;
  for (const auto& c : columns.all()) s += (s.empty() ? "" : ", ") + c.name + " " + c.type->name();
  return s;
}

TEST(StorageColumnList, Parses) {
  EXPECT_EQ(structure("a UInt8, b String"), "a UInt8, b String");
  EXPECT_EQ(structure("  a   UInt8 ,b Nullable(String)  "), "a UInt8, b Nullable(String)");
  EXPECT_EQ(structure("`odd name` Array(Tuple(x Int32, y String)), \"q\" UUID"),
            "odd name Array(Tuple(x Int32, y String)), q UUID");
}

TEST(StorageColumnList, ParsesModifiersAndAliases) {
  EXPECT_EQ(structure("a Int32 NULL, b String NOT NULL, c BIGINT, d DateTime('UTC'), e Enum8('x' = 1, 'y,z' = 2)"),
            "a Nullable(Int32), b String, c Int64, d DateTime('UTC'), e Enum8('x' = 1, 'y,z' = 2)");
}

TEST(StorageColumnList, Errors) {
  EXPECT_EQ(catchException([] { parseColumnList(""); }).code(), ErrorCodes::BAD_ARGUMENTS);
  EXPECT_EQ(catchException([] { parseColumnList("a"); }).code(), ErrorCodes::SYNTAX_ERROR);
  EXPECT_EQ(catchException([] { parseColumnList("a UInt8,"); }).code(), ErrorCodes::SYNTAX_ERROR);
  EXPECT_EQ(catchException([] { parseColumnList("a Array(UInt8"); }).code(), ErrorCodes::SYNTAX_ERROR);
  EXPECT_EQ(catchException([] { parseColumnList("a NoSuchType"); }).code(), ErrorCodes::UNKNOWN_TYPE);
  auto e = catchException([] { parseColumnList("a UInt8, a String"); });
  EXPECT_EQ(e.code(), ErrorCodes::BAD_ARGUMENTS);
  EXPECT_EQ(e.message(), "Column a already exists");
  ColumnsDescription columns;
  EXPECT_FALSE(tryParseColumnList("x", columns));
  EXPECT_TRUE(tryParseColumnList("x Date", columns));
}

TableFunctionArgument tupleArg(const std::string& type, FieldTuple values) {
  return typedArg(type, Field(std::move(values)));
}

TEST(StorageValues, WithStructure) {
  auto storage =
      tableFunction("values",
                    {stringArg("a UInt8, b String"), tupleArg("Tuple(UInt8, String)", {Field(uint64_t(1)), Field("x")}),
                     tupleArg("Tuple(UInt8, String)", {Field(uint64_t(2)), Field("y")})},
                    ctx());
  EXPECT_EQ(structureOf(*storage), "a UInt8, b String");
  EXPECT_EQ(readRows(*storage, {"a", "b"}), (std::vector<std::string>{"1\tx", "2\ty"}));
  EXPECT_EQ(readRows(*storage, {"b"}), (std::vector<std::string>{"x", "y"}));
  EXPECT_EQ(storage->totalRows(), std::optional<uint64_t>(2));
}

TEST(StorageValues, SingleColumnBareValues) {
  auto storage = tableFunction(
      "values", {stringArg("x UInt8"), uintArg(1, "UInt8"), uintArg(2, "UInt8"), uintArg(3, "UInt8")}, ctx());
  EXPECT_EQ(readRows(*storage, {"x"}), (std::vector<std::string>{"1", "2", "3"}));
  // Strings converted by parsing.
  auto dates = tableFunction("values", {stringArg("d Date"), stringArg("2024-01-02"), stringArg("1999-12-31")}, ctx());
  EXPECT_EQ(readRows(*dates, {"d"}), (std::vector<std::string>{"2024-01-02", "1999-12-31"}));
  auto nullable = tableFunction("values", {stringArg("x Nullable(UInt8)"), nullArg(), uintArg(3, "UInt8")}, ctx());
  EXPECT_EQ(readRows(*nullable, {"x"}), (std::vector<std::string>{"NULL", "3"}));
  // Case-insensitive name.
  EXPECT_EQ(readRows(*tableFunction("VALUES", {stringArg("x String"), stringArg("a")}, ctx()), {"x"}),
            (std::vector<std::string>{"a"}));
}

TEST(StorageValues, InferredStructure) {
  auto storage = tableFunction("values",
                               {tupleArg("Tuple(UInt8, String)", {Field(uint64_t(1)), Field("x")}),
                                tupleArg("Tuple(UInt16, String)", {Field(uint64_t(300)), Field("y")})},
                               ctx());
  EXPECT_EQ(structureOf(*storage), "c1 UInt16, c2 String");
  EXPECT_EQ(readRows(*storage, {"c1", "c2"}), (std::vector<std::string>{"1\tx", "300\ty"}));
  auto bare = tableFunction("values", {uintArg(1, "UInt8"), intArg(-2), nullArg()}, ctx());
  EXPECT_EQ(structureOf(*bare), "c1 Nullable(Int64)");
  EXPECT_EQ(readRows(*bare, {"c1"}), (std::vector<std::string>{"1", "-2", "NULL"}));
  // A string that is not a column list is a value.
  auto strings = tableFunction("values", {stringArg("x"), stringArg("y")}, ctx());
  EXPECT_EQ(structureOf(*strings), "c1 String");
  EXPECT_EQ(readRows(*strings, {"c1"}), (std::vector<std::string>{"x", "y"}));
  // A single argument is always a row.
  auto single = tableFunction("values", {stringArg("a UInt8")}, ctx());
  EXPECT_EQ(readRows(*single, {"c1"}), (std::vector<std::string>{"a UInt8"}));
}

TEST(StorageValues, Errors) {
  auto e = catchException([] { tableFunction("values", {stringArg("x UInt8"), uintArg(300, "UInt16")}, ctx()); });
  EXPECT_EQ(e.code(), ErrorCodes::ARGUMENT_OUT_OF_BOUND);
  EXPECT_EQ(e.message(), "Cannot convert value '300' from UInt16: it cannot be represented as UInt8");
  e = catchException([] { tableFunction("values", {stringArg("x UInt8"), nullArg()}, ctx()); });
  EXPECT_EQ(e.code(), ErrorCodes::TYPE_MISMATCH);
  EXPECT_EQ(e.message(), "Cannot convert NULL to UInt8");
  e = catchException([] { tableFunction("values", {stringArg("a UInt8, b String"), uintArg(1, "UInt8")}, ctx()); });
  EXPECT_EQ(e.code(), ErrorCodes::BAD_ARGUMENTS);
  EXPECT_EQ(e.message(),
            "Table function VALUES requires all but first argument (rows specification) to be either tuples or single "
            "values");
  e = catchException([] {
    tableFunction("values",
                  {stringArg("a UInt8, b String"),
                   tupleArg("Tuple(UInt8, String, String)", {Field(uint64_t(1)), Field("x"), Field("z")})},
                  ctx());
  });
  EXPECT_EQ(e.code(), ErrorCodes::BAD_ARGUMENTS);
  EXPECT_EQ(e.message(), "Values size should match with number of columns");
  e = catchException([] {
    tableFunction("values", {tupleArg("Tuple(UInt8, String)", {Field(uint64_t(1)), Field("x")}), uintArg(2, "UInt8")},
                  ctx());
  });
  EXPECT_EQ(e.code(), ErrorCodes::CANNOT_EXTRACT_TABLE_STRUCTURE);
  e = catchException([] { tableFunction("values", {}, ctx()); });
  EXPECT_EQ(e.code(), ErrorCodes::NUMBER_OF_ARGUMENTS_DOESNT_MATCH);
  EXPECT_EQ(readRows(*tableFunction("values", {stringArg("x Float64"), floatArg(1.5)}, ctx()), {"x"}),
            (std::vector<std::string>{"1.5"}));
  e = catchException([] { tableFunction("values", {stringArg("x Int8"), floatArg(1.5)}, ctx()); });
  EXPECT_EQ(e.code(), ErrorCodes::ARGUMENT_OUT_OF_BOUND);
}

std::vector<std::string> generate(const std::string& structure, std::optional<uint64_t> seed, size_t rows,
                                  uint64_t max_string = 10, uint64_t max_array = 10) {
  std::vector<TableFunctionArgument> args = {stringArg(structure), seed ? uintArg(*seed) : nullArg(),
                                             uintArg(max_string), uintArg(max_array)};
  auto storage = tableFunction("generateRandom", args, ctx());
  QueryContext context{Settings()};
  ReadRequest request;
  request.columns = columnNames(*storage);
  request.max_block_size = rows;
  request.max_streams = 4;
  BlockStreams streams = storage->read(request, context);
  Block block;
  EXPECT_TRUE(streams[0]->read(block));
  EXPECT_EQ(block.rows(), rows);
  std::vector<std::string> out;
  for (size_t r = 0; r < block.rows(); ++r) out.push_back(rowText(block, r));
  return out;
}

const char* kAllTypes =
    "a UInt8, b Int64, c Float32, d String, e FixedString(4), f Date, g Date32, h DateTime, i DateTime64(3), j UUID, "
    "k Bool, l Enum8('x' = 1, 'y' = 2), m Nullable(UInt16), n Array(Int32), o Tuple(UInt16, String), "
    "p LowCardinality(String), q Array(Array(Nullable(String))), r Enum16('big' = 1000)";

TEST(StorageGenerateRandom, DeterministicForASeed) {
  auto first = generate(kAllTypes, 1, 500);
  EXPECT_EQ(first, generate(kAllTypes, 1, 500));
  EXPECT_NE(first, generate(kAllTypes, 2, 500));
  // Without a seed every read differs.
  EXPECT_NE(generate(kAllTypes, std::nullopt, 500), generate(kAllTypes, std::nullopt, 500));
}

TEST(StorageGenerateRandom, ValueShapes) {
  auto storage =
      tableFunction("generateRandom",
                    {stringArg("s String, a Array(UInt8), e Enum8('x' = 1, 'y' = 2), b Bool, n Nullable(UInt8)"),
                     uintArg(7), uintArg(3), uintArg(2)},
                    ctx());
  QueryContext context{Settings()};
  ReadRequest request;
  request.columns = {"s", "a", "e", "b", "n"};
  request.max_block_size = 4000;
  BlockStreams streams = storage->read(request, context);
  ASSERT_EQ(streams.size(), 1u);  // a seed: one ordered stream
  Block block;
  ASSERT_TRUE(streams[0]->read(block));
  std::set<size_t> string_lengths, array_lengths;
  std::set<std::string> enums, bools;
  size_t nulls = 0;
  for (size_t r = 0; r < block.rows(); ++r) {
    std::string_view s = block.at(0).column->getDataAt(r);
    string_lengths.insert(s.size());
    for (char ch : s) EXPECT_TRUE(ch >= 32 && ch <= 126);
    Field a = (*block.at(1).column)[r];
    array_lengths.insert(a.get<FieldArray>().size());
    std::string row = rowText(block, r);
    enums.insert(serializeToString(*block.at(2).type, *block.at(2).column, r));
    bools.insert(serializeToString(*block.at(3).type, *block.at(3).column, r));
    nulls += block.at(4).column->isNullAt(r);
  }
  EXPECT_EQ(string_lengths, (std::set<size_t>{0, 1, 2, 3}));
  EXPECT_EQ(array_lengths, (std::set<size_t>{0, 1, 2}));
  EXPECT_EQ(enums, (std::set<std::string>{"x", "y"}));
  EXPECT_EQ(bools, (std::set<std::string>{"true", "false"}));
  EXPECT_GT(nulls, 4000u / 32);  // about one in 16
  EXPECT_LT(nulls, 4000u / 8);
}

TEST(StorageGenerateRandom, EndlessUntilStopped) {
  auto storage = tableFunction("generateRandom", {stringArg("x UInt64")}, ctx());
  QueryContext context{Settings()};
  ReadRequest request;
  request.columns = {"x"};
  request.max_block_size = 100;
  request.max_streams = 2;
  BlockStreams streams = storage->read(request, context);
  EXPECT_EQ(streams.size(), 2u);  // no seed: parallel
  Block block;
  for (int i = 0; i < 10; ++i) ASSERT_TRUE(streams[0]->read(block));
  context.stopReading();
  EXPECT_FALSE(streams[0]->read(block));
  EXPECT_FALSE(streams[1]->read(block));
  EXPECT_EQ(context.progress().read_rows, 1000u);
}

TEST(StorageGenerateRandom, Errors) {
  EXPECT_EQ(catchException([] { tableFunction("generateRandom", {}, ctx()); }).code(),
            ErrorCodes::NUMBER_OF_ARGUMENTS_DOESNT_MATCH);
  EXPECT_EQ(
      catchException([] {
        tableFunction("generateRandom", {stringArg("x UInt8"), uintArg(1), uintArg(1), uintArg(1), uintArg(1)}, ctx());
      }).code(),
      ErrorCodes::NUMBER_OF_ARGUMENTS_DOESNT_MATCH);
  EXPECT_EQ(catchException([] { tableFunction("generateRandom", {stringArg("x Nope")}, ctx()); }).code(),
            ErrorCodes::UNKNOWN_TYPE);
}

TEST(StorageNull, TableFunctionAndEngine) {
  auto storage = tableFunction("null", {stringArg("a UInt8, b String")}, ctx());
  EXPECT_EQ(storage->engineName(), "Null");
  EXPECT_EQ(structureOf(*storage), "a UInt8, b String");
  EXPECT_TRUE(storage->supportsInsert());
  QueryContext context{Settings()};
  Block block;
  auto a = dataTypeFromString("UInt8")->createColumn();
  a->insert(Field(uint64_t(1)));
  auto b = dataTypeFromString("String")->createColumn();
  b->insert(Field("x"));
  block.insert({std::move(a), dataTypeFromString("UInt8"), "a"});
  block.insert({std::move(b), dataTypeFromString("String"), "b"});
  storage->insert(block, context);
  EXPECT_EQ(context.progress().written_rows, 1u);
  EXPECT_TRUE(readStorage(*storage, {"a", "b"}, context).rows.empty());

  StorageCreateArguments args;
  args.columns = parseColumnList("x UInt8");
  auto engine = StorageFactory::instance().create("Null", args);
  EXPECT_EQ(engine->engineName(), "Null");
  args.engine_args = {uintArg(1)};
  EXPECT_EQ(catchException([&] { StorageFactory::instance().create("Null", args); }).code(),
            ErrorCodes::NUMBER_OF_ARGUMENTS_DOESNT_MATCH);
  EXPECT_EQ(catchException([] { tableFunction("null", {}, ctx()); }).code(),
            ErrorCodes::NUMBER_OF_ARGUMENTS_DOESNT_MATCH);
}

TEST(StorageView, HoldsItsQuery) {
  ASTPtr query = parseQuery("SELECT 1 AS x");
  StorageView view(parseColumnList("x UInt8"), query);
  EXPECT_EQ(view.engineName(), "View");
  EXPECT_EQ(view.viewQuery(), query);
  QueryContext context{Settings()};
  EXPECT_EQ(catchException([&] { view.read(ReadRequest{}, context); }).code(), ErrorCodes::LOGICAL_ERROR);
  StorageCreateArguments args;
  EXPECT_EQ(catchException([&] { StorageFactory::instance().create("View", args); }).code(),
            ErrorCodes::INCORRECT_QUERY);
}

}  // namespace
}  // namespace tally
