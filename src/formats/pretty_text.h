#pragma once
// Text details shared by the Pretty family and Vertical: the readable tip after large numbers
// (" -- 1.00 million"), Unicode Control Pictures for control characters, and which columns
// count as numbers.

#include <string>
#include <string_view>

#include "columns/column.h"
#include "types/data_type.h"
#include "types/format_settings.h"

namespace tally {

/// Number type, possibly inside Nullable / LowCardinality.
bool isNumberColumnType(const DataTypePtr& type);

/// " -- 1.23 million" when |value| of row n exceeds the tip threshold (and is not in the
/// 1e17..1.8e19 range typical of hashes), "" otherwise. `color` wraps it in grey.
std::string readableNumberTip(const Column& column, size_t n, const FormatSettings& settings, bool color);

/// Bytes 0x00..0x1F and 0x7F replaced by U+2400..U+2421 (␀ ... ␡).
std::string replaceControlCharacters(std::string_view text);

}  // namespace tally
