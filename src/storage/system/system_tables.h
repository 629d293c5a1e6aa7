#pragma once
// The `system` database: attachSystemTables() creates it in a catalog (if absent) and adds the
// system tables — one, numbers, numbers_mt, zeros, zeros_mt, databases, tables, columns,
// settings, functions, table_functions, data_type_families, formats, table_engines,
// aggregate_function_combinators, time_zones.
//
// Tables describing the catalog keep a pointer to it: the catalog must outlive them. Settings
// come from the query reading them (QueryContext::settings).

#include <memory>
#include <string>

#include "storage/catalog.h"

namespace tally {

class AccessStore;

/// `data_path`: the server's data directory (with a trailing '/'), shown in data_path /
/// metadata_path columns; empty for a catalog kept only in memory.
void attachSystemTables(Catalog& catalog, const std::string& data_path = "");

/// Adds system.users, roles, grants, role_grants, settings_profiles, settings_profile_elements,
/// quotas, quota_usage (the reading user's counters) and quotas_usage (everyone's), which read
/// `store` (storage_system_access.cpp).
void attachAccessSystemTables(Catalog& catalog, std::shared_ptr<const AccessStore> store);
class ProcessList;
/// Adds system.processes, the running queries of `processes` (which must outlive the catalog).
void attachSystemProcesses(Catalog& catalog, const ProcessList& processes);

}  // namespace tally
