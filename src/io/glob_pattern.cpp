#include "io/glob_pattern.h"

#include <algorithm>

#include "common/exception.h"

namespace tally {

// Index of the '}' closing the '{' at `open`, or npos when it is never closed.
static size_t globFindClosingBrace(std::string_view s, size_t open) {
  size_t depth = 0;
  for (size_t i = open; i < s.size(); ++i) {
    if (s[i] == '{') {
      ++depth;
    } else if (s[i] == '}' && --depth == 0) {
      return i;
    }
  }
  return std::string_view::npos;
}

// The alternatives of a brace group's content, split at the commas outside nested groups.
static std::vector<std::string_view> globSplitAlternatives(std::string_view content) {
  std::vector<std::string_view> parts;
  size_t start = 0;
  for (size_t i = 0; i < content.size(); ++i) {
    if (content[i] == '{') {
      size_t close = globFindClosingBrace(content, i);
      if (close != std::string_view::npos) i = close;  // skip the nested group whole
    } else if (content[i] == ',') {
      parts.push_back(content.substr(start, i - start));
      start = i + 1;
    }
  }
  parts.push_back(content.substr(start));
  return parts;
}

static bool globIsDigits(std::string_view s) {
  return !s.empty() && s.size() <= 19 && std::all_of(s.begin(), s.end(), [](char c) { return c >= '0' && c <= '9'; });
}

static uint64_t globParseDigits(std::string_view s) {
  uint64_t value = 0;
  for (char c : s) value = value * 10 + uint64_t(c - '0');
  return value;
}

GlobPattern::GlobPattern(std::string_view pattern) : sequence_(parse(pattern, true)) {}

GlobPattern::Sequence GlobPattern::parse(std::string_view s, bool at_segment_start) {
  Sequence out;
  auto append_literal = [&](std::string_view text) {
    if (out.empty() || out.back().kind != Node::Kind::Literal) out.push_back(Node{});
    out.back().literal += text;
  };
  size_t i = 0;
  while (i < s.size()) {
    char c = s[i];
    bool segment_start = i == 0 ? at_segment_start : s[i - 1] == '/';
    if (c == '*') {
      size_t j = i;
      while (j < s.size() && s[j] == '*') ++j;
      Node node;
      if (j - i == 2 && segment_start && j < s.size() && s[j] == '/') {
        node.kind = Node::Kind::Globstar;  // "**/": zero or more directories
        ++j;
      } else {
        node.kind = j - i >= 2 ? Node::Kind::DeepStar : Node::Kind::Star;
      }
      out.push_back(std::move(node));
      i = j;
      continue;
    }
    if (c == '?') {
      Node node;
      node.kind = Node::Kind::AnyChar;
      out.push_back(std::move(node));
      ++i;
      continue;
    }
    if (c == '{') {
      size_t close = globFindClosingBrace(s, i);
      if (close != std::string_view::npos && close > i + 1) {
        std::string_view content = s.substr(i + 1, close - i - 1);
        Node node;
        size_t dots = content.find("..");
        if (dots != std::string_view::npos && globIsDigits(content.substr(0, dots)) &&
            globIsDigits(content.substr(dots + 2))) {
          std::string_view low = content.substr(0, dots);
          std::string_view high = content.substr(dots + 2);
          node.kind = Node::Kind::Range;
          node.low = globParseDigits(low);
          node.high = globParseDigits(high);
          if (node.low > node.high) {  // {20..15} counts down: the same set
            std::swap(node.low, node.high);
            std::swap(low, high);
          }
          if (low.size() > 1 && low.front() == '0') node.width = std::max(low.size(), high.size());
        } else {
          node.kind = Node::Kind::Alternatives;
          for (std::string_view alternative : globSplitAlternatives(content))
            node.alternatives.push_back(parse(alternative, segment_start));
        }
        out.push_back(std::move(node));
        i = close + 1;
        continue;
      }
    }
    append_literal(s.substr(i, 1));
    ++i;
  }
  return out;
}

bool GlobPattern::rangeAccepts(const Node& node, std::string_view digits) {
  if (digits.size() > 19) return false;
  if (node.width == 0) {
    if (digits.size() > 1 && digits.front() == '0') return false;
  } else {
    // Exactly the zero-padded rendering: `width` digits, or more without leading zeros.
    if (digits.size() < node.width) return false;
    if (digits.size() > node.width && digits.front() == '0') return false;
  }
  uint64_t value = globParseDigits(digits);
  return value >= node.low && value <= node.high;
}

// `from` / `to` mark the text positions (0..size) where a match of what precedes may end.
void GlobPattern::advanceNode(const Node& node, const std::vector<char>& from, std::vector<char>& to,
                              std::string_view text) {
  size_t size = text.size();
  switch (node.kind) {
    case Node::Kind::Literal:
      for (size_t p = 0; p + node.literal.size() <= size; ++p)
        if (from[p] && text.compare(p, node.literal.size(), node.literal) == 0) to[p + node.literal.size()] = 1;
      break;
    case Node::Kind::AnyChar:
      for (size_t p = 0; p < size; ++p)
        if (from[p] && text[p] != '/') to[p + 1] = 1;
      break;
    case Node::Kind::Star: {
      bool active = false;
      for (size_t q = 0; q <= size; ++q) {
        if (q > 0 && text[q - 1] == '/') active = false;
        active = active || from[q];
        if (active) to[q] = 1;
      }
      break;
    }
    case Node::Kind::DeepStar: {
      bool active = false;
      for (size_t q = 0; q <= size; ++q) {
        active = active || from[q];
        if (active) to[q] = 1;
      }
      break;
    }
    case Node::Kind::Globstar: {
      // Zero or more "<name>/": the start itself, or any position just after a later '/'.
      bool active = false;
      for (size_t q = 0; q <= size; ++q) {
        bool after_slash = q > 0 && text[q - 1] == '/';
        if (from[q] || (active && after_slash)) to[q] = 1;
        active = active || from[q];
      }
      break;
    }
    case Node::Kind::Alternatives:
      for (const Sequence& alternative : node.alternatives) {
        std::vector<char> positions = from;
        advance(alternative, positions, text);
        for (size_t q = 0; q <= size; ++q)
          if (positions[q]) to[q] = 1;
      }
      break;
    case Node::Kind::Range:
      for (size_t p = 0; p < size; ++p) {
        if (!from[p]) continue;
        for (size_t q = p + 1; q <= size && q - p <= 19 && text[q - 1] >= '0' && text[q - 1] <= '9'; ++q)
          if (rangeAccepts(node, text.substr(p, q - p))) to[q] = 1;
      }
      break;
  }
}

void GlobPattern::advance(const Sequence& sequence, std::vector<char>& positions, std::string_view text) {
  std::vector<char> next(positions.size());
  for (const Node& node : sequence) {
    std::fill(next.begin(), next.end(), 0);
    advanceNode(node, positions, next, text);
    positions.swap(next);
    if (std::find(positions.begin(), positions.end(), 1) == positions.end()) return;
  }
}

bool GlobPattern::matches(std::string_view text) const {
  std::vector<char> positions(text.size() + 1, 0);
  positions[0] = 1;
  advance(sequence_, positions, text);
  return positions[text.size()] != 0;
}

// How many strings `sequence` spells, or nullopt when it has a wildcard or more than `limit`.
std::optional<uint64_t> GlobPattern::count(const Sequence& sequence, uint64_t limit) {
  uint64_t total = 1;
  for (const Node& node : sequence) {
    uint64_t options = 0;
    switch (node.kind) {
      case Node::Kind::Literal:
        options = 1;
        break;
      case Node::Kind::Range:
        if (node.high - node.low >= limit) return std::nullopt;
        options = node.high - node.low + 1;
        break;
      case Node::Kind::Alternatives:
        for (const Sequence& alternative : node.alternatives) {
          std::optional<uint64_t> n = count(alternative, limit);
          if (!n || options + *n > limit) return std::nullopt;
          options += *n;
        }
        break;
      default:
        return std::nullopt;
    }
    if (options != 0 && total > limit / options) return std::nullopt;
    total *= options;
  }
  if (total > limit) return std::nullopt;
  return total;
}

void GlobPattern::generate(const Sequence& sequence, size_t index, std::string& prefix, std::vector<std::string>& out) {
  if (index == sequence.size()) {
    out.push_back(prefix);
    return;
  }
  const Node& node = sequence[index];
  size_t mark = prefix.size();
  if (node.kind == Node::Kind::Literal) {
    prefix += node.literal;
    generate(sequence, index + 1, prefix, out);
  } else if (node.kind == Node::Kind::Range) {
    for (uint64_t value = node.low;; ++value) {
      std::string digits = std::to_string(value);
      if (digits.size() < node.width) prefix.append(node.width - digits.size(), '0');
      prefix += digits;
      generate(sequence, index + 1, prefix, out);
      prefix.resize(mark);
      if (value == node.high) break;
    }
  } else {  // Alternatives: each one, then the rest of the sequence
    for (const Sequence& alternative : node.alternatives) {
      std::vector<std::string> heads;
      std::string head;
      generate(alternative, 0, head, heads);
      for (const std::string& h : heads) {
        prefix += h;
        generate(sequence, index + 1, prefix, out);
        prefix.resize(mark);
      }
    }
  }
  prefix.resize(mark);
}

std::optional<std::vector<std::string>> GlobPattern::enumerate(size_t limit) const {
  if (!count(sequence_, limit)) return std::nullopt;
  std::vector<std::string> out;
  std::string prefix;
  generate(sequence_, 0, prefix, out);
  return out;
}

static void globExpandSlashBraces(std::string_view pattern, size_t limit, std::vector<std::string>& out) {
  for (size_t i = 0; i < pattern.size(); ++i) {
    if (pattern[i] != '{') continue;
    size_t close = globFindClosingBrace(pattern, i);
    if (close == std::string_view::npos) continue;
    std::string_view content = pattern.substr(i + 1, close - i - 1);
    if (content.find('/') == std::string_view::npos) {
      i = close;  // nested groups hold no '/' either
      continue;
    }
    for (std::string_view alternative : globSplitAlternatives(content)) {
      std::string expanded(pattern.substr(0, i));
      expanded += alternative;
      expanded += pattern.substr(close + 1);
      globExpandSlashBraces(expanded, limit, out);
    }
    return;
  }
  if (out.size() >= limit) throw Exception(ErrorCodes::BAD_ARGUMENTS, "The glob expands to more than {} paths", limit);
  out.emplace_back(pattern);
}

std::vector<std::string> expandBracesWithSlashes(std::string_view pattern, size_t limit) {
  std::vector<std::string> out;
  globExpandSlashBraces(pattern, limit, out);
  return out;
}

}  // namespace tally
