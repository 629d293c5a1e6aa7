// Running computations along each array (of the elements or a lambda's values):
// arrayCumSum, arrayCumSumNonNegative, arrayDifference (first element 0). Result types follow
// ClickHouse: sums widen to UInt64 / Int64 / Float64; differences to the next signed width
// (UInt8 -> Int16, UInt32 -> Int64, Date -> Int32, floats -> Float64).

#include "columns/column_const.h"
#include "columns/column_vector.h"
#include "common/exception.h"
#include "functions/array/array_columns.h"
#include "functions/array/array_mapped.h"
#include "functions/arithmetic/number_traits.h"
#include "functions/function_factory.h"
#include "functions/type_dispatch.h"
#include "types/data_type_array.h"
#include "types/data_type_number.h"

namespace tally {

namespace array_cumulative {

enum class Op : uint8_t { CumSum, CumSumNonNegative, Difference };

/// Number type of the mapped values (Bool as UInt8); Nothing if not a plain number.
TypeIndex inputNumberType(const DataTypePtr& type, Op op) {
  TypeIndex id = type->typeId();
  if (id == TypeIndex::Bool) return TypeIndex::UInt8;
  if (op == Op::Difference && (id == TypeIndex::Date || id == TypeIndex::Date32 || id == TypeIndex::DateTime))
    return storageNumberType(id);
  return isNumberIndex(id) ? id : TypeIndex::Nothing;
}

TypeIndex resultNumberType(const DataTypePtr& type, Op op) {
  TypeIndex in = inputNumberType(type, op);
  if (in == TypeIndex::Nothing) return in;
  NumberKind k = numberKind(in);
  if (k.is_float) return TypeIndex::Float64;
  if (op != Op::Difference) return k.is_signed ? TypeIndex::Int64 : TypeIndex::UInt64;
  TypeIndex id = type->typeId();
  if (id == TypeIndex::Date) return TypeIndex::Int32;
  if (id == TypeIndex::Date32 || id == TypeIndex::DateTime) return TypeIndex::Int64;
  return k.size >= 4 ? TypeIndex::Int64 : constructNumberType(true, false, k.size * 2);
}

template <typename In, typename Out, Op op>
void runKernel(const In* __restrict src, Out* __restrict dst, const Offsets& offsets) {
  uint64_t prev = 0;
  for (uint64_t end : offsets) {
    if constexpr (op == Op::Difference) {
      if (prev < end) dst[prev] = 0;
      for (uint64_t k = prev + 1; k < end; ++k) {
        if constexpr (std::is_integral_v<Out>)
          dst[k] = Out(uint64_t(Out(src[k])) - uint64_t(Out(src[k - 1])));
        else
          dst[k] = Out(src[k]) - Out(src[k - 1]);
      }
    } else {
      Out sum = 0;
      for (uint64_t k = prev; k < end; ++k) {
        if constexpr (std::is_integral_v<Out>) sum = Out(uint64_t(sum) + uint64_t(Out(src[k])));
        else sum += Out(src[k]);
        if constexpr (op == Op::CumSumNonNegative && std::is_signed_v<Out>)
          if (sum < 0) sum = 0;
        dst[k] = sum;
      }
    }
    prev = end;
  }
}

template <Op op>
class FunctionArrayCumulative final : public FunctionArrayMapped {
 public:
  explicit FunctionArrayCumulative(std::string name) : FunctionArrayMapped(std::move(name), {}) {}

 protected:
  DataTypePtr resultType(const DataTypePtr& mapped, const DataTypePtr&) const override {
    TypeIndex out = resultNumberType(mapped, op);
    if (out == TypeIndex::Nothing) {
      if (op == Op::Difference)
        throw Exception(ErrorCodes::ILLEGAL_TYPE_OF_ARGUMENT, "{} cannot process values of type {}", name_, mapped->name());
      throw Exception(ErrorCodes::ILLEGAL_TYPE_OF_ARGUMENT, "{} cannot add values of type {}", name_, mapped->name());
    }
    return std::make_shared<DataTypeArray>(numberTypeFromIndex(out));
  }

  ColumnPtr executeMapped(const ColumnArray& array, const ColumnPtr& mapped_column, const DataTypePtr& mapped_type,
                          const DataTypePtr& result_type) const override {
    ColumnPtr mapped = materialize(mapped_column);
    TypeIndex in = inputNumberType(mapped_type, op);
    const DataTypePtr& out_type = static_cast<const DataTypeArray&>(*result_type).getNestedType();
    MutableColumnPtr out = out_type->createColumn();
    out->insertManyDefaults(mapped->size());
    dispatchNumber(in, [&](auto in_tag) {
      using In = typename decltype(in_tag)::Type;
      const In* src = static_cast<const ColumnVector<In>&>(*mapped).getData().data();
      dispatchNumber(out_type->typeId(), [&](auto out_tag) {
        using Out = typename decltype(out_tag)::Type;
        if constexpr (std::is_same_v<Out, Int64> || std::is_same_v<Out, UInt64> || std::is_same_v<Out, Float64> ||
                      (op == Op::Difference && (std::is_same_v<Out, Int16> || std::is_same_v<Out, Int32>)))
          runKernel<In, Out, op>(src, static_cast<ColumnVector<Out>&>(*out).getData().data(), array.getOffsets());
      });
    });
    return makeArrayColumn(std::move(out), array.getOffsets());
  }
};

template <Op op>
FunctionFactory::Creator creator(const char* name) {
  return [name](const FunctionContext&) { return std::make_shared<FunctionArrayCumulative<op>>(name); };
}

}  // namespace array_cumulative

REGISTER_FUNCTION(ArrayCumulative) {
  using namespace array_cumulative;
  factory.registerFunction("arrayCumSum", creator<Op::CumSum>("arrayCumSum"),
                           FunctionDocumentation{.description = "Running sums of the elements (or of the lambda's values).",
                                                 .syntax = "arrayCumSum([func,] arr1, ...)",
                                                 .category = "Arrays"});
  factory.registerFunction("arrayCumSumNonNegative", creator<Op::CumSumNonNegative>("arrayCumSumNonNegative"),
                           FunctionDocumentation{.description = "Running sums that restart from 0 whenever they drop below 0.",
                                                 .syntax = "arrayCumSumNonNegative([func,] arr1, ...)",
                                                 .category = "Arrays"});
  factory.registerFunction("arrayDifference", creator<Op::Difference>("arrayDifference"),
                           FunctionDocumentation{.description = "Differences between neighbouring elements; the first is 0.",
                                                 .syntax = "arrayDifference([func,] arr1, ...)",
                                                 .category = "Arrays"});
}

}  // namespace tally
