// exp, log (ln), log2, log10, exp2, exp10, sqrt, cbrt, sin, cos, tan, asin, acos, atan, pow
// (power), atan2 on Float64, and the constants pi() and e().

#include <cmath>
#include <numbers>

#include "functions/arithmetic/binary_arithmetic.h"
#include "functions/arithmetic/unary_arithmetic.h"
#include "functions/function_factory.h"
#include "types/data_type_number.h"

namespace tally {

namespace math_functions {

using MathFn = double (*)(double);

double mathExp(double x) { return std::exp(x); }
double mathLog(double x) { return std::log(x); }
double mathLog2(double x) { return std::log2(x); }
double mathLog10(double x) { return std::log10(x); }
double mathExp2(double x) { return std::exp2(x); }
double mathExp10(double x) { return ::exp10(x); }
double mathSqrt(double x) { return std::sqrt(x); }
double mathCbrt(double x) { return std::cbrt(x); }
double mathSin(double x) { return std::sin(x); }
double mathCos(double x) { return std::cos(x); }
double mathTan(double x) { return std::tan(x); }
double mathAsin(double x) { return std::asin(x); }
double mathAcos(double x) { return std::acos(x); }
double mathAtan(double x) { return std::atan(x); }

template <MathFn F, const char* const& Name>
struct UnaryMathOp {
  static constexpr const char* name = Name;
  static bool plan(TypeIndex, UnaryArithmeticPlan& plan) {
    plan.result = TypeIndex::Float64;
    plan.compute = TypeIndex::Float64;
    return true;
  }
  template <typename C>
  static constexpr bool supports = std::is_same_v<C, Float64>;
  template <typename C>
  struct Kernel {
    using Out = Float64;
    void v(const Float64* __restrict a, Float64* __restrict out, size_t n) {
      for (size_t i = 0; i < n; ++i) out[i] = F(a[i]);
    }
  };
};

struct PowValues {
  static double apply(double a, double b) { return std::pow(a, b); }
};
struct Atan2Values {
  static double apply(double a, double b) { return std::atan2(a, b); }
};

template <typename Values, const char* const& Name>
struct BinaryMathOp {
  static constexpr const char* name = Name;
  static bool plan(TypeIndex, TypeIndex, BinaryArithmeticPlan& plan) {
    return planInResultType(TypeIndex::Float64, plan);
  }
  template <typename C>
  static constexpr bool supports = std::is_same_v<C, Float64>;
  template <typename C>
  using Kernel = ElementwiseKernel<C, Values>;
};

/// pi(), e(): constant Float64.
class FunctionMathConstant final : public IFunction {
 public:
  FunctionMathConstant(const char* name, double value) : name_(name), value_(value) {}
  std::string getName() const override { return name_; }
  size_t getNumberOfArguments() const override { return 0; }
  DataTypePtr getReturnType(const ColumnsWithTypeAndName&) const override { return typeFloat64(); }
  ColumnPtr execute(const ColumnsWithTypeAndName&, const DataTypePtr& result_type, size_t rows) const override {
    return result_type->createColumnConst(rows, Field(value_));
  }

 private:
  const char* name_;
  double value_;
};

constexpr const char* kExp = "exp";
constexpr const char* kLog = "log";
constexpr const char* kLog2 = "log2";
constexpr const char* kLog10 = "log10";
constexpr const char* kExp2 = "exp2";
constexpr const char* kExp10 = "exp10";
constexpr const char* kSqrt = "sqrt";
constexpr const char* kCbrt = "cbrt";
constexpr const char* kSin = "sin";
constexpr const char* kCos = "cos";
constexpr const char* kTan = "tan";
constexpr const char* kAsin = "asin";
constexpr const char* kAcos = "acos";
constexpr const char* kAtan = "atan";
constexpr const char* kPow = "pow";
constexpr const char* kAtan2 = "atan2";

template <typename Op>
void registerUnary(FunctionFactory& factory, const char* description, FunctionFactory::CaseSensitivity cs) {
  factory.registerFunction(
      Op::name, [](const FunctionContext&) { return std::make_shared<FunctionUnaryArithmetic<Op>>(); },
      FunctionDocumentation{.description = description, .syntax = std::string(Op::name) + "(x)", .category = "Mathematical"},
      cs);
}

}  // namespace math_functions

REGISTER_FUNCTION(MathFunctions) {
  using namespace math_functions;
  constexpr auto ci = FunctionFactory::CaseInsensitive;
  constexpr auto cs = FunctionFactory::CaseSensitive;
  registerUnary<UnaryMathOp<mathExp, kExp>>(factory, "e raised to the power x.", ci);
  registerUnary<UnaryMathOp<mathLog, kLog>>(factory, "Natural logarithm.", ci);
  factory.registerAlias("ln", "log", ci);
  registerUnary<UnaryMathOp<mathLog2, kLog2>>(factory, "Binary logarithm.", ci);
  registerUnary<UnaryMathOp<mathLog10, kLog10>>(factory, "Decimal logarithm.", ci);
  registerUnary<UnaryMathOp<mathExp2, kExp2>>(factory, "2 raised to the power x.", cs);
  registerUnary<UnaryMathOp<mathExp10, kExp10>>(factory, "10 raised to the power x.", cs);
  registerUnary<UnaryMathOp<mathSqrt, kSqrt>>(factory, "Square root.", ci);
  registerUnary<UnaryMathOp<mathCbrt, kCbrt>>(factory, "Cubic root.", cs);
  registerUnary<UnaryMathOp<mathSin, kSin>>(factory, "Sine.", ci);
  registerUnary<UnaryMathOp<mathCos, kCos>>(factory, "Cosine.", ci);
  registerUnary<UnaryMathOp<mathTan, kTan>>(factory, "Tangent.", ci);
  registerUnary<UnaryMathOp<mathAsin, kAsin>>(factory, "Arc sine.", ci);
  registerUnary<UnaryMathOp<mathAcos, kAcos>>(factory, "Arc cosine.", ci);
  registerUnary<UnaryMathOp<mathAtan, kAtan>>(factory, "Arc tangent.", ci);
  factory.registerFunction(
      "pow", [](const FunctionContext&) { return std::make_shared<FunctionBinaryArithmetic<BinaryMathOp<PowValues, kPow>>>(); },
      FunctionDocumentation{.description = "x raised to the power y.", .syntax = "pow(x, y)", .category = "Mathematical"},
      ci);
  factory.registerAlias("power", "pow", ci);
  factory.registerFunction(
      "atan2",
      [](const FunctionContext&) { return std::make_shared<FunctionBinaryArithmetic<BinaryMathOp<Atan2Values, kAtan2>>>(); },
      FunctionDocumentation{.description = "Angle of the point (x, y) in radians.", .syntax = "atan2(y, x)",
                            .category = "Mathematical"},
      ci);
  factory.registerFunction(
      "pi", [](const FunctionContext&) { return std::make_shared<FunctionMathConstant>("pi", std::numbers::pi); },
      FunctionDocumentation{.description = "The constant pi.", .syntax = "pi()", .category = "Mathematical"}, ci);
  factory.registerFunction(
      "e", [](const FunctionContext&) { return std::make_shared<FunctionMathConstant>("e", std::numbers::e); },
      FunctionDocumentation{.description = "The constant e.", .syntax = "e()", .category = "Mathematical"}, cs);
}

}  // namespace tally
