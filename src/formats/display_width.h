#pragma once
// Visible width of UTF-8 text in a terminal, as the Pretty and Vertical formats measure it:
// one column per code point, two for East Asian wide characters, none for combining marks,
// zero-width characters, control characters and ANSI escape sequences; a TAB advances to the
// next multiple of 8 counted from `prefix` (the column where the text starts).

#include <cstddef>
#include <string_view>

namespace tally {

size_t displayWidth(std::string_view text, size_t prefix = 0);
/// Bytes of the longest prefix of `text` whose width does not exceed `limit`.
size_t bytesBeforeWidth(std::string_view text, size_t prefix, size_t limit);

}  // namespace tally
