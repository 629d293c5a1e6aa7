// arrayFlatten (alias flatten): nested arrays to one level; arrayCompact: consecutive duplicates
// removed (of the elements or a lambda's values); arrayZip: arrays of equal sizes to one array
// of tuples.

#include <algorithm>

#include "columns/column_const.h"
#include "columns/column_tuple.h"
#include "columns/column_vector.h"
#include "common/exception.h"
#include "functions/array/array_columns.h"
#include "functions/array/array_mapped.h"
#include "functions/function_factory.h"
#include "functions/type_dispatch.h"
#include "types/data_type_array.h"

namespace tally {

namespace array_flatten_zip {

class FunctionArrayFlatten final : public IFunction {
 public:
  std::string getName() const override { return "arrayFlatten"; }
  size_t getNumberOfArguments() const override { return 1; }
  bool useDefaultImplementationForLowCardinality() const override { return false; }

  DataTypePtr getReturnType(const ColumnsWithTypeAndName& arguments) const override {
    const auto* array = &checkArrayArgument(getName(), arguments, 0);
    DataTypePtr inner = array->getNestedType();
    while (const auto* nested = dynamic_cast<const DataTypeArray*>(inner.get())) inner = nested->getNestedType();
    return std::make_shared<DataTypeArray>(inner);
  }

  ColumnPtr execute(const ColumnsWithTypeAndName& arguments, const DataTypePtr&, size_t rows) const override {
    ArrayArgument array = fullArrayArgument(arguments[0].column);
    Offsets offsets = array.offsets();
    const ColumnArray* level = array.column;
    // Compose offsets level by level: the end of row i becomes the end of its last inner element.
    while (const auto* inner = dynamic_cast<const ColumnArray*>(&level->getData())) {
      const Offsets& inner_offsets = inner->getOffsets();
      for (size_t i = 0; i < rows; ++i) offsets[i] = offsets[i] == 0 ? 0 : inner_offsets[offsets[i] - 1];
      level = inner;
    }
    return makeArrayColumn(level->getDataPtr(), std::move(offsets));
  }
};

class FunctionArrayCompact final : public FunctionArrayMapped {
 public:
  FunctionArrayCompact() : FunctionArrayMapped("arrayCompact", {}) {}

 protected:
  DataTypePtr resultType(const DataTypePtr&, const DataTypePtr& element) const override {
    return std::make_shared<DataTypeArray>(element);
  }
  ColumnPtr executeMapped(const ColumnArray& array, const ColumnPtr& mapped_column, const DataTypePtr& mapped_type,
                          const DataTypePtr&) const override {
    const Offsets& src = array.getOffsets();
    Offsets offsets(src.size());
    PODArray<uint64_t> indices;
    auto run = [&](auto same) {
      uint64_t prev = 0;
      for (size_t i = 0; i < src.size(); ++i) {
        for (uint64_t k = prev; k < src[i]; ++k)
          if (k == prev || !same(k, k - 1)) indices.push_back(k);
        offsets[i] = indices.size();
        prev = src[i];
      }
    };
    if (mapped_column->isConst()) {
      run([](uint64_t, uint64_t) { return true; });
    } else {
      const Column& mapped = *mapped_column;
      bool done = false;
      if (mapped.kind() == ColumnKind::Vector && mapped_type->typeId() != TypeIndex::UUID) {
        done = dispatchColumnVector(mapped_type->typeId(), [&](auto tag) {
          using T = typename decltype(tag)::Type;
          if constexpr (!std::is_same_v<T, UInt128>) {
            const T* v = static_cast<const ColumnVector<T>&>(mapped).getData().data();
            run([v](uint64_t a, uint64_t b) { return v[a] == v[b]; });
          }
        });
      }
      if (!done) run([&mapped](uint64_t a, uint64_t b) { return mapped.compareAt(a, b, mapped, 1) == 0; });
    }
    return makeArrayColumn(gatherElements(array.getData(), indices), std::move(offsets));
  }
};

class FunctionArrayZip final : public IFunction {
 public:
  std::string getName() const override { return "arrayZip"; }
  bool isVariadic() const override { return true; }
  bool useDefaultImplementationForLowCardinality() const override { return false; }

  DataTypePtr getReturnType(const ColumnsWithTypeAndName& arguments) const override {
    if (arguments.empty())
      throw Exception(ErrorCodes::NUMBER_OF_ARGUMENTS_DOESNT_MATCH, "Function {} needs at least one argument; passed 0.",
                      getName());
    DataTypes elements;
    for (size_t i = 0; i < arguments.size(); ++i) elements.push_back(checkArrayArgument(getName(), arguments, i).getNestedType());
    return std::make_shared<DataTypeArray>(std::make_shared<DataTypeTuple>(elements));
  }

  ColumnPtr execute(const ColumnsWithTypeAndName& arguments, const DataTypePtr&, size_t) const override {
    Columns elements;
    ArrayArgument first;
    for (size_t i = 0; i < arguments.size(); ++i) {
      ArrayArgument array = fullArrayArgument(arguments[i].column);
      if (i == 0) {
        first = array;
      } else if (array.offsets().size() != first.offsets().size() ||
                 !std::equal(array.offsets().begin(), array.offsets().end(), first.offsets().begin())) {
        throw Exception(ErrorCodes::SIZES_OF_ARRAYS_DONT_MATCH,
                        "The argument 1 and argument {} of function {} have different array sizes", i + 1, getName());
      }
      elements.push_back(array.column->getDataPtr());
    }
    return makeArrayColumn(ColumnTuple::create(elements), first.offsets());
  }
};

}  // namespace array_flatten_zip

REGISTER_FUNCTION(ArrayFlattenZip) {
  using namespace array_flatten_zip;
  factory.registerFunction(
      "arrayFlatten", [](const FunctionContext&) { return std::make_shared<FunctionArrayFlatten>(); },
      FunctionDocumentation{.description = "The elements of nested arrays at any depth as one flat array.",
                            .syntax = "arrayFlatten(arr)",
                            .category = "Arrays"});
  factory.registerAlias("flatten", "arrayFlatten");
  factory.registerFunction(
      "arrayCompact", [](const FunctionContext&) { return std::make_shared<FunctionArrayCompact>(); },
      FunctionDocumentation{.description = "The array without consecutive duplicate elements.",
                            .syntax = "arrayCompact([func,] arr)",
                            .category = "Arrays"});
  factory.registerFunction(
      "arrayZip", [](const FunctionContext&) { return std::make_shared<FunctionArrayZip>(); },
      FunctionDocumentation{.description = "Arrays of equal sizes combined into one array of tuples.",
                            .syntax = "arrayZip(arr1, arr2, ...)",
                            .category = "Arrays"});
}

}  // namespace tally
