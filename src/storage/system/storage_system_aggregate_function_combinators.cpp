// system.aggregate_function_combinators: the combinator suffixes (If, Array, State, ...) of
// AggregateFunctionFactory, sorted by name; Null is internal (added for Nullable arguments).

#include <algorithm>

#include "functions/aggregate/aggregate_function_factory.h"
#include "storage/system/system_table.h"
#include "storage/system/system_table_factories.h"

namespace tally {

class StorageSystemAggregateFunctionCombinators final : public SystemTable {
 public:
  StorageSystemAggregateFunctionCombinators()
      : SystemTable("SystemAggregateFunctionCombinators", {{"name", "String"}, {"is_internal", "UInt8"}}) {}

 protected:
  void fillData(MutableColumns& columns, QueryContext&) const override {
    auto names = AggregateFunctionFactory::instance().combinatorNames();
    std::sort(names.begin(), names.end());
    names.erase(std::unique(names.begin(), names.end()), names.end());
    for (const auto& name : names) {
      columns[0]->insert(Field(name));
      columns[1]->insert(Field(uint64_t(name == "Null")));
    }
  }
};

StoragePtr createSystemAggregateFunctionCombinators() {
  return std::make_shared<StorageSystemAggregateFunctionCombinators>();
}

}  // namespace tally
