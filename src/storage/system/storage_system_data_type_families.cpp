// system.data_type_families: the type families and SQL aliases of DataTypeFactory, sorted by name.

#include <algorithm>

#include "storage/system/system_table.h"
#include "storage/system/system_table_factories.h"
#include "types/data_type_factory.h"

namespace tally {

class StorageSystemDataTypeFamilies final : public SystemTable {
 public:
  StorageSystemDataTypeFamilies()
      : SystemTable("SystemTableDataTypeFamilies",
                    {{"name", "String"}, {"case_insensitive", "UInt8"}, {"alias_to", "String"}}) {}

 protected:
  void fillData(MutableColumns& columns, QueryContext&) const override {
    struct Row {
      std::string name;
      bool case_insensitive;
      std::string alias_to;
    };
    std::vector<Row> rows;
    const auto& factory = DataTypeFactory::instance();
    for (const auto& [name, ci] : factory.families()) rows.push_back({name, ci, ""});
    // SQL aliases are registered case-insensitive.
    for (const auto& [alias, target] : factory.aliases()) rows.push_back({alias, true, target});
    std::sort(rows.begin(), rows.end(), [](const Row& a, const Row& b) { return a.name < b.name; });
    for (const auto& r : rows) {
      columns[0]->insert(Field(r.name));
      columns[1]->insert(Field(uint64_t(r.case_insensitive)));
      columns[2]->insert(Field(r.alias_to));
    }
  }
};

StoragePtr createSystemDataTypeFamilies() { return std::make_shared<StorageSystemDataTypeFamilies>(); }

}  // namespace tally
