#pragma once
// Case mapping kernels shared by lower/upper and the case-insensitive search functions.
// Mapping never changes byte lengths, so offsets and positions survive it.

#include <cstddef>
#include <cstdint>
#include <cstring>

#include "columns/column.h"
#include "functions/string/utf8.h"

namespace tally {

/// ASCII letters to lower (to_lower) or upper case over a byte range.
template <bool to_lower>
inline void asciiCaseMap(const char* __restrict src, char* __restrict dst, size_t n) {
  constexpr char lo = to_lower ? 'A' : 'a';
  constexpr char hi = to_lower ? 'Z' : 'z';
  for (size_t i = 0; i < n; ++i) {
    char c = src[i];
    dst[i] = char(c ^ (((c >= lo) & (c <= hi)) << 5));
  }
}

/// One row [src, end) of UTF-8 to dst (same length), as ClickHouse's lowerUTF8/upperUTF8: a code
/// point changes only when its other case has the same UTF-8 length; U+0080..U+00BF and
/// U+2000..U+2FFF are kept; bytes of malformed sequences are copied.
template <bool to_lower>
void utf8CaseMapRow(const uint8_t* src, const uint8_t* end, uint8_t* dst) {
  while (src < end) {
    uint8_t c = *src;
    if (c < 0x80) {
      constexpr uint8_t lo = to_lower ? 'A' : 'a';
      constexpr uint8_t hi = to_lower ? 'Z' : 'z';
      *dst++ = (c >= lo && c <= hi) ? uint8_t(c ^ 0x20) : c;
      ++src;
      continue;
    }
    if (c == 0xC2 && src + 1 < end) {
      *dst++ = *src++;
      *dst++ = *src++;
      continue;
    }
    if (c == 0xE2 && src + 2 < end) {
      *dst++ = *src++;
      *dst++ = *src++;
      *dst++ = *src++;
      continue;
    }
    size_t len = 0;
    auto cp = utf8::decode(reinterpret_cast<const char*>(src), size_t(end - src), &len);
    if (cp) {
      uint32_t mapped = to_lower ? utf8::toLowerCodePoint(*cp) : utf8::toUpperCodePoint(*cp);
      char buf[4];
      if (mapped != 0 && utf8::encode(mapped, buf) == len) {
        std::memcpy(dst, buf, len);
        dst += len;
        src += len;
        continue;
      }
    }
    *dst++ = *src++;
  }
}

/// A lower-cased copy of a String / FixedString column or constant (ASCII, or UTF-8 when utf8).
ColumnPtr lowerCaseColumn(const ColumnPtr& column, bool utf8);

}  // namespace tally
