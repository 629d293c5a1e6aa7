// intDiv, intDivOrZero, modulo (alias mod), moduloOrZero with ClickHouse's result types and
// checks: division by zero and the minimal signed number divided by -1 throw ILLEGAL_DIVISION
// (the OrZero variants return 0 instead); modulo of floats is a - trunc(a / b) * b.

#include <cmath>
#include <limits>

#include "functions/arithmetic/binary_arithmetic.h"
#include "functions/function_factory.h"

namespace tally {

namespace integer_division {

[[noreturn]] void throwInfiniteOperand() {
  throw Exception(ErrorCodes::ILLEGAL_DIVISION,
                  "Cannot perform integer division on infinite or too large floating point numbers");
}
[[noreturn]] void throwInfiniteResult() {
  throw Exception(ErrorCodes::ILLEGAL_DIVISION,
                  "Cannot perform integer division, because it will produce infinite or too large number");
}

/// The plan of intDiv: ClickHouse divides signed values reinterpreted at their own width.
bool planIntDiv(TypeIndex a, TypeIndex b, BinaryArithmeticPlan& plan) {
  NumberKind x = numberKind(a), y = numberKind(b);
  plan.result = resultOfIntegerDivision(a, b);
  NumberKind r = numberKind(plan.result);
  if (x.is_float || y.is_float) {
    plan.compute = (a == TypeIndex::Float64 || b == TypeIndex::Float64) ? TypeIndex::Float64 : TypeIndex::Float32;
    plan.result_max = r.is_signed ? std::ldexp(1.0, int(r.size * 8 - 1)) - 1 : std::ldexp(1.0, int(r.size * 8)) - 1;
    plan.result_min = r.is_signed ? -std::ldexp(1.0, int(r.size * 8 - 1)) : 0;
    return true;
  }
  if (x.is_signed || y.is_signed) {
    plan.compute = TypeIndex::Int64;
    plan.read_a = makeSignedIndex(a);
    plan.read_b = (y.is_signed || y.size < x.size) ? b : makeSignedIndex(b);
    plan.check_min_by_minus_one = true;
    plan.min_a = x.size >= 8 ? std::numeric_limits<int64_t>::min() : -(int64_t(1) << (x.size * 8 - 1));
    return true;
  }
  plan.compute = TypeIndex::UInt64;
  return true;
}

/// The plan of modulo: C++ arithmetic of the two integer types after the usual conversions.
bool planModulo(TypeIndex a, TypeIndex b, BinaryArithmeticPlan& plan) {
  NumberKind x = numberKind(a), y = numberKind(b);
  plan.result = resultOfModulo(a, b);
  if (x.is_float || y.is_float) {
    plan.compute = TypeIndex::Float64;
    return true;
  }
  size_t pa = std::max<size_t>(x.size, 4), pb = std::max<size_t>(y.size, 4);
  bool sa = x.is_signed || x.size < 4, sb = y.is_signed || y.size < 4;  // after promotion to int
  if (sa && sb) {
    plan.compute = TypeIndex::Int64;
  } else if (!sa && !sb) {
    plan.compute = TypeIndex::UInt64;
  } else {
    size_t unsigned_size = sa ? pb : pa, signed_size = sa ? pa : pb;
    if (unsigned_size >= signed_size)
      plan.compute = unsigned_size == 4 ? TypeIndex::UInt32 : TypeIndex::UInt64;
    else
      plan.compute = TypeIndex::Int64;
  }
  if (x.is_signed && y.is_signed) {
    plan.check_min_by_minus_one = true;
    plan.min_a = x.size >= 8 ? std::numeric_limits<int64_t>::min() : -(int64_t(1) << (x.size * 8 - 1));
  }
  return true;
}

/// Integer division kernels; OrZero gives 0 where the plain function throws.
template <typename C, bool or_zero, bool is_modulo>
struct IntegerDivisionKernel {
  explicit IntegerDivisionKernel(const BinaryArithmeticPlan& plan)
      : check_min_(plan.check_min_by_minus_one), min_a_(C(plan.min_a)) {}

  bool bad(C a, C b) const {
    if (b == 0) return true;
    if constexpr (std::is_signed_v<C>) return check_min_ && b == C(-1) && a == min_a_;
    return false;
  }
  void check(C a, C b) const {
    if (b == 0) throwDivisionByZero();
    if constexpr (std::is_signed_v<C>)
      if (check_min_ && b == C(-1) && a == min_a_) throwDivisionOfMinimalByMinusOne();
  }
  static C compute(C a, C b) {
    if constexpr (is_modulo) {
      if constexpr (std::is_signed_v<C>)
        if (b == C(-1)) return 0;  // avoids the INT64_MIN % -1 trap where it is allowed
      return a % b;
    } else {
      if constexpr (std::is_signed_v<C>)
        if (b == C(-1)) return C(std::make_unsigned_t<C>(0) - std::make_unsigned_t<C>(a));
      return a / b;
    }
  }

