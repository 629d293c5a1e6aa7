// System tables read directly through their storages: structure (types as ClickHouse shows them
// in DESCRIBE), content from the catalog and the registries, sort order and settings.

#include <gtest/gtest.h>

#include "functions/aggregate/aggregate_function_factory.h"
#include "functions/function_factory.h"
#include "parser/parser.h"
#include "storage/catalog.h"
#include "storage/engines/storage_memory.h"
#include "storage/engines/storage_view.h"
#include "storage/system/system_tables.h"
#include "storage_test_util.h"
#include "types/data_type_number.h"

namespace tally {
namespace {

using namespace test;

/// A table that reports itself as MergeTree (keys come from its CREATE statement).
class FakeMergeTree final : public IStorage {
 public:
  explicit FakeMergeTree(ColumnsDescription columns) { setColumns(std::move(columns)); }
  std::string engineName() const override { return "MergeTree"; }
  std::string engineFull() const override { return "MergeTree PARTITION BY c ORDER BY (a, b)"; }
  BlockStreams read(const ReadRequest&, QueryContext&) override { return {}; }
  std::optional<uint64_t> totalRows() const override { return 42; }
  std::optional<uint64_t> totalBytes() const override { return 1000; }
};

ColumnsDescription parseColumns(const std::vector<std::tuple<std::string, std::string, std::string>>& columns) {
  ColumnsDescription res;
  for (const auto& [name, type, default_text] : columns) {
    ColumnDescription c{name, dataTypeFromString(type), "", nullptr, "", ""};
    if (!default_text.empty()) {
      c.default_kind = "DEFAULT";
      c.default_expression = parseExpression(default_text);
    }
    res.add(std::move(c));
  }
  return res;
}

class StorageSystemTest : public ::testing::Test {
 protected:
  void SetUp() override {
    attachSystemTables(catalog_);
    auto db = catalog_.createDatabase("default", "Atomic", false);
    catalog_.createDatabase("analytics", "Atomic", false);
    auto memory = std::make_shared<StorageMemory>(parseColumns({{"x", "UInt32", ""}, {"s", "String", "'none'"}}));
    db->addTable("mem", memory, "CREATE TABLE default.mem (x UInt32, s String DEFAULT 'none') ENGINE = Memory");
    db->addTable("tree",
                 std::make_shared<FakeMergeTree>(parseColumns({{"a", "Nullable(Int16)", ""},
                                                               {"b", "FixedString(3)", ""},
                                                               {"c", "DateTime64(3)", ""},
                                                               {"d", "Float64", ""}})),
                 "CREATE TABLE default.tree (a Nullable(Int16), b FixedString(3), c DateTime64(3), d Float64) "
                 "ENGINE = MergeTree PARTITION BY c ORDER BY (a, b) COMMENT 'keys'");
    db->addTable("v",
                 std::make_shared<StorageView>(parseColumns({{"x", "UInt32", ""}}), parseQuery("SELECT x FROM mem")),
                 "CREATE VIEW default.v AS SELECT x FROM default.mem");
  }

  StoragePtr system(const std::string& name) { return catalog_.getTable("system", name); }

  std::vector<std::string> read(const std::string& table, const std::vector<std::string>& columns,
                                const Settings& settings = Settings()) {
    QueryContext context(settings);
    auto storage = system(table);
    return readStorage(*storage, columns, context, 4, 65536).rows;
  }

