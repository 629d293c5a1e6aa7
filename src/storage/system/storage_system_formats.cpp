// system.formats: the input and output formats of FormatFactory (aliases included), sorted by
// name, with whether they can be parsed in parallel chunks and infer a schema.

#include "formats/format.h"
#include "storage/system/system_table.h"
#include "storage/system/system_table_factories.h"

namespace tally {

class StorageSystemFormats final : public SystemTable {
 public:
  StorageSystemFormats()
      : SystemTable("SystemFormats", {{"name", "String"},
                                      {"is_input", "UInt8"},
                                      {"is_output", "UInt8"},
                                      {"supports_parallel_parsing", "UInt8"},
                                      {"supports_parallel_formatting", "UInt8"},
                                      {"has_schema_inference", "UInt8"}}) {}

 protected:
  void fillData(MutableColumns& columns, QueryContext&) const override {
    const auto& factory = FormatFactory::instance();
    for (const auto& f : factory.formats()) {
      columns[0]->insert(Field(f.name));
      columns[1]->insert(Field(uint64_t(f.is_input)));
      columns[2]->insert(Field(uint64_t(f.is_output)));
      columns[3]->insert(Field(uint64_t(f.is_input && factory.rowBoundaryFinder(f.name) != nullptr)));
      columns[4]->insert(Field(uint64_t(0)));
      columns[5]->insert(Field(uint64_t(factory.schemaReader(f.name) != nullptr)));
    }
  }
};

StoragePtr createSystemFormats() { return std::make_shared<StorageSystemFormats>(); }

}  // namespace tally
