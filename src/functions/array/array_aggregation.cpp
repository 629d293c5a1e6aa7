// Aggregates over each array (of the elements or of a lambda's values): arraySum, arrayAvg,
// arrayProduct, arrayMin, arrayMax. Sums accumulate in UInt64 / Int64 / Float64 (wrapping like
// ClickHouse); avg and product return Float64; min and max keep the value type (any comparable
// type, NaN and NULL skipped unless nothing else is there) and give the default for [].

#include "columns/column_const.h"
#include "columns/column_vector.h"
#include "common/exception.h"
#include "functions/array/array_columns.h"
#include "functions/array/array_mapped.h"
#include "functions/arithmetic/number_traits.h"
#include "functions/function_factory.h"
#include "functions/type_dispatch.h"
#include "types/data_type_number.h"

namespace tally {

namespace array_aggregation {

enum class Op : uint8_t { Sum, Avg, Product, Min, Max };

TypeIndex inputNumberType(const DataTypePtr& type) {
  TypeIndex id = type->typeId();
  if (id == TypeIndex::Bool) return TypeIndex::UInt8;
  return isNumberIndex(id) ? id : TypeIndex::Nothing;
}

/// The accumulator type of a sum: UInt64, Int64 or Float64.
TypeIndex sumType(TypeIndex in) {
  NumberKind k = numberKind(in);
  return k.is_float ? TypeIndex::Float64 : (k.is_signed ? TypeIndex::Int64 : TypeIndex::UInt64);
}

template <typename In, typename Acc, Op op>
void aggregateRows(const In* __restrict src, const Offsets& offsets, typename std::conditional_t<op == Op::Sum, Acc, Float64>* out) {
  uint64_t prev = 0;
  size_t i = 0;
  for (uint64_t end : offsets) {
    Acc acc = 0;
    if (prev < end) {
      acc = Acc(src[prev]);
      for (uint64_t k = prev + 1; k < end; ++k) {
        if constexpr (op == Op::Product) {
          if constexpr (std::is_integral_v<Acc>) acc = Acc(uint64_t(acc) * uint64_t(Acc(src[k])));
          else acc *= Acc(src[k]);
        } else {
          if constexpr (std::is_integral_v<Acc>) acc = Acc(uint64_t(acc) + uint64_t(Acc(src[k])));
          else acc += Acc(src[k]);
        }
      }
    }
    if constexpr (op == Op::Sum) out[i] = acc;
    else if constexpr (op == Op::Avg) out[i] = prev < end ? Float64(acc) / Float64(end - prev) : 0.0;
    else out[i] = Float64(acc);
    prev = end;
    ++i;
  }
}

template <Op op>
class FunctionArrayAggregation final : public FunctionArrayMapped {
 public:
  explicit FunctionArrayAggregation(std::string name) : FunctionArrayMapped(std::move(name), {}) {}

 protected:
  DataTypePtr resultType(const DataTypePtr& mapped, const DataTypePtr&) const override {
    if constexpr (op == Op::Min || op == Op::Max) {
      return mapped;
    } else {
      TypeIndex in = inputNumberType(mapped);
      if (in == TypeIndex::Nothing)
        throw Exception(ErrorCodes::ILLEGAL_TYPE_OF_ARGUMENT, "array aggregation function cannot be performed on type {}",
                        mapped->name());
      if constexpr (op == Op::Sum) return numberTypeFromIndex(sumType(in));
      else return typeFloat64();
    }
  }

