#pragma once
// Vectorised selection kernels shared by the column kinds.

#include <cstddef>
#include <cstdint>
#include <cstring>

#include <immintrin.h>

namespace tally {

/// Copies in[i] for every i with filter[i] != 0 to out; returns how many were written.
/// Processes 64 rows per step: all-zero and all-one masks are copied wholesale.
template <typename T>
size_t filterKernel(const T* in, const uint8_t* filter, size_t n, T* out) {
  size_t written = 0;
  size_t i = 0;
  const __m256i zero = _mm256_setzero_si256();
  for (; i + 64 <= n; i += 64) {
    __m256i a = _mm256_loadu_si256(reinterpret_cast<const __m256i*>(filter + i));
    __m256i b = _mm256_loadu_si256(reinterpret_cast<const __m256i*>(filter + i + 32));
    uint64_t zero_mask = uint32_t(_mm256_movemask_epi8(_mm256_cmpeq_epi8(a, zero))) |
                         (uint64_t(uint32_t(_mm256_movemask_epi8(_mm256_cmpeq_epi8(b, zero)))) << 32);
    uint64_t mask = ~zero_mask;
    if (mask == 0) continue;
    if (mask == ~0ULL) {
      std::memcpy(static_cast<void*>(out + written), in + i, 64 * sizeof(T));
      written += 64;
      continue;
    }
    while (mask) {
      unsigned bit = unsigned(__builtin_ctzll(mask));
      out[written++] = in[i + bit];
      mask &= mask - 1;
    }
  }
  for (; i < n; ++i)
    if (filter[i]) out[written++] = in[i];
  return written;
}

}  // namespace tally
