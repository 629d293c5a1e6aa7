#pragma once
// Cheap, well-mixing hashes for hash tables (not the user-visible hash functions, which live
// in functions/hash and match ClickHouse bit for bit).

#include <cstdint>
#include <cstring>
#include <string_view>

#include <nmmintrin.h>

#include "common/numeric_types.h"

namespace tally {

/// Murmur3 64-bit finaliser: ClickHouse's intHash64.
inline uint64_t intHash64(uint64_t x) {
  x ^= x >> 33;
  x *= 0xff51afd7ed558ccdULL;
  x ^= x >> 33;
  x *= 0xc4ceb9fe1a85ec53ULL;
  x ^= x >> 33;
  return x;
}

/// Hash for integer keys in hash tables: CRC32 instruction, mixed to 64 bits.
inline uint64_t hashInt(uint64_t x) {
  uint64_t crc = _mm_crc32_u64(~0ULL, x);
  return (crc | (crc << 32)) ^ (x * 0x9E3779B97F4A7C15ULL);
}

inline uint64_t hashInt128(const UInt128& x) {
  return hashInt(x.low ^ intHash64(x.high));
}

/// Hash for byte strings in hash tables (CRC32 over 8-byte words, length mixed in).
inline uint64_t hashBytes(const char* data, size_t size) {
  uint64_t h1 = ~0ULL, h2 = size;
  const char* p = data;
  const char* end = data + size;
  while (p + 16 <= end) {
    uint64_t a, b;
    std::memcpy(&a, p, 8);
    std::memcpy(&b, p + 8, 8);
    h1 = _mm_crc32_u64(h1, a);
    h2 = _mm_crc32_u64(h2, b);
    p += 16;
  }
  if (p + 8 <= end) {
    uint64_t a;
    std::memcpy(&a, p, 8);
    h1 = _mm_crc32_u64(h1, a);
    p += 8;
  }
  if (p < end) {
    uint64_t tail = 0;
    std::memcpy(&tail, p, size_t(end - p));
    h2 = _mm_crc32_u64(h2, tail);
  }
  return intHash64(h1 ^ (h2 << 32) ^ size);
}

inline uint64_t hashBytes(std::string_view s) { return hashBytes(s.data(), s.size()); }

/// Combines two hashes (boost-style).
inline uint64_t hashCombine(uint64_t seed, uint64_t value) {
  return seed ^ (value + 0x9E3779B97F4A7C15ULL + (seed << 6) + (seed >> 2));
}

}  // namespace tally
