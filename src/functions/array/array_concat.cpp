// Combining arrays with other values: arrayConcat(a, b, ...), arrayPushBack(arr, x),
// arrayPushFront(arr, x), arrayResize(arr, size[, extender]). Sources are converted to the
// least common element type, appended into one column, and the result gathered from it.

#include "columns/column_const.h"
#include "common/exception.h"
#include "functions/array/array_columns.h"
#include "functions/conditional/supertype_cast.h"
#include "functions/function_factory.h"
#include "functions/type_dispatch.h"
#include "types/data_type_array.h"
#include "types/data_type_nullable.h"
#include "types/least_supertype.h"

namespace tally {

namespace array_concat {

/// Several element sources appended into one column; source s starts at base[s].
struct CombinedSources {
  MutableColumnPtr column;
  std::vector<uint64_t> base;

  explicit CombinedSources(const DataTypePtr& element_type) : column(element_type->createColumn()) {}
  size_t add(const ColumnPtr& values) {
    base.push_back(column->size());
    column->insertRangeFrom(*values, 0, values->size());
    return base.size() - 1;
  }
};

/// An array argument converted to Array(element_type), plus its elements added to `sources`.
struct ConvertedArray {
  ArrayArgument array;
  size_t source = 0;
};

ConvertedArray addArray(CombinedSources& sources, const ColumnWithTypeAndName& argument, const DataTypePtr& element_type) {
  ConvertedArray res;
  DataTypePtr target = std::make_shared<DataTypeArray>(element_type);
  res.array = arrayArgument(castColumnToSupertype(argument.column, argument.type, target));
  res.source = sources.add(res.array.column->getDataPtr());
  return res;
}

/// A scalar argument converted to element_type; rows of a constant all read its value.
struct ConvertedValue {
  size_t source = 0;
  bool is_const = false;
  uint64_t at(const CombinedSources& sources, size_t i) const { return sources.base[source] + (is_const ? 0 : i); }
};

ConvertedValue addValue(CombinedSources& sources, const ColumnWithTypeAndName& argument, const DataTypePtr& element_type) {
  ConvertedValue res;
  ColumnPtr c = castColumnToSupertype(argument.column, argument.type, element_type);
  res.is_const = c->isConst();
  res.source = sources.add(res.is_const ? static_cast<const ColumnConst&>(*c).getDataColumnPtr() : c);
  return res;
}

DataTypePtr commonElementType(const std::string& function, const ColumnsWithTypeAndName& arguments) {
  DataTypes types;
  for (size_t i = 0; i < arguments.size(); ++i) types.push_back(checkArrayArgument(function, arguments, i).getNestedType());
  return getLeastSupertype(types);
}

class FunctionArrayConcat final : public IFunction {
 public:
  std::string getName() const override { return "arrayConcat"; }
  bool isVariadic() const override { return true; }
  bool useDefaultImplementationForLowCardinality() const override { return false; }

  DataTypePtr getReturnType(const ColumnsWithTypeAndName& arguments) const override {
    if (arguments.empty())
      throw Exception(ErrorCodes::NUMBER_OF_ARGUMENTS_DOESNT_MATCH, "Function {} requires at least one argument.", getName());
    return std::make_shared<DataTypeArray>(commonElementType(getName(), arguments));
  }

  ColumnPtr execute(const ColumnsWithTypeAndName& arguments, const DataTypePtr& result_type, size_t rows) const override {
    const DataTypePtr& element_type = static_cast<const DataTypeArray&>(*result_type).getNestedType();
    CombinedSources sources(element_type);
    std::vector<ConvertedArray> arrays;
    for (const auto& a : arguments) arrays.push_back(addArray(sources, a, element_type));
    Offsets offsets(rows);
    PODArray<uint64_t> indices;
    for (size_t i = 0; i < rows; ++i) {
      for (const auto& arr : arrays) {
        size_t r = arr.array.row(i);
        const Offsets& o = arr.array.offsets();
        uint64_t base = sources.base[arr.source];
        for (uint64_t k = r == 0 ? 0 : o[r - 1]; k < o[r]; ++k) indices.push_back(base + k);
      }
      offsets[i] = indices.size();
    }
    return makeArrayColumn(gatherElements(*sources.column, indices), std::move(offsets));
  }
};

template <bool front>
class FunctionArrayPush final : public IFunction {
 public:
  std::string getName() const override { return front ? "arrayPushFront" : "arrayPushBack"; }
  size_t getNumberOfArguments() const override { return 2; }
  bool useDefaultImplementationForNulls() const override { return false; }
  bool useDefaultImplementationForNothing() const override { return false; }
  bool useDefaultImplementationForLowCardinality() const override { return false; }

  DataTypePtr getReturnType(const ColumnsWithTypeAndName& arguments) const override {
    const auto& array = checkArrayArgument(getName(), arguments, 0);
    return std::make_shared<DataTypeArray>(getLeastSupertype({array.getNestedType(), arguments[1].type}));
  }

