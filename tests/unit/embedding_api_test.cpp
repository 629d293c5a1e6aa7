// The public embedding API (include/tally/tally.h): typed results, parameters, errors.
#include <gtest/gtest.h>

#include "tally/tally.h"

namespace {

TEST(EmbeddingApi, TypedResultsWithParameters) {
  auto db = tally::api::Database::open({});
  auto conn = db->connect();
  auto result = conn->query("SELECT number, toString(number) AS s FROM numbers(5) WHERE number >= {min:UInt8}", {{"min", "3"}});
  ASSERT_EQ(result->columnCount(), 2u);
  EXPECT_EQ(result->columnName(1), "s");
  EXPECT_EQ(result->columnType(0), "UInt64");
  std::vector<std::string> seen;
  while (result->next())
    for (size_t r = 0; r < result->rows(); ++r) seen.push_back(std::to_string(result->getUInt64(0, r)) + "=" + result->getString(1, r));
  EXPECT_EQ(seen, (std::vector<std::string>{"3=3", "4=4"}));
}

TEST(EmbeddingApi, LowCardinalityAndNullableAsText) {
  // A LowCardinality column is read as its values (it crashed getString before).
  auto db = tally::api::Database::open({});
  auto conn = db->connect();
  auto result = conn->query(
      "SELECT toLowCardinality(['pip', 'uv', ''][number % 3 + 1]) AS installer, "
      "CAST(if(number = 1, NULL, 'x'), 'LowCardinality(Nullable(String))') AS n, toDate('2025-01-02') + number AS d "
      "FROM numbers(3)");
  EXPECT_EQ(result->columnType(0), "LowCardinality(String)");
  std::vector<std::string> seen;
  while (result->next())
    for (size_t r = 0; r < result->rows(); ++r)
      seen.push_back(result->getString(0, r) + "|" + (result->isNull(1, r) ? "NULL" : result->getString(1, r)) + "|" +
                     result->getString(2, r));
  EXPECT_EQ(seen, (std::vector<std::string>{"pip|x|2025-01-02", "uv|NULL|2025-01-03", "|x|2025-01-04"}));
}

TEST(EmbeddingApi, ErrorsCarryClickHouseCodes) {
  auto db = tally::api::Database::open({});
  auto conn = db->connect();
  try {
    conn->query("SELECT * FROM no_such_table");
    FAIL() << "expected an error";
  } catch (const tally::api::Error& e) {
    EXPECT_EQ(e.code(), 60);
    EXPECT_EQ(e.name(), "UNKNOWN_TABLE");
  }
}

}  // namespace
