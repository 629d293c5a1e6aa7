#include "storage/system/system_tables.h"

#include "storage/system/storage_system_numbers.h"
#include "storage/system/system_table_factories.h"

namespace tally {

void attachSystemTables(Catalog& catalog, const std::string& data_path) {
  DatabasePtr system = catalog.createDatabase("system", "Atomic", /*if_not_exists=*/true);
  auto add = [&](const std::string& name, StoragePtr storage) { system->replaceTable(name, std::move(storage), ""); };
  add("one", createSystemOne());
  add("numbers", std::make_shared<StorageNumbers>(false, std::nullopt));
  add("numbers_mt", std::make_shared<StorageNumbers>(true, std::nullopt));
  add("zeros", std::make_shared<StorageZeros>(false, std::nullopt));
  add("zeros_mt", std::make_shared<StorageZeros>(true, std::nullopt));
  add("databases", createSystemDatabases(catalog, data_path));
  add("tables", createSystemTables(catalog, data_path));
  add("columns", createSystemColumns(catalog));
  add("parts", createSystemParts(catalog));
  add("mutations", createSystemMutations(catalog));
  add("merges", createSystemMerges(catalog));
  add("events", createSystemEvents());
  add("metrics", createSystemMetrics(catalog));
  add("asynchronous_metrics", createSystemAsynchronousMetrics(catalog));
  add("settings", createSystemSettings());
  add("functions", createSystemFunctions());
  add("table_functions", createSystemTableFunctions());
  add("data_type_families", createSystemDataTypeFamilies());
  add("formats", createSystemFormats());
  add("table_engines", createSystemTableEngines());
  add("aggregate_function_combinators", createSystemAggregateFunctionCombinators());
  add("time_zones", createSystemTimeZones());
}

}  // namespace tally
