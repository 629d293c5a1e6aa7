// caseWithExpression(x, v1, r1, ..., else) — what `CASE x WHEN v1 THEN r1 ... ELSE e END`
// becomes — and transform(x, [from...], [to...][, default]).

#include <unordered_map>

#include "columns/column_array.h"
#include "columns/column_const.h"
#include "common/exception.h"
#include "functions/conditional/row_selection.h"
#include "functions/conditional/supertype_cast.h"
#include "functions/function_factory.h"
#include "types/data_type_array.h"
#include "types/least_supertype.h"

namespace tally {

namespace case_transform {

class FunctionCaseWithExpression final : public IFunction {
 public:
  explicit FunctionCaseWithExpression(const FunctionContext& context) : context_(&context) {}
  std::string getName() const override { return "caseWithExpression"; }
  bool isVariadic() const override { return true; }
  bool useDefaultImplementationForNulls() const override { return false; }

  DataTypePtr getReturnType(const ColumnsWithTypeAndName& arguments) const override {
    if (arguments.size() < 4 || arguments.size() % 2 != 0)
      throw Exception(ErrorCodes::NUMBER_OF_ARGUMENTS_DOESNT_MATCH,
                      "Invalid number of arguments for function caseWithExpression: {}, expected an even number, at least 4",
                      arguments.size());
    DataTypes results;
    for (size_t i = 2; i < arguments.size(); i += 2) results.push_back(arguments[i].type);
    results.push_back(arguments.back().type);
    return getLeastSupertype(results);
  }

  ColumnPtr execute(const ColumnsWithTypeAndName& arguments, const DataTypePtr& result_type,
                    size_t rows) const override {
    FunctionPtr equals = FunctionFactory::instance().get("equals", *context_);
    size_t branches = arguments.size() / 2;  // (value, result) pairs + else
    if (branches > 255) throw Exception(ErrorCodes::TOO_MANY_ARGUMENTS_FOR_FUNCTION, "Too many branches in CASE");
    PODArray<UInt8> index(rows, UInt8(branches - 1));
    PODArray<UInt8> decided(rows, 0);
    Columns values;
    for (size_t b = 0; b + 1 < branches; ++b) {
      ColumnsWithTypeAndName eq_args{arguments[0], arguments[1 + 2 * b]};
      DataTypePtr eq_type = getFunctionReturnType(*equals, eq_args);
      ColumnWithTypeAndName eq{executeFunction(*equals, eq_args, eq_type, rows), eq_type, "eq"};
      PODArray<UInt8> cond = conditionValues(eq, rows);
      for (size_t i = 0; i < rows; ++i) {
        UInt8 take = cond[i] & UInt8(!decided[i]);
        index[i] = take ? UInt8(b) : index[i];
        decided[i] |= take;
      }
      const auto& r = arguments[2 + 2 * b];
      values.push_back(castColumnToSupertype(r.column, r.type, result_type));
    }
    values.push_back(castColumnToSupertype(arguments.back().column, arguments.back().type, result_type));
    return gatherRows(index, values, result_type, rows);
  }

 private:
  const FunctionContext* context_;
};

class FunctionTransform final : public IFunction {
 public:
  std::string getName() const override { return "transform"; }
  bool isVariadic() const override { return true; }
  std::vector<size_t> getArgumentsThatAreAlwaysConstant() const override { return {1, 2}; }

  DataTypePtr getReturnType(const ColumnsWithTypeAndName& arguments) const override {
    checkArgumentCount("transform", arguments.size(), 3, 4);
    for (size_t i = 1; i <= 2; ++i)
      if (arguments[i].type->typeId() != TypeIndex::Array)
        throwIllegalType("transform", i, arguments[i].type, "a constant array");
    const DataTypePtr& to_type = static_cast<const DataTypeArray&>(*arguments[2].type).getNestedType();
    const DataTypePtr& from_type = static_cast<const DataTypeArray&>(*arguments[1].type).getNestedType();
    if (!tryGetLeastSupertype({arguments[0].type, from_type}))
      throwIllegalType("transform", 1, arguments[1].type, "an array of values comparable with the first argument");
    if (arguments.size() == 4) return getLeastSupertype({to_type, arguments[3].type});
    if (!tryGetLeastSupertype({arguments[0].type, to_type}))
      throwIllegalType("transform", 2, arguments[2].type, "an array of values of the first argument's type");
    return arguments[0].type;
  }

