#pragma once
// Austin Appleby's MurmurHash2 (32-bit, and 64-bit "64A") and MurmurHash3 (x86 32-bit and
// x64 128-bit), little-endian reads, as ClickHouse's murmurHash* functions use them.

#include <cstddef>
#include <cstdint>

namespace tally::murmur {

uint32_t murmurHash2_32(const char* data, size_t size, uint32_t seed);
uint64_t murmurHash2_64(const char* data, size_t size, uint64_t seed);
uint32_t murmurHash3_32(const char* data, size_t size, uint32_t seed);
/// out[0], out[1]: h1 and h2 of MurmurHash3_x64_128.
void murmurHash3_128(const char* data, size_t size, uint32_t seed, uint64_t out[2]);

}  // namespace tally::murmur
