// system.mutations: the mutations (ALTER DELETE/UPDATE, DELETE FROM, column changes) of every
// MergeTree-family table since the server started.

#include "storage/system/merge_tree_tables.h"
#include "storage/system/system_table.h"
#include "storage/system/system_table_factories.h"

namespace tally {

class StorageSystemMutations final : public SystemTable {
 public:
  explicit StorageSystemMutations(const Catalog& catalog)
      : SystemTable("SystemMutations", {{"database", "String"},
                                        {"table", "String"},
                                        {"mutation_id", "String"},
                                        {"command", "String"},
                                        {"create_time", "DateTime"},
                                        {"block_numbers.partition_id", "Array(String)"},
                                        {"block_numbers.number", "Array(Int64)"},
                                        {"parts_to_do", "Int64"},
                                        {"is_done", "UInt8"},
                                        {"latest_failed_part", "String"},
                                        {"latest_fail_time", "DateTime"},
                                        {"latest_fail_reason", "String"}}),
        catalog_(catalog) {}

 protected:
  void fillData(MutableColumns& columns, QueryContext&) const override {
    forEachMergeTree(catalog_, [&](const std::string& database, const std::string& table, const StorageMergeTree& mt) {
        for (const auto& m : mt.mutations()) {
          size_t i = 0;
          columns[i++]->insert(Field(database));
          columns[i++]->insert(Field(table));
          columns[i++]->insert(Field(m.mutation_id));
          columns[i++]->insert(Field(m.command));
          columns[i++]->insert(Field(uint64_t(m.create_time)));
          columns[i++]->insert(Field(FieldArray{}));
          columns[i++]->insert(Field(FieldArray{}));
          columns[i++]->insert(Field(int64_t(m.parts_to_do)));
          columns[i++]->insert(Field(uint64_t(m.is_done ? 1 : 0)));
          columns[i++]->insert(Field(std::string()));
          columns[i++]->insert(Field(uint64_t(m.latest_fail_reason.empty() ? 0 : m.create_time)));
          columns[i++]->insert(Field(m.latest_fail_reason));
        }
    });
  }

 private:
  const Catalog& catalog_;
};

StoragePtr createSystemMutations(const Catalog& catalog) { return std::make_shared<StorageSystemMutations>(catalog); }

}  // namespace tally
