// Reshaping one array: arraySlice(arr, offset[, length]), arrayPopFront, arrayPopBack,
// arrayReverse. Each computes the source positions of the result's elements and gathers them
// with one call, whatever the element type.

#include "columns/column_const.h"
#include "columns/column_nullable.h"
#include "common/exception.h"
#include "functions/array/array_columns.h"
#include "functions/function_factory.h"
#include "functions/type_dispatch.h"

namespace tally {

namespace array_slice {

/// Values of an optional integer argument, NULL as "absent".
struct OptionalIntegers {
  PODArray<int64_t> values;
  PODArray<uint8_t> absent;
  bool is_const = false;
  bool present(size_t i) const { return !absent[is_const ? 0 : i]; }
  int64_t at(size_t i) const { return values[is_const ? 0 : i]; }
};

OptionalIntegers optionalIntegers(const ColumnWithTypeAndName& argument) {
  OptionalIntegers res;
  ColumnPtr c = argument.column;
  if (c->isConst()) {
    res.is_const = true;
    c = static_cast<const ColumnConst&>(*c).getDataColumnPtr();
  }
  size_t n = c->size();
  res.values.resizeFill(n, 0);
  res.absent.resizeFill(n, 0);
  if (c->kind() == ColumnKind::Nullable) {
    const auto& nullable = static_cast<const ColumnNullable&>(*c);
    for (size_t i = 0; i < n; ++i) res.absent[i] = nullable.getNullMapData()[i];
    c = nullable.getNestedColumnPtr();
  }
  if (c->kind() == ColumnKind::Nothing) {
    res.absent.resizeFill(n, 1);
    for (auto& a : res.absent) a = 1;
    return res;
  }
  dispatchInteger(removeNullable(argument.type)->typeId(), [&](auto tag) {
    using T = typename decltype(tag)::Type;
    const auto& data = static_cast<const ColumnVector<T>&>(*c).getData();
    for (size_t i = 0; i < n; ++i) res.values[i] = int64_t(data[i]);
  });
  return res;
}

class FunctionArraySlice final : public IFunction {
 public:
  std::string getName() const override { return "arraySlice"; }
  bool isVariadic() const override { return true; }
  bool useDefaultImplementationForNulls() const override { return false; }
  bool useDefaultImplementationForNothing() const override { return false; }
  bool useDefaultImplementationForLowCardinality() const override { return false; }

  DataTypePtr getReturnType(const ColumnsWithTypeAndName& arguments) const override {
    checkArgumentCount(getName(), arguments.size(), 2, 3);
    checkArrayArgument(getName(), arguments, 0);
    for (size_t i = 1; i < arguments.size(); ++i) {
      DataTypePtr t = removeNullable(arguments[i].type);
      if (!t->isInteger() && !isNothing(t))
        throw Exception(ErrorCodes::ILLEGAL_TYPE_OF_ARGUMENT, "Argument {} for function {} must be integer but it has type {}.",
                        i, getName(), arguments[i].type->name());
    }
    return arguments[0].type;
  }

  ColumnPtr execute(const ColumnsWithTypeAndName& arguments, const DataTypePtr&, size_t rows) const override {
    ArrayArgument array = arrayArgument(arguments[0].column);
    OptionalIntegers offset = optionalIntegers(arguments[1]);
    OptionalIntegers length;
    bool has_length = arguments.size() == 3;
    if (has_length) length = optionalIntegers(arguments[2]);

    const Offsets& src = array.offsets();
    Offsets offsets(rows);
    PODArray<uint64_t> indices;
    for (size_t i = 0; i < rows; ++i) {
      size_t a = array.row(i);
      int64_t begin = a == 0 ? 0 : int64_t(src[a - 1]);
      int64_t size = int64_t(src[a]) - begin;
      // Virtual [start, end) relative to the array, then clipped to [0, size).
      int64_t start = 0, end = 0;
      int64_t off = offset.present(i) ? offset.at(i) : 1;
      if (off > 0) start = off - 1;
      else if (off < 0) start = size + off;
      if (off != 0) {
        if (has_length && length.present(i)) {
          int64_t len = length.at(i);
          end = len >= 0 ? start + len : size + len;
        } else {
          end = size;
        }
      }
      start = std::max<int64_t>(start, 0);
      end = std::min<int64_t>(end, size);
      for (int64_t k = start; k < end; ++k) indices.push_back(uint64_t(begin + k));
      offsets[i] = indices.size();
    }
    return makeArrayColumn(gatherElements(array.data(), indices), std::move(offsets));
  }
};

enum class Reshape : uint8_t { PopFront, PopBack, Reverse };

template <Reshape op>
class FunctionArrayReshape final : public IFunction {
 public:
  explicit FunctionArrayReshape(std::string name) : name_(std::move(name)) {}
  std::string getName() const override { return name_; }
  size_t getNumberOfArguments() const override { return 1; }
  bool useDefaultImplementationForLowCardinality() const override { return false; }

  DataTypePtr getReturnType(const ColumnsWithTypeAndName& arguments) const override {
    checkArrayArgument(name_, arguments, 0);
    return arguments[0].type;
  }

  ColumnPtr execute(const ColumnsWithTypeAndName& arguments, const DataTypePtr&, size_t rows) const override {
    ArrayArgument array = fullArrayArgument(arguments[0].column);
    const Offsets& src = array.offsets();
    Offsets offsets(rows);
    PODArray<uint64_t> indices;
    indices.reserve(array.data().size());
    uint64_t prev = 0;
    for (size_t i = 0; i < rows; ++i) {
      uint64_t begin = prev, end = src[i];
      if constexpr (op == Reshape::PopFront) {
        for (uint64_t k = begin + 1; k < end; ++k) indices.push_back(k);
      } else if constexpr (op == Reshape::PopBack) {
        for (uint64_t k = begin; k + 1 < end; ++k) indices.push_back(k);
      } else {
        for (uint64_t k = end; k > begin; --k) indices.push_back(k - 1);
      }
      offsets[i] = indices.size();
      prev = end;
    }
    return makeArrayColumn(gatherElements(array.data(), indices), std::move(offsets));
  }

 private:
  std::string name_;
};

template <Reshape op>
FunctionFactory::Creator creator(const char* name) {
  return [name](const FunctionContext&) { return std::make_shared<FunctionArrayReshape<op>>(name); };
}

}  // namespace array_slice

REGISTER_FUNCTION(ArraySlice) {
  using namespace array_slice;
  factory.registerFunction(
      "arraySlice", [](const FunctionContext&) { return std::make_shared<FunctionArraySlice>(); },
      FunctionDocumentation{.description = "A slice of the array: 1-based offset (negative from the end) and optional "
                                           "length (negative: up to that many from the end).",
                            .syntax = "arraySlice(arr, offset[, length])",
                            .category = "Arrays"});
  factory.registerFunction("arrayPopFront", creator<Reshape::PopFront>("arrayPopFront"),
                           FunctionDocumentation{.description = "The array without its first element.",
                                                 .syntax = "arrayPopFront(arr)",
                                                 .category = "Arrays"});
  factory.registerFunction("arrayPopBack", creator<Reshape::PopBack>("arrayPopBack"),
                           FunctionDocumentation{.description = "The array without its last element.",
                                                 .syntax = "arrayPopBack(arr)",
                                                 .category = "Arrays"});
  factory.registerFunction("arrayReverse", creator<Reshape::Reverse>("arrayReverse"),
                           FunctionDocumentation{.description = "The elements in reverse order.",
                                                 .syntax = "arrayReverse(arr)",
                                                 .category = "Arrays"});
}

}  // namespace tally
