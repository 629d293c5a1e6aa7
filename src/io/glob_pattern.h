#pragma once
// GlobPattern: ClickHouse's glob syntax for file() / url() paths, matched against whole strings.
//   *        any characters except '/', including none
//   ?        one character except '/'
//   **       any characters, '/' included; as a whole path segment followed by '/' ("**/") it is
//            zero or more directories: "a/**/b" matches "a/b", "a/x/b", "a/x/y/b"
//   {a,b,c}  one of the alternatives, which may hold globs and nested braces (and '/')
//   {N..M}   a decimal number from N to M (either order); "{01..10}" gives 01, 02, ... 10: a lower
//            bound written with leading zeros pads every number to the wider bound's width
// Anything else is literal, including an unmatched '{' or '}' and "{}". There are no escapes.

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace tally {

class GlobPattern {
 public:
  /// Compiles `pattern`; never throws (malformed braces are literal text).
  explicit GlobPattern(std::string_view pattern);

  /// True when the whole of `text` matches. Time is O(pattern nodes x text length x range width).
  bool matches(std::string_view text) const;

  /// Every string the pattern matches, when it holds no wildcard (only text, alternatives and
  /// ranges) and they number at most `limit`; nullopt otherwise. Unsorted, may repeat.
  std::optional<std::vector<std::string>> enumerate(size_t limit) const;

 private:
  struct Node {
    enum class Kind { Literal, AnyChar, Star, DeepStar, Globstar, Alternatives, Range };
    Kind kind = Kind::Literal;
    std::string literal;                          // Literal
    std::vector<std::vector<Node>> alternatives;  // Alternatives
    uint64_t low = 0;                             // Range: low <= high, zero-padded to `width`
    uint64_t high = 0;                            //   digits (0: no padding)
    size_t width = 0;
  };
  using Sequence = std::vector<Node>;

  static Sequence parse(std::string_view pattern, bool at_segment_start);
  static void advance(const Sequence& sequence, std::vector<char>& positions, std::string_view text);
  static void advanceNode(const Node& node, const std::vector<char>& from, std::vector<char>& to,
                          std::string_view text);
  static bool rangeAccepts(const Node& node, std::string_view digits);
  static std::optional<uint64_t> count(const Sequence& sequence, uint64_t limit);
  static void generate(const Sequence& sequence, size_t index, std::string& prefix, std::vector<std::string>& out);

  Sequence sequence_;
};

/// Expands, textually, every brace group of `pattern` whose alternatives contain '/' (they
/// change the directory structure, so a directory walk cannot treat them as one segment):
/// "d/{a/x,b}/*.csv" -> {"d/a/x/*.csv", "d/b/*.csv"}. Other globs are left in place. Throws
/// BAD_ARGUMENTS when the result would exceed `limit` patterns.
std::vector<std::string> expandBracesWithSlashes(std::string_view pattern, size_t limit);

}  // namespace tally