  ColumnPtr execute(const ColumnsWithTypeAndName& arguments, const DataTypePtr& result_type,
                    size_t rows) const override {
    const auto& from_array_type = static_cast<const DataTypeArray&>(*arguments[1].type);
    const auto& to_array_type = static_cast<const DataTypeArray&>(*arguments[2].type);
    ColumnPtr from_values = constantArrayValues(arguments[1]);
    ColumnPtr to_values = constantArrayValues(arguments[2]);
    if (from_values->size() != to_values->size())
      throw Exception(ErrorCodes::BAD_ARGUMENTS,
                      "Second and third arguments of function transform must be arrays of same size");

    // Keys compared in the common type of x and the `from` elements, by their raw bytes.
    DataTypePtr key_type = getLeastSupertype({arguments[0].type, from_array_type.getNestedType()});
    ColumnPtr keys = materialize(castColumnToSupertype(arguments[0].column, arguments[0].type, key_type));
    ColumnPtr from_keys = castColumnToSupertype(from_values, from_array_type.getNestedType(), key_type);
    std::unordered_map<std::string, size_t> positions;
    for (size_t i = 0; i < from_keys->size(); ++i) positions.emplace(std::string(from_keys->getDataAt(i)), i);

    ColumnPtr to_cast = castColumnToSupertype(to_values, to_array_type.getNestedType(), result_type);
    ColumnPtr fallback = arguments.size() == 4
                             ? castColumnToSupertype(arguments[3].column, arguments[3].type, result_type)
                             : castColumnToSupertype(arguments[0].column, arguments[0].type, result_type);
    const Column& fallback_data =
        fallback->isConst() ? static_cast<const ColumnConst&>(*fallback).getDataColumn() : *fallback;
    size_t fallback_step = fallback->isConst() ? 0 : 1;

    MutableColumnPtr res = result_type->createColumn();
    res->reserve(rows);
    std::string key;
    for (size_t i = 0; i < rows; ++i) {
      std::string_view raw = keys->getDataAt(i);
      key.assign(raw.data(), raw.size());
      auto it = keys->isNullAt(i) ? positions.end() : positions.find(key);
      if (it != positions.end()) res->insertFrom(*to_cast, it->second);
      else res->insertFrom(fallback_data, i * fallback_step);
    }
    return res;
  }

 private:
  static ColumnPtr constantArrayValues(const ColumnWithTypeAndName& arg) {
    if (!arg.column->isConst())
      throw Exception(ErrorCodes::ILLEGAL_COLUMN, "Arguments 2 and 3 of function transform must be constant arrays");
    const auto& array = static_cast<const ColumnArray&>(static_cast<const ColumnConst&>(*arg.column).getDataColumn());
    return array.getDataPtr()->cut(0, array.sizeAt(0));
  }
};

}  // namespace case_transform

REGISTER_FUNCTION(CaseTransform) {
  using namespace case_transform;
  factory.registerFunction(
      "caseWithExpression", [](const FunctionContext& c) { return std::make_shared<FunctionCaseWithExpression>(c); },
      FunctionDocumentation{.description = "The result of the first value equal to x (CASE x WHEN ... END).",
                            .syntax = "caseWithExpression(x, v1, r1, ..., else)", .category = "Conditional"});
  factory.registerFunction(
      "transform", [](const FunctionContext&) { return std::make_shared<FunctionTransform>(); },
      FunctionDocumentation{.description = "Maps x through the pairs of two constant arrays, else default (or x).",
                            .syntax = "transform(x, [from, ...], [to, ...][, default])", .category = "Conditional"});
}

}  // namespace tally
