#pragma once
// Column lists written as text, as table functions and engines take their `structure` argument:
//   'a UInt8, b Nullable(String), `odd name` Array(Tuple(x Int32, y String))'
// Each element is a name (bare, `back-quoted` or "double-quoted") followed by a type that
// DataTypeFactory understands, optionally followed by NULL / NOT NULL.

#include <string_view>

#include "storage/storage.h"

namespace tally {

/// Parses a column list; throws SYNTAX_ERROR for malformed text, the type factory's errors for
/// unknown types, and BAD_ARGUMENTS for an empty list or a repeated name.
ColumnsDescription parseColumnList(std::string_view text);

/// parseColumnList that returns false instead of throwing (values() uses it to decide whether
/// its first argument is a structure).
bool tryParseColumnList(std::string_view text, ColumnsDescription& result);

}  // namespace tally
