#pragma once
// Regular expressions for the regexp functions: RE2 compiled with ClickHouse's options (dot
// matches newline, errors not logged), cached process-wide so a constant pattern compiles once
// and per-row patterns are compiled once per distinct text. Bad patterns throw
// CANNOT_COMPILE_REGEXP (427).

#include <re2/re2.h>

#include <memory>
#include <string_view>

namespace tally {

using RegexpPtr = std::shared_ptr<const re2::RE2>;

/// The compiled regexp for `pattern`. Thread-safe.
RegexpPtr compileRegexp(std::string_view pattern, bool case_insensitive = false);

/// Number of capturing groups + 1 (the whole match), at most `limit`.
inline int regexpMatchSlots(const re2::RE2& re, int limit) {
  return std::min(re.NumberOfCapturingGroups() + 1, limit);
}

/// re2 searches [start, end) of text; fills up to n submatches (empty data() = group unmatched).
inline bool regexpSearch(const re2::RE2& re, std::string_view text, size_t start, re2::StringPiece* matches, int n) {
  return re.Match(re2::StringPiece(text.data(), text.size()), start, text.size(), re2::RE2::UNANCHORED, matches, n);
}

}  // namespace tally
