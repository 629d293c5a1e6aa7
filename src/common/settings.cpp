#include "common/settings.h"

#include <charconv>

#include "common/exception.h"

namespace tally {

namespace {

uint64_t toUInt64(const std::string& name, const Field& v) {
  switch (v.which()) {
    case Field::Which::UInt64: return v.get<uint64_t>();
    case Field::Which::Int64:
      if (v.get<int64_t>() < 0)
        throw Exception(ErrorCodes::CANNOT_CONVERT_TYPE, "Setting {} cannot be negative", name);
      return uint64_t(v.get<int64_t>());
    case Field::Which::Bool: return v.get<bool>();
    case Field::Which::Float64: return uint64_t(v.get<double>());
    case Field::Which::String: {
      const auto& s = v.get<std::string>();
      uint64_t r = 0;
      auto res = std::from_chars(s.data(), s.data() + s.size(), r);
      if (res.ec != std::errc() || res.ptr != s.data() + s.size()) {
        if (s == "true") return 1;
        if (s == "false") return 0;
        throw Exception(ErrorCodes::CANNOT_PARSE_NUMBER, "Cannot parse '{}' as UInt64 for setting {}", s, name);
      }
      return r;
    }
    default: throw Exception(ErrorCodes::TYPE_MISMATCH, "Bad type of value for setting {}", name);
  }
}

[[maybe_unused]] int64_t toInt64(const std::string& name, const Field& v) {
  if (v.which() == Field::Which::Int64) return v.get<int64_t>();
  if (v.which() == Field::Which::String) {
    const auto& s = v.get<std::string>();
    int64_t r = 0;
    auto res = std::from_chars(s.data(), s.data() + s.size(), r);
    if (res.ec != std::errc() || res.ptr != s.data() + s.size())
      throw Exception(ErrorCodes::CANNOT_PARSE_NUMBER, "Cannot parse '{}' as Int64 for setting {}", s, name);
    return r;
  }
  return int64_t(toUInt64(name, v));
}

double toFloat64(const std::string& name, const Field& v) {
  switch (v.which()) {
    case Field::Which::Float64: return v.get<double>();
    case Field::Which::UInt64: return double(v.get<uint64_t>());
    case Field::Which::Int64: return double(v.get<int64_t>());
    case Field::Which::String: {
      try {
        size_t pos = 0;
        double d = std::stod(v.get<std::string>(), &pos);
        if (pos == v.get<std::string>().size()) return d;
      } catch (...) {
      }
      throw Exception(ErrorCodes::CANNOT_PARSE_NUMBER, "Cannot parse '{}' as Float64 for setting {}",
                      v.get<std::string>(), name);
    }
    default: throw Exception(ErrorCodes::TYPE_MISMATCH, "Bad type of value for setting {}", name);
  }
}

bool toBool(const std::string& name, const Field& v) {
  if (v.which() == Field::Which::String) {
    const auto& s = v.get<std::string>();
    if (s == "true" || s == "1") return true;
    if (s == "false" || s == "0") return false;
    throw Exception(ErrorCodes::CANNOT_PARSE_BOOL, "Cannot parse '{}' as a boolean for setting {}", s, name);
  }
  return toUInt64(name, v) != 0;
}

std::string toStringValue(const std::string&, const Field& v) {
  switch (v.which()) {
    case Field::Which::String: return v.get<std::string>();
    case Field::Which::UInt64: return std::to_string(v.get<uint64_t>());
    case Field::Which::Int64: return std::to_string(v.get<int64_t>());
    case Field::Which::Float64: return fmt::format("{}", v.get<double>());
    case Field::Which::Bool: return v.get<bool>() ? "1" : "0";
    default: return v.dump();
  }
}

template <typename T>
std::string valueText(const T& v) {
  if constexpr (std::is_same_v<T, std::string>) return v;
  else if constexpr (std::is_same_v<T, bool>) return v ? "1" : "0";
  else if constexpr (std::is_same_v<T, double>) return fmt::format("{}", v);
  else return std::to_string(v);
}

}  // namespace

void Settings::set(const std::string& name, const Field& value) {
#define TALLY_SET_SETTING(TYPE, NAME, DEFAULT, DESCRIPTION) \
  if (name == #NAME) {                                       \
    NAME = TALLY_CONVERT_##TYPE(name, value);                \
    changed[name] = true;                                    \
    return;                                                  \
  }
#define TALLY_CONVERT_UInt64 toUInt64
#define TALLY_CONVERT_Int64 toInt64
#define TALLY_CONVERT_Float64 toFloat64
#define TALLY_CONVERT_Bool toBool
#define TALLY_CONVERT_String toStringValue
  TALLY_SETTINGS(TALLY_SET_SETTING)
#undef TALLY_SET_SETTING
  if (name.rfind("custom_", 0) == 0 || name.rfind("param_", 0) == 0) {
    custom[name] = toStringValue(name, value);
    changed[name] = true;
    return;
  }
  throw Exception(ErrorCodes::UNKNOWN_SETTING,
                  "Setting {} is neither a builtin setting nor started with the prefix 'custom_' registered for user-defined "
                  "settings",
                  name);
}

void Settings::setFromString(const std::string& name, const std::string& value) { set(name, Field(value)); }

std::string Settings::getString(const std::string& name) const {
#define TALLY_GET_SETTING(TYPE, NAME, DEFAULT, DESCRIPTION) \
  if (name == #NAME) return valueText(NAME);
  TALLY_SETTINGS(TALLY_GET_SETTING)
#undef TALLY_GET_SETTING
  auto it = custom.find(name);
  if (it != custom.end()) return it->second;
  throw Exception(ErrorCodes::UNKNOWN_SETTING, "Unknown setting {}", name);
}

Field Settings::get(const std::string& name) const {
#define TALLY_GET_FIELD(TYPE, NAME, DEFAULT, DESCRIPTION) \
  if (name == #NAME) return Field(NAME);
  TALLY_SETTINGS(TALLY_GET_FIELD)
#undef TALLY_GET_FIELD
  return Field(getString(name));
}

bool Settings::has(const std::string& name) {
#define TALLY_HAS_SETTING(TYPE, NAME, DEFAULT, DESCRIPTION) \
  if (name == #NAME) return true;
  TALLY_SETTINGS(TALLY_HAS_SETTING)
#undef TALLY_HAS_SETTING
  return false;
}

const std::vector<Settings::Description>& Settings::all() {
  static const std::vector<Description> list = [] {
    std::vector<Description> res;
    Settings defaults;
#define TALLY_DESCRIBE_SETTING(TYPE, NAME, DEFAULT, DESCRIPTION) \
  res.push_back({#NAME, #TYPE, valueText(defaults.NAME), DESCRIPTION});
    TALLY_SETTINGS(TALLY_DESCRIBE_SETTING)
#undef TALLY_DESCRIBE_SETTING
    return res;
  }();
  return list;
}

}  // namespace tally
