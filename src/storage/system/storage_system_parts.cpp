// system.parts: one row per active data part of every MergeTree-family table.

#include "storage/system/merge_tree_tables.h"
#include "storage/system/system_table.h"
#include "storage/system/system_table_factories.h"

namespace tally {

class StorageSystemParts final : public SystemTable {
 public:
  explicit StorageSystemParts(const Catalog& catalog)
      : SystemTable("SystemParts", {{"partition", "String"},
                                    {"name", "String"},
                                    {"part_type", "String"},
                                    {"active", "UInt8"},
                                    {"marks", "UInt64"},
                                    {"rows", "UInt64"},
                                    {"bytes_on_disk", "UInt64"},
                                    {"modification_time", "DateTime"},
                                    {"refcount", "UInt32"},
                                    {"min_block_number", "Int64"},
                                    {"max_block_number", "Int64"},
                                    {"level", "UInt32"},
                                    {"data_version", "UInt64"},
                                    {"primary_key_bytes_in_memory", "UInt64"},
                                    {"database", "String"},
                                    {"table", "String"},
                                    {"engine", "String"},
                                    {"path", "String"},
                                    {"partition_id", "String"},
                                    {"bytes", "UInt64"}}),
        catalog_(catalog) {}

 protected:
  void fillData(MutableColumns& columns, QueryContext&) const override {
    forEachMergeTree(catalog_, [&](const std::string& database, const std::string& table, const StorageMergeTree& mt) {
        for (const auto& part : mt.activeParts()) {
          uint64_t key_bytes = 0;
          for (const auto& c : part->primary_index) key_bytes += c->byteSize();
          size_t i = 0;
          columns[i++]->insert(Field(part->partition_value));
          columns[i++]->insert(Field(part->name.str()));
          columns[i++]->insert(Field("Wide"));
          columns[i++]->insert(Field(uint64_t(1)));
          columns[i++]->insert(Field(uint64_t(part->granules())));
          columns[i++]->insert(Field(part->rows));
          columns[i++]->insert(Field(part->bytes_on_disk));
          columns[i++]->insert(Field(uint64_t(part->modification_time)));
          columns[i++]->insert(Field(uint64_t(part.use_count())));
          columns[i++]->insert(Field(part->name.min_block));
          columns[i++]->insert(Field(part->name.max_block));
          columns[i++]->insert(Field(uint64_t(part->name.level)));
          columns[i++]->insert(Field(uint64_t(part->name.mutation ? part->name.mutation : part->name.min_block)));
          columns[i++]->insert(Field(key_bytes));
          columns[i++]->insert(Field(database));
          columns[i++]->insert(Field(table));
          columns[i++]->insert(Field(mt.engineName()));
          columns[i++]->insert(Field(part->path + "/"));
          columns[i++]->insert(Field(part->name.partition_id));
          columns[i++]->insert(Field(part->bytes_on_disk));
        }
    });
  }

 private:
  const Catalog& catalog_;
};

StoragePtr createSystemParts(const Catalog& catalog) { return std::make_shared<StorageSystemParts>(catalog); }

}  // namespace tally
