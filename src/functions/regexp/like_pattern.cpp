#include "functions/regexp/like_pattern.h"

#include <cstring>

#include "columns/column_string.h"
#include "common/exception.h"
#include "functions/string/case_folding.h"

namespace tally {

std::string likePatternToRegexp(std::string_view pattern) {
  std::string res;
  res.reserve(pattern.size() * 2);
  const char* pos = pattern.data();
  const char* end = pos + pattern.size();
  if (pos < end && *pos == '%') {
    while (++pos < end && *pos == '%') {
    }
  } else {
    res = "^";
  }
  while (pos < end) {
    switch (*pos) {
      case '^':
      case '$':
      case '.':
      case '[':
      case '|':
      case '(':
      case ')':
      case '?':
      case '*':
      case '+':
      case '{':
        res += '\\';
        res += *pos;
        break;
      case '%':
        if (pos + 1 != end)
          res += ".*";
        else
          return res;
        break;
      case '_': res += "."; break;
      case '\\':
        if (pos + 1 == end)
          throw Exception(ErrorCodes::CANNOT_PARSE_ESCAPE_SEQUENCE,
                          "Invalid escape sequence at the end of LIKE pattern '{}'", pattern);
        switch (pos[1]) {
          case '%':
          case '_':
            res += pos[1];
            ++pos;
            break;
          case '\\':
            res += "\\\\";
            ++pos;
            break;
          default: res += "\\\\"; break;
        }
        break;
      default: res += *pos; break;
    }
    ++pos;
  }
  res += '$';
  return res;
}

namespace {

/// Splits a LIKE pattern into (leading %, literal, trailing %) when it has no '_' and no '%'
/// in the middle; returns false otherwise. Escapes are resolved into the literal.
bool parseSimpleLike(std::string_view pattern, bool& leading, std::string& literal, bool& trailing) {
  size_t b = 0, e = pattern.size();
  leading = trailing = false;
  while (b < e && pattern[b] == '%') {
    leading = true;
    ++b;
  }
  // Trailing '%' not escaped: count the backslashes before the run of '%'.
  size_t t = e;
  while (t > b && pattern[t - 1] == '%') --t;
  if (t < e) {
    size_t backslashes = 0;
    while (t - backslashes > b && pattern[t - backslashes - 1] == '\\') ++backslashes;
    if (backslashes % 2 == 1) ++t;  // the first '%' of the run is escaped
    if (t < e) {
      trailing = true;
      e = t;
    }
  }
  literal.clear();
  for (size_t i = b; i < e; ++i) {
    char c = pattern[i];
    if (c == '%' || c == '_') return false;
    if (c == '\\') {
      if (i + 1 == e) return false;  // let the regexp path report the error
      char n = pattern[i + 1];
      if (n == '%' || n == '_' || n == '\\') {
        literal += n;
      } else {
        literal += '\\';
        literal += n;
      }
      ++i;
      continue;
    }
    literal += c;
  }
  return true;
}

}  // namespace

LikeMatcher::LikeMatcher(std::string_view pattern, bool case_insensitive) : case_insensitive_(case_insensitive) {
  bool leading = false, trailing = false;
  if (parseSimpleLike(pattern, leading, literal_, trailing)) {
    if (leading && trailing)
      kind_ = Kind::Contains;
    else if (leading)
      kind_ = Kind::EndsWith;
    else if (trailing)
      kind_ = Kind::StartsWith;
    else
      kind_ = Kind::Equals;
    if (case_insensitive_) {
      std::string lowered(literal_.size(), '\0');
      utf8CaseMapRow<true>(reinterpret_cast<const uint8_t*>(literal_.data()),
                           reinterpret_cast<const uint8_t*>(literal_.data() + literal_.size()),
                           reinterpret_cast<uint8_t*>(lowered.data()));
      literal_ = std::move(lowered);
    }
    return;
  }
  kind_ = Kind::Regexp;
  regexp_ = compileRegexp(likePatternToRegexp(pattern), case_insensitive);
}

bool LikeMatcher::match(std::string_view s) const {
  switch (kind_) {
    case Kind::Equals: return s == literal_;
    case Kind::StartsWith:
      return s.size() >= literal_.size() && std::memcmp(s.data(), literal_.data(), literal_.size()) == 0;
    case Kind::EndsWith:
      return s.size() >= literal_.size() &&
             std::memcmp(s.data() + s.size() - literal_.size(), literal_.data(), literal_.size()) == 0;
    case Kind::Contains:
      return literal_.empty() || memmem(s.data(), s.size(), literal_.data(), literal_.size()) != nullptr;
    case Kind::Regexp: break;
  }
  return regexpSearch(*regexp_, s, 0, nullptr, 0);
}

}  // namespace tally
