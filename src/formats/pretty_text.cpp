#include "formats/pretty_text.h"

#include <cmath>

#include "common/readable.h"

namespace tally {

bool isNumberColumnType(const DataTypePtr& type) { return removeNullableAndLowCardinality(type)->isNumber(); }

std::string readableNumberTip(const Column& column, size_t n, const FormatSettings& settings, bool color) {
  if (column.isNullAt(n)) return {};
  double value = column.getFloat64(n);
  double abs_value = std::fabs(value);
  uint64_t threshold = settings.pretty.single_large_number_tip_threshold;
  if (!threshold || !std::isfinite(value) || abs_value <= double(threshold)) return {};
  if (abs_value > 1e17 && abs_value < 1.844675e19) return {};
  std::string tip = " -- " + formatReadableQuantity(value);
  if (color) tip = "\033[90m" + tip + "\033[0m";
  return tip;
}

std::string replaceControlCharacters(std::string_view text) {
  std::string result;
  result.reserve(text.size());
  for (char c : text) {
    auto byte = static_cast<unsigned char>(c);
    if (byte < 0x20 || byte == 0x7F) {
      unsigned char code = byte == 0x7F ? 0x21 : byte;
      result += char(0xE2);
      result += char(0x90);
      result += char(0x80 + code);
    } else {
      result += c;
    }
  }
  return result;
}

}  // namespace tally
