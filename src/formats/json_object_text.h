#pragma once
// Finding the extent of JSON objects in raw text without parsing values: braces and brackets
// are balanced outside strings (with backslash escapes inside strings). Used by JSONAsString,
// the JSON schema readers and the row boundary finders of the JSON row formats.

#include <string>

#include "io/read_buffer.h"

namespace tally {

/// Appends the text of the object or array starting at the current position ('{' or '[') to
/// `out` and consumes it; INCORRECT_DATA if the input ends first.
void readJSONObjectText(ReadBuffer& in, std::string& out);

/// The end of the last complete top-level JSON value in [begin, end) (just after its closing
/// brace and any following whitespace and comma), or `begin` if there is none. Unless the rows
/// themselves are arrays, a range starting with '[' is one top-level array and has no row ends.
const char* findEndOfLastJSONValue(const char* begin, const char* end, bool rows_are_arrays = false);

}  // namespace tally
