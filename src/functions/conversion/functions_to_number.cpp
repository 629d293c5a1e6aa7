// toUInt8 ... toFloat64 and toBool, with the OrZero / OrNull variants of the numbers.

#include "functions/conversion/function_convert_to.h"
#include "functions/function_factory.h"
#include "types/data_type_misc.h"
#include "types/data_type_number.h"

namespace tally {

REGISTER_FUNCTION(ConversionToNumber) {
  const std::pair<const char*, DataTypePtr> numbers[] = {
      {"UInt8", typeUInt8()}, {"UInt16", typeUInt16()}, {"UInt32", typeUInt32()},   {"UInt64", typeUInt64()},
      {"Int8", typeInt8()},   {"Int16", typeInt16()},   {"Int32", typeInt32()},     {"Int64", typeInt64()},
      {"Float32", typeFloat32()}, {"Float64", typeFloat64()},
  };
  for (const auto& [name, type] : numbers)
    registerConvertFunction(factory, std::string("to") + name, ConvertTarget::Fixed, type, true,
                            std::string("Converts a value to ") + name + ".");
  registerConvertFunction(factory, "toBool", ConvertTarget::Fixed, typeBool(), false,
                          "Converts a number or the string 'true' / 'false' to Bool.");
}

}  // namespace tally
