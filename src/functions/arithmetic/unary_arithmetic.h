#pragma once
// FunctionUnaryArithmetic<Op>: the shared frame of one-argument number functions (negate, abs,
// bitNot, sign, ...). Op provides
//   static constexpr const char* name;
//   static bool plan(TypeIndex a, UnaryArithmeticPlan& plan);   // false if the type is not allowed
//   template <typename C> static constexpr bool supports;
//   template <typename C> struct Kernel { void v(const C* a, Out* out, size_t n); using Out = ...; };

#include <string>

#include "common/exception.h"
#include "functions/arithmetic/numeric_kernels.h"
#include "functions/function.h"

namespace tally {

struct UnaryArithmeticPlan {
  TypeIndex read = TypeIndex::Nothing;     // type the argument's values are read as
  TypeIndex compute = TypeIndex::Nothing;  // computation type C
  TypeIndex result = TypeIndex::Nothing;
};

template <typename Op>
class FunctionUnaryArithmetic : public IFunction {
 public:
  std::string getName() const override { return Op::name; }
  size_t getNumberOfArguments() const override { return 1; }

  DataTypePtr getReturnType(const ColumnsWithTypeAndName& arguments) const override {
    return numberTypeFromIndex(makePlan(arguments[0].type).result);
  }

  ColumnPtr execute(const ColumnsWithTypeAndName& arguments, const DataTypePtr&, size_t rows) const override {
    UnaryArithmeticPlan plan = makePlan(arguments[0].type);
    ColumnPtr full = arguments[0].column->convertToFullColumnIfConst();
    NumericOperand a = numericOperand(*full, plan.read);
    MutableColumnPtr res = createNumberColumn(plan.result, rows);
    if (rows == 0) return res;
    void* out = numberColumnData(*res);
    dispatchComputationType(plan.compute, [&](auto tag) {
      using C = typename decltype(tag)::Type;
      if constexpr (Op::template supports<C>) {
        typename Op::template Kernel<C> kernel;
        runUnaryKernel<C, typename Op::template Kernel<C>::Out>(a, plan.result, out, rows, kernel);
      } else {
        throw Exception(ErrorCodes::LOGICAL_ERROR, "Function {} has no kernel for this computation type", Op::name);
      }
    });
    return res;
  }

 private:
  static UnaryArithmeticPlan makePlan(const DataTypePtr& type) {
    UnaryArithmeticPlan plan;
    TypeIndex a = arithmeticNumberType(type);
    plan.read = a;
    if (a == TypeIndex::Nothing || !Op::plan(a, plan) || plan.result == TypeIndex::Nothing)
      throwIllegalType(Op::name, 0, type);
    return plan;
  }
};

/// Computation type for integer work in a signed or unsigned 64-bit type, floats as themselves.
inline TypeIndex wideComputationType(TypeIndex t) {
  NumberKind k = numberKind(t);
  return k.is_float ? t : (k.is_signed ? TypeIndex::Int64 : TypeIndex::UInt64);
}

}  // namespace tally
