#include "columns/column_fixed_string.h"

#include <cstring>

#include "common/arena.h"
#include "common/exception.h"
#include "common/sip_hash.h"

namespace tally {

void ColumnFixedString::insert(const Field& value) {
  if (value.isNull()) {
    insertDefault();
    return;
  }
  const auto& s = value.get<std::string>();
  insertData(s.data(), s.size());
}

void ColumnFixedString::insertData(const char* pos, size_t length) {
  if (length > n_)
    throw Exception(ErrorCodes::TOO_LARGE_STRING_SIZE, "Too large value for FixedString({})", n_);
  size_t old = chars_.size();
  chars_.resizeFill(old + n_, 0);
  std::memcpy(chars_.data() + old, pos, length);
}

void ColumnFixedString::insertRangeFrom(const Column& src, size_t start, size_t length) {
  const auto& s = static_cast<const ColumnFixedString&>(src);
  chars_.insert(s.chars_.data() + start * n_, s.chars_.data() + (start + length) * n_);
}

ColumnPtr ColumnFixedString::filter(const Filter& filter, ssize_t) const {
  auto res = create(n_);
  size_t rows = size();
  for (size_t i = 0; i < rows; ++i)
    if (filter[i]) res->chars_.insert(chars_.data() + i * n_, chars_.data() + (i + 1) * n_);
  return res;
}

ColumnPtr ColumnFixedString::permute(const Permutation& perm, size_t limit) const {
  size_t n = limit ? std::min<size_t>(limit, perm.size()) : perm.size();
  auto res = create(n_);
  res->chars_.resize(n * n_);
  for (size_t i = 0; i < n; ++i) std::memcpy(res->chars_.data() + i * n_, chars_.data() + perm[i] * n_, n_);
  return res;
}

ColumnPtr ColumnFixedString::replicate(const Offsets& offsets) const {
  auto res = create(n_);
  uint64_t prev = 0;
  for (size_t i = 0; i < offsets.size(); ++i) {
    for (uint64_t j = prev; j < offsets[i]; ++j) res->chars_.insert(chars_.data() + i * n_, chars_.data() + (i + 1) * n_);
    prev = offsets[i];
  }
  return res;
}

void ColumnFixedString::updateHashWithValue(size_t n, SipHash& hash) const { hash.update(at(n).data(), n_); }

size_t ColumnFixedString::serializeValueIntoArena(size_t n, Arena& arena, const char*& begin) const {
  char* pos = arena.allocContinue(n_, begin);
  std::memcpy(pos, at(n).data(), n_);
  return n_;
}

const char* ColumnFixedString::deserializeAndInsertFromArena(const char* pos) {
  chars_.insert(pos, pos + n_);
  return pos + n_;
}

}  // namespace tally
