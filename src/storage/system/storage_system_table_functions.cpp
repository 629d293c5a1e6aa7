// system.table_functions: the table functions of TableFunctionFactory, sorted by name.

#include "storage/system/system_table.h"
#include "storage/system/system_table_factories.h"
#include "storage/table_function.h"

namespace tally {

class StorageSystemTableFunctions final : public SystemTable {
 public:
  StorageSystemTableFunctions()
      : SystemTable("SystemTableFunctions",
                    {{"name", "String"}, {"description", "String"}, {"allow_readonly", "UInt8"}}) {}

 protected:
  void fillData(MutableColumns& columns, QueryContext&) const override {
    for (const auto& [name, description] : TableFunctionFactory::instance().list()) {
      columns[0]->insert(Field(name));
      columns[1]->insert(Field(description));
      // Functions reading the file system are not allowed to readonly users.
      columns[2]->insert(Field(uint64_t(name != "file")));
    }
  }
};

StoragePtr createSystemTableFunctions() { return std::make_shared<StorageSystemTableFunctions>(); }

}  // namespace tally
