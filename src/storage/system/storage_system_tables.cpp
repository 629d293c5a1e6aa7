// system.tables: one row per table of every database (databases and tables sorted by name),
// with the engine, the CREATE statement, keys read from it, and the row / byte counts storages
// know cheaply. Temporary tables of sessions are not in the catalog and are not listed.

#include "parser/parser.h"
#include "storage/system/system_table.h"
#include "storage/system/system_table_factories.h"
#include "storage/system/table_definition.h"

namespace tally {

namespace storage_system_tables {

/// Engines whose tables keep their own data on disk (system.tables.has_own_data).
bool storesDataOnDisk(const std::string& engine) {
  static const char* suffixes[] = {"MergeTree", "Log"};
  for (const char* s : suffixes) {
    std::string_view suffix(s);
    if (engine.size() >= suffix.size() && engine.compare(engine.size() - suffix.size(), suffix.size(), suffix) == 0)
      return true;
  }
  return engine == "File";
}

Field optionalCount(const std::optional<uint64_t>& value) { return value ? Field(*value) : Field(); }

}  // namespace storage_system_tables

class StorageSystemTables final : public SystemTable {
 public:
  StorageSystemTables(const Catalog& catalog, std::string data_path)
      : SystemTable("SystemTables", {{"database", "String"},
                                     {"name", "String"},
                                     {"uuid", "UUID"},
                                     {"engine", "String"},
                                     {"is_temporary", "UInt8"},
                                     {"data_paths", "Array(String)"},
                                     {"metadata_path", "String"},
                                     {"metadata_modification_time", "DateTime"},
                                     {"metadata_version", "Int32"},
                                     {"dependencies_database", "Array(String)"},
                                     {"dependencies_table", "Array(String)"},
                                     {"create_table_query", "String"},
                                     {"engine_full", "String"},
                                     {"as_select", "String"},
                                     {"parameterized_view_parameters", "Array(Tuple(name String, type String))"},
                                     {"partition_key", "String"},
                                     {"sorting_key", "String"},
                                     {"primary_key", "String"},
                                     {"sampling_key", "String"},
                                     {"storage_policy", "String"},
                                     {"total_rows", "Nullable(UInt64)"},
                                     {"total_bytes", "Nullable(UInt64)"},
                                     {"total_bytes_uncompressed", "Nullable(UInt64)"},
                                     {"parts", "Nullable(UInt64)"},
                                     {"active_parts", "Nullable(UInt64)"},
                                     {"total_marks", "Nullable(UInt64)"},
                                     {"lifetime_rows", "Nullable(UInt64)"},
                                     {"lifetime_bytes", "Nullable(UInt64)"},
                                     {"comment", "String"},
                                     {"has_own_data", "UInt8"},
                                     {"loading_dependencies_database", "Array(String)"},
                                     {"loading_dependencies_table", "Array(String)"},
                                     {"loading_dependent_database", "Array(String)"},
                                     {"loading_dependent_table", "Array(String)"}}),
        catalog_(catalog), data_path_(std::move(data_path)) {}

 protected:
  void fillData(MutableColumns& columns, QueryContext&) const override {
    using namespace storage_system_tables;
    for (const auto& db : catalog_.databases()) {
      for (const auto& [name, entry] : db->tables()) {
        const IStorage& storage = *entry.storage;
        std::string engine = storage.engineName();
        TableDefinition definition = describeTableDefinition(entry.create_query, engine);
        if (ASTPtr view = storage.viewQuery(); view && definition.as_select.empty())
          definition.as_select = formatAST(*view);
        size_t i = 0;
        columns[i++]->insert(Field(db->name()));
        columns[i++]->insert(Field(name));
        columns[i++]->insertDefault();  // uuid
        columns[i++]->insert(Field(engine));
        columns[i++]->insert(Field(uint64_t(0)));  // is_temporary
        columns[i++]->insertDefault();             // data_paths
        columns[i++]->insert(
            Field(data_path_.empty() ? std::string() : data_path_ + "metadata/" + db->name() + "/" + name + ".sql"));
        columns[i++]->insertDefault();  // metadata_modification_time
        columns[i++]->insertDefault();  // metadata_version
        columns[i++]->insertDefault();  // dependencies_database
        columns[i++]->insertDefault();  // dependencies_table
        columns[i++]->insert(Field(entry.create_query));
        columns[i++]->insert(Field(storage.engineFull()));
        columns[i++]->insert(Field(definition.as_select));
        columns[i++]->insertDefault();  // parameterized_view_parameters
        columns[i++]->insert(Field(definition.partition_key));
        columns[i++]->insert(Field(definition.sorting_key));
        columns[i++]->insert(Field(definition.primary_key));
        columns[i++]->insert(Field(definition.sampling_key));
        columns[i++]->insert(Field(std::string()));  // storage_policy
        columns[i++]->insert(optionalCount(storage.totalRows()));
        columns[i++]->insert(optionalCount(storage.totalBytes()));
        for (int k = 0; k < 6; ++k) columns[i++]->insertDefault();  // bytes_uncompressed .. lifetime_bytes
        columns[i++]->insert(Field(definition.comment));
        columns[i++]->insert(Field(uint64_t(storesDataOnDisk(engine))));
        for (int k = 0; k < 4; ++k) columns[i++]->insertDefault();  // loading dependencies
      }
    }
  }

 private:
  const Catalog& catalog_;
  std::string data_path_;
};

StoragePtr createSystemTables(const Catalog& catalog, std::string data_path) {
  return std::make_shared<StorageSystemTables>(catalog, std::move(data_path));
}

}  // namespace tally
