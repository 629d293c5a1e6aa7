#include "functions/array/array_mapped.h"

#include <algorithm>

#include "columns/column_const.h"
#include "columns/column_nullable.h"
#include "columns/column_vector.h"
#include "common/exception.h"
#include "functions/array/array_columns.h"
#include "functions/column_function.h"
#include "types/data_type_array.h"
#include "types/data_type_misc.h"
#include "types/data_type_number.h"

namespace tally {

namespace array_mapped {

bool isBooleanType(const DataTypePtr& type) {
  TypeIndex id = removeNullable(type)->typeId();
  return id == TypeIndex::UInt8 || id == TypeIndex::Bool || id == TypeIndex::Nothing;
}

/// Lambda results as plain UInt8: NULL -> 0, Nothing -> constant 0.
ColumnPtr toBooleanColumn(const ColumnPtr& column, const DataTypePtr& type) {
  size_t n = column->size();
  if (removeNullable(type)->typeId() == TypeIndex::Nothing) return typeUInt8()->createColumnConst(n, Field(uint64_t(0)));
  if (column->isConst()) {
    const auto& c = static_cast<const ColumnConst&>(*column);
    if (!c.isNullable()) return column;
    uint64_t v = c.isNullAt(0) ? 0 : c.getUInt(0);
    return typeUInt8()->createColumnConst(n, Field(v));
  }
  if (column->kind() != ColumnKind::Nullable) return column;
  const auto& nullable = static_cast<const ColumnNullable&>(*column);
  const auto& nested = static_cast<const ColumnUInt8&>(nullable.getNestedColumn()).getData();
  const auto& nulls = nullable.getNullMapData();
  auto res = std::make_shared<ColumnUInt8>(n);
  auto& out = res->getData();
  for (size_t i = 0; i < n; ++i) out[i] = nulls[i] ? 0 : nested[i];
  return res;
}

}  // namespace array_mapped

DataTypes FunctionArrayMapped::getLambdaArgumentTypes(size_t lambda_index, const DataTypes& argument_types) const {
  if (lambda_index != 0)
    throw Exception(ErrorCodes::ILLEGAL_TYPE_OF_ARGUMENT, "Function {}: only the first argument may be a lambda", name_);
  if (argument_types.size() < 2)
    throw Exception(ErrorCodes::NUMBER_OF_ARGUMENTS_DOESNT_MATCH, "Function {} needs at least 1 argument with data", name_);
  if (traits_.need_one_array && argument_types.size() > 2)
    throw Exception(ErrorCodes::NUMBER_OF_ARGUMENTS_DOESNT_MATCH, "Function {} needs 1 argument with data", name_);
  DataTypes params;
  for (size_t i = 1; i < argument_types.size(); ++i) {
    DataTypePtr element = arrayElementType(argument_types[i]);
    if (!element)
      throw Exception(ErrorCodes::ILLEGAL_TYPE_OF_ARGUMENT, "Argument {} of function {} must be Array. Found {} instead", i + 1,
                      name_, argument_types[i] ? argument_types[i]->name() : "a lambda");
    params.push_back(removeLowCardinality(element));
  }
  return params;
}

DataTypePtr FunctionArrayMapped::getReturnType(const ColumnsWithTypeAndName& arguments) const {
  using namespace array_mapped;
  size_t min_args = traits_.need_expression ? 2 : 1;
  if (arguments.size() < min_args)
    throw Exception(ErrorCodes::NUMBER_OF_ARGUMENTS_DOESNT_MATCH, "Function {} needs at least {} argument{}, passed {}",
                    name_, min_args, min_args > 1 ? "s" : "", arguments.size());
  bool has_lambda = arguments[0].type->typeId() == TypeIndex::Function;
  if (!has_lambda) {
    if (arguments.size() != 1 || traits_.need_expression) {
      if (arguments.size() > 1)
        throw Exception(ErrorCodes::ILLEGAL_TYPE_OF_ARGUMENT, "First argument for function {} must be a function. Actual {}",
                        name_, arguments[0].type->name());
    }
    DataTypePtr element = arrayElementType(arguments[0].type);
    if (!element)
      throw Exception(ErrorCodes::ILLEGAL_TYPE_OF_ARGUMENT, "The 1st and only argument for function {} must be array. Found {} instead",
                      name_, arguments[0].type->name());
    if (traits_.need_boolean && element->typeId() != TypeIndex::UInt8 && element->typeId() != TypeIndex::Bool)
      throw Exception(ErrorCodes::ILLEGAL_TYPE_OF_ARGUMENT,
                      "The 1st and only argument for function {} must be array of UInt8. Found {} instead", name_,
                      arguments[0].type->name());
    return resultType(element, element);
  }
  if (traits_.need_one_array && arguments.size() > 2)
    throw Exception(ErrorCodes::NUMBER_OF_ARGUMENTS_DOESNT_MATCH, "Function {} needs one argument with data", name_);
  if (arguments.size() < 2)
    throw Exception(ErrorCodes::NUMBER_OF_ARGUMENTS_DOESNT_MATCH, "Function {} needs at least 1 argument with data", name_);
  for (size_t i = 1; i < arguments.size(); ++i)
    if (!arrayElementType(arguments[i].type))
      throw Exception(ErrorCodes::ILLEGAL_TYPE_OF_ARGUMENT, "Argument {} of function {} must be Array. Found {} instead", i + 1,
                      name_, arguments[i].type->name());
  const auto& function_type = static_cast<const DataTypeFunction&>(*arguments[0].type);
  DataTypePtr mapped = removeLowCardinality(function_type.result());
  if (traits_.need_boolean && !isBooleanType(mapped))
    throw Exception(ErrorCodes::ILLEGAL_TYPE_OF_ARGUMENT, "Expression for function {} must return UInt8 or Nullable(UInt8), found {}",
                    name_, mapped->name());
  return resultType(mapped, arrayElementType(arguments[1].type));
}

ColumnPtr FunctionArrayMapped::execute(const ColumnsWithTypeAndName& arguments, const DataTypePtr& result_type,
                                       size_t rows) const {
  using namespace array_mapped;
  if (arguments[0].type->typeId() != TypeIndex::Function) {
    ArrayArgument array = fullArrayArgument(arguments[0].column);
    DataTypePtr element = arrayElementType(arguments[0].type);
    ColumnPtr mapped = removeLowCardinalityColumn(array.column->getDataPtr());
    return executeMapped(*array.column, mapped, removeLowCardinality(element), result_type);
  }

  ColumnPtr function_column = materialize(arguments[0].column);
  const auto* function = dynamic_cast<const ColumnFunction*>(function_column.get());
  if (!function)
    throw Exception(ErrorCodes::ILLEGAL_COLUMN, "First argument for function {} must be a function.", name_);

  std::vector<ArrayArgument> arrays;
  ColumnsWithTypeAndName params;
  for (size_t i = 1; i < arguments.size(); ++i) {
    ArrayArgument array = fullArrayArgument(arguments[i].column);
    if (!arrays.empty()) {
      const Offsets& first = arrays[0].offsets();
      const Offsets& current = array.offsets();
      bool same = first.size() == current.size() &&
                  (first.data() == current.data() ||
                   std::equal(first.begin(), first.end(), current.begin()));
      if (!same)
        throw Exception(ErrorCodes::SIZES_OF_ARRAYS_DONT_MATCH,
                        "Arrays passed to {} must have equal size. Argument {} has size {} which differs with the size of "
                        "another argument, {}",
                        name_, i + 1, current.empty() ? 0 : current.back(), first.empty() ? 0 : first.back());
    }
    DataTypePtr element = arrayElementType(arguments[i].type);
    params.push_back({removeLowCardinalityColumn(array.column->getDataPtr()), removeLowCardinality(element),
                      arguments[i].name});
    arrays.push_back(std::move(array));
  }

  const ColumnArray& first = *arrays[0].column;
  ColumnPtr replicated = function->replicate(first.getOffsets());
  const auto& lambda = static_cast<const ColumnFunction&>(*replicated);
  ColumnPtr mapped = lambda.evaluate(params);
  DataTypePtr mapped_type = static_cast<const DataTypeFunction&>(*arguments[0].type).result();
  mapped = removeLowCardinalityColumn(mapped);
  mapped_type = removeLowCardinality(mapped_type);
  if (traits_.need_boolean) {
    mapped = toBooleanColumn(mapped, mapped_type);
    mapped_type = typeUInt8();
  }
  return executeMapped(first, mapped, mapped_type, result_type);
}

}  // namespace tally
