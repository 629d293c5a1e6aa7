// toString, toFixedString and toUUID (with toUUIDOrZero / toUUIDOrNull).

#include "columns/column_const.h"
#include "common/exception.h"
#include "functions/conversion/cast.h"
#include "functions/conversion/function_convert_to.h"
#include "functions/conversion/conversion_documentation.h"
#include "functions/function_factory.h"
#include "types/data_type_misc.h"
#include "types/data_type_string.h"

namespace tally {

namespace functions_to_string_detail {

constexpr uint64_t kMaxFixedStringSize = 0xFFFFFF;

/// toFixedString(s, N): a String or FixedString padded with zero bytes to N; longer values throw.
class FunctionToFixedString final : public IFunction {
 public:
  std::string getName() const override { return "toFixedString"; }
  size_t getNumberOfArguments() const override { return 2; }
  std::vector<size_t> getArgumentsThatAreAlwaysConstant() const override { return {1}; }

  DataTypePtr getReturnType(const ColumnsWithTypeAndName& arguments) const override {
    switch (arguments[1].type->typeId()) {
      case TypeIndex::UInt8: case TypeIndex::UInt16: case TypeIndex::UInt32: case TypeIndex::UInt64: break;
      default:
        throw Exception(ErrorCodes::ILLEGAL_COLUMN, "Second argument for function {} must be unsigned integer", getName());
    }
    if (!isConstantArgument(arguments, 1))
      throw Exception(ErrorCodes::ILLEGAL_COLUMN, "Second argument for function {} must be constant", getName());
    if (!isStringOrFixedString(arguments[0].type))
      throw Exception(ErrorCodes::NOT_IMPLEMENTED, "{} is only implemented for types String and FixedString", getName());
    uint64_t n = constantArgument(getName(), arguments, 1).as<uint64_t>();
    if (n == 0) throw Exception(ErrorCodes::ARGUMENT_OUT_OF_BOUND, "FixedString size must be positive");
    if (n > kMaxFixedStringSize) throw Exception(ErrorCodes::ARGUMENT_OUT_OF_BOUND, "FixedString size is too large");
    return std::make_shared<DataTypeFixedString>(n);
  }

  ColumnPtr execute(const ColumnsWithTypeAndName& arguments, const DataTypePtr& result_type, size_t) const override {
    size_t n = static_cast<const DataTypeFixedString&>(*result_type).getN();
    return convertToFixedString(*materialize(arguments[0].column), n, false);
  }
};

}  // namespace functions_to_string_detail

REGISTER_FUNCTION(ConversionToString) {
  registerConvertFunction(factory, "toString", ConvertTarget::String, typeString(), false,
                          "Converts a value to its text form; a DateTime can be shown in a given time zone.");
  registerConvertFunction(factory, "toUUID", ConvertTarget::Fixed, typeUUID(), true,
                          "Converts a string 'xxxxxxxx-xxxx-xxxx-xxxx-xxxxxxxxxxxx' to UUID.");
  factory.registerFunction(
      "toFixedString",
      [](const FunctionContext&) { return std::make_shared<functions_to_string_detail::FunctionToFixedString>(); },
      conversionDocumentation("Converts a String to FixedString(N), padding it with zero bytes.", "toFixedString(s, N)"));
}

}  // namespace tally