  ColumnPtr executeMapped(const ColumnArray& array, const ColumnPtr& mapped_column, const DataTypePtr& mapped_type,
                          const DataTypePtr& result_type) const override {
    const Offsets& offsets = array.getOffsets();
    size_t rows = offsets.size();
    if constexpr (op == Op::Min || op == Op::Max) {
      ColumnPtr mapped = materialize(mapped_column);
      constexpr int hint = op == Op::Min ? 1 : -1;
      PODArray<int64_t> best(rows);
      bool all_found = true;
      // Position of the best element of each row, by `better(k, b)`; -1 for an empty row.
      auto select = [&](auto better) {
        uint64_t prev = 0;
        for (size_t i = 0; i < rows; ++i) {
          uint64_t end = offsets[i];
          int64_t b = prev < end ? int64_t(prev) : -1;
          for (uint64_t k = prev + 1; k < end; ++k)
            if (better(k, uint64_t(b))) b = int64_t(k);
          best[i] = b;
          all_found &= b >= 0;
          prev = end;
        }
      };
      bool done = false;
      if (mapped->kind() == ColumnKind::Vector && mapped_type->typeId() != TypeIndex::UUID) {
        done = dispatchColumnVector(mapped_type->typeId(), [&](auto tag) {
          using T = typename decltype(tag)::Type;
          if constexpr (!std::is_same_v<T, UInt128>) {
            const T* v = static_cast<const ColumnVector<T>&>(*mapped).getData().data();
            // NaN loses against any number, as compareAt with the hint places it.
            select([v](uint64_t k, uint64_t b) {
              if constexpr (std::is_floating_point_v<T>) {
                if (v[k] != v[k]) return false;
                if (v[b] != v[b]) return true;
              }
              return op == Op::Min ? v[k] < v[b] : v[b] < v[k];
            });
          }
        });
      }
      if (!done) {
        select([&mapped](uint64_t k, uint64_t b) {
          int c = mapped->compareAt(k, b, *mapped, hint);
          return op == Op::Min ? c < 0 : c > 0;
        });
      }
      if (all_found) {
        PODArray<uint64_t> indices(rows);
        for (size_t i = 0; i < rows; ++i) indices[i] = uint64_t(best[i]);
        return gatherElements(*mapped, indices);
      }
      MutableColumnPtr res = result_type->createColumn();
      for (size_t i = 0; i < rows; ++i) {
        if (best[i] >= 0) res->insertFrom(*mapped, size_t(best[i]));
        else res->insertDefault();
      }
      return res;
    } else {
      ColumnPtr mapped = materialize(mapped_column);
      TypeIndex in = inputNumberType(mapped_type);
      MutableColumnPtr res = result_type->createColumn();
      res->insertManyDefaults(rows);
      dispatchNumber(in, [&](auto tag) {
        using In = typename decltype(tag)::Type;
        const In* src = static_cast<const ColumnVector<In>&>(*mapped).getData().data();
        using Acc = std::conditional_t<std::is_floating_point_v<In>, Float64, std::conditional_t<std::is_signed_v<In>, Int64, UInt64>>;
        using Out = std::conditional_t<op == Op::Sum, Acc, Float64>;
        aggregateRows<In, Acc, op>(src, offsets, static_cast<ColumnVector<Out>&>(*res).getData().data());
      });
      return res;
    }
  }
};

template <Op op>
FunctionFactory::Creator creator(const char* name) {
  return [name](const FunctionContext&) { return std::make_shared<FunctionArrayAggregation<op>>(name); };
}

}  // namespace array_aggregation

REGISTER_FUNCTION(ArrayAggregation) {
  using namespace array_aggregation;
  factory.registerFunction("arraySum", creator<Op::Sum>("arraySum"),
                           FunctionDocumentation{.description = "Sum of the elements (or of the lambda's values).",
                                                 .syntax = "arraySum([func,] arr1, ...)",
                                                 .category = "Arrays"});
  factory.registerFunction("arrayAvg", creator<Op::Avg>("arrayAvg"),
                           FunctionDocumentation{.description = "Average of the elements (or of the lambda's values).",
                                                 .syntax = "arrayAvg([func,] arr1, ...)",
                                                 .category = "Arrays"});
  factory.registerFunction("arrayProduct", creator<Op::Product>("arrayProduct"),
                           FunctionDocumentation{.description = "Product of the elements as Float64.",
                                                 .syntax = "arrayProduct([func,] arr1, ...)",
                                                 .category = "Arrays"});
  factory.registerFunction("arrayMin", creator<Op::Min>("arrayMin"),
                           FunctionDocumentation{.description = "Smallest element (or lambda value); the default for [].",
                                                 .syntax = "arrayMin([func,] arr1, ...)",
                                                 .category = "Arrays"});
  factory.registerFunction("arrayMax", creator<Op::Max>("arrayMax"),
                           FunctionDocumentation{.description = "Largest element (or lambda value); the default for [].",
                                                 .syntax = "arrayMax([func,] arr1, ...)",
                                                 .category = "Arrays"});
}

}  // namespace tally
