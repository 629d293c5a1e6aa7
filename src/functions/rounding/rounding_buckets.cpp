// roundToExp2 (down to a power of two, same type), roundDuration (UInt16 buckets of seconds),
// roundAge (UInt8 age groups) and roundDown(x, [bounds]) (the largest bound not above x).

#include <algorithm>
#include <bit>
#include <cstring>

#include "columns/column_array.h"
#include "columns/column_const.h"
#include "columns/column_vector.h"
#include "common/exception.h"
#include "functions/arithmetic/unary_arithmetic.h"
#include "functions/conditional/supertype_cast.h"
#include "functions/function_factory.h"
#include "types/data_type_array.h"
#include "types/least_supertype.h"

namespace tally {

namespace rounding_buckets {

template <typename T>
T roundDownToPowerOfTwo(T x) {
  if constexpr (std::is_same_v<T, Float32>) {
    return std::bit_cast<Float32>(std::bit_cast<UInt32>(x) & ~UInt32((1u << 23) - 1));
  } else if constexpr (std::is_same_v<T, Float64>) {
    return std::bit_cast<Float64>(std::bit_cast<UInt64>(x) & ~((UInt64(1) << 52) - 1));
  } else {
    if (x <= 0) return 0;
    return T(UInt64(1) << (63 - __builtin_clzll(UInt64(x))));
  }
}

/// roundToExp2 works in the argument's own type.
struct RoundToExp2Op {
  static constexpr const char* name = "roundToExp2";
  static bool plan(TypeIndex a, UnaryArithmeticPlan& plan) {
    plan.result = a;
    plan.compute = wideComputationType(a);
    return true;
  }
  template <typename C>
  static constexpr bool supports = true;
  template <typename C>
  struct Kernel {
    using Out = C;
    void v(const C* __restrict a, C* __restrict out, size_t n) {
      for (size_t i = 0; i < n; ++i) out[i] = roundDownToPowerOfTwo(a[i]);
    }
  };
};

/// Unary functions over the value as Float64 with a fixed result type.
template <typename Out_, typename F, const char* const& Name>
struct BucketOp {
  static constexpr const char* name = Name;
  static bool plan(TypeIndex, UnaryArithmeticPlan& plan) {
    plan.result = typeIndexOf<Out_>();
    plan.compute = TypeIndex::Float64;
    return true;
  }
  template <typename C>
  static constexpr bool supports = std::is_same_v<C, Float64>;
  template <typename C>
  struct Kernel {
    using Out = Out_;
    void v(const Float64* __restrict a, Out* __restrict out, size_t n) {
      for (size_t i = 0; i < n; ++i) out[i] = F::apply(a[i]);
    }
  };
};

struct DurationBuckets {
  static UInt16 apply(Float64 x) {
    static constexpr UInt16 bounds[] = {1, 10, 30, 60, 120, 180, 240, 300, 600, 1200, 1800, 3600, 7200, 18000, 36000};
    UInt16 res = 0;
    for (UInt16 b : bounds) res = x >= b ? b : res;
    return res;
  }
};
struct AgeBuckets {
  static UInt8 apply(Float64 x) {
    return x < 1 ? 0 : (x < 18 ? 17 : (x < 25 ? 18 : (x < 35 ? 25 : (x < 45 ? 35 : (x < 55 ? 45 : 55)))));
  }
};

constexpr const char* kRoundDuration = "roundDuration";
constexpr const char* kRoundAge = "roundAge";

class FunctionRoundDown final : public IFunction {
 public:
  std::string getName() const override { return "roundDown"; }
  size_t getNumberOfArguments() const override { return 2; }
  std::vector<size_t> getArgumentsThatAreAlwaysConstant() const override { return {1}; }

