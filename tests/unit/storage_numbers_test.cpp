// numbers(), numbers_mt(), zeros() and system.numbers / system.zeros: values, argument errors,
// parallel streams, early stop, limits and row accounting.

#include <gtest/gtest.h>

#include <atomic>

#include "columns/column_vector.h"
#include "storage/system/storage_system_numbers.h"
#include "storage_test_util.h"

namespace tally {
namespace {

using namespace test;

TestStorageContext& ctx() {
  static TestStorageContext context;
  return context;
}

std::vector<std::string> numbersRows(const std::vector<TableFunctionArgument>& args,
                                     const std::string& name = "numbers") {
  auto storage = tableFunction(name, args, ctx());
  return readRows(*storage, {"number"});
}

TEST(StorageNumbers, Forms) {
  EXPECT_EQ(numbersRows({uintArg(5, "UInt8")}), (std::vector<std::string>{"0", "1", "2", "3", "4"}));
  // Reference: SELECT * FROM numbers(2, 3) -> 2 3 4
  EXPECT_EQ(numbersRows({uintArg(2, "UInt8"), uintArg(3, "UInt8")}), (std::vector<std::string>{"2", "3", "4"}));
  // Values of [N, N + M) with step S: about M / S rows, rounded up.
  EXPECT_EQ(numbersRows({uintArg(0), uintArg(20), uintArg(2)}),
            (std::vector<std::string>{"0", "2", "4", "6", "8", "10", "12", "14", "16", "18"}));
  EXPECT_EQ(numbersRows({uintArg(1), uintArg(10), uintArg(3)}), (std::vector<std::string>{"1", "4", "7", "10"}));
  EXPECT_TRUE(numbersRows({uintArg(0)}).empty());
  // 1e5 is a Float64 that UInt64 represents exactly.
  EXPECT_EQ(numbersRows({floatArg(1e5)}).size(), 100000u);
  // Offsets near the top wrap around like UInt64 arithmetic.
  EXPECT_EQ(numbersRows({uintArg(18446744073709551614ULL), uintArg(3)}),
            (std::vector<std::string>{"18446744073709551614", "18446744073709551615", "0"}));
}

TEST(StorageNumbers, TypeAndTotalRows) {
  auto storage = tableFunction("numbers", {uintArg(10)}, ctx());
  EXPECT_EQ(structureOf(*storage), "number UInt64");
  EXPECT_EQ(storage->totalRows(), std::optional<uint64_t>(10));
  auto stepped = tableFunction("numbers", {uintArg(0), uintArg(10), uintArg(4)}, ctx());
  EXPECT_EQ(stepped->totalRows(), std::optional<uint64_t>(3));
  auto unbounded = tableFunction("numbers", {}, ctx());
  EXPECT_EQ(unbounded->totalRows(), std::nullopt);
}

TEST(StorageNumbers, ArgumentErrors) {
  auto e = catchException([] { numbersRows({uintArg(1), uintArg(2), uintArg(3), uintArg(4)}); });
  EXPECT_EQ(e.code(), ErrorCodes::NUMBER_OF_ARGUMENTS_DOESNT_MATCH);
  EXPECT_EQ(e.message(), "Table function 'numbers' cannot have more than three params");
  e = catchException([] { numbersRows({uintArg(0), uintArg(10), uintArg(0)}); });
  EXPECT_EQ(e.code(), ErrorCodes::BAD_ARGUMENTS);
  EXPECT_EQ(e.message(), "Table function numbers requires step to be a positive number");
  e = catchException([] { numbersRows({intArg(-1)}); });
  EXPECT_EQ(e.code(), ErrorCodes::ILLEGAL_TYPE_OF_ARGUMENT);
  EXPECT_EQ(e.message(), "The value -1 is not representable as UInt64");
  e = catchException([] { numbersRows({floatArg(1.5)}); });
  EXPECT_EQ(e.code(), ErrorCodes::ILLEGAL_TYPE_OF_ARGUMENT);
  e = catchException([] { numbersRows({stringArg("a")}); });
  EXPECT_EQ(e.code(), ErrorCodes::ILLEGAL_TYPE_OF_ARGUMENT);
  EXPECT_EQ(e.message(), "Illegal type String expression, must be numeric type");
  e = catchException([] { numbersRows({}, "no_such_function"); });
  EXPECT_EQ(e.code(), ErrorCodes::UNKNOWN_FUNCTION);
}

uint64_t parallelSum(IStorage& storage, size_t streams, size_t* stream_count = nullptr) {
  QueryContext context{Settings()};
  ReadRequest request;
  request.columns = {"number"};
  request.max_streams = streams;
  BlockStreams s = storage.read(request, context);
  if (stream_count) *stream_count = s.size();
  std::atomic<uint64_t> sum{0};
  drainInParallel(
      s,
      [&](size_t, Block& block) {
        const auto& data = typedAs<ColumnUInt64>(*block.at(0).column).getData();
        uint64_t local = 0;
        for (uint64_t v : data) local += v;
        sum += local;
      },
      context);
  return sum;
}

TEST(StorageNumbers, ParallelSumMatchesFormula) {
  // Reference: SELECT sum(number) FROM numbers_mt(10000000) -> 49999995000000
  auto storage = tableFunction("numbers_mt", {uintArg(10000000)}, ctx());
  size_t streams = 0;
  EXPECT_EQ(parallelSum(*storage, 2, &streams), 49999995000000ULL);
  EXPECT_EQ(streams, 2u);
  // numbers() keeps its order on one stream whatever max_streams says.
  auto ordered = tableFunction("numbers", {uintArg(10000000)}, ctx());
  EXPECT_EQ(parallelSum(*ordered, 2, &streams), 49999995000000ULL);
  EXPECT_EQ(streams, 1u);
  // Small ranges do not get more streams than blocks.
  auto small = tableFunction("numbers_mt", {uintArg(10)}, ctx());
  EXPECT_EQ(parallelSum(*small, 8, &streams), 45u);
  EXPECT_EQ(streams, 1u);
}

TEST(StorageNumbers, StreamsSplitWithoutOverlap) {
  auto storage = tableFunction("numbers_mt", {uintArg(100), uintArg(1000)}, ctx());
  QueryContext context{Settings()};
  auto result = readStorage(*storage, {"number"}, context, 4, 7);
  ASSERT_EQ(result.rows.size(), 1000u);
  std::vector<uint64_t> values;
  for (const auto& r : result.rows) values.push_back(std::stoull(r));
  std::sort(values.begin(), values.end());
  for (size_t i = 0; i < values.size(); ++i) EXPECT_EQ(values[i], 100 + i);
  EXPECT_EQ(context.progress().read_rows, 1000u);
  EXPECT_EQ(context.progress().read_bytes, 8000u);
  EXPECT_EQ(context.progress().total_rows_to_read, 1000u);
}

TEST(StorageNumbers, UnboundedStopsWhenQueryStopsReading) {
  // SELECT * FROM numbers(1e12) LIMIT 10 / system.numbers LIMIT 10: the source must not run on.
  for (auto storage : {tableFunction("numbers", {floatArg(1e12)}, ctx()),
                       StoragePtr(std::make_shared<StorageNumbers>(false, std::nullopt))}) {
    QueryContext context{Settings()};
    ReadRequest request;
    request.columns = {"number"};
    request.limit_hint = 10;
    BlockStreams streams = storage->read(request, context);
    ASSERT_EQ(streams.size(), 1u);
    Block block;
    ASSERT_TRUE(streams[0]->read(block));
    EXPECT_EQ(block.rows(), 10u);  // the first block is sized by the limit
    EXPECT_EQ(rowText(block, 9), "9");
    ASSERT_TRUE(streams[0]->read(block));
    EXPECT_EQ(block.rows(), 65536u);
    EXPECT_EQ(rowText(block, 0), "10");
    context.stopReading();
    EXPECT_FALSE(streams[0]->read(block));
  }
}

TEST(StorageNumbers, SystemNumbersMtIsUnboundedAndParallel) {
  StorageNumbers storage(true, std::nullopt);
  EXPECT_EQ(storage.engineName(), "SystemNumbers");
  EXPECT_TRUE(storage.isSystemTable());
  QueryContext context{Settings()};
  ReadRequest request;
  request.columns = {"number"};
  request.max_streams = 3;
  BlockStreams streams = storage.read(request, context);
  EXPECT_EQ(streams.size(), 3u);
  Block block;
  for (auto& s : streams) ASSERT_TRUE(s->read(block));
  context.cancel();
  for (auto& s : streams) EXPECT_FALSE(s->read(block));
}

TEST(StorageNumbers, RowCountOnlyAndRowLimits) {
  auto storage = tableFunction("numbers", {uintArg(100000)}, ctx());
  {
    // count(): no columns, only row counts.
    QueryContext context{Settings()};
    ReadRequest request;
    request.max_block_size = 30000;
    BlockStreams streams = storage->read(request, context);
    uint64_t rows = 0;
    Block block;
    while (streams[0]->read(block)) {
      EXPECT_EQ(block.columns(), 0u);
      rows += block.rows();
    }
    EXPECT_EQ(rows, 100000u);
  }
  {
    Settings settings;
    settings.max_rows_to_read = 1000;
    QueryContext context(settings);
    auto e = catchException([&] { readStorage(*storage, {"number"}, context); });
    EXPECT_EQ(e.code(), ErrorCodes::TOO_MANY_ROWS);
  }
  {
    // read_overflow_mode = break: the source stops after the block that crossed the limit.
    Settings settings;
    settings.max_rows_to_read = 1000;
    settings.read_overflow_mode = "break";
    QueryContext context(settings);
    auto result = readStorage(*storage, {"number"}, context, 1, 600);
    EXPECT_EQ(result.rows.size(), 1200u);
  }
}

TEST(StorageZeros, Values) {
  auto storage = tableFunction("zeros", {uintArg(3)}, ctx());
  EXPECT_EQ(structureOf(*storage), "zero UInt8");
  EXPECT_EQ(readRows(*storage, {"zero"}), (std::vector<std::string>{"0", "0", "0"}));
  auto mt = tableFunction("zeros_mt", {uintArg(100000)}, ctx());
  EXPECT_EQ(readRows(*mt, {"zero"}, 2, 1000).size(), 100000u);
  auto e = catchException([] { tableFunction("zeros", {}, ctx()); });
  EXPECT_EQ(e.code(), ErrorCodes::NUMBER_OF_ARGUMENTS_DOESNT_MATCH);
}

TEST(StorageNumbers, UnknownColumn) {
  auto storage = tableFunction("numbers", {uintArg(3)}, ctx());
  auto e = catchException([&] { readRows(*storage, {"x"}); });
  EXPECT_EQ(e.code(), ErrorCodes::NO_SUCH_COLUMN_IN_TABLE);
}

}  // namespace
}  // namespace tally
