#include "columns/column_tuple.h"

#include "common/exception.h"

namespace tally {

size_t ColumnTuple::byteSize() const {
  size_t s = 0;
  for (const auto& c : columns_) s += c->byteSize();
  return s;
}

Field ColumnTuple::operator[](size_t n) const {
  FieldTuple res;
  for (const auto& c : columns_) res.push_back((*c)[n]);
  return Field(std::move(res));
}

MutableColumnPtr ColumnTuple::cloneEmpty() const {
  MutableColumns cols;
  for (const auto& c : columns_) cols.push_back(c->cloneEmpty());
  return create(std::move(cols));
}

MutableColumnPtr ColumnTuple::clone() const {
  MutableColumns cols;
  for (const auto& c : columns_) cols.push_back(c->clone());
  return create(std::move(cols), size_);
}

void ColumnTuple::insert(const Field& value) {
  const auto& items = value.get<FieldTuple>();
  if (items.size() != columns_.size())
    throw Exception(ErrorCodes::CANNOT_INSERT_VALUE_OF_DIFFERENT_SIZE_INTO_TUPLE,
                    "Cannot insert value of different size into tuple");
  for (size_t i = 0; i < columns_.size(); ++i) columns_[i]->insert(items[i]);
  ++size_;
}

void ColumnTuple::insertFrom(const Column& src, size_t n) {
  const auto& s = static_cast<const ColumnTuple&>(src);
  for (size_t i = 0; i < columns_.size(); ++i) columns_[i]->insertFrom(*s.columns_[i], n);
  ++size_;
}

void ColumnTuple::insertRangeFrom(const Column& src, size_t start, size_t length) {
  const auto& s = static_cast<const ColumnTuple&>(src);
  for (size_t i = 0; i < columns_.size(); ++i) columns_[i]->insertRangeFrom(*s.columns_[i], start, length);
  size_ += length;
}

void ColumnTuple::insertDefault() {
  for (auto& c : columns_) c->insertDefault();
  ++size_;
}

void ColumnTuple::popBack(size_t n) {
  // Elements may be uneven after a failed partial insert: cut each one to the new row count.
  size_t new_size = size() - n;
  for (auto& c : columns_)
    if (c->size() > new_size) c->popBack(c->size() - new_size);
  size_ = new_size;
}

ColumnPtr ColumnTuple::filter(const Filter& filter, ssize_t hint) const {
  Columns cols;
  for (const auto& c : columns_) cols.push_back(c->filter(filter, hint));
  return create(cols, hint >= 0 ? size_t(hint) : countBytesInFilter(filter));
}

ColumnPtr ColumnTuple::permute(const Permutation& perm, size_t limit) const {
  Columns cols;
  for (const auto& c : columns_) cols.push_back(c->permute(perm, limit));
  return create(cols, limit ? std::min<size_t>(limit, perm.size()) : perm.size());
}

ColumnPtr ColumnTuple::replicate(const Offsets& offsets) const {
  Columns cols;
  for (const auto& c : columns_) cols.push_back(c->replicate(offsets));
  return create(cols, offsets.empty() ? 0 : offsets.back());
}

ColumnPtr ColumnTuple::cut(size_t start, size_t length) const {
  Columns cols;
  for (const auto& c : columns_) cols.push_back(c->cut(start, length));
  return create(cols, length);
}

int ColumnTuple::compareAt(size_t n, size_t m, const Column& rhs, int nan_direction_hint) const {
  const auto& r = static_cast<const ColumnTuple&>(rhs);
  for (size_t i = 0; i < columns_.size(); ++i) {
    int c = columns_[i]->compareAt(n, m, *r.columns_[i], nan_direction_hint);
    if (c) return c;
  }
  return 0;
}

void ColumnTuple::updateHashWithValue(size_t n, SipHash& hash) const {
  for (const auto& c : columns_) c->updateHashWithValue(n, hash);
}

size_t ColumnTuple::serializeValueIntoArena(size_t n, Arena& arena, const char*& begin) const {
  size_t total = 0;
  for (const auto& c : columns_) total += c->serializeValueIntoArena(n, arena, begin);
  return total;
}

const char* ColumnTuple::deserializeAndInsertFromArena(const char* pos) {
  for (auto& c : columns_) pos = c->deserializeAndInsertFromArena(pos);
  ++size_;
  return pos;
}

}  // namespace tally
