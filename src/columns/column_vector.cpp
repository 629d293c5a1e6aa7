#include "columns/column_vector.h"

#include <algorithm>
#include <cstring>
#include <numeric>

#include "columns/filter_kernels.h"
#include "common/arena.h"
#include "common/exception.h"
#include "common/sip_hash.h"

namespace tally {

template <typename T>
std::string ColumnVector<T>::familyName() const {
  if constexpr (std::is_same_v<T, UInt8>) return "UInt8";
  else if constexpr (std::is_same_v<T, UInt16>) return "UInt16";
  else if constexpr (std::is_same_v<T, UInt32>) return "UInt32";
  else if constexpr (std::is_same_v<T, UInt64>) return "UInt64";
  else if constexpr (std::is_same_v<T, Int8>) return "Int8";
  else if constexpr (std::is_same_v<T, Int16>) return "Int16";
  else if constexpr (std::is_same_v<T, Int32>) return "Int32";
  else if constexpr (std::is_same_v<T, Int64>) return "Int64";
  else if constexpr (std::is_same_v<T, Float32>) return "Float32";
  else if constexpr (std::is_same_v<T, Float64>) return "Float64";
  else return "UInt128";
}

template <typename T>
Field ColumnVector<T>::operator[](size_t n) const {
  T v = data_[n];
  if constexpr (std::is_same_v<T, UInt128>) return Field(v);
  else if constexpr (std::is_floating_point_v<T>) return Field(double(v));
  else if constexpr (std::is_signed_v<T>) return Field(int64_t(v));
  else return Field(uint64_t(v));
}

template <typename T>
uint64_t ColumnVector<T>::getUInt(size_t n) const {
  if constexpr (std::is_same_v<T, UInt128>) return data_[n].low;
  else return uint64_t(data_[n]);
}

template <typename T>
int64_t ColumnVector<T>::getInt(size_t n) const {
  if constexpr (std::is_same_v<T, UInt128>) return int64_t(data_[n].low);
  else return int64_t(data_[n]);
}

template <typename T>
double ColumnVector<T>::getFloat64(size_t n) const {
  if constexpr (std::is_same_v<T, UInt128>) return double(data_[n].low);
  else return double(data_[n]);
}

template <typename T>
void ColumnVector<T>::insert(const Field& value) {
  if constexpr (std::is_same_v<T, UInt128>) {
    data_.push_back(value.isNull() ? UInt128() : value.get<UInt128>());
  } else {
    data_.push_back(value.as<T>());
  }
}

template <typename T>
void ColumnVector<T>::insertRangeFrom(const Column& src, size_t start, size_t length) {
  const auto& src_data = static_cast<const ColumnVector&>(src).data_;
  if (start + length > src_data.size())
    throw Exception(ErrorCodes::PARAMETER_OUT_OF_BOUND, "Parameters start = {}, length = {} are out of bound in ColumnVector::insertRangeFrom", start, length);
  data_.insert(src_data.begin() + start, src_data.begin() + start + length);
}

template <typename T>
void ColumnVector<T>::insertData(const char* pos, size_t length) {
  T value{};
  std::memcpy(&value, pos, std::min(length, sizeof(T)));
  data_.push_back(value);
}

template <typename T>
ColumnPtr ColumnVector<T>::filter(const Filter& filter, ssize_t result_size_hint) const {
  auto res = std::make_shared<ColumnVector>();
  size_t count = result_size_hint >= 0 ? size_t(result_size_hint) : countBytesInFilter(filter);
  res->data_.resize(count);
  size_t written = filterKernel(data_.data(), filter.data(), data_.size(), res->data_.data());
  res->data_.resize(written);
  return res;
}

template <typename T>
ColumnPtr ColumnVector<T>::permute(const Permutation& perm, size_t limit) const {
  size_t n = limit ? std::min<size_t>(limit, perm.size()) : perm.size();
  auto res = std::make_shared<ColumnVector>(n);
  T* out = res->data_.data();
  const T* in = data_.data();
  for (size_t i = 0; i < n; ++i) out[i] = in[perm[i]];
  return res;
}

template <typename T>
ColumnPtr ColumnVector<T>::replicate(const Offsets& offsets) const {
  auto res = std::make_shared<ColumnVector>();
  if (offsets.empty()) return res;
  res->data_.resize(offsets.back());
  T* out = res->data_.data();
  uint64_t prev = 0;
  for (size_t i = 0; i < offsets.size(); ++i) {
    T value = data_[i];
    for (uint64_t j = prev; j < offsets[i]; ++j) out[j] = value;
    prev = offsets[i];
  }
  return res;
}

template <typename T>
ColumnPtr ColumnVector<T>::cut(size_t start, size_t length) const {
  if (start == 0 && length == data_.size()) return shared_from_this();
  auto res = std::make_shared<ColumnVector>();
  res->data_.insert(data_.begin() + start, data_.begin() + start + length);
  return res;
}

template <typename T>
int ColumnVector<T>::compareAt(size_t n, size_t m, const Column& rhs, int nan_direction_hint) const {
  return compareValues(data_[n], static_cast<const ColumnVector&>(rhs).data_[m], nan_direction_hint);
}

template <typename T>
void ColumnVector<T>::getPermutation(bool reverse, size_t limit, int nan_direction_hint, Permutation& perm) const {
  size_t n = data_.size();
  perm.resize(n);
  std::iota(perm.begin(), perm.end(), 0);
  const T* d = data_.data();
  auto less = [&](uint64_t a, uint64_t b) {
    int c = compareValues(d[a], d[b], nan_direction_hint);
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

template <typename T>
void ColumnVector<T>::updateHashWithValue(size_t n, SipHash& hash) const {
  hash.update(data_[n]);
}

template <typename T>
size_t ColumnVector<T>::serializeValueIntoArena(size_t n, Arena& arena, const char*& begin) const {
  char* pos = arena.allocContinue(sizeof(T), begin);
  std::memcpy(pos, &data_[n], sizeof(T));
  return sizeof(T);
}

template <typename T>
const char* ColumnVector<T>::deserializeAndInsertFromArena(const char* pos) {
  T value;
  std::memcpy(&value, pos, sizeof(T));
  data_.push_back(value);
  return pos + sizeof(T);
}

template class ColumnVector<UInt8>;
template class ColumnVector<UInt16>;
template class ColumnVector<UInt32>;
template class ColumnVector<UInt64>;
template class ColumnVector<Int8>;
template class ColumnVector<Int16>;
template class ColumnVector<Int32>;
template class ColumnVector<Int64>;
template class ColumnVector<Float32>;
template class ColumnVector<Float64>;
template class ColumnVector<UInt128>;

}  // namespace tally
