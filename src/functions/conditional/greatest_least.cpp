// greatest(a, b, ...) and least(a, b, ...): two numbers follow ClickHouse's ResultOfIf (with
// greatest(UInt64, Int64) -> UInt64 and least(UInt64, Int64) -> Int64, chosen by exact
// comparison); anything else (more arguments, strings, dates) meets at the least supertype.
// Also max2/min2 (Float64).

#include "columns/column_const.h"
#include "common/exception.h"
#include "functions/arithmetic/binary_arithmetic.h"
#include "functions/arithmetic/number_traits.h"
#include "functions/comparison/comparison_kernels.h"
#include "functions/conditional/row_selection.h"
#include "functions/conditional/supertype_cast.h"
#include "functions/function_factory.h"
#include "types/least_supertype.h"

namespace tally {

namespace greatest_least {

template <bool is_greatest>
class FunctionGreatestLeast final : public IFunction {
 public:
  std::string getName() const override { return is_greatest ? "greatest" : "least"; }
  bool isVariadic() const override { return true; }

  DataTypePtr getReturnType(const ColumnsWithTypeAndName& arguments) const override {
    checkArgumentCount(getName(), arguments.size(), 1, SIZE_MAX);
    if (arguments.size() == 2) {
      TypeIndex a = arithmeticNumberType(arguments[0].type), b = arithmeticNumberType(arguments[1].type);
      if (a != TypeIndex::Nothing && b != TypeIndex::Nothing) {
        TypeIndex res = numberResult(a, b);
        if (res == TypeIndex::Nothing) throwIllegalArithmeticTypes(getName(), arguments[0].type, arguments[1].type);
        return numberTypeFromIndex(res);
      }
    }
    DataTypes types;
    for (const auto& a : arguments) types.push_back(a.type);
    DataTypePtr res = getLeastSupertype(types);
    if (!res->isComparable()) throwIllegalType(getName(), 0, arguments[0].type, "comparable values");
    return res;
  }

  ColumnPtr execute(const ColumnsWithTypeAndName& arguments, const DataTypePtr& result_type,
                    size_t rows) const override {
    // Each step picks between the best so far and the next argument by comparing them as they
    // are (exact for mixed number types), then takes the value cast to the result type.
    ColumnWithTypeAndName best = arguments[0];
    ColumnPtr best_value = castColumnToSupertype(arguments[0].column, arguments[0].type, result_type);
    PODArray<UInt8> take(rows);
    for (size_t k = 1; k < arguments.size(); ++k) {
      const auto& next = arguments[k];
      ColumnPtr next_value = castColumnToSupertype(next.column, next.type, result_type);
      bool exact_numbers = arithmeticNumberType(best.type) != TypeIndex::Nothing &&
                           arithmeticNumberType(next.type) != TypeIndex::Nothing;
      const ColumnWithTypeAndName lhs = exact_numbers ? next : ColumnWithTypeAndName{next_value, result_type, ""};
      const ColumnWithTypeAndName rhs = exact_numbers ? best : ColumnWithTypeAndName{best_value, result_type, ""};
      compareArguments(lhs, rhs, take, rows);
      best_value = selectRows(take, next_value, best_value, result_type, rows);
      best = {best_value, result_type, ""};
    }
    return best_value;
  }

 private:
  static TypeIndex numberResult(TypeIndex a, TypeIndex b) {
    NumberKind x = numberKind(a), y = numberKind(b);
    if (!x.is_float && !y.is_float && x.size == 8 && y.size == 8 && x.is_signed != y.is_signed)
      return is_greatest ? TypeIndex::UInt64 : TypeIndex::Int64;
    return resultOfIf(a, b);
  }

  /// take[i] = lhs[i] > rhs[i] (greatest) or lhs[i] < rhs[i] (least).
  static void compareArguments(const ColumnWithTypeAndName& lhs, const ColumnWithTypeAndName& rhs, PODArray<UInt8>& take,
                               size_t rows) {
    if (rows == 0) return;
    ColumnPtr a = lhs.column, b = rhs.column;
    if (a->isConst() && b->isConst()) a = a->convertToFullColumnIfConst();
    // greatest: rhs < lhs; least: lhs < rhs.
    const ColumnWithTypeAndName& left = is_greatest ? rhs : lhs;
    const ColumnWithTypeAndName& right = is_greatest ? lhs : rhs;
    const Column& cl = is_greatest ? *b : *a;
    const Column& cr = is_greatest ? *a : *b;
    TypeIndex sl = storageNumberType(left.type->typeId()), sr = storageNumberType(right.type->typeId());
    if (sl != TypeIndex::Nothing && sr != TypeIndex::Nothing)
      compareNumberColumns(CompareOp::Less, cl, sl, cr, sr, take.data(), rows);
    else if (isStringOrFixedString(left.type))
      compareStringColumns(CompareOp::Less, cl, cr, take.data(), rows);
    else if (left.type->typeId() == TypeIndex::UUID)
      compareUUIDColumns(CompareOp::Less, cl, cr, take.data(), rows);
    else
      compareGenericColumns(CompareOp::Less, cl, cr, take.data(), rows);
  }
};

struct Max2Values {
  static double apply(double a, double b) { return a > b ? a : b; }
};
struct Min2Values {
  static double apply(double a, double b) { return a < b ? a : b; }
};
template <typename Values, bool is_max>
struct Float64PairOp {
  static constexpr const char* name = is_max ? "max2" : "min2";
  static bool plan(TypeIndex, TypeIndex, BinaryArithmeticPlan& plan) { return planInResultType(TypeIndex::Float64, plan); }
  template <typename C>
  static constexpr bool supports = std::is_same_v<C, Float64>;
  template <typename C>
  using Kernel = ElementwiseKernel<C, Values>;
};

}  // namespace greatest_least

REGISTER_FUNCTION(GreatestLeast) {
  using namespace greatest_least;
  constexpr auto ci = FunctionFactory::CaseInsensitive;
  factory.registerFunction(
      "greatest", [](const FunctionContext&) { return std::make_shared<FunctionGreatestLeast<true>>(); },
      FunctionDocumentation{.description = "The greatest of the arguments.", .syntax = "greatest(a, b, ...)",
                            .category = "Conditional"},
      ci);
  factory.registerFunction(
      "least", [](const FunctionContext&) { return std::make_shared<FunctionGreatestLeast<false>>(); },
      FunctionDocumentation{.description = "The least of the arguments.", .syntax = "least(a, b, ...)",
                            .category = "Conditional"},
      ci);
  factory.registerFunction(
      "max2", [](const FunctionContext&) { return std::make_shared<FunctionBinaryArithmetic<Float64PairOp<Max2Values, true>>>(); },
      FunctionDocumentation{.description = "The greater of two numbers as Float64.", .syntax = "max2(a, b)",
                            .category = "Arithmetic"},
      ci);
  factory.registerFunction(
      "min2", [](const FunctionContext&) { return std::make_shared<FunctionBinaryArithmetic<Float64PairOp<Min2Values, false>>>(); },
      FunctionDocumentation{.description = "The smaller of two numbers as Float64.", .syntax = "min2(a, b)",
                            .category = "Arithmetic"},
      ci);
}

}  // namespace tally
