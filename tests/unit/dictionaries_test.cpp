// Dictionaries: each layout's index built over columns and looked up by blocks of keys
// (absent keys, duplicates, ranges and their edge cases, FLAT's bound), and through an engine:
// FILE sources confined to the user-files directory, definitions persisted under data_path
// and replayed by a new engine, the refresh thread stopping with the engine.

#include <gtest/gtest.h>

#include <atomic>
#include <filesystem>
#include <thread>
#include <fstream>

#include "columns/column_nullable.h"
#include "columns/column_string.h"
#include "columns/column_vector.h"
#include "common/exception.h"
#include "dictionaries/dictionary.h"
#include "dictionaries/dictionary_registry.h"
#include "interpreters/execute_query.h"
#include "parser/parser.h"
#include "types/data_type_factory.h"

namespace tally {
namespace {

namespace fs = std::filesystem;

DictionaryStructure structureOf(const std::string& create) {
  ASTPtr ast = parseQuery(create);
  return dictionaryStructureFromAST(ast->as<ASTCreateQuery>(), "db");
}

ColumnPtr uint64s(std::vector<uint64_t> values) {
  auto c = ColumnUInt64::create();
  for (auto v : values) c->getData().push_back(v);
  return c;
}

ColumnPtr int64s(std::vector<int64_t> values) {
  auto c = ColumnInt64::create();
  for (auto v : values) c->getData().push_back(v);
  return c;
}

ColumnPtr uint8s(std::vector<uint8_t> values) {
  auto c = ColumnUInt8::create();
  for (auto v : values) c->getData().push_back(v);
  return c;
}

ColumnPtr strings(std::vector<std::string> values) {
  auto c = ColumnString::create();
  for (const auto& v : values) c->insertData(v);
  return c;
}

Block blockOf(const DictionaryStructure& s, Columns columns) {
  Block b;
  auto all = s.allColumns();
  for (size_t i = 0; i < columns.size(); ++i) b.insert({columns[i], all[i].type, all[i].name});
  return b;
}

std::vector<uint64_t> rowsOf(const Dictionary& d, Columns keys, const Column* range = nullptr) {
  PODArray<UInt64> rows;
  d.findRows(keys, range, rows);
  return std::vector<uint64_t>(rows.begin(), rows.end());
}

std::vector<std::string> stringValues(const Column& c) {
  std::vector<std::string> res;
  for (size_t i = 0; i < c.size(); ++i) res.push_back(std::string(c.getDataAt(i)));
  return res;
}

TEST(DictionaryLayouts, FlatFindsKeysAndAbsentKeysGetTheDefaultRow) {
  auto s = structureOf("CREATE DICTIONARY d (id UInt64, v String DEFAULT 'none') PRIMARY KEY id SOURCE(CLICKHOUSE(TABLE 't')) "
                       "LAYOUT(FLAT()) LIFETIME(0)");
  Block defaults;
  defaults.insert({strings({"none"}), dataTypeFromString("String"), "v"});
  Dictionary d(s, blockOf(s, {uint64s({3, 0, 7}), strings({"c", "zero", "g"})}), defaults);
  EXPECT_EQ(d.elementCount(), 3u);
  EXPECT_EQ(rowsOf(d, {uint64s({0, 1, 3, 7, 8, 1u << 30})}), (std::vector<uint64_t>{1, 3, 0, 2, 3, 3}));
  PODArray<UInt64> rows;
  d.findRows({uint64s({7, 5})}, nullptr, rows);
  EXPECT_EQ(stringValues(*d.attributeColumn(0)->permute(rows, 0)), (std::vector<std::string>{"g", "none"}));
}

TEST(DictionaryLayouts, FlatRejectsKeysBeyondMaxArraySize) {
  auto s = structureOf("CREATE DICTIONARY d (id UInt64, v String) PRIMARY KEY id SOURCE(CLICKHOUSE(TABLE 't')) "
                       "LAYOUT(FLAT(MAX_ARRAY_SIZE 10)) LIFETIME(0)");
  EXPECT_NO_THROW(Dictionary(s, blockOf(s, {uint64s({9}), strings({"a"})}), Block()));
  try {
    Dictionary(s, blockOf(s, {uint64s({10}), strings({"a"})}), Block());
    FAIL() << "expected ARGUMENT_OUT_OF_BOUND";
  } catch (const Exception& e) {
    EXPECT_EQ(e.code(), ErrorCodes::ARGUMENT_OUT_OF_BOUND);
  }
}

TEST(DictionaryLayouts, HashedKeepsTheLastRowOfDuplicateKeys) {
  auto s = structureOf("CREATE DICTIONARY d (id UInt64, v String) PRIMARY KEY id SOURCE(CLICKHOUSE(TABLE 't')) LAYOUT(HASHED()) LIFETIME(0)");
  Dictionary d(s, blockOf(s, {uint64s({5, 1ULL << 40, 5, 9}), strings({"old", "big", "new", "nine"})}), Block());
  EXPECT_EQ(d.elementCount(), 3u);
  PODArray<UInt64> rows;
  d.findRows({uint64s({5, 1ULL << 40, 9, 6})}, nullptr, rows);
  EXPECT_EQ(stringValues(*d.attributeColumn(0)->permute(rows, 0)), (std::vector<std::string>{"new", "big", "nine", ""}));
  EXPECT_EQ(d.contents().rows(), 3u);
  EXPECT_GT(d.loadFactor(), 0);
  EXPECT_GT(d.bytesAllocated(), 0u);
}

TEST(DictionaryLayouts, HashedHandlesManyKeys) {
  auto s = structureOf("CREATE DICTIONARY d (id UInt64, v UInt64) PRIMARY KEY id SOURCE(CLICKHOUSE(TABLE 't')) LAYOUT(HASHED()) LIFETIME(0)");
  std::vector<uint64_t> keys, values;
  for (uint64_t i = 0; i < 100000; ++i) {
    keys.push_back(i * 7919);
    values.push_back(i);
  }
  Dictionary d(s, blockOf(s, {uint64s(keys), uint64s(values)}), Block());
  auto rows = rowsOf(d, {uint64s({0, 7919 * 99999ULL, 7919 * 5ULL + 1})});
  EXPECT_EQ(rows, (std::vector<uint64_t>{0, 99999, 100000}));
}

TEST(DictionaryLayouts, ComplexKeyWithStringAndCompositeKeys) {
  auto s1 = structureOf("CREATE DICTIONARY d (code String, name String) PRIMARY KEY code SOURCE(CLICKHOUSE(TABLE 't')) "
                        "LAYOUT(COMPLEX_KEY_HASHED()) LIFETIME(0)");
  Dictionary d1(s1, blockOf(s1, {strings({"FR", "DE", "", "FR"}), strings({"France", "Germany", "empty", "France!"})}), Block());
  EXPECT_EQ(d1.elementCount(), 3u);
  PODArray<UInt64> rows;
  d1.findRows({strings({"FR", "", "XX", "DE"})}, nullptr, rows);
  EXPECT_EQ(stringValues(*d1.attributeColumn(0)->permute(rows, 0)), (std::vector<std::string>{"France!", "empty", "", "Germany"}));

  auto s2 = structureOf("CREATE DICTIONARY d (shop String, item UInt64, price Int64) PRIMARY KEY shop, item "
                        "SOURCE(CLICKHOUSE(TABLE 't')) LAYOUT(COMPLEX_KEY_HASHED()) LIFETIME(0)");
  Dictionary d2(s2, blockOf(s2, {strings({"a", "a", "b"}), uint64s({1, 2, 1}), int64s({10, 20, 30})}), Block());
  EXPECT_EQ(rowsOf(d2, {strings({"a", "b", "b", "ab"}), uint64s({2, 1, 2, 1})}), (std::vector<uint64_t>{1, 2, 3, 3}));
}

TEST(DictionaryLayouts, RangeHashedPicksRangesByStrategy) {
  const std::string body = "(id UInt64, lo Nullable(Int64), hi Nullable(Int64), v String) PRIMARY KEY id SOURCE(CLICKHOUSE(TABLE 't')) "
                           "LIFETIME(0) RANGE(MIN lo MAX hi) LAYOUT(RANGE_HASHED";
  auto s_min = structureOf("CREATE DICTIONARY d " + body + "())");
  auto s_max = structureOf("CREATE DICTIONARY d " + body + "(range_lookup_strategy 'max'))");
  auto lo = ColumnNullable::create(int64s({1, 5, 0, 20}), uint8s({0, 0, 1, 0}));
  auto hi = ColumnNullable::create(int64s({10, 8, 3, 0}), uint8s({0, 0, 0, 1}));
  Columns data{uint64s({1, 1, 2, 2}), lo, hi, strings({"wide", "narrow", "low", "high"})};
  Dictionary d_min(s_min, blockOf(s_min, data), Block());
  Dictionary d_max(s_max, blockOf(s_max, data), Block());
  EXPECT_EQ(d_min.elementCount(), 4u);
  ColumnPtr keys = uint64s({1, 1, 1, 1, 1, 2, 2, 2, 3});
  ColumnPtr points = int64s({0, 1, 6, 10, 11, -1000000, 4, 1000000, 5});
  EXPECT_EQ(rowsOf(d_min, {keys}, points.get()), (std::vector<uint64_t>{4, 0, 0, 0, 4, 2, 4, 3, 4}));
  EXPECT_EQ(rowsOf(d_max, {keys}, points.get()), (std::vector<uint64_t>{4, 0, 1, 0, 4, 2, 4, 3, 4}));
}

TEST(DictionaryStructure, LoadQueryCastsColumnsAndUsesExpressions) {
  auto s = structureOf("CREATE DICTIONARY d (id UInt64, v String EXPRESSION upper(name)) PRIMARY KEY id "
                       "SOURCE(CLICKHOUSE(TABLE 't' DB 'other')) LAYOUT(HASHED()) LIFETIME(MIN 1 MAX 5)");
  EXPECT_EQ(s.loadQuery(), "SELECT CAST(`id`, 'UInt64') AS `id`, CAST(`v`, 'String') AS `v` FROM (SELECT `id`, (upper(name)) AS `v` FROM `other`.`t`)");
  EXPECT_EQ(s.lifetime_min, 1u);
  EXPECT_EQ(s.lifetime_max, 5u);
  EXPECT_EQ(s.source.text, "ClickHouse: other.t");
}

class DictionaryEngineTest : public ::testing::Test {
 protected:
  void SetUp() override {
    root_ = fs::temp_directory_path() / ("tally_dict_test_" + std::to_string(::getpid()) + "_" +
                                         ::testing::UnitTest::GetInstance()->current_test_info()->name());
    fs::remove_all(root_);
    fs::create_directories(root_ / "user_files");
    fs::create_directories(root_ / "data");
  }
  void TearDown() override { fs::remove_all(root_); }

