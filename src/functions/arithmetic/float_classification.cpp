// isFinite, isInfinite, isNaN (UInt8; integers are always finite) and ifNotFinite(x, y).

#include <cmath>

#include "functions/arithmetic/unary_arithmetic.h"
#include "functions/conditional/row_selection.h"
#include "functions/conditional/supertype_cast.h"
#include "functions/function_factory.h"
#include "types/least_supertype.h"

namespace tally {

namespace float_classification {

struct FiniteCheck {
  static UInt8 apply(Float64 x) { return std::isfinite(x); }
};
struct InfiniteCheck {
  static UInt8 apply(Float64 x) { return std::isinf(x); }
};
struct NaNCheck {
  static UInt8 apply(Float64 x) { return std::isnan(x); }
};

template <typename Check, const char* const& Name>
struct ClassifyOp {
  static constexpr const char* name = Name;
  static bool plan(TypeIndex, UnaryArithmeticPlan& plan) {
    plan.result = TypeIndex::UInt8;
    plan.compute = TypeIndex::Float64;
    return true;
  }
  template <typename C>
  static constexpr bool supports = std::is_same_v<C, Float64>;
  template <typename C>
  struct Kernel {
    using Out = UInt8;
    void v(const Float64* __restrict a, UInt8* __restrict out, size_t n) {
      for (size_t i = 0; i < n; ++i) out[i] = Check::apply(a[i]);
    }
  };
};

constexpr const char* kIsFinite = "isFinite";
constexpr const char* kIsInfinite = "isInfinite";
constexpr const char* kIsNaN = "isNaN";

class FunctionIfNotFinite final : public IFunction {
 public:
  std::string getName() const override { return "ifNotFinite"; }
  size_t getNumberOfArguments() const override { return 2; }

  DataTypePtr getReturnType(const ColumnsWithTypeAndName& arguments) const override {
    if (arithmeticNumberType(arguments[0].type) == TypeIndex::Nothing) throwIllegalType("ifNotFinite", 0, arguments[0].type);
    return getLeastSupertype({arguments[0].type, arguments[1].type});
  }

  ColumnPtr execute(const ColumnsWithTypeAndName& arguments, const DataTypePtr& result_type,
                    size_t rows) const override {
    PODArray<UInt8> finite(rows);
    if (rows) {
      ColumnPtr x = arguments[0].column->convertToFullColumnIfConst();
      NumericOperand a = numericOperand(*x, arithmeticNumberType(arguments[0].type));
      typename ClassifyOp<FiniteCheck, kIsFinite>::template Kernel<Float64> kernel;
      runUnaryKernel<Float64, UInt8>(a, TypeIndex::UInt8, finite.data(), rows, kernel);
    }
    return selectRows(finite, castColumnToSupertype(arguments[0].column, arguments[0].type, result_type),
                      castColumnToSupertype(arguments[1].column, arguments[1].type, result_type), result_type, rows);
  }
};

template <typename Op>
FunctionFactory::Creator creator() {
  return [](const FunctionContext&) { return std::make_shared<FunctionUnaryArithmetic<Op>>(); };
}

}  // namespace float_classification

REGISTER_FUNCTION(FloatClassification) {
  using namespace float_classification;
  factory.registerFunction("isFinite", creator<ClassifyOp<FiniteCheck, kIsFinite>>(),
                           FunctionDocumentation{.description = "1 if x is neither infinite nor NaN.",
                                                 .syntax = "isFinite(x)", .category = "Arithmetic"});
  factory.registerFunction("isInfinite", creator<ClassifyOp<InfiniteCheck, kIsInfinite>>(),
                           FunctionDocumentation{.description = "1 if x is infinite.", .syntax = "isInfinite(x)",
                                                 .category = "Arithmetic"});
  factory.registerFunction("isNaN", creator<ClassifyOp<NaNCheck, kIsNaN>>(),
                           FunctionDocumentation{.description = "1 if x is NaN.", .syntax = "isNaN(x)",
                                                 .category = "Arithmetic"});
  factory.registerFunction(
      "ifNotFinite", [](const FunctionContext&) { return std::make_shared<FunctionIfNotFinite>(); },
      FunctionDocumentation{.description = "x if it is finite, else y.", .syntax = "ifNotFinite(x, y)",
                            .category = "Arithmetic"});
}

}  // namespace tally
