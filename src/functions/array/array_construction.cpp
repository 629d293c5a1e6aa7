// Building arrays: array(x, ...) (the function behind [a, b] with non-literal elements),
// range([start,] end[, step]), arrayWithConstant(n, x), emptyArrayT(), emptyArrayToSingle(arr).

#include "columns/column_const.h"
#include "columns/column_nullable.h"
#include "common/exception.h"
#include "functions/array/array_columns.h"
#include "functions/conditional/supertype_cast.h"
#include "functions/function_factory.h"
#include "functions/type_dispatch.h"
#include "types/data_type_array.h"
#include "types/data_type_factory.h"
#include "types/data_type_misc.h"
#include "types/data_type_nullable.h"
#include "types/data_type_number.h"
#include "types/least_supertype.h"

namespace tally {

namespace array_construction {

/// Most elements one call may produce (ClickHouse's function_range_max_elements_in_block default).
constexpr size_t kMaxElements = 500000000;

class FunctionArray final : public IFunction {
 public:
  std::string getName() const override { return "array"; }
  bool isVariadic() const override { return true; }
  bool useDefaultImplementationForNulls() const override { return false; }
  bool useDefaultImplementationForLowCardinality() const override { return false; }
  bool useDefaultImplementationForNothing() const override { return false; }

  DataTypePtr getReturnType(const ColumnsWithTypeAndName& arguments) const override {
    DataTypes types;
    for (const auto& a : arguments) types.push_back(a.type);
    return std::make_shared<DataTypeArray>(types.empty() ? typeNothing() : getLeastSupertype(types));
  }

  ColumnPtr execute(const ColumnsWithTypeAndName& arguments, const DataTypePtr& result_type, size_t rows) const override {
    const DataTypePtr& element_type = static_cast<const DataTypeArray&>(*result_type).getNestedType();
    size_t n = arguments.size();
    Offsets offsets(rows);
    for (size_t i = 0; i < rows; ++i) offsets[i] = (i + 1) * n;
    if (n == 0) return makeArrayColumn(element_type->createColumn(), std::move(offsets));

    // Concatenate the (converted) arguments, then interleave them with one gather.
    MutableColumnPtr all = element_type->createColumn();
    all->reserve(rows * n);
    for (const auto& a : arguments) {
      ColumnPtr c = materialize(castColumnToSupertype(a.column, a.type, element_type));
      all->insertRangeFrom(*c, 0, rows);
    }
    if (n == 1) return makeArrayColumn(std::move(all), std::move(offsets));
    PODArray<uint64_t> indices(rows * n);
    for (size_t i = 0; i < rows; ++i)
      for (size_t k = 0; k < n; ++k) indices[i * n + k] = k * rows + i;
    return makeArrayColumn(gatherElements(*all, indices), std::move(offsets));
  }
};

/// Integer argument values as __int128, one per row (or a single value for a constant).
struct IntegerValues {
  PODArray<__int128> values;
  bool is_const = false;
  __int128 at(size_t i) const { return values[is_const ? 0 : i]; }
};

IntegerValues integerValues(const ColumnPtr& column, const DataTypePtr& type, const std::string& function) {
  IntegerValues res;
  ColumnPtr c = column;
  if (c->isConst()) {
    res.is_const = true;
    c = static_cast<const ColumnConst&>(*c).getDataColumnPtr();
  }
  if (c->kind() == ColumnKind::Nullable) {
    const auto& n = static_cast<const ColumnNullable&>(*c);
    for (UInt8 null : n.getNullMapData())
      if (null)
        throw Exception(ErrorCodes::BAD_ARGUMENTS, "Illegal (null) value column {} of argument of function {}",
                        column->familyName(), function);
    c = n.getNestedColumnPtr();
  }
  dispatchInteger(removeNullable(type)->typeId(), [&](auto tag) {
    using T = typename decltype(tag)::Type;
    const auto& data = static_cast<const ColumnVector<T>&>(*c).getData();
    res.values.resize(data.size());
    for (size_t i = 0; i < data.size(); ++i) res.values[i] = data[i];
  });
  return res;
}

class FunctionRange final : public IFunction {
 public:
  std::string getName() const override { return "range"; }
  bool isVariadic() const override { return true; }
  bool useDefaultImplementationForNulls() const override { return false; }