  void vv(const C* __restrict a, const C* __restrict b, C* __restrict out, size_t n) {
    if constexpr (or_zero) {
      for (size_t i = 0; i < n; ++i) out[i] = bad(a[i], b[i]) ? C(0) : compute(a[i], b[i]);
    } else {
      for (size_t i = 0; i < n; ++i) check(a[i], b[i]);
      for (size_t i = 0; i < n; ++i) out[i] = compute(a[i], b[i]);
    }
  }
  void vc(const C* __restrict a, C b, C* __restrict out, size_t n) {
    if (b == 0) {
      if constexpr (or_zero) {
        std::fill(out, out + n, C(0));
        return;
      } else {
        if (n) throwDivisionByZero();
        return;
      }
    }
    if constexpr (std::is_unsigned_v<C>) {
      if ((b & (b - 1)) == 0) {  // power of two: shift or mask
        if constexpr (is_modulo) {
          C mask = b - 1;
          for (size_t i = 0; i < n; ++i) out[i] = a[i] & mask;
        } else {
          int shift = __builtin_ctzll(uint64_t(b));
          for (size_t i = 0; i < n; ++i) out[i] = a[i] >> shift;
        }
        return;
      }
    }
    if constexpr (std::is_signed_v<C>) {
      if (b == C(-1)) {
        for (size_t i = 0; i < n; ++i) {
          if (check_min_ && a[i] == min_a_) {
            if constexpr (or_zero) {
              out[i] = 0;
              continue;
            } else {
              throwDivisionOfMinimalByMinusOne();
            }
          }
          out[i] = compute(a[i], b);
        }
        return;
      }
    }
    for (size_t i = 0; i < n; ++i) out[i] = is_modulo ? C(a[i] % b) : C(a[i] / b);
  }
  void cv(C a, const C* __restrict b, C* __restrict out, size_t n) { vvScalar(a, b, out, n); }

 private:
  void vvScalar(C a, const C* __restrict b, C* __restrict out, size_t n) {
    if constexpr (or_zero) {
      for (size_t i = 0; i < n; ++i) out[i] = bad(a, b[i]) ? C(0) : compute(a, b[i]);
    } else {
      for (size_t i = 0; i < n; ++i) check(a, b[i]);
      for (size_t i = 0; i < n; ++i) out[i] = compute(a, b[i]);
    }
  }

  bool check_min_;
  C min_a_;
};

/// intDiv on floats: quotient truncated to the integer result type, with ClickHouse's checks.
template <typename C, bool or_zero>
struct FloatIntDivKernel {
  explicit FloatIntDivKernel(const BinaryArithmeticPlan& plan) : max_(plan.result_max), min_(plan.result_min) {}

  C one(C a, C b) const {
    if (!std::isfinite(a) || !std::isfinite(b)) throwInfiniteOperand();
    if (b == 0) {
      if constexpr (or_zero) return 0;
      throwDivisionByZero();
    }
    C res = a / b;
    if (std::isnan(res) || double(res) >= max_ || double(res) <= min_) throwInfiniteResult();
    return std::trunc(res);
  }
  void vv(const C* a, const C* b, C* out, size_t n) {
    for (size_t i = 0; i < n; ++i) out[i] = one(a[i], b[i]);
  }
  void vc(const C* a, C b, C* out, size_t n) {
    for (size_t i = 0; i < n; ++i) out[i] = one(a[i], b);
  }
  void cv(C a, const C* b, C* out, size_t n) {
    for (size_t i = 0; i < n; ++i) out[i] = one(a, b[i]);
  }

 private:
  double max_, min_;
};

/// Float modulo: a - trunc(a / b) * b (NaN for b = 0, or 0 for moduloOrZero).
template <bool or_zero>
struct FloatModuloValues {
  template <typename T>
  static T apply(T a, T b) {
    if constexpr (or_zero)
      if (b == 0) return 0;
    return a - std::trunc(a / b) * b;
  }
};

template <bool or_zero>
struct IntDivOp {
  static constexpr const char* name = or_zero ? "intDivOrZero" : "intDiv";
  static bool plan(TypeIndex a, TypeIndex b, BinaryArithmeticPlan& plan) { return planIntDiv(a, b, plan); }
  template <typename C>
  static constexpr bool supports = true;
  template <typename C>
  using Kernel = std::conditional_t<std::is_floating_point_v<C>, FloatIntDivKernel<C, or_zero>,
                                    IntegerDivisionKernel<C, or_zero, false>>;
};

template <bool or_zero>
struct ModuloOp {
  static constexpr const char* name = or_zero ? "moduloOrZero" : "modulo";
  static bool plan(TypeIndex a, TypeIndex b, BinaryArithmeticPlan& plan) { return planModulo(a, b, plan); }
  template <typename C>
  static constexpr bool supports = true;
  template <typename C>
  using Kernel = std::conditional_t<std::is_floating_point_v<C>, ElementwiseKernel<C, FloatModuloValues<or_zero>>,
                                    IntegerDivisionKernel<C, or_zero, true>>;
};

template <typename Op>
FunctionFactory::Creator creator() {
  return [](const FunctionContext&) { return std::make_shared<FunctionBinaryArithmetic<Op>>(); };
}

}  // namespace integer_division

REGISTER_FUNCTION(IntegerDivision) {
  using namespace integer_division;
  factory.registerFunction("intDiv", creator<IntDivOp<false>>(),
                           FunctionDocumentation{.description = "Integer division, rounding towards zero.",
                                                 .syntax = "intDiv(a, b)",
                                                 .category = "Arithmetic"});
  factory.registerFunction("intDivOrZero", creator<IntDivOp<true>>(),
                           FunctionDocumentation{.description = "Like intDiv but returns 0 when dividing by zero.",
                                                 .syntax = "intDivOrZero(a, b)",
                                                 .category = "Arithmetic"});
  factory.registerFunction("modulo", creator<ModuloOp<false>>(),
                           FunctionDocumentation{.description = "Remainder of the division of a by b.",
                                                 .syntax = "modulo(a, b)",
                                                 .category = "Arithmetic"});
  factory.registerAlias("mod", "modulo", FunctionFactory::CaseInsensitive);
  factory.registerFunction("moduloOrZero", creator<ModuloOp<true>>(),
                           FunctionDocumentation{.description = "Like modulo but returns 0 when the divisor is zero.",
                                                 .syntax = "moduloOrZero(a, b)",
                                                 .category = "Arithmetic"});
}

}  // namespace tally
