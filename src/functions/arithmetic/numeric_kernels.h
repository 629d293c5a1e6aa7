#pragma once
// Building blocks of the numeric kernels: a numeric argument seen as raw storage (a vector or
// one constant value), conversions between number types over raw arrays, and drivers that run
// a kernel in a computation type C over chunks of rows. Arguments whose storage already is C
// are read in place; others are converted a chunk (L1-sized) at a time. Kernels therefore are
// instantiated per computation type only, never per pair of argument types.
//
// A kernel for runBinaryKernel<C, Out> provides
//   void vv(const C* a, const C* b, Out* out, size_t n);
//   void vc(const C* a, C b, Out* out, size_t n);
//   void cv(C a, const C* b, Out* out, size_t n);
// and for runUnaryKernel<C, Out>: void v(const C* a, Out* out, size_t n).

#include <algorithm>
#include <cstring>

#include "columns/column_const.h"
#include "columns/column_vector.h"
#include "common/numeric_types.h"
#include "functions/arithmetic/number_traits.h"
#include "functions/type_dispatch.h"

namespace tally {

template <typename T>
constexpr TypeIndex typeIndexOf() {
  if constexpr (std::is_same_v<T, UInt8>) return TypeIndex::UInt8;
  else if constexpr (std::is_same_v<T, UInt16>) return TypeIndex::UInt16;
  else if constexpr (std::is_same_v<T, UInt32>) return TypeIndex::UInt32;
  else if constexpr (std::is_same_v<T, UInt64>) return TypeIndex::UInt64;
  else if constexpr (std::is_same_v<T, Int8>) return TypeIndex::Int8;
  else if constexpr (std::is_same_v<T, Int16>) return TypeIndex::Int16;
  else if constexpr (std::is_same_v<T, Int32>) return TypeIndex::Int32;
  else if constexpr (std::is_same_v<T, Int64>) return TypeIndex::Int64;
  else if constexpr (std::is_same_v<T, Float32>) return TypeIndex::Float32;
  else return TypeIndex::Float64;
}

/// A numeric argument: `type` is the number type its values are read as (UInt8..Float64); for
/// a constant, data points at its single value.
struct NumericOperand {
  TypeIndex type = TypeIndex::Nothing;
  const void* data = nullptr;
  bool is_const = false;
};

/// The operand of a ColumnVector (or ColumnConst over one) read as `type` (which must have the
/// storage width of the column).
NumericOperand numericOperand(const Column& column, TypeIndex type);

/// dst[i] = static_cast<To>(src[i]) for i < n.
using NumberConvertFn = void (*)(const void* src, void* dst, size_t n);
NumberConvertFn numberConverter(TypeIndex from, TypeIndex to);

/// The constant value of an operand converted to T.
template <typename T>
T operandScalar(const NumericOperand& op) {
  T value;
  numberConverter(op.type, typeIndexOf<T>())(op.data, &value, 1);
  return value;
}

inline constexpr size_t kKernelChunk = 1024;

/// Values [offset, offset + n) of a vector operand as T: in place when stored as T, otherwise
/// converted into buffer.
template <typename T>
const T* operandChunk(const NumericOperand& op, NumberConvertFn convert, size_t offset, size_t n, T* buffer) {
  if (!convert) return static_cast<const T*>(op.data) + offset;
  size_t width = numberKind(op.type).size;
  convert(static_cast<const char*>(op.data) + offset * width, buffer, n);
  return buffer;
}

template <typename T>
NumberConvertFn operandConverter(const NumericOperand& op) {
  return op.type == typeIndexOf<T>() ? nullptr : numberConverter(op.type, typeIndexOf<T>());
}

/// Runs kernel over rows (at most one operand constant) in computation type C, the kernel
/// producing Out values, stored into `out` as `out_type` values.
template <typename C, typename Out, typename Kernel>
void runBinaryKernel(const NumericOperand& a, const NumericOperand& b, TypeIndex out_type, void* out, size_t rows,
                     Kernel& kernel) {
  NumberConvertFn conv_a = a.is_const ? nullptr : operandConverter<C>(a);
  NumberConvertFn conv_b = b.is_const ? nullptr : operandConverter<C>(b);
  NumberConvertFn conv_out = out_type == typeIndexOf<Out>() ? nullptr : numberConverter(typeIndexOf<Out>(), out_type);
  size_t out_width = numberKind(out_type).size;
  C scalar_a = a.is_const ? operandScalar<C>(a) : C();
  C scalar_b = b.is_const ? operandScalar<C>(b) : C();

  // Everything in place: one pass over the whole block.
  if (!conv_a && !conv_b && !conv_out) {
    Out* res = static_cast<Out*>(out);
    if (a.is_const) kernel.cv(scalar_a, static_cast<const C*>(b.data), res, rows);
    else if (b.is_const) kernel.vc(static_cast<const C*>(a.data), scalar_b, res, rows);
    else kernel.vv(static_cast<const C*>(a.data), static_cast<const C*>(b.data), res, rows);
    return;
  }

  alignas(64) C buf_a[kKernelChunk];
  alignas(64) C buf_b[kKernelChunk];
  alignas(64) Out buf_out[kKernelChunk];
  for (size_t offset = 0; offset < rows; offset += kKernelChunk) {
    size_t n = std::min(kKernelChunk, rows - offset);
    Out* res = conv_out ? buf_out : static_cast<Out*>(out) + offset;
    if (a.is_const) {
      kernel.cv(scalar_a, operandChunk<C>(b, conv_b, offset, n, buf_b), res, n);
    } else if (b.is_const) {
      kernel.vc(operandChunk<C>(a, conv_a, offset, n, buf_a), scalar_b, res, n);
    } else {
      kernel.vv(operandChunk<C>(a, conv_a, offset, n, buf_a), operandChunk<C>(b, conv_b, offset, n, buf_b), res, n);
    }
    if (conv_out) conv_out(buf_out, static_cast<char*>(out) + offset * out_width, n);
  }
}

/// Runs kernel.v over a vector operand in computation type C (see runBinaryKernel).
template <typename C, typename Out, typename Kernel>
void runUnaryKernel(const NumericOperand& a, TypeIndex out_type, void* out, size_t rows, Kernel& kernel) {
  NumberConvertFn conv_a = operandConverter<C>(a);
  NumberConvertFn conv_out = out_type == typeIndexOf<Out>() ? nullptr : numberConverter(typeIndexOf<Out>(), out_type);
  size_t out_width = numberKind(out_type).size;
  if (!conv_a && !conv_out) {
    kernel.v(static_cast<const C*>(a.data), static_cast<Out*>(out), rows);
    return;
  }
  alignas(64) C buf_a[kKernelChunk];
  alignas(64) Out buf_out[kKernelChunk];
  for (size_t offset = 0; offset < rows; offset += kKernelChunk) {
    size_t n = std::min(kKernelChunk, rows - offset);
    Out* res = conv_out ? buf_out : static_cast<Out*>(out) + offset;
    kernel.v(operandChunk<C>(a, conv_a, offset, n, buf_a), res, n);
    if (conv_out) conv_out(buf_out, static_cast<char*>(out) + offset * out_width, n);
  }
}

/// A new ColumnVector of the number type `id` with n (uninitialised) rows.
MutableColumnPtr createNumberColumn(TypeIndex id, size_t n);
/// Raw data of a ColumnVector.
void* numberColumnData(Column& column);

/// Calls f(TypeTag<C>{}) for a computation type: Int64, UInt64, UInt32, Float32 or Float64.
template <typename F>
void dispatchComputationType(TypeIndex id, F&& f) {
  switch (id) {
    case TypeIndex::Int64: f(TypeTag<Int64>{}); break;
    case TypeIndex::UInt64: f(TypeTag<UInt64>{}); break;
    case TypeIndex::UInt32: f(TypeTag<UInt32>{}); break;
    case TypeIndex::Float32: f(TypeTag<Float32>{}); break;
    default: f(TypeTag<Float64>{}); break;
  }
}

}  // namespace tally