  std::shared_ptr<Engine> makeEngine() {
    EngineOptions options;
    options.data_path = (root_ / "data").string() + "/";
    options.user_files_path = (root_ / "user_files").string();
    return std::make_shared<Engine>(options);
  }

  static std::string run(Session& session, const std::string& query) {
    auto stream = executeQueryForBlocks(session, query, {});
    std::string out;
    Block block;
    while (stream->next(block))
      for (size_t r = 0; r < block.rows(); ++r) {
        for (size_t c = 0; c < block.columns(); ++c) out += (c ? "\t" : "") + serializeToString(*block.at(c).type, *block.at(c).column->convertToFullColumnIfConst(), r);
        out += "\n";
      }
    return out;
  }

  static int errorCode(Session& session, const std::string& query) {
    try {
      run(session, query);
    } catch (const Exception& e) {
      return e.code();
    }
    return 0;
  }

  fs::path root_;
};

TEST_F(DictionaryEngineTest, FileSourceIsConfinedToUserFiles) {
  std::ofstream(root_ / "user_files" / "colors.csv") << "1,red\n2,blue\n";
  std::ofstream(root_ / "secret.csv") << "1,secret\n";
  auto engine = makeEngine();
  Session session(engine);
  run(session, "CREATE DICTIONARY default.colors (id UInt64, c String) PRIMARY KEY id "
               "SOURCE(FILE(PATH 'colors.csv' FORMAT 'CSV')) LAYOUT(FLAT()) LIFETIME(0)");
  EXPECT_EQ(run(session, "SELECT dictGet('default.colors', 'c', toUInt64(2))"), "blue\n");
  run(session, "CREATE DICTIONARY default.escape (id UInt64, c String) PRIMARY KEY id "
               "SOURCE(FILE(PATH '../secret.csv' FORMAT 'CSV')) LAYOUT(FLAT()) LIFETIME(0)");
  EXPECT_EQ(errorCode(session, "SELECT dictGet('default.escape', 'c', toUInt64(1))"), ErrorCodes::DATABASE_ACCESS_DENIED);
  run(session, "CREATE DICTIONARY default.absolute (id UInt64, c String) PRIMARY KEY id SOURCE(FILE(PATH '" +
                   (root_ / "secret.csv").string() + "' FORMAT 'CSV')) LAYOUT(FLAT()) LIFETIME(0)");
  EXPECT_EQ(errorCode(session, "SELECT dictGet('default.absolute', 'c', toUInt64(1))"), ErrorCodes::DATABASE_ACCESS_DENIED);
}

TEST_F(DictionaryEngineTest, DefinitionsSurviveARestart) {
  {
    auto engine = makeEngine();
    Session session(engine);
    run(session, "CREATE DATABASE pypi");
    run(session, "CREATE DICTIONARY pypi.d (code String, name String DEFAULT 'n/a') PRIMARY KEY code "
                 "SOURCE(CLICKHOUSE(QUERY 'SELECT ''FR'' AS code, ''France'' AS name')) LAYOUT(COMPLEX_KEY_HASHED()) LIFETIME(MIN 0 MAX 300)");
    run(session, "CREATE DICTIONARY pypi.gone (id UInt64, v String) PRIMARY KEY id "
                 "SOURCE(CLICKHOUSE(QUERY 'SELECT 1 AS id, ''x'' AS v')) LAYOUT(HASHED()) LIFETIME(0)");
    EXPECT_EQ(run(session, "SELECT dictGet('pypi.d', 'name', 'FR')"), "France\n");
    run(session, "DROP DICTIONARY pypi.gone");
    EXPECT_TRUE(fs::exists(root_ / "data" / "metadata" / "pypi" / "d.sql"));
    EXPECT_FALSE(fs::exists(root_ / "data" / "metadata" / "pypi" / "gone.sql"));
  }
  auto engine = makeEngine();
  Session session(engine);
  EXPECT_EQ(run(session, "SELECT name, status FROM system.dictionaries"), "d\tNOT_LOADED\n");
  EXPECT_EQ(run(session, "SELECT dictGet('pypi.d', 'name', 'FR'), dictGet('pypi.d', 'name', 'DE')"), "France\tn/a\n");
  EXPECT_EQ(errorCode(session, "SELECT dictGet('pypi.gone', 'v', 1)"), ErrorCodes::BAD_ARGUMENTS);
  run(session, "DROP DATABASE pypi");
  EXPECT_FALSE(fs::exists(root_ / "data" / "metadata" / "pypi" / "d.sql"));
}

TEST_F(DictionaryEngineTest, RefreshThreadStopsWithTheEngine) {
  auto engine = makeEngine();
  {
    Session session(engine);
    run(session, "CREATE TABLE default.src (id UInt64, v String) ENGINE = Memory");
    run(session, "INSERT INTO default.src VALUES (1, 'a')");
    run(session, "CREATE DICTIONARY default.d (id UInt64, v String) PRIMARY KEY id SOURCE(CLICKHOUSE(TABLE 'src')) "
                 "LAYOUT(HASHED()) LIFETIME(MIN 0 MAX 1)");
    EXPECT_EQ(run(session, "SELECT dictGet('default.d', 'v', 1)"), "a\n");
    run(session, "INSERT INTO default.src VALUES (2, 'b')");
    std::string value;
    for (int i = 0; i < 50 && value != "b\n"; ++i) {
      std::this_thread::sleep_for(std::chrono::milliseconds(100));
      value = run(session, "SELECT dictGet('default.d', 'v', 2)");
    }
    EXPECT_EQ(value, "b\n");
  }
  engine.reset();  // joins the refresh thread; must not hang or crash
}

TEST_F(DictionaryEngineTest, LookupsRunConcurrentlyWithReloads) {
  auto engine = makeEngine();
  Session setup(engine);
  run(setup, "CREATE TABLE default.src (id UInt64, v UInt64) ENGINE = Memory");
  run(setup, "INSERT INTO default.src SELECT number, number * 2 FROM numbers(50000)");
  run(setup, "CREATE DICTIONARY default.h (id UInt64, v UInt64) PRIMARY KEY id SOURCE(CLICKHOUSE(TABLE 'src')) "
             "LAYOUT(HASHED()) LIFETIME(MIN 0 MAX 1)");
  run(setup, "CREATE DICTIONARY default.c (id UInt64, v UInt64) PRIMARY KEY id SOURCE(CLICKHOUSE(TABLE 'src')) "
             "LAYOUT(COMPLEX_KEY_HASHED()) LIFETIME(0)");
  const std::string expected = std::to_string(uint64_t(49999) * 50000) + "\t" + std::to_string(uint64_t(49999) * 50000) + "\n";
  std::atomic<bool> failed{false};
  std::vector<std::thread> readers;
  for (int t = 0; t < 3; ++t)
    readers.emplace_back([&] {
      Session session(engine);
      for (int i = 0; i < 15; ++i)
        if (run(session, "SELECT sum(dictGet('default.h', 'v', number)), sum(dictGet('default.c', 'v', tuple(number))) "
                         "FROM numbers(60000)") != expected)
          failed = true;
    });
  Session reloader(engine);
  for (int i = 0; i < 15; ++i) run(reloader, i % 2 ? "SYSTEM RELOAD DICTIONARIES" : "SYSTEM RELOAD DICTIONARY default.c");
  for (auto& r : readers) r.join();
  EXPECT_FALSE(failed);
  EXPECT_EQ(run(reloader, "SELECT name, status, element_count, last_exception FROM system.dictionaries ORDER BY name"),
            "c\tLOADED\t50000\t\nh\tLOADED\t50000\t\n");
}

}  // namespace
}  // namespace tally
