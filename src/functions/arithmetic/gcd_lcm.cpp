// gcd and lcm of two integers (result type as for multiplication). A zero argument, or the
// minimal signed number with -1, throws ILLEGAL_DIVISION as in ClickHouse.

#include <numeric>

#include "functions/arithmetic/binary_arithmetic.h"
#include "functions/function_factory.h"

namespace tally {

namespace gcd_lcm {

bool planGcd(TypeIndex a, TypeIndex b, BinaryArithmeticPlan& plan) {
  NumberKind x = numberKind(a), y = numberKind(b);
  if (x.is_float || y.is_float) return false;
  TypeIndex result = resultOfAdditionMultiplication(a, b);
  plan.read_a = readAsResultWhenSameWidth(a, result);
  plan.read_b = readAsResultWhenSameWidth(b, result);
  if (x.is_signed && y.is_signed) {
    plan.check_min_by_minus_one = plan.check_min_b_by_minus_one = true;
    plan.min_a = minSignedOfSize(x.size);
    plan.min_b = minSignedOfSize(y.size);
  }
  return planInResultType(result, plan);
}

template <typename C, bool is_lcm>
struct GcdKernel {
  explicit GcdKernel(const BinaryArithmeticPlan& plan)
      : check_a_(plan.check_min_by_minus_one), check_b_(plan.check_min_b_by_minus_one),
        min_a_(C(plan.min_a)), min_b_(C(plan.min_b)) {}

  C one(C a, C b) const {
    if (a == 0 || b == 0) throwDivisionByZero();
    if constexpr (std::is_signed_v<C>) {
      if ((check_a_ && a == min_a_ && b == C(-1)) || (check_b_ && b == min_b_ && a == C(-1)))
        throwDivisionOfMinimalByMinusOne();
    }
    using U = std::make_unsigned_t<C>;
    U ua = U(a), ub = U(b);
    if constexpr (std::is_signed_v<C>) {
      if (a < 0) ua = U(0) - ua;
      if (b < 0) ub = U(0) - ub;
    }
    U g = std::gcd(ua, ub);
    if constexpr (is_lcm) return C(ua / g * ub);
    else return C(g);
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
  bool check_a_, check_b_;
  C min_a_, min_b_;
};

template <bool is_lcm>
struct GcdOp {
  static constexpr const char* name = is_lcm ? "lcm" : "gcd";
  static bool plan(TypeIndex a, TypeIndex b, BinaryArithmeticPlan& plan) { return planGcd(a, b, plan); }
  template <typename C>
  static constexpr bool supports = std::is_same_v<C, Int64> || std::is_same_v<C, UInt64>;
  template <typename C>
  using Kernel = GcdKernel<C, is_lcm>;
};

}  // namespace gcd_lcm

REGISTER_FUNCTION(GcdLcm) {
  using namespace gcd_lcm;
  factory.registerFunction(
      "gcd", [](const FunctionContext&) { return std::make_shared<FunctionBinaryArithmetic<GcdOp<false>>>(); },
      FunctionDocumentation{.description = "Greatest common divisor of two integers.", .syntax = "gcd(a, b)",
                            .category = "Arithmetic"});
  factory.registerFunction(
      "lcm", [](const FunctionContext&) { return std::make_shared<FunctionBinaryArithmetic<GcdOp<true>>>(); },
      FunctionDocumentation{.description = "Least common multiple of two integers.", .syntax = "lcm(a, b)",
                            .category = "Arithmetic"});
}

}  // namespace tally
