#pragma once
// ColumnTuple: one column per tuple element, all of the same size.

#include "columns/column.h"

namespace tally {

class ColumnTuple final : public Column {
 public:
  explicit ColumnTuple(MutableColumns columns, size_t size = 0)
      : columns_(std::move(columns)), size_(columns_.empty() ? size : columns_[0]->size()) {}
  static std::shared_ptr<ColumnTuple> create(MutableColumns columns, size_t size = 0) {
    return std::make_shared<ColumnTuple>(std::move(columns), size);
  }
  static std::shared_ptr<ColumnTuple> create(const Columns& columns, size_t size = 0) {
    MutableColumns m;
    for (const auto& c : columns) m.push_back(c->assumeMutable());
    return std::make_shared<ColumnTuple>(std::move(m), size);
  }

  size_t tupleSize() const { return columns_.size(); }
  const Column& getColumn(size_t i) const { return *columns_[i]; }
  Column& getColumn(size_t i) { return *columns_[i]; }
  ColumnPtr getColumnPtr(size_t i) const { return columns_[i]; }
  Columns getColumns() const { return Columns(columns_.begin(), columns_.end()); }

  ColumnKind kind() const override { return ColumnKind::Tuple; }
  std::string familyName() const override { return "Tuple"; }
  size_t size() const override { return columns_.empty() ? size_ : columns_[0]->size(); }
  size_t byteSize() const override;

  Field operator[](size_t n) const override;
  MutableColumnPtr cloneEmpty() const override;
  MutableColumnPtr clone() const override;

  void insert(const Field& value) override;
  void insertFrom(const Column& src, size_t n) override;
  void insertRangeFrom(const Column& src, size_t start, size_t length) override;
  void insertDefault() override;
  void popBack(size_t n) override;
  void reserve(size_t n) override {
    for (auto& c : columns_) c->reserve(n);
  }

  ColumnPtr filter(const Filter& filter, ssize_t result_size_hint) const override;
  ColumnPtr permute(const Permutation& perm, size_t limit) const override;
  ColumnPtr replicate(const Offsets& offsets) const override;
  ColumnPtr cut(size_t start, size_t length) const override;

  int compareAt(size_t n, size_t m, const Column& rhs, int nan_direction_hint) const override;
  void updateHashWithValue(size_t n, SipHash& hash) const override;
  size_t serializeValueIntoArena(size_t n, Arena& arena, const char*& begin) const override;
  const char* deserializeAndInsertFromArena(const char* pos) override;

 private:
  MutableColumns columns_;
  size_t size_;
};

}  // namespace tally
