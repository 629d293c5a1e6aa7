#pragma once
// ColumnVector<T>: fixed-width values in one array. Holds every number type and the types
// stored as numbers: Bool (UInt8), Date (UInt16), Date32 (Int32), DateTime (UInt32),
// DateTime64 (Int64 ticks), Enum8/16 (Int8/16), UUID (UInt128).

#include <type_traits>

#include "columns/column.h"
#include "common/numeric_types.h"

namespace tally {

template <typename T>
class ColumnVector final : public Column {
 public:
  using ValueType = T;
  using Container = PODArray<T>;

  ColumnVector() = default;
  explicit ColumnVector(size_t n) : data_(n) {}
  ColumnVector(size_t n, T value) : data_(n, value) {}
  explicit ColumnVector(Container data) : data_(std::move(data)) {}

  static std::shared_ptr<ColumnVector> create(size_t n = 0) { return std::make_shared<ColumnVector>(n); }

  Container& getData() { return data_; }
  const Container& getData() const { return data_; }
  T getElement(size_t n) const { return data_[n]; }

  ColumnKind kind() const override { return ColumnKind::Vector; }
  std::string familyName() const override;
  size_t size() const override { return data_.size(); }
  size_t byteSize() const override { return data_.size() * sizeof(T); }
  size_t allocatedBytes() const override { return data_.allocatedBytes(); }

  Field operator[](size_t n) const override;
  std::string_view getDataAt(size_t n) const override {
    return {reinterpret_cast<const char*>(&data_[n]), sizeof(T)};
  }
  uint64_t getUInt(size_t n) const override;
  int64_t getInt(size_t n) const override;
  double getFloat64(size_t n) const override;

  MutableColumnPtr cloneEmpty() const override { return std::make_shared<ColumnVector>(); }
  MutableColumnPtr clone() const override { return std::make_shared<ColumnVector>(data_); }

  void insert(const Field& value) override;
  void insertFrom(const Column& src, size_t n) override {
    data_.push_back(static_cast<const ColumnVector&>(src).data_[n]);
  }
  void insertRangeFrom(const Column& src, size_t start, size_t length) override;
  void insertDefault() override { data_.push_back(T()); }
  void insertManyDefaults(size_t n) override { data_.resizeFill(data_.size() + n, T()); }
  void insertData(const char* pos, size_t length) override;
  void insertValue(T value) { data_.push_back(value); }
  void popBack(size_t n) override { data_.resize(data_.size() - n); }
  void reserve(size_t n) override { data_.reserve(n); }

  ColumnPtr filter(const Filter& filter, ssize_t result_size_hint) const override;
  ColumnPtr permute(const Permutation& perm, size_t limit) const override;
  ColumnPtr replicate(const Offsets& offsets) const override;
  ColumnPtr cut(size_t start, size_t length) const override;

  int compareAt(size_t n, size_t m, const Column& rhs, int nan_direction_hint) const override;
  void getPermutation(bool reverse, size_t limit, int nan_direction_hint, Permutation& perm) const override;
  void updateHashWithValue(size_t n, SipHash& hash) const override;
  size_t serializeValueIntoArena(size_t n, Arena& arena, const char*& begin) const override;
  const char* deserializeAndInsertFromArena(const char* pos) override;

  size_t sizeOfValueIfFixed() const override { return sizeof(T); }
  bool isNumeric() const override { return !std::is_same_v<T, UInt128>; }

 private:
  Container data_;
};

using ColumnUInt8 = ColumnVector<UInt8>;
using ColumnUInt16 = ColumnVector<UInt16>;
using ColumnUInt32 = ColumnVector<UInt32>;
using ColumnUInt64 = ColumnVector<UInt64>;
using ColumnInt8 = ColumnVector<Int8>;
using ColumnInt16 = ColumnVector<Int16>;
using ColumnInt32 = ColumnVector<Int32>;
using ColumnInt64 = ColumnVector<Int64>;
using ColumnFloat32 = ColumnVector<Float32>;
using ColumnFloat64 = ColumnVector<Float64>;
using ColumnUInt128 = ColumnVector<UInt128>;

/// Three-way comparison of two numbers with NaN placed by nan_direction_hint.
template <typename T>
inline int compareValues(T a, T b, int nan_direction_hint) {
  if constexpr (std::is_floating_point_v<T>) {
    bool a_nan = a != a, b_nan = b != b;
    if (a_nan || b_nan) {
      if (a_nan && b_nan) return 0;
      return a_nan ? nan_direction_hint : -nan_direction_hint;
    }
  }
  return a < b ? -1 : (b < a ? 1 : 0);
}

extern template class ColumnVector<UInt8>;
extern template class ColumnVector<UInt16>;
extern template class ColumnVector<UInt32>;
extern template class ColumnVector<UInt64>;
extern template class ColumnVector<Int8>;
extern template class ColumnVector<Int16>;
extern template class ColumnVector<Int32>;
extern template class ColumnVector<Int64>;
extern template class ColumnVector<Float32>;
extern template class ColumnVector<Float64>;
extern template class ColumnVector<UInt128>;

}  // namespace tally
