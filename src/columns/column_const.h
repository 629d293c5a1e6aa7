#pragma once
// ColumnConst: one value repeated size() times, stored once (a nested column of one row).
// Functions see constants as ColumnConst so they can pick scalar fast paths.

#include "columns/column.h"

namespace tally {

class ColumnConst final : public Column {
 public:
  ColumnConst(ColumnPtr data, size_t size) : data_(std::move(data)), size_(size) {}
  static ColumnPtr create(ColumnPtr data, size_t size) {
    if (data->isConst()) data = static_cast<const ColumnConst&>(*data).data_;
    return std::make_shared<ColumnConst>(data->size() == 1 ? data : data->cut(0, 1), size);
  }

  const Column& getDataColumn() const { return *data_; }
  ColumnPtr getDataColumnPtr() const { return data_; }
  Field getField() const { return (*data_)[0]; }

  ColumnKind kind() const override { return ColumnKind::Const; }
  std::string familyName() const override { return "Const"; }
  size_t size() const override { return size_; }
  size_t byteSize() const override { return data_->byteSize() + sizeof(size_); }

  Field operator[](size_t) const override { return (*data_)[0]; }
  std::string_view getDataAt(size_t) const override { return data_->getDataAt(0); }
  bool isNullAt(size_t) const override { return data_->isNullAt(0); }
  uint64_t getUInt(size_t) const override { return data_->getUInt(0); }
  int64_t getInt(size_t) const override { return data_->getInt(0); }
  double getFloat64(size_t) const override { return data_->getFloat64(0); }

  MutableColumnPtr cloneEmpty() const override { return std::make_shared<ColumnConst>(data_, 0); }
  MutableColumnPtr clone() const override { return std::make_shared<ColumnConst>(data_, size_); }
  MutableColumnPtr cloneResized(size_t n) const override { return std::make_shared<ColumnConst>(data_, n); }

  void insert(const Field&) override { ++size_; }
  void insertFrom(const Column&, size_t) override { ++size_; }
  void insertRangeFrom(const Column&, size_t, size_t length) override { size_ += length; }
  void insertDefault() override { ++size_; }
  void insertManyDefaults(size_t n) override { size_ += n; }
  void popBack(size_t n) override { size_ -= n; }

  ColumnPtr filter(const Filter& filter, ssize_t result_size_hint) const override {
    return std::make_shared<ColumnConst>(data_, result_size_hint >= 0 ? size_t(result_size_hint) : countBytesInFilter(filter));
  }
  ColumnPtr permute(const Permutation& perm, size_t limit) const override {
    return std::make_shared<ColumnConst>(data_, limit ? std::min<size_t>(limit, perm.size()) : perm.size());
  }
  ColumnPtr replicate(const Offsets& offsets) const override {
    return std::make_shared<ColumnConst>(data_, offsets.empty() ? 0 : offsets.back());
  }
  ColumnPtr cut(size_t, size_t length) const override { return std::make_shared<ColumnConst>(data_, length); }

  int compareAt(size_t, size_t m, const Column& rhs, int nan_direction_hint) const override {
    const Column& r = rhs.isConst() ? static_cast<const ColumnConst&>(rhs).getDataColumn() : rhs;
    return data_->compareAt(0, rhs.isConst() ? 0 : m, r, nan_direction_hint);
  }
  void getPermutation(bool, size_t limit, int, Permutation& perm) const override;
  void updateHashWithValue(size_t, SipHash& hash) const override { data_->updateHashWithValue(0, hash); }
  size_t serializeValueIntoArena(size_t, Arena& arena, const char*& begin) const override {
    return data_->serializeValueIntoArena(0, arena, begin);
  }
  const char* deserializeAndInsertFromArena(const char* pos) override;

  bool isConst() const override { return true; }
  bool isNullable() const override { return data_->isNullable(); }
  ColumnPtr convertToFullColumnIfConst() const override;
  size_t sizeOfValueIfFixed() const override { return data_->sizeOfValueIfFixed(); }
  bool isNumeric() const override { return data_->isNumeric(); }

 private:
  ColumnPtr data_;
  size_t size_;
};

/// Materialises a ColumnConst (no-op for other columns).
inline ColumnPtr materialize(const ColumnPtr& column) { return column->convertToFullColumnIfConst(); }

}  // namespace tally
