#include "columns/column.h"

#include <algorithm>
#include <numeric>

#include <immintrin.h>

#include "common/exception.h"

namespace tally {

std::string_view Column::getDataAt(size_t) const {
  throw Exception(ErrorCodes::NOT_IMPLEMENTED, "Method getDataAt is not supported for {}", familyName());
}

uint64_t Column::getUInt(size_t) const {
  throw Exception(ErrorCodes::NOT_IMPLEMENTED, "Method getUInt is not supported for {}", familyName());
}

double Column::getFloat64(size_t n) const { return double(getInt(n)); }

void Column::insertData(const char*, size_t) {
  throw Exception(ErrorCodes::NOT_IMPLEMENTED, "Method insertData is not supported for {}", familyName());
}

MutableColumnPtr Column::clone() const {
  auto res = cloneEmpty();
  res->insertRangeFrom(*this, 0, size());
  return res;
}

MutableColumnPtr Column::cloneResized(size_t n) const {
  auto res = cloneEmpty();
  size_t copy = std::min(n, size());
  res->insertRangeFrom(*this, 0, copy);
  if (n > copy) res->insertManyDefaults(n - copy);
  return res;
}

ColumnPtr Column::cut(size_t start, size_t length) const {
  if (start == 0 && length == size()) return shared_from_this();
  auto res = cloneEmpty();
  res->insertRangeFrom(*this, start, length);
  return res;
}

void Column::getPermutation(bool reverse, size_t limit, int nan_direction_hint, Permutation& perm) const {
  size_t n = size();
  perm.resize(n);
  std::iota(perm.begin(), perm.end(), 0);
  auto less = [&](uint64_t a, uint64_t b) {
    int c = compareAt(a, b, *this, nan_direction_hint);
    if (reverse) c = -c;
    return c < 0 || (c == 0 && a < b);
  };
  if (limit && limit < n) {
    std::partial_sort(perm.begin(), perm.begin() + limit, perm.end(), less);
    perm.resize(limit);
  } else {
    std::sort(perm.begin(), perm.end(), less);
  }
}

size_t countBytesInFilter(const uint8_t* filter, size_t size) {
  size_t count = 0;
  size_t i = 0;
  const __m256i zero = _mm256_setzero_si256();
  for (; i + 32 <= size; i += 32) {
    __m256i v = _mm256_loadu_si256(reinterpret_cast<const __m256i*>(filter + i));
    count += 32 - size_t(__builtin_popcount(uint32_t(_mm256_movemask_epi8(_mm256_cmpeq_epi8(v, zero)))));
  }
  for (; i < size; ++i) count += filter[i] != 0;
  return count;
}

}  // namespace tally
