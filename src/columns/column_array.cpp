#include "columns/column_array.h"

#include <cstring>

#include "common/arena.h"
#include "common/sip_hash.h"

namespace tally {

Field ColumnArray::operator[](size_t n) const {
  FieldArray res;
  size_t start = offsetAt(n), end = offsets_[n];
  res.reserve(end - start);
  for (size_t i = start; i < end; ++i) res.push_back((*data_)[i]);
  return Field(std::move(res));
}

void ColumnArray::insert(const Field& value) {
  if (value.isNull()) {
    insertDefault();
    return;
  }
  const auto& items = value.get<FieldArray>();
  for (const auto& item : items) data_->insert(item);
  offsets_.push_back((offsets_.empty() ? 0 : offsets_.back()) + items.size());
}

void ColumnArray::insertFrom(const Column& src, size_t n) {
  const auto& s = static_cast<const ColumnArray&>(src);
  size_t start = s.offsetAt(n), len = s.offsets_[n] - start;
  data_->insertRangeFrom(*s.data_, start, len);
  offsets_.push_back((offsets_.empty() ? 0 : offsets_.back()) + len);
}

void ColumnArray::insertRangeFrom(const Column& src, size_t start, size_t length) {
  if (length == 0) return;
  const auto& s = static_cast<const ColumnArray&>(src);
  size_t from = s.offsetAt(start), to = s.offsets_[start + length - 1];
  data_->insertRangeFrom(*s.data_, from, to - from);
  uint64_t base = offsets_.empty() ? 0 : offsets_.back();
  size_t old = offsets_.size();
  offsets_.resize(old + length);
  for (size_t i = 0; i < length; ++i) offsets_[old + i] = base + s.offsets_[start + i] - from;
}

void ColumnArray::popBack(size_t n) {
  size_t new_size = offsets_.size() - n;
  size_t new_data = new_size == 0 ? 0 : offsets_[new_size - 1];
  data_->popBack(data_->size() - new_data);
  offsets_.resize(new_size);
}

ColumnPtr ColumnArray::filter(const Filter& filter, ssize_t) const {
  size_t rows = size();
  Filter nested_filter(data_->size());
  Offsets res_offsets;
  uint64_t current = 0;
  for (size_t i = 0; i < rows; ++i) {
    size_t start = offsetAt(i), end = offsets_[i];
    std::memset(nested_filter.data() + start, filter[i] ? 1 : 0, end - start);
    if (filter[i]) {
      current += end - start;
      res_offsets.push_back(current);
    }
  }
  return create(data_->filter(nested_filter, ssize_t(current)), std::move(res_offsets));
}

ColumnPtr ColumnArray::permute(const Permutation& perm, size_t limit) const {
  size_t n = limit ? std::min<size_t>(limit, perm.size()) : perm.size();
  Permutation nested_perm;
  Offsets res_offsets(n);
  uint64_t current = 0;
  for (size_t i = 0; i < n; ++i) {
    size_t start = offsetAt(perm[i]), end = offsets_[perm[i]];
    for (size_t j = start; j < end; ++j) nested_perm.push_back(j);
    current += end - start;
    res_offsets[i] = current;
  }
  if (nested_perm.empty()) return create(data_->cloneEmpty(), std::move(res_offsets));
  return create(data_->permute(nested_perm, 0), std::move(res_offsets));
}

ColumnPtr ColumnArray::replicate(const Offsets& replicate_offsets) const {
  Permutation nested_perm;
  Offsets res_offsets;
  uint64_t prev = 0, current = 0;
  for (size_t i = 0; i < replicate_offsets.size(); ++i) {
    size_t start = offsetAt(i), end = offsets_[i];
    for (uint64_t k = prev; k < replicate_offsets[i]; ++k) {
      for (size_t j = start; j < end; ++j) nested_perm.push_back(j);
      current += end - start;
      res_offsets.push_back(current);
    }
    prev = replicate_offsets[i];
  }
  if (nested_perm.empty()) return create(data_->cloneEmpty(), std::move(res_offsets));
  return create(data_->permute(nested_perm, 0), std::move(res_offsets));
}

int ColumnArray::compareAt(size_t n, size_t m, const Column& rhs_column, int nan_direction_hint) const {
  const auto& rhs = static_cast<const ColumnArray&>(rhs_column);
  size_t a_start = offsetAt(n), a_len = offsets_[n] - a_start;
  size_t b_start = rhs.offsetAt(m), b_len = rhs.offsets_[m] - b_start;
  for (size_t i = 0; i < std::min(a_len, b_len); ++i) {
    int c = data_->compareAt(a_start + i, b_start + i, *rhs.data_, nan_direction_hint);
    if (c) return c;
  }
  return a_len < b_len ? -1 : (a_len > b_len ? 1 : 0);
}

void ColumnArray::updateHashWithValue(size_t n, SipHash& hash) const {
  size_t start = offsetAt(n), len = offsets_[n] - start;
  hash.update(uint64_t(len));
  for (size_t i = start; i < start + len; ++i) data_->updateHashWithValue(i, hash);
}

size_t ColumnArray::serializeValueIntoArena(size_t n, Arena& arena, const char*& begin) const {
  size_t start = offsetAt(n), len = offsets_[n] - start;
  char* pos = arena.allocContinue(sizeof(uint64_t), begin);
  uint64_t len64 = len;
  std::memcpy(pos, &len64, sizeof(len64));
  size_t total = sizeof(len64);
  for (size_t i = start; i < start + len; ++i) total += data_->serializeValueIntoArena(i, arena, begin);
  return total;
}

const char* ColumnArray::deserializeAndInsertFromArena(const char* pos) {
  uint64_t len;
  std::memcpy(&len, pos, sizeof(len));
  pos += sizeof(len);
  for (uint64_t i = 0; i < len; ++i) pos = data_->deserializeAndInsertFromArena(pos);
  offsets_.push_back((offsets_.empty() ? 0 : offsets_.back()) + len);
  return pos;
}

}  // namespace tally
