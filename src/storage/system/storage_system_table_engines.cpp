// system.table_engines: the engines of StorageFactory, sorted by name, with the features
// ClickHouse lists for them (derived from the engine family).

#include "storage/storage_factory.h"
#include "storage/system/system_table.h"
#include "storage/system/system_table_factories.h"

namespace tally {

class StorageSystemTableEngines final : public SystemTable {
 public:
  StorageSystemTableEngines()
      : SystemTable("SystemTableEngines", {{"name", "String"},
                                           {"supports_settings", "UInt8"},
                                           {"supports_skipping_indices", "UInt8"},
                                           {"supports_projections", "UInt8"},
                                           {"supports_sort_order", "UInt8"},
                                           {"supports_ttl", "UInt8"},
                                           {"supports_replication", "UInt8"},
                                           {"supports_deduplication", "UInt8"},
                                           {"supports_parallel_insert", "UInt8"}}) {}

 protected:
  void fillData(MutableColumns& columns, QueryContext&) const override {
    for (const auto& name : StorageFactory::instance().engines()) {
      bool merge_tree = name.size() >= 9 && name.compare(name.size() - 9, 9, "MergeTree") == 0;
      bool replicated = merge_tree && name.rfind("Replicated", 0) == 0;
      size_t i = 0;
      columns[i++]->insert(Field(name));
      columns[i++]->insert(Field(uint64_t(merge_tree || name == "Memory")));          // settings
      for (int k = 0; k < 4; ++k) columns[i++]->insert(Field(uint64_t(merge_tree)));  // indices .. ttl
      columns[i++]->insert(Field(uint64_t(replicated)));
      columns[i++]->insert(Field(uint64_t(replicated)));
      columns[i++]->insert(Field(uint64_t(merge_tree || name == "Memory")));
    }
  }
};

StoragePtr createSystemTableEngines() { return std::make_shared<StorageSystemTableEngines>(); }

}  // namespace tally
