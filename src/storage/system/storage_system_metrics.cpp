// system.metrics (values now: running queries and merges, active parts, tracked memory) and
// system.asynchronous_metrics (computed when read: uptime, databases, tables, MergeTree parts,
// rows and bytes).

#include <chrono>

#include <unistd.h>

#include <fstream>
#include "storage/system/merge_tree_tables.h"
#include "storage/system/system_table.h"
#include "storage/system/system_table_factories.h"

namespace tally {

namespace {

struct MergeTreeTotals {
  uint64_t tables = 0, parts = 0, rows = 0, bytes = 0, merges = 0, max_parts_per_partition = 0;
};

MergeTreeTotals mergeTreeTotals(const Catalog& catalog, uint64_t& databases, uint64_t& tables) {
  MergeTreeTotals t;
  for (const auto& db : catalog.databases()) {
    ++databases;
    tables += db->tables().size();
  }
  forEachMergeTree(catalog, [&](const std::string&, const std::string&, const StorageMergeTree& mt) {
    ++t.tables;
    std::map<std::string, uint64_t> per_partition;
    for (const auto& p : mt.activeParts()) {
      ++t.parts;
      t.rows += p->rows;
      t.bytes += p->bytes_on_disk;
      t.max_parts_per_partition = std::max(t.max_parts_per_partition, ++per_partition[p->name.partition_id]);
    }
    t.merges += mt.currentMerges().size();
  });
  return t;
}

const auto kStart = std::chrono::steady_clock::now();

/// Resident memory of the process, from /proc/self/statm.
int64_t residentBytes() {
  std::ifstream statm("/proc/self/statm");
  int64_t size = 0, resident = 0;
  statm >> size >> resident;
  return resident * int64_t(::sysconf(_SC_PAGESIZE));
}

class StorageSystemMetrics final : public SystemTable {
 public:
  explicit StorageSystemMetrics(const Catalog& catalog)
      : SystemTable("SystemMetrics", {{"metric", "String"}, {"value", "Int64"}, {"description", "String"}}), catalog_(catalog) {}

 protected:
  void fillData(MutableColumns& columns, QueryContext&) const override {
    uint64_t databases = 0, tables = 0;
    MergeTreeTotals t = mergeTreeTotals(catalog_, databases, tables);
    auto add = [&](const char* name, int64_t value, const char* description) {
      columns[0]->insert(Field(name));
      columns[1]->insert(Field(value));
      columns[2]->insert(Field(description));
    };
    add("Merge", int64_t(t.merges), "Number of executing background merges");
    add("PartsActive", int64_t(t.parts), "Active data parts of MergeTree tables");
    add("MemoryResident", residentBytes(), "Resident memory of the process, in bytes");
  }

 private:
  const Catalog& catalog_;
};

class StorageSystemAsynchronousMetrics final : public SystemTable {
 public:
  explicit StorageSystemAsynchronousMetrics(const Catalog& catalog)
      : SystemTable("SystemAsynchronousMetrics", {{"metric", "String"}, {"value", "Float64"}, {"description", "String"}}),
        catalog_(catalog) {}

 protected:
  void fillData(MutableColumns& columns, QueryContext&) const override {
    uint64_t databases = 0, tables = 0;
    MergeTreeTotals t = mergeTreeTotals(catalog_, databases, tables);
    auto add = [&](const char* name, double value, const char* description) {
      columns[0]->insert(Field(name));
      columns[1]->insert(Field(value));
      columns[2]->insert(Field(description));
    };
    add("Uptime", std::chrono::duration<double>(std::chrono::steady_clock::now() - kStart).count(), "Process uptime in seconds");
    add("NumberOfDatabases", double(databases), "Total number of databases");
    add("NumberOfTables", double(tables), "Total number of tables across databases");
    add("TotalPartsOfMergeTreeTables", double(t.parts), "Active parts of all MergeTree tables");
    add("TotalRowsOfMergeTreeTables", double(t.rows), "Rows stored in all MergeTree tables");
    add("TotalBytesOfMergeTreeTables", double(t.bytes), "Bytes on disk of all MergeTree tables");
    add("MaxPartCountForPartition", double(t.max_parts_per_partition), "Largest number of active parts in one partition");
  }

 private:
  const Catalog& catalog_;
};

}  // namespace

StoragePtr createSystemMetrics(const Catalog& catalog) { return std::make_shared<StorageSystemMetrics>(catalog); }
StoragePtr createSystemAsynchronousMetrics(const Catalog& catalog) {
  return std::make_shared<StorageSystemAsynchronousMetrics>(catalog);
}

}  // namespace tally
