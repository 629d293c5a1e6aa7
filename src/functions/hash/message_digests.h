#pragma once
// One-shot MD5 (RFC 1321), SHA-1, SHA-224/256 and SHA-384/512 (FIPS 180-4) of a byte range.
// out receives the digest bytes (16, 20, 28/32, 48/64).

#include <cstddef>
#include <cstdint>

namespace tally::digest {

void md5(const char* data, size_t size, uint8_t out[16]);
void sha1(const char* data, size_t size, uint8_t out[20]);
void sha224(const char* data, size_t size, uint8_t out[28]);
void sha256(const char* data, size_t size, uint8_t out[32]);
void sha384(const char* data, size_t size, uint8_t out[48]);
void sha512(const char* data, size_t size, uint8_t out[64]);

}  // namespace tally::digest
