#pragma once
// CityHash64 and CityHash128 as of CityHash v1.0.2 — the version ClickHouse vendors and uses for cityHash64
// (later CityHash releases give different values) — and its 128-to-64 bit mixer, which
// ClickHouse also uses to combine the hashes of several arguments.

#include <cstddef>
#include <cstdint>
#include <utility>

namespace tally::city_hash_v1_0_2 {

uint64_t cityHash64(const char* data, size_t size);

/// CityHash128 (v1.0.2) as {low 64 bits, high 64 bits}: the checksum of ClickHouse's compressed
/// blocks (the "native" compression of compress=1 / decompress=1 over HTTP).
std::pair<uint64_t, uint64_t> cityHash128(const char* data, size_t size);

/// Hash128to64 with low = first, high = second (CityHash's uint128 pair).
inline uint64_t hash128to64(uint64_t low, uint64_t high) {
  constexpr uint64_t kMul = 0x9ddfea08eb382d69ULL;
  uint64_t a = (low ^ high) * kMul;
  a ^= (a >> 47);
  uint64_t b = (high ^ a) * kMul;
  b ^= (b >> 47);
  b *= kMul;
  return b;
}

}  // namespace tally::city_hash_v1_0_2