  DataTypePtr getReturnType(const ColumnsWithTypeAndName& arguments) const override {
    const DataTypePtr& x = arguments[0].type;
    if (!isNumberIndex(x->typeId()))
      throw Exception(ErrorCodes::ILLEGAL_TYPE_OF_ARGUMENT,
                      "Unsupported type {} of first argument of function roundDown, must be numeric type.", x->name());
    if (arguments[1].type->typeId() != TypeIndex::Array)
      throw Exception(ErrorCodes::ILLEGAL_TYPE_OF_ARGUMENT,
                      "Second argument of function roundDown, must be array of boundaries to round to.");
    const DataTypePtr& element = static_cast<const DataTypeArray&>(*arguments[1].type).getNestedType();
    if (!isNumberIndex(element->typeId()))
      throw Exception(ErrorCodes::ILLEGAL_TYPE_OF_ARGUMENT,
                      "Elements of array of second argument of function roundDown must be numeric type.");
    return getLeastSupertype({x, element});
  }

  ColumnPtr execute(const ColumnsWithTypeAndName& arguments, const DataTypePtr& result_type,
                    size_t rows) const override {
    if (!arguments[1].column->isConst())
      throw Exception(ErrorCodes::ILLEGAL_COLUMN, "Second argument of function roundDown must be a constant array");
    const auto& array = static_cast<const ColumnArray&>(static_cast<const ColumnConst&>(*arguments[1].column).getDataColumn());
    const DataTypePtr& element = static_cast<const DataTypeArray&>(*arguments[1].type).getNestedType();
    ColumnPtr bounds = castColumnToSupertype(array.getDataPtr()->cut(0, array.sizeAt(0)), element, result_type);
    if (bounds->empty())
      throw Exception(ErrorCodes::BAD_ARGUMENTS, "Empty array is illegal for boundaries in roundDown function");
    ColumnPtr x = materialize(castColumnToSupertype(arguments[0].column, arguments[0].type, result_type));
    TypeIndex id = result_type->typeId();
    MutableColumnPtr res = createNumberColumn(id, rows);
    dispatchNumber(id, [&](auto tag) {
      using T = typename decltype(tag)::Type;
      std::vector<T> b(bounds->size());
      std::memcpy(b.data(), bounds->getDataAt(0).data(), b.size() * sizeof(T));
      std::sort(b.begin(), b.end());
      const T* in = rows ? reinterpret_cast<const T*>(x->getDataAt(0).data()) : nullptr;
      T* out = static_cast<T*>(numberColumnData(*res));
      for (size_t i = 0; i < rows; ++i) {
        auto it = std::upper_bound(b.begin(), b.end(), in[i]);
        out[i] = it == b.begin() ? b.front() : *(it - 1);
      }
    });
    return res;
  }
};

template <typename Op>
FunctionFactory::Creator unaryCreator() {
  return [](const FunctionContext&) { return std::make_shared<FunctionUnaryArithmetic<Op>>(); };
}

}  // namespace rounding_buckets

REGISTER_FUNCTION(RoundingBuckets) {
  using namespace rounding_buckets;
  factory.registerFunction("roundToExp2", unaryCreator<RoundToExp2Op>(),
                           FunctionDocumentation{.description = "Rounds down to the nearest power of two.",
                                                 .syntax = "roundToExp2(x)", .category = "Rounding"});
  factory.registerFunction("roundDuration", unaryCreator<BucketOp<UInt16, DurationBuckets, kRoundDuration>>(),
                           FunctionDocumentation{.description = "Rounds seconds down to a common duration bucket.",
                                                 .syntax = "roundDuration(x)", .category = "Rounding"});
  factory.registerFunction("roundAge", unaryCreator<BucketOp<UInt8, AgeBuckets, kRoundAge>>(),
                           FunctionDocumentation{.description = "Rounds an age down to an age group.",
                                                 .syntax = "roundAge(x)", .category = "Rounding"});
  factory.registerFunction(
      "roundDown", [](const FunctionContext&) { return std::make_shared<FunctionRoundDown>(); },
      FunctionDocumentation{.description = "The largest element of the array not above x (the smallest if none).",
                            .syntax = "roundDown(x, [bounds...])", .category = "Rounding"});
}

}  // namespace tally
