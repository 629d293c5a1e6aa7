#pragma once
// The salted integer hashes ClickHouse applies to numeric arguments of cityHash64 and friends
// and uses to combine hashes (IntHash64Impl / IntHash32Impl in ClickHouse). The user-visible
// intHash32/intHash64 functions live with the arithmetic functions.

#include <cstdint>

#include "common/hash.h"

namespace tally::int_hash {

/// intHash64(x ^ salt): Murmur3's 64-bit finaliser over the salted key.
inline uint64_t salted64(uint64_t x) {
  return intHash64(x ^ 0x4CF2D2BAAE6DA887ULL);
}

/// Thomas Wang's 64 -> 32 bit integer hash over the salted key.
inline uint32_t salted32(uint64_t key) {
  key ^= 0x75D9543DE018BF45ULL;
  key = (~key) + (key << 18);
  key = key ^ ((key >> 31) | (key << 33));
  key = key * 21;
  key = key ^ ((key >> 11) | (key << 53));
  key = key + (key << 6);
  key = key ^ ((key >> 22) | (key << 42));
  return uint32_t(key);
}

}  // namespace tally::int_hash
