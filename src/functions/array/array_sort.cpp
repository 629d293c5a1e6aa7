// arraySort / arrayReverseSort, optionally by a lambda key: arraySort(x -> -x, arr),
// arraySort((x, k) -> k, arr, keys). NaN and NULL sort last in both directions; equal keys keep
// their order.

#include <algorithm>
#include <cmath>

#include "columns/column_const.h"
#include "columns/column_string.h"
#include "columns/column_vector.h"
#include "functions/array/array_columns.h"
#include "functions/array/array_mapped.h"
#include "functions/function_factory.h"
#include "functions/type_dispatch.h"
#include "types/data_type_array.h"

namespace tally {

namespace array_sort {

template <bool reverse>
class FunctionArraySort final : public FunctionArrayMapped {
 public:
  FunctionArraySort() : FunctionArrayMapped(reverse ? "arrayReverseSort" : "arraySort", {}) {}

 protected:
  DataTypePtr resultType(const DataTypePtr&, const DataTypePtr& element) const override {
    return std::make_shared<DataTypeArray>(element);
  }

  ColumnPtr executeMapped(const ColumnArray& array, const ColumnPtr& mapped_column, const DataTypePtr& mapped_type,
                          const DataTypePtr&) const override {
    if (mapped_column->isConst()) return array.getPtr();
    const Column& mapped = *mapped_column;
    const Offsets& offsets = array.getOffsets();
    PODArray<uint64_t> perm(mapped.size());
    for (size_t k = 0; k < perm.size(); ++k) perm[k] = k;

    auto sort_rows = [&](auto less) {
      uint64_t prev = 0;
      for (uint64_t end : offsets) {
        if (end - prev > 1) std::stable_sort(perm.begin() + prev, perm.begin() + end, less);
        prev = end;
      }
    };
    bool done = false;
    if (mapped.kind() == ColumnKind::Vector && mapped_type->typeId() != TypeIndex::UUID) {
      done = dispatchColumnVector(mapped_type->typeId(), [&](auto tag) {
        using T = typename decltype(tag)::Type;
        if constexpr (!std::is_same_v<T, UInt128>) {
          const T* v = static_cast<const ColumnVector<T>&>(mapped).getData().data();
          sort_rows([v](uint64_t a, uint64_t b) {
            if constexpr (std::is_floating_point_v<T>) {
              bool an = std::isnan(v[a]), bn = std::isnan(v[b]);
              if (an || bn) return !an && bn;  // NaN last
            }
            return reverse ? v[b] < v[a] : v[a] < v[b];
          });
        }
      });
    } else if (mapped.kind() == ColumnKind::String) {
      const auto& s = static_cast<const ColumnString&>(mapped);
      sort_rows([&s](uint64_t a, uint64_t b) { return reverse ? s.at(b) < s.at(a) : s.at(a) < s.at(b); });
      done = true;
    }
    if (!done) {
      sort_rows([&mapped](uint64_t a, uint64_t b) {
        if constexpr (reverse) return mapped.compareAt(a, b, mapped, -1) > 0;
        else return mapped.compareAt(a, b, mapped, 1) < 0;
      });
    }
    return makeArrayColumn(gatherElements(array.getData(), perm), offsets);
  }
};

}  // namespace array_sort

REGISTER_FUNCTION(ArraySort) {
  using namespace array_sort;
  factory.registerFunction(
      "arraySort", [](const FunctionContext&) { return std::make_shared<FunctionArraySort<false>>(); },
      FunctionDocumentation{.description = "The elements in ascending order (of the lambda's values if given).",
                            .syntax = "arraySort([func,] arr, ...)",
                            .category = "Arrays"});
  factory.registerFunction(
      "arrayReverseSort", [](const FunctionContext&) { return std::make_shared<FunctionArraySort<true>>(); },
      FunctionDocumentation{.description = "The elements in descending order (of the lambda's values if given).",
                            .syntax = "arrayReverseSort([func,] arr, ...)",
                            .category = "Arrays"});
}

}  // namespace tally
