#pragma once
// Compile-time dispatch from a runtime type to the C++ value type of its column.
//   dispatchNumber(type->typeId(), [&](auto tag) { using T = typename decltype(tag)::Type; ... });
// Each helper returns false if the type is not in its family. Keep the set of instantiations
// small in hot templates: dispatch once per block, never per row.

#include "common/numeric_types.h"
#include "types/data_type.h"

namespace tally {

template <typename T>
struct TypeTag {
  using Type = T;
};

/// UInt8..UInt64, Int8..Int64, Float32, Float64 (not Bool, dates or enums).
template <typename F>
bool dispatchNumber(TypeIndex id, F&& f) {
  switch (id) {
    case TypeIndex::UInt8: f(TypeTag<UInt8>{}); return true;
    case TypeIndex::UInt16: f(TypeTag<UInt16>{}); return true;
    case TypeIndex::UInt32: f(TypeTag<UInt32>{}); return true;
    case TypeIndex::UInt64: f(TypeTag<UInt64>{}); return true;
    case TypeIndex::Int8: f(TypeTag<Int8>{}); return true;
    case TypeIndex::Int16: f(TypeTag<Int16>{}); return true;
    case TypeIndex::Int32: f(TypeTag<Int32>{}); return true;
    case TypeIndex::Int64: f(TypeTag<Int64>{}); return true;
    case TypeIndex::Float32: f(TypeTag<Float32>{}); return true;
    case TypeIndex::Float64: f(TypeTag<Float64>{}); return true;
    default: return false;
  }
}

/// Every type stored in a ColumnVector<T>: numbers plus Bool (UInt8), Date (UInt16), Date32
/// (Int32), DateTime (UInt32), DateTime64 (Int64), Enum8/16 (Int8/16), Interval (Int64),
/// UUID (UInt128).
template <typename F>
bool dispatchColumnVector(TypeIndex id, F&& f) {
  switch (id) {
    case TypeIndex::Bool: f(TypeTag<UInt8>{}); return true;
    case TypeIndex::Date: f(TypeTag<UInt16>{}); return true;
    case TypeIndex::Date32: f(TypeTag<Int32>{}); return true;
    case TypeIndex::DateTime: f(TypeTag<UInt32>{}); return true;
    case TypeIndex::DateTime64: f(TypeTag<Int64>{}); return true;
    case TypeIndex::Enum8: f(TypeTag<Int8>{}); return true;
    case TypeIndex::Enum16: f(TypeTag<Int16>{}); return true;
    case TypeIndex::Interval: f(TypeTag<Int64>{}); return true;
    case TypeIndex::UUID: f(TypeTag<UInt128>{}); return true;
    default: return dispatchNumber(id, std::forward<F>(f));
  }
}

/// Integers only.
template <typename F>
bool dispatchInteger(TypeIndex id, F&& f) {
  switch (id) {
    case TypeIndex::UInt8: f(TypeTag<UInt8>{}); return true;
    case TypeIndex::UInt16: f(TypeTag<UInt16>{}); return true;
    case TypeIndex::UInt32: f(TypeTag<UInt32>{}); return true;
    case TypeIndex::UInt64: f(TypeTag<UInt64>{}); return true;
    case TypeIndex::Int8: f(TypeTag<Int8>{}); return true;
    case TypeIndex::Int16: f(TypeTag<Int16>{}); return true;
    case TypeIndex::Int32: f(TypeTag<Int32>{}); return true;
    case TypeIndex::Int64: f(TypeTag<Int64>{}); return true;
    default: return false;
  }
}

}  // namespace tally
