// system.settings: every setting with the value in effect for the reading query, whether it
// was changed (SET, SETTINGS, URL parameters), its default, type and description, in the order
// settings_list.h declares them.

#include "storage/system/system_table.h"
#include "storage/system/system_table_factories.h"

namespace tally {

namespace storage_system_settings {

/// ClickHouse's name of a setting type.
std::string typeName(const std::string& type) {
  if (type == "Float64") return "Float";
  return type;
}

}  // namespace storage_system_settings

class StorageSystemSettings final : public SystemTable {
 public:
  StorageSystemSettings()
      : SystemTable("SystemSettings",
                    {{"name", "String"},
                     {"value", "String"},
                     {"changed", "UInt8"},
                     {"description", "String"},
                     {"min", "Nullable(String)"},
                     {"max", "Nullable(String)"},
                     {"disallowed_values", "Array(String)"},
                     {"readonly", "UInt8"},
                     {"type", "String"},
                     {"default", "String"},
                     {"alias_for", "String"},
                     {"is_obsolete", "UInt8"},
                     {"tier", "Enum8('Production' = 0, 'Obsolete' = 4, 'Experimental' = 8, 'Beta' = 12)"}}) {}

 protected:
  void fillData(MutableColumns& columns, QueryContext& context) const override {
    const Settings& settings = context.settings;
    for (const auto& d : Settings::all()) {
      auto changed = settings.changed.find(d.name);
      // readonly = 1 forbids changing any setting; readonly = 2 only `readonly` itself.
      bool readonly = settings.readonly == 1 || (settings.readonly == 2 && d.name == "readonly");
      size_t i = 0;
      columns[i++]->insert(Field(d.name));
      columns[i++]->insert(Field(settings.getString(d.name)));
      columns[i++]->insert(Field(uint64_t(changed != settings.changed.end() && changed->second)));
      columns[i++]->insert(Field(d.description));
      columns[i++]->insertDefault();  // min
      columns[i++]->insertDefault();  // max
      columns[i++]->insertDefault();  // disallowed_values
      columns[i++]->insert(Field(uint64_t(readonly)));
      columns[i++]->insert(Field(storage_system_settings::typeName(d.type)));
      columns[i++]->insert(Field(d.default_value));
      columns[i++]->insert(Field(std::string()));
      columns[i++]->insert(Field(uint64_t(0)));
      columns[i++]->insert(Field(int64_t(0)));  // Production
    }
  }
};

StoragePtr createSystemSettings() { return std::make_shared<StorageSystemSettings>(); }

}  // namespace tally
