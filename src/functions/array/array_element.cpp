// arrayElement(arr, n) — what arr[n] becomes: 1-based, negative counts from the end, out of
// range gives the element type's default (NULL for Nullable elements).

#include "columns/column_const.h"
#include "columns/column_vector.h"
#include "common/exception.h"
#include "functions/array/array_columns.h"
#include "functions/function_factory.h"
#include "functions/type_dispatch.h"

namespace tally {

namespace array_element {

class FunctionArrayElement final : public IFunction {
 public:
  std::string getName() const override { return "arrayElement"; }
  size_t getNumberOfArguments() const override { return 2; }
  bool useDefaultImplementationForLowCardinality() const override { return false; }

  DataTypePtr getReturnType(const ColumnsWithTypeAndName& arguments) const override {
    const auto& array = checkArrayArgument(getName(), arguments, 0);
    if (!arguments[1].type->isInteger())
      throw Exception(ErrorCodes::ILLEGAL_TYPE_OF_ARGUMENT, "Second argument for function {} must be integer.", getName());
    return array.getNestedType();
  }

  ColumnPtr execute(const ColumnsWithTypeAndName& arguments, const DataTypePtr& result_type, size_t rows) const override {
    ArrayArgument array = arrayArgument(arguments[0].column);
    const Offsets& offsets = array.offsets();
    const ColumnPtr& index_column = arguments[1].column;
    bool index_const = index_column->isConst();
    if (index_const && !array.is_const && index_column->getUInt(0) == 0)
      throw Exception(ErrorCodes::ZERO_ARRAY_OR_TUPLE_INDEX, "Array indices are 1-based");

    // Source position of each row's element, or -1 when out of range.
    PODArray<int64_t> positions(rows);
    ColumnPtr index_data = index_const ? static_cast<const ColumnConst&>(*index_column).getDataColumnPtr() : index_column;
    dispatchInteger(arguments[1].type->typeId(), [&](auto tag) {
      using T = typename decltype(tag)::Type;
      const T* idx = static_cast<const ColumnVector<T>&>(*index_data).getData().data();
      for (size_t i = 0; i < rows; ++i) {
        size_t a = array.row(i);
        uint64_t begin = a == 0 ? 0 : offsets[a - 1], size = offsets[a] - begin;
        T n = idx[index_const ? 0 : i];
        int64_t pos = -1;
        if constexpr (std::is_signed_v<T>) {
          if (n > 0 && uint64_t(n) <= size) pos = int64_t(begin + uint64_t(n) - 1);
          else if (n < 0 && uint64_t(-(__int128)n) <= size) pos = int64_t(begin + size - uint64_t(-(__int128)n));
        } else {
          if (n > 0 && uint64_t(n) <= size) pos = int64_t(begin + uint64_t(n) - 1);
        }
        positions[i] = pos;
      }
    });

    bool all_valid = true;
    for (size_t i = 0; i < rows; ++i) all_valid &= positions[i] >= 0;
    const Column& data = array.data();
    if (all_valid) {
      PODArray<uint64_t> indices(rows);
      for (size_t i = 0; i < rows; ++i) indices[i] = uint64_t(positions[i]);
      return gatherElements(data, indices);
    }
    MutableColumnPtr res = result_type->createColumn();
    res->reserve(rows);
    for (size_t i = 0; i < rows; ++i) {
      if (positions[i] >= 0) res->insertFrom(data, size_t(positions[i]));
      else res->insertDefault();
    }
    return res;
  }
};

}  // namespace array_element

REGISTER_FUNCTION(ArrayElement) {
  factory.registerFunction(
      "arrayElement", [](const FunctionContext&) { return std::make_shared<array_element::FunctionArrayElement>(); },
      FunctionDocumentation{.description = "The element at a 1-based index (negative: from the end); default if out "
                                           "of range.",
                            .syntax = "arrayElement(arr, n)",
                            .category = "Arrays"});
}

}  // namespace tally
