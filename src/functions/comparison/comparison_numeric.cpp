// Numeric comparison kernels. Same-type operands (and a constant exactly representable in the
// column's type) compare in place in that type; other pairs are converted a chunk at a time to
// Int64/UInt64/Float64 and compared exactly.

#include <cmath>
#include <limits>

#include "common/exception.h"
#include "functions/arithmetic/numeric_kernels.h"
#include "functions/comparison/comparison_kernels.h"

namespace tally {

namespace comparison_numeric {

template <CompareOp op, typename T>
inline UInt8 compareSame(T a, T b) {
  if constexpr (op == CompareOp::Equals) return a == b;
  else if constexpr (op == CompareOp::NotEquals) return a != b;
  else if constexpr (op == CompareOp::Less) return a < b;
  else return a <= b;
}

template <CompareOp op, typename T>
struct SameTypeKernel {
  void vv(const T* __restrict a, const T* __restrict b, UInt8* __restrict out, size_t n) {
    for (size_t i = 0; i < n; ++i) out[i] = compareSame<op>(a[i], b[i]);
  }
  void vc(const T* __restrict a, T b, UInt8* __restrict out, size_t n) {
    for (size_t i = 0; i < n; ++i) out[i] = compareSame<op>(a[i], b);
  }
  void cv(T a, const T* __restrict b, UInt8* __restrict out, size_t n) {
    for (size_t i = 0; i < n; ++i) out[i] = compareSame<op>(a, b[i]);
  }
};

constexpr double kTwo63 = 9223372036854775808.0;
constexpr double kTwo64 = 18446744073709551616.0;

/// Exact three-way comparison: -1, 0, 1, or 2 when unordered (NaN).
template <typename X, typename Y>
inline int accurateCompare(X a, Y b) {
  if constexpr (std::is_same_v<X, Y>) {
    if constexpr (std::is_floating_point_v<X>)
      if (a != a || b != b) return 2;
    return a < b ? -1 : (b < a ? 1 : 0);
  } else if constexpr (std::is_same_v<X, Int64> && std::is_same_v<Y, UInt64>) {
    if (a < 0) return -1;
    return accurateCompare(UInt64(a), b);
  } else if constexpr (std::is_same_v<X, UInt64> && std::is_same_v<Y, Int64>) {
    return -accurateCompare(b, a);
  } else if constexpr (std::is_integral_v<X> && std::is_same_v<Y, Float64>) {
    if (b != b) return 2;
    if (b >= kTwo64) return -1;
    if constexpr (std::is_signed_v<X>) {
      if (b >= kTwo63) return -1;
      if (b < -kTwo63) return 1;
    } else {
      if (b < 0) return 1;
    }
    X t = X(b);  // truncates towards zero; in range here
    if (a != t) return a < t ? -1 : 1;
    double frac = b - double(t);
    return frac > 0 ? -1 : (frac < 0 ? 1 : 0);
  } else {
    static_assert(std::is_same_v<X, Float64> && std::is_integral_v<Y>);
    int c = accurateCompare(b, a);
    return c == 2 ? 2 : -c;
  }
}

template <CompareOp op>
inline UInt8 fromThreeWay(int c) {
  if constexpr (op == CompareOp::Equals) return c == 0;
  else if constexpr (op == CompareOp::NotEquals) return c != 0;
  else if constexpr (op == CompareOp::Less) return c == -1;
  else return c == -1 || c == 0;
}

/// Exact comparison of X values with Y values (X, Y in Int64/UInt64/Float64), chunked.
template <CompareOp op, typename X, typename Y>
void compareAccurate(const NumericOperand& a, const NumericOperand& b, UInt8* res, size_t rows) {
  NumberConvertFn conv_a = a.is_const ? nullptr : operandConverter<X>(a);
  NumberConvertFn conv_b = b.is_const ? nullptr : operandConverter<Y>(b);
  X sa = a.is_const ? operandScalar<X>(a) : X();
  Y sb = b.is_const ? operandScalar<Y>(b) : Y();
  alignas(64) X buf_a[kKernelChunk];
  alignas(64) Y buf_b[kKernelChunk];
  for (size_t offset = 0; offset < rows; offset += kKernelChunk) {
    size_t n = std::min(kKernelChunk, rows - offset);
    const X* pa = a.is_const ? nullptr : operandChunk<X>(a, conv_a, offset, n, buf_a);
    const Y* pb = b.is_const ? nullptr : operandChunk<Y>(b, conv_b, offset, n, buf_b);
    UInt8* out = res + offset;
    if (a.is_const) {
      for (size_t i = 0; i < n; ++i) out[i] = fromThreeWay<op>(accurateCompare(sa, pb[i]));
    } else if (b.is_const) {
      for (size_t i = 0; i < n; ++i) out[i] = fromThreeWay<op>(accurateCompare(pa[i], sb));
    } else {
      for (size_t i = 0; i < n; ++i) out[i] = fromThreeWay<op>(accurateCompare(pa[i], pb[i]));
    }
  }
}

/// The exact computation domain of a number type: Int64, UInt64 or Float64.
TypeIndex domainOf(TypeIndex t) {
  NumberKind k = numberKind(t);
  return k.is_float ? TypeIndex::Float64 : (k.is_signed ? TypeIndex::Int64 : TypeIndex::UInt64);
}

/// Whether the constant operand's value is exactly representable as `target` (so that the
/// comparison may run in the column's own type).
bool constantFitsType(const NumericOperand& c, TypeIndex target) {
  TypeIndex domain = domainOf(c.type);
  auto roundTrips = [&](auto tag) {
    using D = typename decltype(tag)::Type;
    D value = operandScalar<D>(c);
    bool ok = false;
    dispatchNumber(target, [&](auto ttag) {
      using T = typename decltype(ttag)::Type;
      if constexpr (std::is_floating_point_v<D>) {
        if (value != value) {
          ok = std::is_floating_point_v<T>;
          return;
        }
        if constexpr (std::is_integral_v<T>) {
          if (std::trunc(value) != value) return;
          double hi = sizeof(T) == 8 ? (std::is_signed_v<T> ? kTwo63 : kTwo64) : double(std::numeric_limits<T>::max()) + 1;
          ok = value >= double(std::numeric_limits<T>::lowest()) && value < hi;
        } else {
          ok = double(static_cast<T>(value)) == value;
        }
      } else {
        if constexpr (std::is_integral_v<T>) {
          if constexpr (std::is_signed_v<D>) {
            ok = value >= Int64(std::numeric_limits<T>::lowest()) &&
                 (value < 0 || UInt64(value) <= UInt64(std::numeric_limits<T>::max()));
          } else {
            ok = value <= UInt64(std::numeric_limits<T>::max());
          }
        } else {
          T converted = static_cast<T>(value);
          ok = accurateCompare(value, Float64(converted)) == 0;
        }
      }
    });
    return ok;
  };
  if (domain == TypeIndex::Int64) return roundTrips(TypeTag<Int64>{});
  if (domain == TypeIndex::UInt64) return roundTrips(TypeTag<UInt64>{});
  return roundTrips(TypeTag<Float64>{});
}

template <CompareOp op>
void compareNumbers(const NumericOperand& a, const NumericOperand& b, UInt8* res, size_t rows) {
  TypeIndex same = TypeIndex::Nothing;
  if (a.type == b.type) same = a.type;
  else if (b.is_const && constantFitsType(b, a.type)) same = a.type;
  else if (a.is_const && constantFitsType(a, b.type)) same = b.type;
  if (same != TypeIndex::Nothing) {
    dispatchNumber(same, [&](auto tag) {
      using T = typename decltype(tag)::Type;
      SameTypeKernel<op, T> kernel;
      NumericOperand ca = a, cb = b;
      // A constant of another type is converted once (it fits exactly).
      T scalar_a = a.is_const ? operandScalar<T>(a) : T();
      T scalar_b = b.is_const ? operandScalar<T>(b) : T();
      if (a.is_const) ca = {same, &scalar_a, true};
      if (b.is_const) cb = {same, &scalar_b, true};
      runBinaryKernel<T, UInt8>(ca, cb, TypeIndex::UInt8, res, rows, kernel);
    });
    return;
  }
  NumberKind ka = numberKind(a.type), kb = numberKind(b.type);
  TypeIndex da = domainOf(a.type), db = domainOf(b.type);
  // Exact in one common domain: both floats, floats with integers of up to 32 bits, integers of
  // the same signedness, or mixed signedness with a narrow unsigned side.
  TypeIndex common = TypeIndex::Nothing;
  if (ka.is_float || kb.is_float) {
    if ((ka.is_float || ka.size <= 4) && (kb.is_float || kb.size <= 4)) common = TypeIndex::Float64;
  } else if (da == db) {
    common = da;
  } else if ((!ka.is_signed && ka.size < 8) || (!kb.is_signed && kb.size < 8)) {
    common = TypeIndex::Int64;
  }
  if (common != TypeIndex::Nothing) {
    dispatchComputationType(common, [&](auto tag) {
      using C = typename decltype(tag)::Type;
      if constexpr (std::is_same_v<C, Int64> || std::is_same_v<C, UInt64> || std::is_same_v<C, Float64>) {
        SameTypeKernel<op, C> kernel;
        runBinaryKernel<C, UInt8>(a, b, TypeIndex::UInt8, res, rows, kernel);
      }
    });
    return;
  }
  auto withDomain = [&](TypeIndex d, auto&& f) {
    if (d == TypeIndex::Int64) f(TypeTag<Int64>{});
    else if (d == TypeIndex::UInt64) f(TypeTag<UInt64>{});
    else f(TypeTag<Float64>{});
  };
  withDomain(da, [&](auto ta) {
    withDomain(db, [&](auto tb) {
      using X = typename decltype(ta)::Type;
      using Y = typename decltype(tb)::Type;
      if constexpr (!std::is_same_v<X, Y>) compareAccurate<op, X, Y>(a, b, res, rows);
    });
  });
}

}  // namespace comparison_numeric

void compareNumberColumns(CompareOp op, const Column& a, TypeIndex type_a, const Column& b, TypeIndex type_b,
                          UInt8* res, size_t rows) {
  if (rows == 0) return;
  NumericOperand oa = numericOperand(a, type_a), ob = numericOperand(b, type_b);
  ColumnPtr full;
  if (oa.is_const && ob.is_const) {
    full = a.convertToFullColumnIfConst();
    oa = numericOperand(*full, type_a);
  }
  using namespace comparison_numeric;
  switch (op) {
    case CompareOp::Equals: compareNumbers<CompareOp::Equals>(oa, ob, res, rows); break;
    case CompareOp::NotEquals: compareNumbers<CompareOp::NotEquals>(oa, ob, res, rows); break;
    case CompareOp::Less: compareNumbers<CompareOp::Less>(oa, ob, res, rows); break;
    case CompareOp::LessOrEquals: compareNumbers<CompareOp::LessOrEquals>(oa, ob, res, rows); break;
  }
}

}  // namespace tally
