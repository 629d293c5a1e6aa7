// tuple(x, ...) — the function behind (a, b) with non-literal elements — and
// tupleElement(t, n | 'name'[, default]) — what t.1 and t.name become. tupleElement also works
// through arrays of tuples (Array(Tuple(a, b)) -> Array(a)).

#include "columns/column_array.h"
#include "columns/column_const.h"
#include "columns/column_tuple.h"
#include "common/exception.h"
#include "functions/function_factory.h"
#include "types/data_type_array.h"

namespace tally {

namespace tuple_functions {

class FunctionTuple final : public IFunction {
 public:
  std::string getName() const override { return "tuple"; }
  bool isVariadic() const override { return true; }
  bool useDefaultImplementationForNulls() const override { return false; }
  bool useDefaultImplementationForNothing() const override { return false; }
  bool useDefaultImplementationForLowCardinality() const override { return false; }

  DataTypePtr getReturnType(const ColumnsWithTypeAndName& arguments) const override {
    DataTypes elements;
    for (const auto& a : arguments) elements.push_back(a.type);
    return std::make_shared<DataTypeTuple>(elements);
  }

  ColumnPtr execute(const ColumnsWithTypeAndName& arguments, const DataTypePtr&, size_t rows) const override {
    Columns columns;
    for (const auto& a : arguments) columns.push_back(materialize(a.column));
    return ColumnTuple::create(columns, rows);
  }
};

class FunctionTupleElement final : public IFunction {
 public:
  std::string getName() const override { return "tupleElement"; }
  bool isVariadic() const override { return true; }
  bool useDefaultImplementationForNulls() const override { return false; }
  bool useDefaultImplementationForNothing() const override { return false; }
  bool useDefaultImplementationForLowCardinality() const override { return false; }
  std::vector<size_t> getArgumentsThatAreAlwaysConstant() const override { return {1}; }

  DataTypePtr getReturnType(const ColumnsWithTypeAndName& arguments) const override {
    checkArgumentCount(getName(), arguments.size(), 2, 3);
    size_t array_depth = 0;
    const DataTypeTuple* tuple = tupleType(arguments[0].type, array_depth);
    if (!tuple)
      throw Exception(ErrorCodes::ILLEGAL_TYPE_OF_ARGUMENT,
                      "First argument for function {} must be tuple or array of tuple. Actual {}", getName(),
                      arguments[0].type->name());
    DataTypePtr result;
    size_t index;
    if (elementIndex(*tuple, arguments, index)) {
      result = tuple->getElements()[index];
    } else {
      result = arguments[2].type;
      array_depth = 0;
    }
    for (size_t i = 0; i < array_depth; ++i) result = std::make_shared<DataTypeArray>(result);
    return result;
  }

  ColumnPtr execute(const ColumnsWithTypeAndName& arguments, const DataTypePtr&, size_t rows) const override {
    size_t array_depth = 0;
    const DataTypeTuple* tuple = tupleType(arguments[0].type, array_depth);
    size_t index;
    if (!elementIndex(*tuple, arguments, index)) return arguments[2].column;
    const ColumnPtr& input = arguments[0].column;
    if (input->isConst()) {
      const auto& c = static_cast<const ColumnConst&>(*input);
      return ColumnConst::create(extract(c.getDataColumnPtr(), array_depth, index), rows);
    }
    return extract(input, array_depth, index);
  }

 private:
  /// The tuple type of t, under `depth` levels of Array.
  static const DataTypeTuple* tupleType(const DataTypePtr& type, size_t& depth) {
    const DataType* t = type.get();
    while (const auto* array = dynamic_cast<const DataTypeArray*>(t)) {
      t = array->getNestedType().get();
      ++depth;
    }
    return dynamic_cast<const DataTypeTuple*>(t);
  }

  static ColumnPtr extract(const ColumnPtr& column, size_t depth, size_t index) {
    if (depth == 0) return static_cast<const ColumnTuple&>(*column).getColumnPtr(index);
    const auto& array = static_cast<const ColumnArray&>(*column);
    return ColumnArray::create(extract(array.getDataPtr(), depth - 1, index), array.getOffsets());
  }

  /// Position of the requested element; false if absent and a default was given.
  bool elementIndex(const DataTypeTuple& tuple, const ColumnsWithTypeAndName& arguments, size_t& index) const {
    bool has_default = arguments.size() == 3;
    if (!isConstantArgument(arguments, 1))
      throw Exception(ErrorCodes::ILLEGAL_COLUMN, "Second argument to {} must be a constant UInt or String", getName());
    Field key = constantArgument(getName(), arguments, 1);
    size_t size = tuple.getElements().size();
    if (key.which() == Field::Which::String) {
      const auto& name = key.get<std::string>();
      if (tuple.tryGetPositionByName(name, index)) return true;
      if (has_default) return false;
      throw Exception(ErrorCodes::NOT_FOUND_COLUMN_IN_BLOCK, "Tuple {} doesn't have element with name '{}'",
                      arguments[0].type->name(), name);
    }
    if (!arguments[1].type->isInteger())
      throw Exception(ErrorCodes::ILLEGAL_TYPE_OF_ARGUMENT, "Second argument to {} must be a constant UInt or String",
                      getName());
    if (key.which() == Field::Which::Int64 && key.get<int64_t>() < 0) {
      if (has_default) return false;
      throw Exception(ErrorCodes::ILLEGAL_INDEX, "Index for tuple element is out of range.");
    }
    uint64_t n = key.as<uint64_t>();
    if (n == 0) throw Exception(ErrorCodes::ILLEGAL_INDEX, "Indices in tuples are 1-based.");
    if (n > size) {
      if (has_default) return false;
      throw Exception(ErrorCodes::ILLEGAL_INDEX, "Index for tuple element is out of range.");
    }
    index = size_t(n - 1);
    return true;
  }
};

}  // namespace tuple_functions

REGISTER_FUNCTION(Tuple) {
  using namespace tuple_functions;
  factory.registerFunction(
      "tuple", [](const FunctionContext&) { return std::make_shared<FunctionTuple>(); },
      FunctionDocumentation{.description = "A tuple of the arguments.", .syntax = "tuple(x, ...)", .category = "Tuples"});
  factory.registerFunction(
      "tupleElement", [](const FunctionContext&) { return std::make_shared<FunctionTupleElement>(); },
      FunctionDocumentation{.description = "The element of a tuple at a 1-based index or with a name; the default "
                                           "(third argument) if there is none.",
                            .syntax = "tupleElement(tuple, index | 'name'[, default])",
                            .category = "Tuples"});
}

}  // namespace tally
