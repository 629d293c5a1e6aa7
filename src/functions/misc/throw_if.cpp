// throwIf(cond[, message]): throws FUNCTION_THROW_IF_VALUE_IS_NON_ZERO (395) when any row of
// cond is non-zero; otherwise returns a UInt8 column of zeros.

#include "columns/column_vector.h"
#include "functions/function_factory.h"
#include "functions/string/string_rows.h"
#include "functions/type_dispatch.h"
#include "types/data_type_number.h"

namespace tally {

namespace throw_if {

FunctionDocumentation makeDoc(const char* description, const char* syntax, const char* category) {
  FunctionDocumentation d;
  d.description = description;
  d.syntax = syntax;
  d.category = category;
  return d;
}

class FunctionThrowIf final : public IFunction {
 public:
  std::string getName() const override { return "throwIf"; }
  bool isVariadic() const override { return true; }
  bool isSuitableForConstantFolding() const override { return false; }
  std::vector<size_t> getArgumentsThatAreAlwaysConstant() const override { return {1}; }
  DataTypePtr getReturnType(const ColumnsWithTypeAndName& args) const override {
    checkArgumentCount(getName(), args.size(), 1, 2);
    if (!isIntegerLike(args[0].type))
      throw Exception(ErrorCodes::ILLEGAL_TYPE_OF_ARGUMENT,
                      "Illegal type {} of first argument of function {}, expected "
                      "integer",
                      args[0].type->name(), getName());
    if (args.size() == 2 && !isString(args[1].type))
      throw Exception(ErrorCodes::ILLEGAL_TYPE_OF_ARGUMENT, "Second argument of function {} must be a string",
                      getName());
    return typeUInt8();
  }
  ColumnPtr execute(const ColumnsWithTypeAndName& args, const DataTypePtr&, size_t rows) const override {
    std::string message = args.size() == 2 ? std::string(constantStringArgument(getName(), args, 1))
                                           : "Value passed to 'throwIf' function is non-zero";
    const Column& c = *args[0].column;
    const Column& data = c.isConst() ? static_cast<const ColumnConst&>(c).getDataColumn() : c;
    size_t n = c.isConst() ? (rows ? 1 : 0) : rows;
    TypeIndex id = args[0].type->typeId() == TypeIndex::Bool ? TypeIndex::UInt8 : args[0].type->typeId();
    bool non_zero = false;
    dispatchInteger(id, [&](auto tag) {
      using T = typename decltype(tag)::Type;
      const T* values = typedAs<ColumnVector<T>>(data).getData().data();
      for (size_t i = 0; i < n; ++i) non_zero |= values[i] != 0;
    });
    if (non_zero) throw Exception(ErrorCodes::FUNCTION_THROW_IF_VALUE_IS_NON_ZERO, message);
    return std::make_shared<ColumnUInt8>(rows, UInt8(0));
  }
};

}  // namespace throw_if

REGISTER_FUNCTION(ThrowIf) {
  using namespace throw_if;
  factory.registerFunction(
      "throwIf", [](const FunctionContext&) { return std::make_shared<FunctionThrowIf>(); },
      makeDoc("Throws an exception if the argument is non-zero; returns 0 otherwise.", "throwIf(x[, message])",
              "Other"));
}

}  // namespace tally
