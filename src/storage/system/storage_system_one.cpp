// system.one: a single row with the column `dummy` UInt8 = 0 (the source of SELECT without FROM).

#include "storage/system/system_table.h"
#include "storage/system/system_table_factories.h"

namespace tally {

class StorageSystemOne final : public SystemTable {
 public:
  StorageSystemOne() : SystemTable("SystemOne", {{"dummy", "UInt8"}}) {}

 protected:
  void fillData(MutableColumns& columns, QueryContext&) const override { columns[0]->insert(Field(uint64_t(0))); }
};

StoragePtr createSystemOne() { return std::make_shared<StorageSystemOne>(); }

}  // namespace tally
