#pragma once
// Reading a JSON value as a number the way ClickHouse's JSONExtract* functions convert it:
// integers must fit the target type exactly, doubles are truncated to integers when in range,
// strings holding numbers are parsed ("12", "1.5"), booleans count only when convert_bool is
// set (JSONExtract(..., 'Int32') does, JSONExtractInt does not). Anything else fails.

#include <cmath>
#include <limits>
#include <type_traits>

#include "functions/conversion/text_value_parsers.h"
#include "functions/json/json_document.h"

namespace tally::json {

/// value -> To if it is within To's range (fractions truncated).
template <typename To, typename From>
bool convertNumberInRange(From value, To& out) {
  if constexpr (std::is_floating_point_v<To>) {
    out = static_cast<To>(value);
    return true;
  } else if constexpr (std::is_floating_point_v<From>) {
    if (std::isnan(value)) return false;
    constexpr long double lowest = static_cast<long double>(std::numeric_limits<To>::lowest());
    constexpr long double max = static_cast<long double>(std::numeric_limits<To>::max());
    long double v = value;
    if (v < lowest || v > max) return false;
    out = static_cast<To>(value);
    return true;
  } else {
    __int128 v = value;
    if (v < static_cast<__int128>(std::numeric_limits<To>::lowest()) ||
        v > static_cast<__int128>(std::numeric_limits<To>::max()))
      return false;
    out = static_cast<To>(value);
    return true;
  }
}

template <typename T>
bool numberFromText(std::string_view text, T& value) {
  const char* b = text.data();
  const char* e = b + text.size();
  if constexpr (std::is_floating_point_v<T>) {
    TextParseResult r = parseFloatText(b, e, value);
    return r.ok() && r.consumed == text.size();
  } else {
    TextParseResult r = parseIntegerText(b, e, value, true);
    if (r.ok() && r.consumed == text.size()) return true;
    Float64 f;
    r = parseFloatText(b, e, f);
    if (!r.ok() || r.consumed != text.size()) return false;
    return convertNumberInRange(f, value);
  }
}

template <typename T>
bool numberFromElement(const Element& element, T& value, bool convert_bool) {
  using simdjson::dom::element_type;
  switch (element.type()) {
    case element_type::DOUBLE:
      return convertNumberInRange(element.get_double().value_unsafe(), value);
    case element_type::UINT64:
      return convertNumberInRange(element.get_uint64().value_unsafe(), value);
    case element_type::INT64:
      return convertNumberInRange(element.get_int64().value_unsafe(), value);
    case element_type::BOOL:
      if constexpr (std::is_integral_v<T>) {
        if (convert_bool) {
          value = static_cast<T>(element.get_bool().value_unsafe());
          return true;
        }
      }
      return false;
    case element_type::STRING:
      return numberFromText(element.get_string().value_unsafe(), value);
    default:
      return false;
  }
}

}  // namespace tally::json
