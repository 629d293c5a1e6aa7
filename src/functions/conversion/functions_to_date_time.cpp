// toDate, toDate32, toDateTime, toDateTime32, toDateTime64 (and OrZero / OrNull), plus DATE,
// ClickHouse's case-insensitive MySQL-compatible spelling of toDate.

#include "functions/conversion/function_convert_to.h"
#include "functions/conversion/conversion_documentation.h"
#include "functions/function_factory.h"
#include "types/data_type_date.h"

namespace tally {

REGISTER_FUNCTION(ConversionToDateTime) {
  registerConvertFunction(factory, "toDate", ConvertTarget::Date, typeDate(), true,
                          "Converts a string, a day number or a Unix timestamp to Date.");
  factory.registerFunction(
      "DATE",
      [](const FunctionContext& context) {
        return std::make_shared<FunctionConvertTo>("DATE", ConvertTarget::Date, typeDate(), ConvertFlavor::Plain, context);
      },
      conversionDocumentation("Converts a value to Date (MySQL-compatible name of toDate).", "DATE(x)"),
      FunctionFactory::CaseInsensitive);
  registerConvertFunction(factory, "toDate32", ConvertTarget::Date, typeDate32(), true,
                          "Converts a string, a day number or a Unix timestamp to Date32.");
  registerConvertFunction(factory, "toDateTime", ConvertTarget::DateTime, typeDateTime(), true,
                          "Converts a string, a Unix timestamp or a date to DateTime.");
  registerConvertFunction(factory, "toDateTime32", ConvertTarget::DateTime32, typeDateTime(), false,
                          "Converts a string, a Unix timestamp or a date to DateTime.");
  registerConvertFunction(factory, "toDateTime64", ConvertTarget::DateTime64, nullptr, true,
                          "Converts a value to DateTime64 with the given scale.");
}

}  // namespace tally
