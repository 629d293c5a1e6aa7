#pragma once
// Vectorised search for the first of a few given bytes, used by the text input formats to
// find field and row ends (16 bytes per step with SSE2, then a scalar tail).

#include <cstddef>
#include <cstring>

#include <emmintrin.h>

namespace tally {

/// First position in [begin, end) holding one of the given bytes, or `end`.
template <char... symbols>
inline const char* findFirstOf(const char* begin, const char* end) {
  const char* p = begin;
  while (end - p >= 16) {
    __m128i bytes = _mm_loadu_si128(reinterpret_cast<const __m128i*>(p));
    __m128i hits = _mm_setzero_si128();
    ((hits = _mm_or_si128(hits, _mm_cmpeq_epi8(bytes, _mm_set1_epi8(symbols)))), ...);
    int mask = _mm_movemask_epi8(hits);
    if (mask) return p + __builtin_ctz(unsigned(mask));
    p += 16;
  }
  for (; p < end; ++p)
    if (((*p == symbols) || ...)) return p;
  return end;
}

template <char... symbols>
inline char* findFirstOf(char* begin, char* end) {
  return const_cast<char*>(findFirstOf<symbols...>(static_cast<const char*>(begin), static_cast<const char*>(end)));
}

/// Same, with symbols chosen at run time (up to four; unused ones repeat the first).
inline const char* findFirstOf4(const char* begin, const char* end, char a, char b, char c, char d) {
  const char* p = begin;
  __m128i va = _mm_set1_epi8(a), vb = _mm_set1_epi8(b), vc = _mm_set1_epi8(c), vd = _mm_set1_epi8(d);
  while (end - p >= 16) {
    __m128i bytes = _mm_loadu_si128(reinterpret_cast<const __m128i*>(p));
    __m128i hits = _mm_or_si128(_mm_or_si128(_mm_cmpeq_epi8(bytes, va), _mm_cmpeq_epi8(bytes, vb)),
                                _mm_or_si128(_mm_cmpeq_epi8(bytes, vc), _mm_cmpeq_epi8(bytes, vd)));
    int mask = _mm_movemask_epi8(hits);
    if (mask) return p + __builtin_ctz(unsigned(mask));
    p += 16;
  }
  for (; p < end; ++p)
    if (*p == a || *p == b || *p == c || *p == d) return p;
  return end;
}

}  // namespace tally
