#pragma once
// Settings: the per-query knobs (SET, SETTINGS clauses, HTTP parameters, CLI --name=value).
// The list is settings_list.h. Values are typed members; names map to them for SET and for
// system.settings. Copyable; each query owns its copy. `changed` marks what was set.

#include <cstdint>
#include <map>
#include <string>
#include <vector>

#include "common/field.h"

namespace tally {

struct Settings {
#define TALLY_DECLARE_SETTING(TYPE, NAME, DEFAULT, DESCRIPTION) TALLY_SETTING_TYPE_##TYPE NAME = DEFAULT;
#define TALLY_SETTING_TYPE_UInt64 uint64_t
#define TALLY_SETTING_TYPE_Int64 int64_t
#define TALLY_SETTING_TYPE_Float64 double
#define TALLY_SETTING_TYPE_Bool bool
#define TALLY_SETTING_TYPE_String std::string
#include "common/settings_list.h"
  TALLY_SETTINGS(TALLY_DECLARE_SETTING)
#undef TALLY_DECLARE_SETTING

  /// Names set explicitly (by SET, SETTINGS, URL parameters).
  std::map<std::string, bool> changed;
  /// Custom settings (custom_*) and query parameters set with SET param_x = ... .
  std::map<std::string, std::string> custom;

  /// Sets a setting by name from a Field or its text; throws UNKNOWN_SETTING (115) for an
  /// unknown name, CANNOT_PARSE_* / TYPE_MISMATCH for a bad value.
  void set(const std::string& name, const Field& value);
  void setFromString(const std::string& name, const std::string& value);
  /// The value as text ("1", "throw").
  std::string getString(const std::string& name) const;
  Field get(const std::string& name) const;
  static bool has(const std::string& name);

  struct Description {
    std::string name, type, default_value, description;
  };
  static const std::vector<Description>& all();
};

}  // namespace tally
