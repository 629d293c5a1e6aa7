#pragma once
// Constructors of the individual system tables (each defined in its own .cpp), used by
// attachSystemTables().

#include <string>

#include "storage/catalog.h"

namespace tally {

StoragePtr createSystemOne();
StoragePtr createSystemDatabases(const Catalog& catalog, std::string data_path);
StoragePtr createSystemTables(const Catalog& catalog, std::string data_path);
StoragePtr createSystemParts(const Catalog& catalog);
StoragePtr createSystemEvents();
StoragePtr createSystemMetrics(const Catalog& catalog);
StoragePtr createSystemAsynchronousMetrics(const Catalog& catalog);
StoragePtr createSystemMutations(const Catalog& catalog);
StoragePtr createSystemMerges(const Catalog& catalog);
StoragePtr createSystemColumns(const Catalog& catalog);
StoragePtr createSystemSettings();
StoragePtr createSystemFunctions();
StoragePtr createSystemTableFunctions();
StoragePtr createSystemDataTypeFamilies();
StoragePtr createSystemFormats();
StoragePtr createSystemTableEngines();
StoragePtr createSystemAggregateFunctionCombinators();
StoragePtr createSystemTimeZones();
StoragePtr createSystemProcesses(const class ProcessList& processes);

}  // namespace tally
