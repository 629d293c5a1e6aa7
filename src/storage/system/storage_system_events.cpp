// system.events: the process-wide event counters (common/profile_events.h) that are not zero.

#include "common/profile_events.h"
#include "storage/system/system_table.h"
#include "storage/system/system_table_factories.h"

namespace tally {

class StorageSystemEvents final : public SystemTable {
 public:
  StorageSystemEvents() : SystemTable("SystemEvents", {{"event", "String"}, {"value", "UInt64"}, {"description", "String"}}) {}

 protected:
  void fillData(MutableColumns& columns, QueryContext&) const override {
    for (uint32_t i = 0; i < ProfileEvents::kCount; ++i) {
      auto e = ProfileEvents::Event(i);
      uint64_t v = ProfileEvents::value(e);
      if (!v) continue;
      columns[0]->insert(Field(ProfileEvents::name(e)));
      columns[1]->insert(Field(v));
      columns[2]->insert(Field(ProfileEvents::description(e)));
    }
  }
};

StoragePtr createSystemEvents() { return std::make_shared<StorageSystemEvents>(); }

}  // namespace tally