  ColumnPtr execute(const ColumnsWithTypeAndName& arguments, const DataTypePtr& result_type, size_t rows) const override {
    const DataTypePtr& element_type = static_cast<const DataTypeArray&>(*result_type).getNestedType();
    CombinedSources sources(element_type);
    ConvertedArray arr = addArray(sources, arguments[0], element_type);
    ConvertedValue value = addValue(sources, arguments[1], element_type);
    Offsets offsets(rows);
    PODArray<uint64_t> indices;
    const Offsets& o = arr.array.offsets();
    for (size_t i = 0; i < rows; ++i) {
      size_t r = arr.array.row(i);
      if constexpr (front) indices.push_back(value.at(sources, i));
      for (uint64_t k = r == 0 ? 0 : o[r - 1]; k < o[r]; ++k) indices.push_back(k);
      if constexpr (!front) indices.push_back(value.at(sources, i));
      offsets[i] = indices.size();
    }
    return makeArrayColumn(gatherElements(*sources.column, indices), std::move(offsets));
  }
};

class FunctionArrayResize final : public IFunction {
 public:
  std::string getName() const override { return "arrayResize"; }
  bool isVariadic() const override { return true; }
  bool useDefaultImplementationForNulls() const override { return false; }
  bool useDefaultImplementationForNothing() const override { return false; }
  bool useDefaultImplementationForLowCardinality() const override { return false; }

  DataTypePtr getReturnType(const ColumnsWithTypeAndName& arguments) const override {
    checkArgumentCount(getName(), arguments.size(), 2, 3);
    const auto& array = checkArrayArgument(getName(), arguments, 0);
    if (!arguments[1].type->isInteger())
      throw Exception(ErrorCodes::ILLEGAL_TYPE_OF_ARGUMENT, "Argument 1 for function {} must be integer but it has type {}.",
                      getName(), arguments[1].type->name());
    if (arguments.size() == 2) return arguments[0].type;
    return std::make_shared<DataTypeArray>(getLeastSupertype({array.getNestedType(), arguments[2].type}));
  }

  ColumnPtr execute(const ColumnsWithTypeAndName& arguments, const DataTypePtr& result_type, size_t rows) const override {
    const DataTypePtr& element_type = static_cast<const DataTypeArray&>(*result_type).getNestedType();
    CombinedSources sources(element_type);
    ConvertedArray arr = addArray(sources, arguments[0], element_type);
    ConvertedValue extender;
    if (arguments.size() == 3) {
      extender = addValue(sources, arguments[2], element_type);
    } else {
      MutableColumnPtr def = element_type->createColumn();
      def->insertDefault();
      extender.source = sources.add(std::move(def));
      extender.is_const = true;
    }
    bool size_const = arguments[1].column->isConst();
    ColumnPtr size_column = size_const ? static_cast<const ColumnConst&>(*arguments[1].column).getDataColumnPtr()
                                       : arguments[1].column;
    PODArray<int64_t> sizes(size_column->size());
    dispatchInteger(arguments[1].type->typeId(), [&](auto tag) {
      using T = typename decltype(tag)::Type;
      const auto& d = static_cast<const ColumnVector<T>&>(*size_column).getData();
      for (size_t i = 0; i < d.size(); ++i) sizes[i] = int64_t(d[i]);
    });

    Offsets offsets(rows);
    PODArray<uint64_t> indices;
    const Offsets& o = arr.array.offsets();
    for (size_t i = 0; i < rows; ++i) {
      size_t r = arr.array.row(i);
      uint64_t begin = r == 0 ? 0 : o[r - 1], end = o[r], n = end - begin;
      int64_t want = sizes[size_const ? 0 : i];
      uint64_t target = want >= 0 ? uint64_t(want) : uint64_t(-(__int128)want);
      if (target > 1000000000)
        throw Exception(ErrorCodes::TOO_LARGE_ARRAY_SIZE, "Too large array size in function {}", getName());
      uint64_t pad = target > n ? target - n : 0;
      if (want >= 0) {
        for (uint64_t k = begin; k < begin + std::min(n, target); ++k) indices.push_back(k);
        for (uint64_t k = 0; k < pad; ++k) indices.push_back(extender.at(sources, i));
      } else {
        for (uint64_t k = 0; k < pad; ++k) indices.push_back(extender.at(sources, i));
        for (uint64_t k = end - std::min(n, target); k < end; ++k) indices.push_back(k);
      }
      offsets[i] = indices.size();
    }
    return makeArrayColumn(gatherElements(*sources.column, indices), std::move(offsets));
  }
};

}  // namespace array_concat

REGISTER_FUNCTION(ArrayConcat) {
  using namespace array_concat;
  factory.registerFunction(
      "arrayConcat", [](const FunctionContext&) { return std::make_shared<FunctionArrayConcat>(); },
      FunctionDocumentation{.description = "The arrays joined one after another.",
                            .syntax = "arrayConcat(arr1, arr2, ...)",
                            .category = "Arrays"});
  factory.registerFunction(
      "arrayPushBack", [](const FunctionContext&) { return std::make_shared<FunctionArrayPush<false>>(); },
      FunctionDocumentation{.description = "The array with x appended.", .syntax = "arrayPushBack(arr, x)", .category = "Arrays"});
  factory.registerFunction(
      "arrayPushFront", [](const FunctionContext&) { return std::make_shared<FunctionArrayPush<true>>(); },
      FunctionDocumentation{.description = "The array with x prepended.", .syntax = "arrayPushFront(arr, x)", .category = "Arrays"});
  factory.registerFunction(
      "arrayResize", [](const FunctionContext&) { return std::make_shared<FunctionArrayResize>(); },
      FunctionDocumentation{.description = "The array cut or padded (with extender or the default) to size elements; "
                                           "a negative size works from the front.",
                            .syntax = "arrayResize(arr, size[, extender])",
                            .category = "Arrays"});
}

}  // namespace tally
