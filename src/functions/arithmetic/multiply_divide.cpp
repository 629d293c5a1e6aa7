// multiply (wrapping integer overflow) and divide (always Float64; x/0 gives inf or nan).

#include "functions/arithmetic/binary_arithmetic.h"
#include "functions/function_factory.h"

namespace tally {

namespace multiply_divide {

struct MultiplyValues {
  template <typename T>
  static T apply(T a, T b) { return wrappingMul(a, b); }
};
struct DivideValues {
  template <typename T>
  static T apply(T a, T b) { return a / b; }
};

struct MultiplyOp {
  static constexpr const char* name = "multiply";
  static bool plan(TypeIndex a, TypeIndex b, BinaryArithmeticPlan& plan) {
    return planInResultType(resultOfAdditionMultiplication(a, b), plan);
  }
  template <typename C>
  static constexpr bool supports = true;
  template <typename C>
  using Kernel = ElementwiseKernel<C, MultiplyValues>;
};

struct DivideOp {
  static constexpr const char* name = "divide";
  static bool plan(TypeIndex, TypeIndex, BinaryArithmeticPlan& plan) {
    return planInResultType(TypeIndex::Float64, plan);
  }
  template <typename C>
  static constexpr bool supports = std::is_same_v<C, Float64>;
  template <typename C>
  using Kernel = ElementwiseKernel<C, DivideValues>;
};

}  // namespace multiply_divide

REGISTER_FUNCTION(MultiplyDivide) {
  using namespace multiply_divide;
  factory.registerFunction(
      "multiply", [](const FunctionContext&) { return std::make_shared<FunctionBinaryArithmetic<MultiplyOp>>(); },
      FunctionDocumentation{.description = "Product of two numbers.", .syntax = "multiply(a, b)", .category = "Arithmetic"});
  factory.registerFunction(
      "divide", [](const FunctionContext&) { return std::make_shared<FunctionBinaryArithmetic<DivideOp>>(); },
      FunctionDocumentation{.description = "Quotient of two numbers as Float64.", .syntax = "divide(a, b)",
                            .category = "Arithmetic"});
}

}  // namespace tally
