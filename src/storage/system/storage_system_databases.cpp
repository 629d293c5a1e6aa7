// system.databases: one row per database of the catalog, sorted by name.

#include "storage/system/system_table.h"
#include "storage/system/system_table_factories.h"

namespace tally {

class StorageSystemDatabases final : public SystemTable {
 public:
  StorageSystemDatabases(const Catalog& catalog, std::string data_path)
      : SystemTable("SystemDatabases", {{"name", "String"},
                                        {"engine", "String"},
                                        {"data_path", "String"},
                                        {"metadata_path", "String"},
                                        {"uuid", "UUID"},
                                        {"engine_full", "String"},
                                        {"comment", "String"}}),
        catalog_(catalog), data_path_(std::move(data_path)) {}

 protected:
  void fillData(MutableColumns& columns, QueryContext&) const override {
    for (const auto& db : catalog_.databases()) {
      columns[0]->insert(Field(db->name()));
      columns[1]->insert(Field(db->engine()));
      columns[2]->insert(Field(data_path_));
      columns[3]->insert(Field(data_path_.empty() ? std::string() : data_path_ + "metadata/" + db->name() + "/"));
      columns[4]->insertDefault();
      columns[5]->insert(Field(db->engine()));
      columns[6]->insert(Field(std::string()));
    }
  }

 private:
  const Catalog& catalog_;
  std::string data_path_;
};

StoragePtr createSystemDatabases(const Catalog& catalog, std::string data_path) {
  return std::make_shared<StorageSystemDatabases>(catalog, std::move(data_path));
}

}  // namespace tally