  DataTypePtr getReturnType(const ColumnsWithTypeAndName& arguments) const override {
    if (arguments.empty() || arguments.size() > 3)
      throw Exception(ErrorCodes::NUMBER_OF_ARGUMENTS_DOESNT_MATCH, "Function range needs 1..3 arguments; passed {}.",
                      arguments.size());
    DataTypes types;
    for (const auto& a : arguments) {
      if (removeNullable(a.type)->typeId() == TypeIndex::Nothing) return makeNullable(typeNothing());
      DataTypePtr t = removeNullable(a.type);
      if (!t->isInteger())
        throw Exception(ErrorCodes::ILLEGAL_TYPE_OF_ARGUMENT, "Illegal type {} of argument of function range",
                        a.type->name());
      types.push_back(t);
    }
    return std::make_shared<DataTypeArray>(getLeastSupertype(types));
  }

  ColumnPtr execute(const ColumnsWithTypeAndName& arguments, const DataTypePtr& result_type, size_t rows) const override {
    if (result_type->typeId() != TypeIndex::Array) return result_type->createColumnConst(rows, Field());
    const DataTypePtr& element_type = static_cast<const DataTypeArray&>(*result_type).getNestedType();
    std::vector<IntegerValues> args;
    for (const auto& a : arguments) args.push_back(integerValues(a.column, a.type, "range"));

    // Lengths first (checked against the limit), then the values.
    Offsets offsets(rows);
    size_t total = 0;
    auto bounds = [&](size_t i, __int128& start, __int128& end, __int128& step) {
      if (args.size() == 1) {
        start = 0;
        end = args[0].at(i);
        step = 1;
        if (end < 0)
          throw Exception(ErrorCodes::ARGUMENT_OUT_OF_BOUND,
                          "A call to function range overflows, only support positive values when only end is provided");
      } else {
        start = args[0].at(i);
        end = args[1].at(i);
        step = args.size() == 3 ? args[2].at(i) : 1;
        if (step == 0)
          throw Exception(ErrorCodes::ARGUMENT_OUT_OF_BOUND,
                          "A call to function range overflows, the 3rd argument step can't be zero");
      }
    };
    for (size_t i = 0; i < rows; ++i) {
      __int128 start, end, step;
      bounds(i, start, end, step);
      __int128 length = 0;
      if (start < end && step > 0) length = (end - start - 1) / step + 1;
      else if (start > end && step < 0) length = (end - start + 1) / step + 1;
      if (length > __int128(kMaxElements) || total + size_t(length) > kMaxElements)
        throw Exception(ErrorCodes::ARGUMENT_OUT_OF_BOUND,
                        "A call to function range would produce {} array elements, which is greater than the allowed "
                        "maximum of {}",
                        std::to_string(uint64_t(total + uint64_t(length))), kMaxElements);
      total += size_t(length);
      offsets[i] = total;
    }

    MutableColumnPtr data = element_type->createColumn();
    dispatchInteger(element_type->typeId(), [&](auto tag) {
      using T = typename decltype(tag)::Type;
      auto& out = static_cast<ColumnVector<T>&>(*data).getData();
      out.resize(total);
      size_t pos = 0;
      for (size_t i = 0; i < rows; ++i) {
        __int128 start, end, step;
        bounds(i, start, end, step);
        size_t length = offsets[i] - (i == 0 ? 0 : offsets[i - 1]);
        __int128 v = start;
        for (size_t k = 0; k < length; ++k, v += step) out[pos++] = T(v);
      }
    });
    return makeArrayColumn(std::move(data), std::move(offsets));
  }
};

class FunctionArrayWithConstant final : public IFunction {
 public:
  std::string getName() const override { return "arrayWithConstant"; }
  size_t getNumberOfArguments() const override { return 2; }
  bool useDefaultImplementationForNulls() const override { return false; }
  bool useDefaultImplementationForLowCardinality() const override { return false; }

  DataTypePtr getReturnType(const ColumnsWithTypeAndName& arguments) const override {
    if (!removeNullable(arguments[0].type)->isInteger())
      throwIllegalType(getName(), 0, arguments[0].type, "a number");
    return std::make_shared<DataTypeArray>(arguments[1].type);
  }

