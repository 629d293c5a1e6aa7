#pragma once
// FunctionBinaryArithmetic<Op>: the shared frame of the binary number functions (plus, minus,
// multiply, divide, intDiv, modulo, gcd, bit operations, ...). Op describes one function:
//
//   struct Op {
//     static constexpr const char* name = "plus";
//     /// Fills the plan for argument number types a, b (UInt8..Float64); false if not allowed.
//     static bool plan(TypeIndex a, TypeIndex b, BinaryArithmeticPlan& plan);
//     /// Kernel in computation type C (see numeric_kernels.h); constructed from the plan.
//     template <typename C> struct Kernel { explicit Kernel(const BinaryArithmeticPlan&); vv, vc, cv };
//     template <typename C> static constexpr bool supports = ...;  // computation types it has kernels for
//   };
//
// Arguments are numbers or Bool. Nullable, LowCardinality and all-constant calls are handled by
// the executor's default implementations; one constant argument is read as a scalar.

#include <climits>
#include <string>

#include "common/exception.h"
#include "functions/arithmetic/numeric_kernels.h"
#include "functions/function.h"

namespace tally {

struct BinaryArithmeticPlan {
  TypeIndex read_a = TypeIndex::Nothing;  // the types argument values are read as (same width as storage)
  TypeIndex read_b = TypeIndex::Nothing;
  TypeIndex compute = TypeIndex::Nothing;  // Int64, UInt64, UInt32, Float32 or Float64
  TypeIndex result = TypeIndex::Nothing;
  // Extra facts for kernels that check their inputs.
  bool check_min_by_minus_one = false;  // throw when a == min_a and b == -1
  int64_t min_a = 0;
  bool check_min_b_by_minus_one = false;  // throw when b == min_b and a == -1 (gcd, lcm)
  int64_t min_b = 0;
  int64_t bits_a = 0;  // bit width of the first argument (shifts)
  double result_max = 0;  // limits of the result for float -> integer results
  double result_min = 0;
};

[[noreturn]] void throwIllegalArithmeticTypes(const std::string& function, const DataTypePtr& a, const DataTypePtr& b);
[[noreturn]] void throwDivisionByZero();
[[noreturn]] void throwDivisionOfMinimalByMinusOne();

template <typename Op>
class FunctionBinaryArithmetic : public IFunction {
 public:
  std::string getName() const override { return Op::name; }
  size_t getNumberOfArguments() const override { return 2; }

  DataTypePtr getReturnType(const ColumnsWithTypeAndName& arguments) const override {
    BinaryArithmeticPlan plan;
    if (!makePlan(arguments[0].type, arguments[1].type, plan))
      throwIllegalArithmeticTypes(Op::name, arguments[0].type, arguments[1].type);
    return numberTypeFromIndex(plan.result);
  }

  ColumnPtr execute(const ColumnsWithTypeAndName& arguments, const DataTypePtr&, size_t rows) const override {
    BinaryArithmeticPlan plan;
    if (!makePlan(arguments[0].type, arguments[1].type, plan))
      throwIllegalArithmeticTypes(Op::name, arguments[0].type, arguments[1].type);
    return executeNumbers(plan, *arguments[0].column, *arguments[1].column, rows);
  }

  /// Runs the kernel for a plan (used also by wrappers that plan differently, e.g. dates).
  static ColumnPtr executeNumbers(const BinaryArithmeticPlan& plan, const Column& col_a, const Column& col_b,
                                  size_t rows) {
    NumericOperand a = numericOperand(col_a, plan.read_a);
    NumericOperand b = numericOperand(col_b, plan.read_b);
    MutableColumnPtr res = createNumberColumn(plan.result, rows);
    if (rows == 0) return res;
    if (a.is_const && b.is_const) {
      // Not reached through the executor (it folds constants); kept for direct calls.
      ColumnPtr full = col_a.convertToFullColumnIfConst();
      return executeNumbers(plan, *full, col_b, rows);
    }
    void* out = numberColumnData(*res);
    dispatchComputationType(plan.compute, [&](auto tag) {
      using C = typename decltype(tag)::Type;
      if constexpr (Op::template supports<C>) {
        typename Op::template Kernel<C> kernel(plan);
        runBinaryKernel<C, C>(a, b, plan.result, out, rows, kernel);
      } else {
        throw Exception(ErrorCodes::LOGICAL_ERROR, "Function {} has no kernel for this computation type", Op::name);
      }
    });
    return res;
  }

  static bool makePlan(const DataTypePtr& type_a, const DataTypePtr& type_b, BinaryArithmeticPlan& plan) {
    TypeIndex a = arithmeticNumberType(type_a), b = arithmeticNumberType(type_b);
    if (a == TypeIndex::Nothing || b == TypeIndex::Nothing) return false;
    plan.read_a = a;
    plan.read_b = b;
    return Op::plan(a, b, plan) && plan.result != TypeIndex::Nothing;
  }
};

/// Plan where the computation happens in the result type (plus, multiply, bit operations...).
inline bool planInResultType(TypeIndex result, BinaryArithmeticPlan& plan) {
  plan.result = result;
  NumberKind k = numberKind(result);
  plan.compute = k.is_float ? result : (k.is_signed ? TypeIndex::Int64 : TypeIndex::UInt64);
  return result != TypeIndex::Nothing;
}

/// Reads an integer argument as the result type when both have the same width (ClickHouse casts
/// the operands of bit operations and gcd to the result type first).
inline TypeIndex readAsResultWhenSameWidth(TypeIndex arg, TypeIndex result) {
  NumberKind a = numberKind(arg), r = numberKind(result);
  return (!a.is_float && !r.is_float && a.size == r.size) ? result : arg;
}

/// The smallest value of a signed integer type of `size` bytes.
inline int64_t minSignedOfSize(size_t size) {
  return size >= 8 ? INT64_MIN : -(int64_t(1) << (size * 8 - 1));
}

/// Wrapping integer arithmetic (no signed-overflow UB).
template <typename T>
inline T wrappingAdd(T a, T b) {
  if constexpr (std::is_integral_v<T>) return T(std::make_unsigned_t<T>(a) + std::make_unsigned_t<T>(b));
  else return a + b;
}
template <typename T>
inline T wrappingSub(T a, T b) {
  if constexpr (std::is_integral_v<T>) return T(std::make_unsigned_t<T>(a) - std::make_unsigned_t<T>(b));
  else return a - b;
}
template <typename T>
inline T wrappingMul(T a, T b) {
  if constexpr (std::is_integral_v<T>) return T(std::make_unsigned_t<T>(a) * std::make_unsigned_t<T>(b));
  else return a * b;
}

/// Kernel from an element-wise functor F::apply(C, C) -> C with no checks (vectorisable loops).
template <typename C, typename F>
struct ElementwiseKernel {
  explicit ElementwiseKernel(const BinaryArithmeticPlan&) {}
  void vv(const C* __restrict a, const C* __restrict b, C* __restrict out, size_t n) {
    for (size_t i = 0; i < n; ++i) out[i] = F::apply(a[i], b[i]);
  }
  void vc(const C* __restrict a, C b, C* __restrict out, size_t n) {
    for (size_t i = 0; i < n; ++i) out[i] = F::apply(a[i], b);
  }
  void cv(C a, const C* __restrict b, C* __restrict out, size_t n) {
    for (size_t i = 0; i < n; ++i) out[i] = F::apply(a, b[i]);
  }
};

}  // namespace tally
