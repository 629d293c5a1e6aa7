// toTypeName(x): the type of x as ClickHouse names it; toColumnTypeName(x): the in-memory column
// layout ("Const(UInt8)", "Nullable(String)", "UInt16" for a Date); toLowCardinality(x).

#include "columns/column_array.h"
#include "columns/column_const.h"
#include "columns/column_fixed_string.h"
#include "columns/column_low_cardinality.h"
#include "columns/column_nullable.h"
#include "columns/column_tuple.h"
#include "common/exception.h"
#include "functions/conversion/conversion_documentation.h"
#include "functions/function_factory.h"
#include "types/data_type_array.h"
#include "types/data_type_low_cardinality.h"
#include "types/data_type_string.h"

namespace tally {

namespace type_name_functions_detail {

/// ClickHouse's IColumn::getName() of `column`, whose values have type `type`.
std::string columnName(const Column& column, const DataType& type) {
  switch (column.kind()) {
    case ColumnKind::Const:
      return "Const(" + columnName(static_cast<const ColumnConst&>(column).getDataColumn(), type) + ")";
    case ColumnKind::Nullable:
      return "Nullable(" +
             columnName(static_cast<const ColumnNullable&>(column).getNestedColumn(), *removeNullable(type.getPtr())) + ")";
    case ColumnKind::LowCardinality: return "ColumnLowCardinality";
    case ColumnKind::FixedString:
      return "FixedString(" + std::to_string(static_cast<const ColumnFixedString&>(column).getN()) + ")";
    case ColumnKind::Array: {
      const auto& array = static_cast<const ColumnArray&>(column);
      DataTypePtr nested = type.typeId() == TypeIndex::Array ? static_cast<const DataTypeArray&>(type).getNestedType()
                                                              : type.getPtr();
      return "Array(" + columnName(array.getData(), *nested) + ")";
    }
    case ColumnKind::Tuple: {
      const auto& tuple = static_cast<const ColumnTuple&>(column);
      std::string s = "Tuple(";
      for (size_t i = 0; i < tuple.tupleSize(); ++i) {
        DataTypePtr element = type.typeId() == TypeIndex::Tuple ? static_cast<const DataTypeTuple&>(type).getElements()[i]
                                                                 : type.getPtr();
        s += (i ? ", " : "") + columnName(tuple.getColumn(i), *element);
      }
      return s + ")";
    }
    case ColumnKind::Vector:
      if (type.typeId() == TypeIndex::DateTime64) return "DateTime64";
      if (type.typeId() == TypeIndex::UUID) return "UUID";
      return column.familyName();
    default: return column.familyName();
  }
}

/// toTypeName / toColumnTypeName: a constant String computed from the argument's type (and column).
class FunctionTypeName final : public IFunction {
 public:
  explicit FunctionTypeName(bool of_column) : of_column_(of_column) {}
  std::string getName() const override { return of_column_ ? "toColumnTypeName" : "toTypeName"; }
  size_t getNumberOfArguments() const override { return 1; }
  bool useDefaultImplementationForNulls() const override { return false; }
  bool useDefaultImplementationForNothing() const override { return false; }
  bool useDefaultImplementationForLowCardinality() const override { return false; }
  bool useDefaultImplementationForConstants() const override { return !of_column_; }
  bool isSuitableForConstantFolding() const override { return !of_column_; }

  DataTypePtr getReturnType(const ColumnsWithTypeAndName&) const override { return typeString(); }

  ColumnPtr execute(const ColumnsWithTypeAndName& arguments, const DataTypePtr& result_type,
                    size_t input_rows_count) const override {
    std::string name = of_column_ ? columnName(*arguments[0].column, *arguments[0].type) : arguments[0].type->name();
    return result_type->createColumnConst(input_rows_count, Field(name));
  }

 private:
  bool of_column_;
};

/// toLowCardinality(x): x as LowCardinality(T) (x itself if it already is).
class FunctionToLowCardinality final : public IFunction {
 public:
  std::string getName() const override { return "toLowCardinality"; }
  size_t getNumberOfArguments() const override { return 1; }
  bool useDefaultImplementationForNulls() const override { return false; }
  bool useDefaultImplementationForNothing() const override { return false; }
  bool useDefaultImplementationForLowCardinality() const override { return false; }

  DataTypePtr getReturnType(const ColumnsWithTypeAndName& arguments) const override {
    if (arguments[0].type->typeId() == TypeIndex::LowCardinality) return arguments[0].type;
    return std::make_shared<DataTypeLowCardinality>(arguments[0].type);
  }

  ColumnPtr execute(const ColumnsWithTypeAndName& arguments, const DataTypePtr& result_type, size_t) const override {
    if (arguments[0].type->typeId() == TypeIndex::LowCardinality) return arguments[0].column;
    ColumnPtr full = materialize(arguments[0].column);
    auto res = result_type->createColumn();
    res->insertRangeFrom(*full, 0, full->size());
    return res;
  }
};

}  // namespace type_name_functions_detail


REGISTER_FUNCTION(ConversionTypeName) {
  using namespace type_name_functions_detail;
  factory.registerFunction(
      "toTypeName", [](const FunctionContext&) { return std::make_shared<FunctionTypeName>(false); },
      conversionDocumentation("Returns the type name of the argument.", "toTypeName(x)", "Other"));
  factory.registerFunction(
      "toColumnTypeName", [](const FunctionContext&) { return std::make_shared<FunctionTypeName>(true); },
      conversionDocumentation("Returns the name of the in-memory column layout of the argument.", "toColumnTypeName(x)", "Other"));
  factory.registerFunction(
      "toLowCardinality", [](const FunctionContext&) { return std::make_shared<FunctionToLowCardinality>(); },
      conversionDocumentation("Converts the argument to the LowCardinality version of its type.", "toLowCardinality(x)"));
}

}  // namespace tally
