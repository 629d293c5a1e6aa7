#pragma once
// ColumnArray: arrays as one flattened data column plus cumulative end offsets.
// Row i spans data[offsetAt(i), offsets[i]).

#include "columns/column.h"

namespace tally {

class ColumnArray final : public Column {
 public:
  ColumnArray(MutableColumnPtr data, Offsets offsets) : data_(std::move(data)), offsets_(std::move(offsets)) {}
  explicit ColumnArray(MutableColumnPtr data) : data_(std::move(data)) {}
  static std::shared_ptr<ColumnArray> create(MutableColumnPtr data, Offsets offsets = {}) {
    return std::make_shared<ColumnArray>(std::move(data), std::move(offsets));
  }
  static std::shared_ptr<ColumnArray> create(const ColumnPtr& data, Offsets offsets) {
    return std::make_shared<ColumnArray>(data->assumeMutable(), std::move(offsets));
  }

  const Column& getData() const { return *data_; }
  Column& getData() { return *data_; }
  ColumnPtr getDataPtr() const { return data_; }
  MutableColumnPtr& getDataMutablePtr() { return data_; }
  Offsets& getOffsets() { return offsets_; }
  const Offsets& getOffsets() const { return offsets_; }
  size_t offsetAt(size_t i) const { return i == 0 ? 0 : offsets_[i - 1]; }
  size_t sizeAt(size_t i) const { return offsets_[i] - offsetAt(i); }

  ColumnKind kind() const override { return ColumnKind::Array; }
  std::string familyName() const override { return "Array"; }
  size_t size() const override { return offsets_.size(); }
  size_t byteSize() const override { return data_->byteSize() + offsets_.size() * sizeof(uint64_t); }

  Field operator[](size_t n) const override;
  MutableColumnPtr cloneEmpty() const override { return create(data_->cloneEmpty()); }
  MutableColumnPtr clone() const override { return create(data_->clone(), offsets_); }

  void insert(const Field& value) override;
  void insertFrom(const Column& src, size_t n) override;
  void insertRangeFrom(const Column& src, size_t start, size_t length) override;
  void insertDefault() override { offsets_.push_back(offsets_.empty() ? 0 : offsets_.back()); }
  void insertManyDefaults(size_t n) override { offsets_.resizeFill(offsets_.size() + n, offsets_.empty() ? 0 : offsets_.back()); }
  void popBack(size_t n) override;
  void reserve(size_t n) override { offsets_.reserve(n); }

  ColumnPtr filter(const Filter& filter, ssize_t result_size_hint) const override;
  ColumnPtr permute(const Permutation& perm, size_t limit) const override;
  ColumnPtr replicate(const Offsets& offsets) const override;

  int compareAt(size_t n, size_t m, const Column& rhs, int nan_direction_hint) const override;
  void updateHashWithValue(size_t n, SipHash& hash) const override;
  size_t serializeValueIntoArena(size_t n, Arena& arena, const char*& begin) const override;
  const char* deserializeAndInsertFromArena(const char* pos) override;

 private:
  MutableColumnPtr data_;
  Offsets offsets_;
};

}  // namespace tally
