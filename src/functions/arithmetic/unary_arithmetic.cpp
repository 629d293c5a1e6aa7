// negate, abs, sign, intExp2: one-argument arithmetic with ClickHouse's result types
// (negate(UInt8) -> Int16, abs(Int8) -> UInt8; overflow wraps).

#include <cmath>

#include "functions/arithmetic/unary_arithmetic.h"
#include "functions/function_factory.h"

namespace tally {

namespace unary_arithmetic {

struct NegateOp {
  static constexpr const char* name = "negate";
  static bool plan(TypeIndex a, UnaryArithmeticPlan& plan) {
    plan.result = resultOfNegate(a);
    plan.compute = wideComputationType(plan.result);
    return true;
  }
  template <typename C>
  static constexpr bool supports = !std::is_same_v<C, UInt64> && !std::is_same_v<C, UInt32>;
  template <typename C>
  struct Kernel {
    using Out = C;
    void v(const C* __restrict a, C* __restrict out, size_t n) {
      for (size_t i = 0; i < n; ++i) {
        if constexpr (std::is_integral_v<C>) out[i] = C(uint64_t(0) - uint64_t(a[i]));
        else out[i] = -a[i];
      }
    }
  };
};

struct AbsOp {
  static constexpr const char* name = "abs";
  static bool plan(TypeIndex a, UnaryArithmeticPlan& plan) {
    plan.result = resultOfAbs(a);
    // Signed input: negate in Int64, then keep the low bits as the unsigned result.
    plan.compute = wideComputationType(a);
    return true;
  }
  template <typename C>
  static constexpr bool supports = !std::is_same_v<C, UInt32>;
  template <typename C>
  struct Kernel {
    using Out = C;
    void v(const C* __restrict a, C* __restrict out, size_t n) {
      for (size_t i = 0; i < n; ++i) {
        if constexpr (std::is_floating_point_v<C>) out[i] = std::fabs(a[i]);
        else if constexpr (std::is_signed_v<C>) out[i] = a[i] < 0 ? C(uint64_t(0) - uint64_t(a[i])) : a[i];
        else out[i] = a[i];
      }
    }
  };
};

struct SignOp {
  static constexpr const char* name = "sign";
  static bool plan(TypeIndex a, UnaryArithmeticPlan& plan) {
    plan.result = TypeIndex::Int8;
    plan.compute = wideComputationType(a);
    return true;
  }
  template <typename C>
  static constexpr bool supports = !std::is_same_v<C, UInt32>;
  template <typename C>
  struct Kernel {
    using Out = Int8;
    void v(const C* __restrict a, Int8* __restrict out, size_t n) {
      for (size_t i = 0; i < n; ++i) out[i] = Int8((a[i] > 0) - (a[i] < 0));
    }
  };
};

/// intExp2(x) = 2^x as UInt64 (the shift count wraps at 64, as x86 does for ClickHouse).
struct IntExp2Op {
  static constexpr const char* name = "intExp2";
  static bool plan(TypeIndex a, UnaryArithmeticPlan& plan) {
    plan.result = TypeIndex::UInt64;
    plan.compute = numberKind(a).is_float ? TypeIndex::Float64 : TypeIndex::Int64;
    return true;
  }
  template <typename C>
  static constexpr bool supports = std::is_same_v<C, Int64> || std::is_same_v<C, Float64>;
  template <typename C>
  struct Kernel {
    using Out = UInt64;
    void v(const C* __restrict a, UInt64* __restrict out, size_t n) {
      for (size_t i = 0; i < n; ++i) out[i] = uint64_t(1) << (int64_t(a[i]) & 63);
    }
  };
};

template <typename Op>
FunctionFactory::Creator creator() {
  return [](const FunctionContext&) { return std::make_shared<FunctionUnaryArithmetic<Op>>(); };
}

}  // namespace unary_arithmetic

REGISTER_FUNCTION(UnaryArithmetic) {
  using namespace unary_arithmetic;
  factory.registerFunction("negate", creator<NegateOp>(),
                           FunctionDocumentation{.description = "The number with the opposite sign.",
                                                 .syntax = "negate(x)",
                                                 .category = "Arithmetic"});
  factory.registerFunction("abs", creator<AbsOp>(),
                           FunctionDocumentation{.description = "Absolute value.", .syntax = "abs(x)",
                                                 .category = "Arithmetic"},
                           FunctionFactory::CaseInsensitive);
  factory.registerFunction("sign", creator<SignOp>(),
                           FunctionDocumentation{.description = "-1, 0 or 1 for negative, zero or positive x.",
                                                 .syntax = "sign(x)",
                                                 .category = "Arithmetic"},
                           FunctionFactory::CaseInsensitive);
  factory.registerFunction("intExp2", creator<IntExp2Op>(),
                           FunctionDocumentation{.description = "2 to the power of x as UInt64.",
                                                 .syntax = "intExp2(x)",
                                                 .category = "Arithmetic"});
}

}  // namespace tally
