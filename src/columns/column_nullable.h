#pragma once
// ColumnNullable: a nested column plus a null map (1 = NULL). The nested column holds a
// default value at NULL positions, so kernels may run over it and mask afterwards.

#include "columns/column.h"
#include "columns/column_vector.h"

namespace tally {

class ColumnNullable final : public Column {
 public:
  ColumnNullable(MutableColumnPtr nested, std::shared_ptr<ColumnUInt8> null_map)
      : nested_(std::move(nested)), null_map_(std::move(null_map)) {}
  static std::shared_ptr<ColumnNullable> create(MutableColumnPtr nested, std::shared_ptr<ColumnUInt8> null_map) {
    return std::make_shared<ColumnNullable>(std::move(nested), std::move(null_map));
  }
  /// Wraps an immutable nested column with a null map (shares both).
  static ColumnPtr create(const ColumnPtr& nested, const ColumnPtr& null_map) {
    return std::make_shared<ColumnNullable>(nested->assumeMutable(),
                                            std::static_pointer_cast<ColumnUInt8>(null_map->assumeMutable()));
  }

  const Column& getNestedColumn() const { return *nested_; }
  Column& getNestedColumn() { return *nested_; }
  ColumnPtr getNestedColumnPtr() const { return nested_; }
  const ColumnUInt8& getNullMapColumn() const { return *null_map_; }
  ColumnPtr getNullMapColumnPtr() const { return null_map_; }
  PODArray<UInt8>& getNullMapData() { return null_map_->getData(); }
  const PODArray<UInt8>& getNullMapData() const { return null_map_->getData(); }

  ColumnKind kind() const override { return ColumnKind::Nullable; }
  std::string familyName() const override { return "Nullable"; }
  size_t size() const override { return null_map_->size(); }
  size_t byteSize() const override { return nested_->byteSize() + null_map_->byteSize(); }

  Field operator[](size_t n) const override { return isNullAt(n) ? Field() : (*nested_)[n]; }
  std::string_view getDataAt(size_t n) const override { return nested_->getDataAt(n); }
  bool isNullAt(size_t n) const override { return null_map_->getData()[n] != 0; }
  uint64_t getUInt(size_t n) const override { return nested_->getUInt(n); }
  int64_t getInt(size_t n) const override { return nested_->getInt(n); }
  double getFloat64(size_t n) const override { return nested_->getFloat64(n); }

  MutableColumnPtr cloneEmpty() const override { return create(nested_->cloneEmpty(), ColumnUInt8::create()); }
  MutableColumnPtr clone() const override {
    return create(nested_->clone(), std::static_pointer_cast<ColumnUInt8>(null_map_->clone()));
  }

  void insert(const Field& value) override;
  void insertFrom(const Column& src, size_t n) override;
  void insertRangeFrom(const Column& src, size_t start, size_t length) override;
  void insertDefault() override {
    nested_->insertDefault();
    null_map_->insertValue(1);
  }
  void insertManyDefaults(size_t n) override {
    nested_->insertManyDefaults(n);
    null_map_->getData().resizeFill(null_map_->size() + n, 1);
  }
  void insertData(const char* pos, size_t length) override {
    if (!pos) {
      insertDefault();
      return;
    }
    nested_->insertData(pos, length);
    null_map_->insertValue(0);
  }
  /// Appends a non-NULL value taken from row n of a column of the nested type.
  void insertFromNotNullable(const Column& src, size_t n) {
    nested_->insertFrom(src, n);
    null_map_->insertValue(0);
  }
  void popBack(size_t n) override {
    nested_->popBack(n);
    null_map_->popBack(n);
  }
  void reserve(size_t n) override {
    nested_->reserve(n);
    null_map_->reserve(n);
  }

  ColumnPtr filter(const Filter& filter, ssize_t result_size_hint) const override;
  ColumnPtr permute(const Permutation& perm, size_t limit) const override;
  ColumnPtr replicate(const Offsets& offsets) const override;
  ColumnPtr cut(size_t start, size_t length) const override;

  int compareAt(size_t n, size_t m, const Column& rhs, int nan_direction_hint) const override;
  void getPermutation(bool reverse, size_t limit, int nan_direction_hint, Permutation& perm) const override;
  void updateHashWithValue(size_t n, SipHash& hash) const override;
  size_t serializeValueIntoArena(size_t n, Arena& arena, const char*& begin) const override;
  const char* deserializeAndInsertFromArena(const char* pos) override;

  bool isNullable() const override { return true; }
  bool hasNulls() const;

 private:
  MutableColumnPtr nested_;
  std::shared_ptr<ColumnUInt8> null_map_;
};

/// Wraps `column` into Nullable with an all-zero null map (no NULLs); returns `column` if it is
/// already Nullable.
ColumnPtr makeNullable(const ColumnPtr& column);
/// Nested column of a Nullable, or the column itself.
const Column& removeNullable(const Column& column);
ColumnPtr removeNullable(const ColumnPtr& column);

}  // namespace tally
