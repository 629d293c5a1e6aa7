#pragma once
// ColumnNothing: the column of type Nothing (e.g. the nested column of a NULL literal's
// Nullable(Nothing)): it has a size but no values.

#include "columns/column.h"

namespace tally {

class ColumnNothing final : public Column {
 public:
  explicit ColumnNothing(size_t size = 0) : size_(size) {}
  static std::shared_ptr<ColumnNothing> create(size_t size = 0) { return std::make_shared<ColumnNothing>(size); }

  ColumnKind kind() const override { return ColumnKind::Nothing; }
  std::string familyName() const override { return "Nothing"; }
  size_t size() const override { return size_; }
  size_t byteSize() const override { return 0; }
  Field operator[](size_t) const override { return Field(); }
  bool isNullAt(size_t) const override { return true; }
  uint64_t getUInt(size_t) const override { return 0; }
  MutableColumnPtr cloneEmpty() const override { return create(); }
  void insert(const Field&) override { ++size_; }
  void insertFrom(const Column&, size_t) override { ++size_; }
  void insertRangeFrom(const Column&, size_t, size_t length) override { size_ += length; }
  void insertDefault() override { ++size_; }
  void insertManyDefaults(size_t n) override { size_ += n; }
  void insertData(const char*, size_t) override { ++size_; }
  void popBack(size_t n) override { size_ -= n; }
  ColumnPtr filter(const Filter& filter, ssize_t hint) const override {
    return create(hint >= 0 ? size_t(hint) : countBytesInFilter(filter));
  }
  ColumnPtr permute(const Permutation& perm, size_t limit) const override {
    return create(limit ? std::min<size_t>(limit, perm.size()) : perm.size());
  }
  ColumnPtr replicate(const Offsets& offsets) const override { return create(offsets.empty() ? 0 : offsets.back()); }
  ColumnPtr cut(size_t, size_t length) const override { return create(length); }
  int compareAt(size_t, size_t, const Column&, int) const override { return 0; }
  void updateHashWithValue(size_t, SipHash&) const override {}
  size_t serializeValueIntoArena(size_t, Arena&, const char*&) const override { return 0; }
  const char* deserializeAndInsertFromArena(const char* pos) override {
    ++size_;
    return pos;
  }

 private:
  size_t size_;
};

}  // namespace tally
