// identity(x), materialize(x) (a constant as a full column) and ignore(...) (always 0).

#include "columns/column_const.h"
#include "functions/function_factory.h"
#include "types/data_type_number.h"

namespace tally {

namespace value_passthrough {

class FunctionIdentity final : public IFunction {
 public:
  std::string getName() const override { return "identity"; }
  size_t getNumberOfArguments() const override { return 1; }
  bool useDefaultImplementationForNulls() const override { return false; }
  bool useDefaultImplementationForLowCardinality() const override { return false; }
  bool useDefaultImplementationForNothing() const override { return false; }
  DataTypePtr getReturnType(const ColumnsWithTypeAndName& arguments) const override { return arguments[0].type; }
  ColumnPtr execute(const ColumnsWithTypeAndName& arguments, const DataTypePtr&, size_t) const override {
    return arguments[0].column;
  }
};

class FunctionMaterialize final : public IFunction {
 public:
  std::string getName() const override { return "materialize"; }
  size_t getNumberOfArguments() const override { return 1; }
  bool useDefaultImplementationForNulls() const override { return false; }
  bool useDefaultImplementationForLowCardinality() const override { return false; }
  bool useDefaultImplementationForConstants() const override { return false; }
  bool useDefaultImplementationForNothing() const override { return false; }
  bool isSuitableForConstantFolding() const override { return false; }
  DataTypePtr getReturnType(const ColumnsWithTypeAndName& arguments) const override { return arguments[0].type; }
  ColumnPtr execute(const ColumnsWithTypeAndName& arguments, const DataTypePtr&, size_t) const override {
    return arguments[0].column->convertToFullColumnIfConst();
  }
};

class FunctionIgnore final : public IFunction {
 public:
  std::string getName() const override { return "ignore"; }
  bool isVariadic() const override { return true; }
  bool useDefaultImplementationForNulls() const override { return false; }
  bool useDefaultImplementationForLowCardinality() const override { return false; }
  bool useDefaultImplementationForNothing() const override { return false; }
  bool isSuitableForConstantFolding() const override { return false; }
  DataTypePtr getReturnType(const ColumnsWithTypeAndName&) const override { return typeUInt8(); }
  ColumnPtr execute(const ColumnsWithTypeAndName&, const DataTypePtr& result_type, size_t rows) const override {
    return result_type->createColumnConst(rows, Field(uint64_t(0)));
  }
};

}  // namespace value_passthrough

REGISTER_FUNCTION(ValuePassthrough) {
  using namespace value_passthrough;
  factory.registerFunction(
      "identity", [](const FunctionContext&) { return std::make_shared<FunctionIdentity>(); },
      FunctionDocumentation{.description = "Returns its argument unchanged.", .syntax = "identity(x)", .category = "Other"});
  factory.registerFunction(
      "materialize", [](const FunctionContext&) { return std::make_shared<FunctionMaterialize>(); },
      FunctionDocumentation{.description = "Turns a constant into a full column.", .syntax = "materialize(x)",
                            .category = "Other"});
  factory.registerFunction(
      "ignore", [](const FunctionContext&) { return std::make_shared<FunctionIgnore>(); },
      FunctionDocumentation{.description = "Accepts any arguments and returns 0.", .syntax = "ignore(x, ...)",
                            .category = "Other"});
}

}  // namespace tally