  Catalog catalog_;
};

TEST_F(StorageSystemTest, One) {
  auto one = system("one");
  EXPECT_EQ(structureOf(*one), "dummy UInt8");
  EXPECT_EQ(one->engineName(), "SystemOne");
  EXPECT_TRUE(one->isSystemTable());
  EXPECT_EQ(read("one", {"dummy"}), (std::vector<std::string>{"0"}));
  // count(): rows without columns.
  QueryContext context{Settings()};
  ReadRequest request;
  BlockStreams streams = one->read(request, context);
  Block block;
  ASSERT_TRUE(streams[0]->read(block));
  EXPECT_EQ(block.rows(), 1u);
  EXPECT_EQ(block.columns(), 0u);
}

TEST_F(StorageSystemTest, Databases) {
  auto databases = system("databases");
  EXPECT_EQ(structureOf(*databases),
            "name String, engine String, data_path String, metadata_path String, uuid UUID, engine_full String, "
            "comment String");
  EXPECT_EQ(read("databases", {"name", "engine", "engine_full", "uuid"}),
            (std::vector<std::string>{"analytics\tAtomic\tAtomic\t00000000-0000-0000-0000-000000000000",
                                      "default\tAtomic\tAtomic\t00000000-0000-0000-0000-000000000000",
                                      "system\tAtomic\tAtomic\t00000000-0000-0000-0000-000000000000"}));
  // With a data directory the paths are shown.
  Catalog on_disk;
  attachSystemTables(on_disk, "/var/lib/tally/");
  QueryContext context{Settings()};
  auto rows = readStorage(*on_disk.getTable("system", "databases"), {"data_path", "metadata_path"}, context).rows;
  EXPECT_EQ(rows, (std::vector<std::string>{"/var/lib/tally/\t/var/lib/tally/metadata/system/"}));
}

TEST_F(StorageSystemTest, TablesStructure) {
  auto tables = system("tables");
  EXPECT_EQ(tables->engineName(), "SystemTables");
  std::string structure = structureOf(*tables);
  for (const char* column : {"database String",
                             "name String",
                             "uuid UUID",
                             "engine String",
                             "is_temporary UInt8",
                             "data_paths Array(String)",
                             "metadata_path String",
                             "metadata_modification_time DateTime",
                             "dependencies_database Array(String)",
                             "dependencies_table Array(String)",
                             "create_table_query String",
                             "engine_full String",
                             "as_select String",
                             "partition_key String",
                             "sorting_key String",
                             "primary_key String",
                             "sampling_key String",
                             "storage_policy String",
                             "total_rows Nullable(UInt64)",
                             "total_bytes Nullable(UInt64)",
                             "lifetime_rows Nullable(UInt64)",
                             "lifetime_bytes Nullable(UInt64)",
                             "comment String",
                             "has_own_data UInt8"})
    EXPECT_NE(structure.find(column), std::string::npos) << column;
  EXPECT_EQ(structure.find("database String, name String, uuid UUID, engine String"), 0u);
}

TEST_F(StorageSystemTest, TablesContent) {
  auto rows = read("tables", {"database", "name", "engine", "is_temporary", "total_rows", "total_bytes"});
  std::vector<std::string> user_rows(rows.begin(), rows.begin() + 3);
  EXPECT_EQ(user_rows,
            (std::vector<std::string>{"default\tmem\tMemory\t0\t0\t0", "default\ttree\tMergeTree\t0\t42\t1000",
                                      "default\tv\tView\t0\tNULL\tNULL"}));
  // System tables follow, sorted by name.
  std::vector<std::string> system_names;
  for (size_t i = 3; i < rows.size(); ++i) {
    EXPECT_EQ(rows[i].rfind("system\t", 0), 0u) << rows[i];
    system_names.push_back(rows[i].substr(7, rows[i].find('\t', 7) - 7));
  }
  EXPECT_TRUE(std::is_sorted(system_names.begin(), system_names.end()));
  for (const char* name : {"one", "numbers", "numbers_mt", "databases", "tables", "columns", "settings", "functions",
                           "table_functions", "data_type_families", "formats", "table_engines",
                           "aggregate_function_combinators", "time_zones", "zeros", "zeros_mt"})
    EXPECT_NE(std::find(system_names.begin(), system_names.end(), name), system_names.end()) << name;

  auto keys = read("tables", {"name", "partition_key", "sorting_key", "primary_key", "sampling_key", "comment",
                              "engine_full", "has_own_data"});
  EXPECT_EQ(keys[0], "mem\t\t\t\t\t\tMemory\t0");
  EXPECT_EQ(keys[1], "tree\tc\ta, b\ta, b\t\tkeys\tMergeTree PARTITION BY c ORDER BY (a, b)\t1");
  auto view = read("tables", {"name", "as_select", "create_table_query"});
  EXPECT_EQ(view[2].substr(0, view[2].find('\t')), "v");
  EXPECT_NE(view[2].find("SELECT x FROM default.mem"), std::string::npos);
  auto one = read("tables", {"name", "engine", "total_rows", "metadata_path", "data_paths"});
  EXPECT_NE(std::find(one.begin(), one.end(), "one\tSystemOne\tNULL\t\t[]"), one.end());
}

TEST_F(StorageSystemTest, Columns) {
  auto columns = system("columns");
  EXPECT_EQ(
      structureOf(*columns),
      "database String, table String, name String, type String, position UInt64, default_kind String, "
      "default_expression String, data_compressed_bytes UInt64, data_uncompressed_bytes UInt64, marks_bytes UInt64, "
      "comment String, is_in_partition_key UInt8, is_in_sorting_key UInt8, is_in_primary_key UInt8, "
      "is_in_sampling_key UInt8, compression_codec String, character_octet_length Nullable(UInt64), "
      "numeric_precision Nullable(UInt64), numeric_precision_radix Nullable(UInt64), numeric_scale Nullable(UInt64), "
      "datetime_precision Nullable(UInt64)");
  auto rows = read("columns", {"database", "table", "name", "type", "position", "default_kind", "default_expression"});
  EXPECT_EQ(
      std::vector<std::string>(rows.begin(), rows.begin() + 7),
      (std::vector<std::string>{"default\tmem\tx\tUInt32\t1\t\t", "default\tmem\ts\tString\t2\tDEFAULT\t'none'",
                                "default\ttree\ta\tNullable(Int16)\t1\t\t", "default\ttree\tb\tFixedString(3)\t2\t\t",
                                "default\ttree\tc\tDateTime64(3)\t3\t\t", "default\ttree\td\tFloat64\t4\t\t",
                                "default\tv\tx\tUInt32\t1\t\t"}));
  // Reference (system.one in ClickHouse): dummy UInt8, no default, no keys.
  EXPECT_NE(std::find(rows.begin(), rows.end(), "system\tone\tdummy\tUInt8\t1\t\t"), rows.end());

  auto keys = read("columns", {"table", "name", "is_in_partition_key", "is_in_sorting_key", "is_in_primary_key",
                               "is_in_sampling_key", "character_octet_length", "numeric_precision",
                               "numeric_precision_radix", "numeric_scale", "datetime_precision"});
  EXPECT_EQ(keys[0], "mem\tx\t0\t0\t0\t0\tNULL\t32\t2\t0\tNULL");
  EXPECT_EQ(keys[1], "mem\ts\t0\t0\t0\t0\tNULL\tNULL\tNULL\tNULL\tNULL");
  EXPECT_EQ(keys[2], "tree\ta\t0\t1\t1\t0\tNULL\t16\t2\t0\tNULL");
  EXPECT_EQ(keys[3], "tree\tb\t0\t1\t1\t0\t3\tNULL\tNULL\tNULL\tNULL");
  EXPECT_EQ(keys[4], "tree\tc\t1\t0\t0\t0\tNULL\tNULL\tNULL\tNULL\t3");
  EXPECT_EQ(keys[5], "tree\td\t0\t0\t0\t0\tNULL\tNULL\tNULL\tNULL\tNULL");
}

TEST_F(StorageSystemTest, Settings) {
  auto settings_table = system("settings");
  EXPECT_EQ(
      structureOf(*settings_table).substr(0, 80),
      std::string("name String, value String, changed UInt8, description String, min Nullable(String), max "
                  "Nullable(String), disallowed_values Array(String), readonly UInt8, type String, default String, "
                  "alias_for String, is_obsolete UInt8, tier Enum8")
          .substr(0, 80));
  Settings settings;
  settings.set("max_block_size", Field(uint64_t(1000)));
  auto rows = read("settings", {"name", "value", "changed", "type", "default", "readonly"}, settings);
  EXPECT_EQ(rows.size(), Settings::all().size());
  EXPECT_NE(std::find(rows.begin(), rows.end(), "max_block_size\t1000\t1\tUInt64\t65536\t0"), rows.end());
  EXPECT_NE(std::find(rows.begin(), rows.end(), "extremes\t0\t0\tBool\t0\t0"), rows.end());
  EXPECT_NE(std::find(rows.begin(), rows.end(), "read_overflow_mode\tthrow\t0\tString\tthrow\t0"), rows.end());
  // readonly = 1: nothing can be changed.
  settings.set("readonly", Field(uint64_t(1)));
  rows = read("settings", {"name", "readonly"}, settings);
  EXPECT_NE(std::find(rows.begin(), rows.end(), "max_threads\t1"), rows.end());
  auto tier = read("settings", {"tier"});
  EXPECT_EQ(tier[0], "Production");
}

TEST_F(StorageSystemTest, Functions) {
  auto rows = read("functions", {"name", "is_aggregate", "case_insensitive", "alias_to", "origin"});
  size_t expected =
      FunctionFactory::instance().entries().size() + AggregateFunctionFactory::instance().entries().size();
  EXPECT_EQ(rows.size(), expected);
  EXPECT_TRUE(std::is_sorted(rows.begin(), rows.end()));
  for (const auto& e : AggregateFunctionFactory::instance().entries())
    if (e.name == "sum") {
      EXPECT_NE(std::find(rows.begin(), rows.end(), "sum\t1\t1\t\tSystem"), rows.end());
    }
  for (const auto& e : FunctionFactory::instance().entries())
    if (!e.alias_to.empty()) {
      std::string row = e.name + "\t0\t" + (e.case_insensitive ? "1" : "0") + "\t" + e.alias_to + "\tSystem";
      EXPECT_NE(std::find(rows.begin(), rows.end(), row), rows.end()) << row;
      break;
    }
}

TEST_F(StorageSystemTest, Registries) {
  auto table_functions = read("table_functions", {"name", "allow_readonly"});
  for (const char* row :
       {"file\t0", "generateRandom\t1", "null\t1", "numbers\t1", "numbers_mt\t1", "values\t1", "zeros\t1"})
    EXPECT_NE(std::find(table_functions.begin(), table_functions.end(), row), table_functions.end()) << row;

  // Reference: system.data_type_families in ClickHouse ('BIGINT', 1, 'Int64'), ('Array', 0, '').
  auto families = read("data_type_families", {"name", "case_insensitive", "alias_to"});
  EXPECT_TRUE(std::is_sorted(families.begin(), families.end()));
  for (const char* row : {"BIGINT\t1\tInt64", "Array\t0\t", "Date\t1\t", "UInt8\t0\t", "DOUBLE\t1\tFloat64"})
    EXPECT_NE(std::find(families.begin(), families.end(), row), families.end()) << row;

  auto formats = read("formats", {"name", "is_input", "is_output"});
  EXPECT_NE(std::find(formats.begin(), formats.end(), "CSV\t1\t1"), formats.end());
  EXPECT_NE(std::find(formats.begin(), formats.end(), "TabSeparated\t1\t1"), formats.end());

  auto engines = read("table_engines", {"name"});
  for (const char* name : {"File", "Memory", "Null", "View", "GenerateRandom"})
    EXPECT_NE(std::find(engines.begin(), engines.end(), name), engines.end()) << name;

  auto combinators = read("aggregate_function_combinators", {"name", "is_internal"});
  EXPECT_EQ(combinators.size(), [] {
    auto names = AggregateFunctionFactory::instance().combinatorNames();
    std::sort(names.begin(), names.end());
    return size_t(std::unique(names.begin(), names.end()) - names.begin());
  }());
  for (const auto& name : AggregateFunctionFactory::instance().combinatorNames())
    if (name == "If") {
      EXPECT_NE(std::find(combinators.begin(), combinators.end(), "If\t0"), combinators.end());
    }

  auto zones = read("time_zones", {"time_zone"});
  for (const char* zone : {"UTC", "Europe/Moscow", "America/New_York", "Asia/Kolkata"})
    EXPECT_NE(std::find(zones.begin(), zones.end(), zone), zones.end()) << zone;
  EXPECT_TRUE(std::is_sorted(zones.begin(), zones.end()));
  EXPECT_EQ(std::find(zones.begin(), zones.end(), "posix/UTC"), zones.end());
}

TEST_F(StorageSystemTest, SmallBlocks) {
  QueryContext context{Settings()};
  auto result = readStorage(*system("settings"), {"name"}, context, 1, 10);
  EXPECT_EQ(result.rows.size(), Settings::all().size());
  EXPECT_EQ(result.blocks, (Settings::all().size() + 9) / 10);
  EXPECT_EQ(context.progress().read_rows, Settings::all().size());
}

TEST_F(StorageSystemTest, AttachIsIdempotent) {
  attachSystemTables(catalog_);
  EXPECT_EQ(read("one", {"dummy"}).size(), 1u);
  EXPECT_EQ(catalog_.getDatabase("system")->engine(), "Atomic");
}

}  // namespace
}  // namespace tally
