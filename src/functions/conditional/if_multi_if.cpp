// if(cond, then, else) and multiIf(c1, v1, c2, v2, ..., else): branches meet at their least
// supertype (Nullable if a branch is Nullable or NULL); a NULL condition counts as false.

#include "columns/column_const.h"
#include "common/exception.h"
#include "functions/conditional/row_selection.h"
#include "functions/conditional/supertype_cast.h"
#include "functions/function_factory.h"
#include "types/least_supertype.h"

namespace tally {

namespace if_multi_if {

class FunctionIf final : public IFunction {
 public:
  std::string getName() const override { return "if"; }
  size_t getNumberOfArguments() const override { return 3; }
  bool useDefaultImplementationForNulls() const override { return false; }

  DataTypePtr getReturnType(const ColumnsWithTypeAndName& arguments) const override {
    checkConditionType("if", 0, arguments[0].type);
    return getLeastSupertype({arguments[1].type, arguments[2].type});
  }

  ColumnPtr execute(const ColumnsWithTypeAndName& arguments, const DataTypePtr& result_type,
                    size_t rows) const override {
    ColumnPtr then_column = castColumnToSupertype(arguments[1].column, arguments[1].type, result_type);
    ColumnPtr else_column = castColumnToSupertype(arguments[2].column, arguments[2].type, result_type);
    const ColumnPtr& cond = arguments[0].column;
    if (cond->isConst()) {
      PODArray<UInt8> value = conditionValues({ColumnConst::create(static_cast<const ColumnConst&>(*cond).getDataColumnPtr(), 1),
                                               arguments[0].type, ""},
                                              1);
      const ColumnPtr& chosen = value[0] ? then_column : else_column;
      return chosen->isConst() ? chosen->cut(0, rows) : chosen;
    }
    return selectRows(conditionValues(arguments[0], rows), then_column, else_column, result_type, rows);
  }
};

class FunctionMultiIf final : public IFunction {
 public:
  std::string getName() const override { return "multiIf"; }
  bool isVariadic() const override { return true; }
  bool useDefaultImplementationForNulls() const override { return false; }

  DataTypePtr getReturnType(const ColumnsWithTypeAndName& arguments) const override {
    if (arguments.size() < 3 || arguments.size() % 2 == 0)
      throw Exception(ErrorCodes::NUMBER_OF_ARGUMENTS_DOESNT_MATCH,
                      "Invalid number of arguments for function multiIf: {}, expected an odd number, at least 3",
                      arguments.size());
    DataTypes values;
    for (size_t i = 0; i + 1 < arguments.size(); i += 2) {
      checkConditionType("multiIf", i, arguments[i].type);
      values.push_back(arguments[i + 1].type);
    }
    values.push_back(arguments.back().type);
    return getLeastSupertype(values);
  }

  ColumnPtr execute(const ColumnsWithTypeAndName& arguments, const DataTypePtr& result_type,
                    size_t rows) const override {
    size_t branches = arguments.size() / 2 + 1;
    if (branches > 255) throw Exception(ErrorCodes::TOO_MANY_ARGUMENTS_FOR_FUNCTION, "Too many branches for multiIf");
    PODArray<UInt8> index(rows, UInt8(branches - 1));
    PODArray<UInt8> decided(rows, 0);
    Columns values;
    for (size_t b = 0; b + 1 < branches; ++b) {
      PODArray<UInt8> cond = conditionValues(arguments[2 * b], rows);
      for (size_t i = 0; i < rows; ++i) {
        UInt8 take = cond[i] & UInt8(!decided[i]);
        index[i] = take ? UInt8(b) : index[i];
        decided[i] |= take;
      }
      values.push_back(castColumnToSupertype(arguments[2 * b + 1].column, arguments[2 * b + 1].type, result_type));
    }
    values.push_back(castColumnToSupertype(arguments.back().column, arguments.back().type, result_type));
    return gatherRows(index, values, result_type, rows);
  }
};

}  // namespace if_multi_if

REGISTER_FUNCTION(IfMultiIf) {
  using namespace if_multi_if;
  factory.registerFunction(
      "if", [](const FunctionContext&) { return std::make_shared<FunctionIf>(); },
      FunctionDocumentation{.description = "then if cond is true (non-zero), else otherwise.",
                            .syntax = "if(cond, then, else)", .category = "Conditional"},
      FunctionFactory::CaseInsensitive);
  factory.registerFunction(
      "multiIf", [](const FunctionContext&) { return std::make_shared<FunctionMultiIf>(); },
      FunctionDocumentation{.description = "The value of the first true condition, else the last argument.",
                            .syntax = "multiIf(cond1, then1, cond2, then2, ..., else)", .category = "Conditional"});
}

}  // namespace tally
