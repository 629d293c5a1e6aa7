// system.merges: the merges running now in MergeTree-family tables.

#include "storage/system/merge_tree_tables.h"
#include "storage/system/system_table.h"
#include "storage/system/system_table_factories.h"

namespace tally {

class StorageSystemMerges final : public SystemTable {
 public:
  explicit StorageSystemMerges(const Catalog& catalog)
      : SystemTable("SystemMerges", {{"database", "String"},
                                     {"table", "String"},
                                     {"elapsed", "Float64"},
                                     {"progress", "Float64"},
                                     {"num_parts", "UInt64"},
                                     {"source_part_names", "Array(String)"},
                                     {"result_part_name", "String"},
                                     {"partition_id", "String"},
                                     {"is_mutation", "UInt8"},
                                     {"total_size_marks", "UInt64"},
                                     {"rows_read", "UInt64"},
                                     {"rows_written", "UInt64"}}),
        catalog_(catalog) {}

 protected:
  void fillData(MutableColumns& columns, QueryContext&) const override {
    forEachMergeTree(catalog_, [&](const std::string& database, const std::string& table, const StorageMergeTree& mt) {
        for (const auto& m : mt.currentMerges()) {
          FieldArray sources;
          for (const auto& s : m.source_part_names) sources.push_back(Field(s));
          size_t i = 0;
          columns[i++]->insert(Field(database));
          columns[i++]->insert(Field(table));
          columns[i++]->insert(Field(m.elapsed));
          columns[i++]->insert(Field(0.0));
          columns[i++]->insert(Field(uint64_t(m.source_part_names.size())));
          columns[i++]->insert(Field(std::move(sources)));
          columns[i++]->insert(Field(m.result_part_name));
          columns[i++]->insert(Field(m.partition_id));
          columns[i++]->insert(Field(uint64_t(0)));
          columns[i++]->insert(Field(uint64_t(0)));
          columns[i++]->insert(Field(m.rows_read));
          columns[i++]->insert(Field(uint64_t(0)));
        }
    });
  }

 private:
  const Catalog& catalog_;
};

StoragePtr createSystemMerges(const Catalog& catalog) { return std::make_shared<StorageSystemMerges>(catalog); }

}  // namespace tally
