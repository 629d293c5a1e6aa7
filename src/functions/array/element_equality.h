#pragma once
// Equality of values between two columns of compatible types, the way has / indexOf /
// countEqual / hasAny / hasAll compare array elements with needles or with other arrays:
// numbers of different types compare as C++ (and ClickHouse) compares them, after the usual
// arithmetic conversions (UInt8 257 never matches, Int64 -1 equals UInt64 18446744073709551615),
// NULL equals only NULL, other types must be identical (up to Nullable and LowCardinality).
// The comparison kind is chosen once per block; visit() hands the caller an inlined
// comparator eq(left_row, right_row).

#include <cstring>
#include <string_view>

#include "columns/column_string.h"
#include "columns/column_vector.h"
#include "common/pod_array.h"
#include "types/data_type.h"

namespace tally {

/// Whether values of these types may be compared for equality (after removing Nullable and
/// LowCardinality): numbers (and Bool, enums) with each other, Nothing with anything, and
/// otherwise identical types.
bool elementTypesComparable(const DataTypePtr& left, const DataTypePtr& right);

/// A column without LowCardinality and Nullable: the values column plus the null map (or null).
struct PlainValues {
  ColumnPtr holder;
  const Column* column = nullptr;
  const uint8_t* null_map = nullptr;
  DataTypePtr type;  // without Nullable / LowCardinality
};
PlainValues plainValues(const ColumnPtr& column, const DataTypePtr& type);

namespace element_equality {

template <typename K>
struct KeyEq {
  const K* left;
  const K* right;
  const uint8_t* left_nulls;
  const uint8_t* right_nulls;
  bool operator()(size_t l, size_t r) const {
    bool ln = left_nulls && left_nulls[l], rn = right_nulls && right_nulls[r];
    if (ln | rn) return ln & rn;
    return left[l] == right[r];
  }
};

struct StringEq {
  const ColumnString* left;
  const ColumnString* right;
  const uint8_t* left_nulls;
  const uint8_t* right_nulls;
  bool operator()(size_t l, size_t r) const {
    bool ln = left_nulls && left_nulls[l], rn = right_nulls && right_nulls[r];
    if (ln | rn) return ln & rn;
    return left->at(l) == right->at(r);
  }
};

struct GenericEq {
  const Column* left;
  const Column* right;
  const uint8_t* left_nulls;
  const uint8_t* right_nulls;
  bool operator()(size_t l, size_t r) const {
    bool ln = left_nulls && left_nulls[l], rn = right_nulls && right_nulls[r];
    if (ln | rn) return ln & rn;
    return left->compareAt(l, r, *right, 1) == 0;
  }
};

/// Only NULLs are equal (one side has type Nothing: all its values are NULL).
struct NullOnlyEq {
  const uint8_t* left_nulls;
  const uint8_t* right_nulls;
  bool left_all_null;
  bool right_all_null;
  bool operator()(size_t l, size_t r) const {
    bool ln = left_all_null || (left_nulls && left_nulls[l]);
    bool rn = right_all_null || (right_nulls && right_nulls[r]);
    return ln & rn;
  }
};

enum class Kind : uint8_t { NullOnly, Number, String, Generic };

}  // namespace element_equality

class ElementEquality {
 public:
  /// The columns must stay alive while the comparator is used; types must satisfy
  /// elementTypesComparable.
  ElementEquality(const ColumnPtr& left, const DataTypePtr& left_type, const ColumnPtr& right,
                  const DataTypePtr& right_type);

  /// Calls f(eq) once with a comparator specialised for the column types.
  template <typename F>
  void visit(F&& f) const {
    using namespace element_equality;
    const uint8_t* ln = left_.null_map;
    const uint8_t* rn = right_.null_map;
    switch (kind_) {
      case Kind::NullOnly:
        f(NullOnlyEq{ln, rn, isNothing(left_.type), isNothing(right_.type)});
        return;
      case Kind::String:
        f(StringEq{static_cast<const ColumnString*>(left_.column), static_cast<const ColumnString*>(right_.column), ln, rn});
        return;
      case Kind::Generic:
        f(GenericEq{left_.column, right_.column, ln, rn});
        return;
      case Kind::Number:
        visitNumber(f, ln, rn);
        return;
    }
  }

 private:
  template <typename F>
  void visitNumber(F& f, const uint8_t* ln, const uint8_t* rn) const {
    using element_equality::KeyEq;
    auto run = [&](auto tag) {
      using T = typename decltype(tag)::Type;
      f(KeyEq<T>{static_cast<const T*>(left_keys_), static_cast<const T*>(right_keys_), ln, rn});
    };
    switch (key_type_) {
      case TypeIndex::UInt8: run(Tag<UInt8>{}); return;
      case TypeIndex::UInt16: run(Tag<UInt16>{}); return;
      case TypeIndex::UInt32: run(Tag<UInt32>{}); return;
      case TypeIndex::UInt64: run(Tag<UInt64>{}); return;
      case TypeIndex::Int8: run(Tag<Int8>{}); return;
      case TypeIndex::Int16: run(Tag<Int16>{}); return;
      case TypeIndex::Int32: run(Tag<Int32>{}); return;
      case TypeIndex::Int64: run(Tag<Int64>{}); return;
      case TypeIndex::Float32: run(Tag<Float32>{}); return;
      default: run(Tag<Float64>{}); return;
    }
  }
  template <typename T>
  struct Tag {
    using Type = T;
  };

  PlainValues left_, right_;
  element_equality::Kind kind_ = element_equality::Kind::Generic;
  /// Numbers: the type both sides are compared in, and their values as that type (in place, or
  /// converted into the buffers).
  TypeIndex key_type_ = TypeIndex::Nothing;
  const void* left_keys_ = nullptr;
  const void* right_keys_ = nullptr;
  PODArray<char> left_buffer_, right_buffer_;
};

}  // namespace tally
