#include "columns/column_string.h"

#include <algorithm>
#include <cstring>
#include <numeric>

#include "common/arena.h"
#include "common/copy_small.h"
#include "common/exception.h"
#include "common/sip_hash.h"

namespace tally {

void ColumnString::insert(const Field& value) {
  if (value.isNull()) {
    insertDefault();
    return;
  }
  const auto& s = value.get<std::string>();
  insertData(s.data(), s.size());
}

void ColumnString::insertRangeFrom(const Column& src, size_t start, size_t length) {
  if (length == 0) return;
  const auto& s = static_cast<const ColumnString&>(src);
  if (start + length > s.size())
    throw Exception(ErrorCodes::PARAMETER_OUT_OF_BOUND, "Parameter out of bound in ColumnString::insertRangeFrom");
  size_t from = s.offsetAt(start);
  size_t to = s.offsets_[start + length - 1];
  size_t base = chars_.size();
  chars_.insert(s.chars_.data() + from, s.chars_.data() + to);
  size_t old = offsets_.size();
  offsets_.resize(old + length);
  for (size_t i = 0; i < length; ++i) offsets_[old + i] = s.offsets_[start + i] - from + base;
}

void ColumnString::popBack(size_t n) {
  size_t new_size = offsets_.size() - n;
  chars_.resize(new_size == 0 ? 0 : offsets_[new_size - 1]);
  offsets_.resize(new_size);
}

ColumnPtr ColumnString::filter(const Filter& filter, ssize_t result_size_hint) const {
  auto res = create();
  size_t n = offsets_.size();
  if (result_size_hint > 0) res->offsets_.reserve(size_t(result_size_hint));
  res->chars_.reserve(result_size_hint > 0 && n ? chars_.size() * size_t(result_size_hint) / n + 16 : 0);
  const char* data = chars_.data();
  size_t prev = 0;
  for (size_t i = 0; i < n; ++i) {
    size_t end = offsets_[i];
    if (filter[i]) {
      res->chars_.insert(data + prev, data + end);
      res->offsets_.push_back(res->chars_.size());
    }
    prev = end;
  }
  return res;
}

ColumnPtr ColumnString::permute(const Permutation& perm, size_t limit) const {
  size_t n = limit ? std::min<size_t>(limit, perm.size()) : perm.size();
  auto res = create();
  res->offsets_.resize(n);
  size_t total = 0;
  for (size_t i = 0; i < n; ++i) total += sizeAt(perm[i]);
  res->chars_.resize(total);
  char* out = res->chars_.data();
  size_t pos = 0;
  for (size_t i = 0; i < n; ++i) {
    std::string_view s = at(perm[i]);
    copySmall(out + pos, s.data(), s.size());  // out is null while every value is empty (n == 0)
    pos += s.size();
    res->offsets_[i] = pos;
  }
  return res;
}

ColumnPtr ColumnString::replicate(const Offsets& offsets) const {
  auto res = create();
  if (offsets.empty()) return res;
  res->offsets_.reserve(offsets.back());
  uint64_t prev = 0;
  for (size_t i = 0; i < offsets.size(); ++i) {
    std::string_view s = at(i);
    for (uint64_t j = prev; j < offsets[i]; ++j) res->insertData(s);
    prev = offsets[i];
  }
  return res;
}

void ColumnString::getPermutation(bool reverse, size_t limit, int, Permutation& perm) const {
  size_t n = size();
  perm.resize(n);
  std::iota(perm.begin(), perm.end(), 0);
  auto less = [&](uint64_t a, uint64_t b) {
    int c = at(a).compare(at(b));
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

void ColumnString::updateHashWithValue(size_t n, SipHash& hash) const {
  std::string_view s = at(n);
  uint64_t size = s.size() + 1;  // ClickHouse hashes the terminating zero too
  hash.update(size);
  hash.update(s.data(), s.size());
  hash.update(char(0));
}

size_t ColumnString::serializeValueIntoArena(size_t n, Arena& arena, const char*& begin) const {
  std::string_view s = at(n);
  uint64_t len = s.size();
  char* pos = arena.allocContinue(sizeof(len) + s.size(), begin);
  std::memcpy(pos, &len, sizeof(len));
  std::memcpy(pos + sizeof(len), s.data(), s.size());
  return sizeof(len) + s.size();
}

const char* ColumnString::deserializeAndInsertFromArena(const char* pos) {
  uint64_t len;
  std::memcpy(&len, pos, sizeof(len));
  insertData(pos + sizeof(len), len);
  return pos + sizeof(len) + len;
}

}  // namespace tally
