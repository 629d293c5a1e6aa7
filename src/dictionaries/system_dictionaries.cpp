#include "dictionaries/system_dictionaries.h"

#include "storage/system/system_table.h"

namespace tally {

namespace {

class StorageSystemDictionaries final : public SystemTable {
 public:
  explicit StorageSystemDictionaries(std::shared_ptr<DictionaryRegistry> registry)
      : SystemTable("SystemDictionaries",
                    {{"database", "String"},
                     {"name", "String"},
                     {"uuid", "UUID"},
                     {"status", "Enum8('NOT_LOADED' = 0, 'LOADED' = 1, 'FAILED' = 2, 'LOADING' = 3, 'FAILED_AND_RELOADING' = 4, "
                                "'LOADED_AND_RELOADING' = 5, 'NOT_EXIST' = 6)"},
                     {"origin", "String"},
                     {"type", "String"},
                     {"key.names", "Array(String)"},
                     {"key.types", "Array(String)"},
                     {"attribute.names", "Array(String)"},
                     {"attribute.types", "Array(String)"},
                     {"bytes_allocated", "UInt64"},
                     {"hierarchical_index_bytes_allocated", "UInt64"},
                     {"query_count", "UInt64"},
                     {"hit_rate", "Float64"},
                     {"found_rate", "Float64"},
                     {"element_count", "UInt64"},
                     {"load_factor", "Float64"},
                     {"source", "String"},
                     {"lifetime_min", "UInt64"},
                     {"lifetime_max", "UInt64"},
                     {"loading_start_time", "DateTime"},
                     {"last_successful_update_time", "DateTime"},
                     {"loading_duration", "Float32"},
                     {"last_exception", "String"},
                     {"comment", "String"}}),
        registry_(std::move(registry)) {}

 protected:
  void fillData(MutableColumns& columns, QueryContext&) const override {
    for (const auto& info : registry_->list()) {
      const DictionaryStructure& s = *info.structure;
      FieldArray key_names, key_types, attribute_names, attribute_types;
      for (const auto& k : s.keys) {
        key_names.push_back(Field(k.name));
        key_types.push_back(Field(k.type->name()));
      }
      for (const auto& a : s.attributes) {
        attribute_names.push_back(Field(a.name));
        attribute_types.push_back(Field(a.type->name()));
      }
      const Dictionary* d = info.loaded.get();
      const uint64_t queries = d ? d->query_count.load() : 0;
      const uint64_t found = d ? d->found_count.load() : 0;
      size_t i = 0;
      columns[i++]->insert(Field(s.database));
      columns[i++]->insert(Field(s.name));
      columns[i++]->insertDefault();
      columns[i++]->insert(Field(int64_t(info.status)));
      columns[i++]->insert(Field(s.fullName()));
      columns[i++]->insert(Field(d ? s.layoutName() : std::string()));  // ClickHouse: the loaded dictionary's type
      columns[i++]->insert(Field(key_names));
      columns[i++]->insert(Field(key_types));
      columns[i++]->insert(Field(attribute_names));
      columns[i++]->insert(Field(attribute_types));
      columns[i++]->insert(Field(uint64_t(d ? d->bytesAllocated() : 0)));
      columns[i++]->insert(Field(uint64_t(0)));
      columns[i++]->insert(Field(queries));
      columns[i++]->insert(Field(d ? 1.0 : 0.0));
      columns[i++]->insert(Field(queries ? double(found) / double(queries) : 0.0));
      columns[i++]->insert(Field(uint64_t(d ? d->elementCount() : 0)));
      columns[i++]->insert(Field(d ? d->loadFactor() : 0.0));
      columns[i++]->insert(Field(s.source.text));
      columns[i++]->insert(Field(s.lifetime_min));
      columns[i++]->insert(Field(s.lifetime_max));
      columns[i++]->insert(Field(uint64_t(info.loading_start_time)));
      columns[i++]->insert(Field(uint64_t(info.last_successful_update_time)));
      columns[i++]->insert(Field(info.loading_duration));
      columns[i++]->insert(Field(info.last_exception));
      columns[i++]->insert(Field(s.comment));
    }
  }

 private:
  std::shared_ptr<DictionaryRegistry> registry_;
};

}  // namespace

StoragePtr createSystemDictionaries(std::shared_ptr<DictionaryRegistry> registry) {
  return std::make_shared<StorageSystemDictionaries>(std::move(registry));
}

}  // namespace tally
