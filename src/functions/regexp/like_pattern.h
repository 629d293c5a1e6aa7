#pragma once
// SQL LIKE patterns: '%' any sequence, '_' one character, '\' escapes '%', '_' and '\'.
// compileLikePattern() recognises the shapes that need no regexp — 'abc', 'abc%', '%abc',
// '%abc%' — and matches them with memcmp/memmem; everything else becomes an RE2 regexp
// (ClickHouse's likePatternToRegexp translation).

#include <string>
#include <string_view>

#include "functions/regexp/regexp_cache.h"

namespace tally {

class LikeMatcher {
 public:
  enum class Kind { Equals, StartsWith, EndsWith, Contains, Regexp };

  /// case_insensitive: the literal kinds expect haystacks lower-cased with lowerCaseColumn(utf8),
  /// the literal itself is stored lower-cased; the Regexp kind matches case-insensitively itself.
  LikeMatcher(std::string_view pattern, bool case_insensitive);

  Kind kind() const { return kind_; }
  /// True when haystacks must be lower-cased before match() (case-insensitive literal kinds).
  bool needsLoweredHaystack() const { return case_insensitive_ && kind_ != Kind::Regexp; }
  bool match(std::string_view s) const;

 private:
  Kind kind_ = Kind::Regexp;
  bool case_insensitive_ = false;
  std::string literal_;
  RegexpPtr regexp_;
};

/// ClickHouse's LIKE -> RE2 translation (leading '%' dropped, '^' anchor otherwise, trailing '%'
/// leaves the end unanchored). A backslash at the end throws CANNOT_PARSE_ESCAPE_SEQUENCE.
std::string likePatternToRegexp(std::string_view pattern);

}  // namespace tally