  ColumnPtr execute(const ColumnsWithTypeAndName& arguments, const DataTypePtr& result_type, size_t rows) const override {
    IntegerValues lengths = integerValues(arguments[0].column, arguments[0].type, getName());
    Offsets offsets(rows);
    PODArray<uint64_t> indices;
    size_t total = 0;
    for (size_t i = 0; i < rows; ++i) {
      __int128 n = lengths.at(i);
      if (n < 0) throw Exception(ErrorCodes::TOO_LARGE_ARRAY_SIZE, "Array size cannot be negative: while executing function {}", getName());
      if (n > __int128(1000000000) || total + size_t(n) > 1000000000)
        throw Exception(ErrorCodes::TOO_LARGE_ARRAY_SIZE, "Too large array size in function {}", getName());
      total += size_t(n);
      offsets[i] = total;
    }
    indices.resize(total);
    bool value_const = arguments[1].column->isConst();
    size_t pos = 0;
    for (size_t i = 0; i < rows; ++i)
      for (; pos < offsets[i]; ++pos) indices[pos] = value_const ? 0 : i;
    ColumnPtr values = value_const ? static_cast<const ColumnConst&>(*arguments[1].column).getDataColumnPtr()
                                    : arguments[1].column;
    return makeArrayColumn(gatherElements(*values, indices), std::move(offsets));
  }
};

class FunctionEmptyArray final : public IFunction {
 public:
  FunctionEmptyArray(std::string name, DataTypePtr element) : name_(std::move(name)), element_(std::move(element)) {}
  std::string getName() const override { return name_; }
  size_t getNumberOfArguments() const override { return 0; }
  DataTypePtr getReturnType(const ColumnsWithTypeAndName&) const override {
    return std::make_shared<DataTypeArray>(element_);
  }
  ColumnPtr execute(const ColumnsWithTypeAndName&, const DataTypePtr& result_type, size_t rows) const override {
    return result_type->createColumnConst(rows, Field(FieldArray()));
  }

 private:
  std::string name_;
  DataTypePtr element_;
};

class FunctionEmptyArrayToSingle final : public IFunction {
 public:
  std::string getName() const override { return "emptyArrayToSingle"; }
  size_t getNumberOfArguments() const override { return 1; }
  bool useDefaultImplementationForLowCardinality() const override { return false; }
  DataTypePtr getReturnType(const ColumnsWithTypeAndName& arguments) const override {
    checkArrayArgument(getName(), arguments, 0);
    return arguments[0].type;
  }
  ColumnPtr execute(const ColumnsWithTypeAndName& arguments, const DataTypePtr& result_type, size_t rows) const override {
    ArrayArgument array = fullArrayArgument(arguments[0].column);
    const Offsets& src = array.offsets();
    bool any_empty = false;
    for (size_t i = 0; i < rows && !any_empty; ++i) any_empty = src[i] == (i == 0 ? 0 : src[i - 1]);
    if (!any_empty) return array.holder;
    MutableColumnPtr data = array.data().cloneEmpty();
    Offsets offsets(rows);
    size_t prev = 0;
    for (size_t i = 0; i < rows; ++i) {
      if (src[i] == prev) data->insertDefault();
      else data->insertRangeFrom(array.data(), prev, src[i] - prev);
      offsets[i] = data->size();
      prev = src[i];
    }
    return makeArrayColumn(std::move(data), std::move(offsets));
  }
};

}  // namespace array_construction

REGISTER_FUNCTION(ArrayConstruction) {
  using namespace array_construction;
  factory.registerFunction(
      "array", [](const FunctionContext&) { return std::make_shared<FunctionArray>(); },
      FunctionDocumentation{.description = "An array of the arguments, converted to their least common type.",
                            .syntax = "array(x1, ...)",
                            .category = "Arrays"});
  factory.registerFunction(
      "range", [](const FunctionContext&) { return std::make_shared<FunctionRange>(); },
      FunctionDocumentation{.description = "Integers from start (default 0) up to end, exclusive, by step.",
                            .syntax = "range([start, ] end [, step])",
                            .category = "Arrays"});
  factory.registerFunction(
      "arrayWithConstant", [](const FunctionContext&) { return std::make_shared<FunctionArrayWithConstant>(); },
      FunctionDocumentation{.description = "An array of length copies of x.",
                            .syntax = "arrayWithConstant(length, x)",
                            .category = "Arrays"});
  factory.registerFunction(
      "emptyArrayToSingle", [](const FunctionContext&) { return std::make_shared<FunctionEmptyArrayToSingle>(); },
      FunctionDocumentation{.description = "Replaces an empty array by a one-element array holding the default value.",
                            .syntax = "emptyArrayToSingle(arr)",
                            .category = "Arrays"});
  for (const char* type : {"UInt8", "UInt16", "UInt32", "UInt64", "Int8", "Int16", "Int32", "Int64", "Float32",
                           "Float64", "Date", "DateTime", "String"}) {
    std::string name = std::string("emptyArray") + type;
    std::string type_name = type;
    factory.registerFunction(
        name,
        [name, type_name](const FunctionContext&) {
          return std::make_shared<FunctionEmptyArray>(name, dataTypeFromString(type_name));
        },
        FunctionDocumentation{.description = "An empty array of " + type_name + ".",
                              .syntax = name + "()",
                              .category = "Arrays"});
  }
}

}  // namespace tally
