#pragma once
// UTF-8 primitives with ClickHouse's tolerance of invalid input: a lead byte announces the
// sequence length (continuation and 0xF8..0xFF bytes count as one-byte sequences), code points
// are counted as the bytes that are not continuation bytes.

#include <cstddef>
#include <cstdint>
#include <optional>

namespace tally::utf8 {

/// Length of the sequence that starts with byte c (1..4).
inline size_t seqLength(uint8_t c) {
  if (c < 0xC0 || c >= 0xF8) return 1;
  if (c < 0xE0) return 2;
  if (c < 0xF0) return 3;
  return 4;
}

inline bool isContinuation(uint8_t c) {
  return (c & 0xC0) == 0x80;
}

inline size_t countCodePoints(const char* data, size_t size) {
  size_t n = 0;
  const auto* p = reinterpret_cast<const uint8_t*>(data);
  for (size_t i = 0; i < size; ++i) n += !isContinuation(p[i]);
  return n;
}

/// Pointer past `count` code points from pos (not beyond end).
inline const char* skipForward(const char* pos, size_t count, const char* end) {
  for (size_t i = 0; i < count && pos < end; ++i) pos += seqLength(uint8_t(*pos));
  return pos < end ? pos : end;
}

/// Pointer `count` code points back from pos (not before begin); *skipped gets how many.
inline const char* skipBackward(const char* pos, size_t count, const char* begin, size_t* skipped = nullptr) {
  size_t i = 0;
  for (; i < count && pos > begin; ++i) {
    --pos;
    while (pos > begin && isContinuation(uint8_t(*pos))) --pos;
  }
  if (skipped) *skipped = i;
  return pos;
}

/// Decodes a well-formed sequence of at most `avail` bytes at p; nullopt if malformed.
inline std::optional<uint32_t> decode(const char* p, size_t avail, size_t* length = nullptr) {
  const auto* s = reinterpret_cast<const uint8_t*>(p);
  if (avail == 0) return std::nullopt;
  uint8_t c = s[0];
  size_t len;
  uint32_t cp;
  if (c < 0x80) {
    len = 1;
    cp = c;
  } else if (c >= 0xC2 && c < 0xE0) {
    len = 2;
    cp = c & 0x1F;
  } else if (c >= 0xE0 && c < 0xF0) {
    len = 3;
    cp = c & 0x0F;
  } else if (c >= 0xF0 && c < 0xF5) {
    len = 4;
    cp = c & 0x07;
  } else {
    return std::nullopt;
  }
  if (len > avail) return std::nullopt;
  for (size_t i = 1; i < len; ++i) {
    if (!isContinuation(s[i])) return std::nullopt;
    cp = (cp << 6) | (s[i] & 0x3F);
  }
  if ((len == 3 && cp < 0x800) || (len == 4 && (cp < 0x10000 || cp > 0x10FFFF)) || (cp >= 0xD800 && cp <= 0xDFFF))
    return std::nullopt;
  if (length) *length = len;
  return cp;
}

/// Writes code point cp (<= 0x10FFFF) to out; returns the number of bytes (1..4).
inline size_t encode(uint32_t cp, char* out) {
  auto* o = reinterpret_cast<uint8_t*>(out);
  if (cp < 0x80) {
    o[0] = uint8_t(cp);
    return 1;
  }
  if (cp < 0x800) {
    o[0] = uint8_t(0xC0 | (cp >> 6));
    o[1] = uint8_t(0x80 | (cp & 0x3F));
    return 2;
  }
  if (cp < 0x10000) {
    o[0] = uint8_t(0xE0 | (cp >> 12));
    o[1] = uint8_t(0x80 | ((cp >> 6) & 0x3F));
    o[2] = uint8_t(0x80 | (cp & 0x3F));
    return 3;
  }
  o[0] = uint8_t(0xF0 | (cp >> 18));
  o[1] = uint8_t(0x80 | ((cp >> 12) & 0x3F));
  o[2] = uint8_t(0x80 | ((cp >> 6) & 0x3F));
  o[3] = uint8_t(0x80 | (cp & 0x3F));
  return 4;
}

/// Simple (one-to-one) Unicode case mappings; code points without a mapping are returned as is.
uint32_t toLowerCodePoint(uint32_t cp);
uint32_t toUpperCodePoint(uint32_t cp);

}  // namespace tally::utf8
