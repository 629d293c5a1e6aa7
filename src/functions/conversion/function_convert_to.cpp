#include "functions/conversion/function_convert_to.h"

#include "columns/column_const.h"
#include "common/exception.h"
#include "common/time_zone.h"
#include "functions/conversion/cast.h"
#include "functions/conversion/conversion_documentation.h"
#include "functions/function_factory.h"
#include "types/data_type_date.h"
#include "types/data_type_low_cardinality.h"
#include "types/data_type_misc.h"
#include "types/data_type_nullable.h"
#include "types/data_type_string.h"

namespace tally {

namespace function_convert_to_detail {

bool isOnlyNull(const DataTypePtr& type) {
  return type->typeId() == TypeIndex::Nullable && removeNullable(type)->typeId() == TypeIndex::Nothing;
}

bool isStringOrFixed(const DataTypePtr& type) {
  return type->typeId() == TypeIndex::String || type->typeId() == TypeIndex::FixedString;
}

bool isUnsignedInteger(const DataTypePtr& type) {
  switch (type->typeId()) {
    case TypeIndex::UInt8: case TypeIndex::UInt16: case TypeIndex::UInt32: case TypeIndex::UInt64: return true;
    default: return false;
  }
}

/// Sources a scalar to<Type> conversion accepts.
bool isConvertibleToScalar(const DataTypePtr& type) {
  switch (removeNullable(type)->typeId()) {
    case TypeIndex::Array: case TypeIndex::Tuple: case TypeIndex::Function: case TypeIndex::Set:
    case TypeIndex::AggregateFunction: case TypeIndex::Interval: return false;
    default: return true;
  }
}

/// Explicit zone of a DateTime / DateTime64 type, "" otherwise.
std::string explicitZoneOf(const DataTypePtr& type) {
  DataTypePtr t = removeNullable(type);
  if (t->typeId() == TypeIndex::DateTime && static_cast<const DataTypeDateTime&>(*t).hasExplicitTimeZone())
    return timeZoneOf(*t).name();
  if (t->typeId() == TypeIndex::DateTime64 && static_cast<const DataTypeDateTime64&>(*t).hasExplicitTimeZone())
    return timeZoneOf(*t).name();
  return {};
}

uint32_t scaleArgument(const std::string& function, const ColumnsWithTypeAndName& arguments, size_t position) {
  if (!arguments[position].type->isInteger())
    throwIllegalType(function, position, arguments[position].type, "const Integer");
  Field value = constantArgument(function, arguments, position);
  uint64_t scale = value.as<uint64_t>();
  if (scale > 9)
    throw Exception(ErrorCodes::ARGUMENT_OUT_OF_BOUND, "Scale {} is out of bounds (max scale: 9)", scale);
  return uint32_t(scale);
}

}  // namespace function_convert_to_detail


const TimeZone* FunctionConvertTo::zoneArgument(const ColumnsWithTypeAndName& arguments, size_t position) const {
  using namespace function_convert_to_detail;
  if (position >= arguments.size()) return nullptr;
  if (arguments[position].type->typeId() != TypeIndex::String)
    throwIllegalType(name_, position, arguments[position].type, "String");
  // Constant at analysis; during execution the executor may pass the constant's one-row column.
  const ColumnPtr& column = arguments[position].column;
  if (!column || (!column->isConst() && column->size() != 1))
    throw Exception(ErrorCodes::ILLEGAL_COLUMN, "Argument {} of function {} must be constant", position + 1, name_);
  Field value = (*column)[0];
  const std::string& zone = value.get<std::string>();
  if (zone.empty()) throw Exception(ErrorCodes::ILLEGAL_TYPE_OF_ARGUMENT, "Provided time zone must be non-empty");
  return &TimeZone::get(zone);
}

void FunctionConvertTo::checkArguments(const ColumnsWithTypeAndName& arguments) const {
  using namespace function_convert_to_detail;
  size_t n = arguments.size();
  if (n == 0)
    throw Exception(ErrorCodes::NUMBER_OF_ARGUMENTS_DOESNT_MATCH,
                    "Number of arguments for function {} doesn't match: passed 0, should be at least 1", name_);
  if (flavor_ != ConvertFlavor::Plain) {
    if (!isStringOrFixed(arguments[0].type))
      throw Exception(ErrorCodes::ILLEGAL_TYPE_OF_ARGUMENT,
                      "Illegal type {} of first argument of function {}. Conversion functions with postfix 'OrZero' or "
                      "'OrNull' should take String argument",
                      arguments[0].type->name(), name_);
    bool date_time = target_ == ConvertTarget::DateTime || target_ == ConvertTarget::DateTime32 ||
                     target_ == ConvertTarget::DateTime64;
    size_t max = target_ == ConvertTarget::DateTime64 ? 3 : (date_time ? 2 : 1);
    if (n > max) {
      if (n > 2 || date_time)
        throw Exception(ErrorCodes::NUMBER_OF_ARGUMENTS_DOESNT_MATCH,
                        "Number of arguments for function {} doesn't match: passed {}, should be 1 or 2. Second argument "
                        "only make sense for DateTime (time zone, optional) and Decimal (scale).",
                        name_, n);
      throw Exception(ErrorCodes::NUMBER_OF_ARGUMENTS_DOESNT_MATCH,
                      "Number of arguments for function {} doesn't match: passed {}, should be 1. Second argument makes "
                      "sense only for DateTime and Decimal.",
                      name_, n);
    }
    return;
  }
  size_t max = 1;
  switch (target_) {
    case ConvertTarget::Fixed: max = 1; break;
    case ConvertTarget::Date: max = 2; break;
    case ConvertTarget::DateTime32: max = 2; break;
    case ConvertTarget::DateTime: max = 3; break;
    case ConvertTarget::DateTime64: max = 3; break;
    case ConvertTarget::String: {
      TypeIndex id = removeNullable(arguments[0].type)->typeId();
      max = id == TypeIndex::DateTime || id == TypeIndex::DateTime64 ? 2 : 1;
      break;
    }
  }
  size_t min = target_ == ConvertTarget::DateTime64 ? 2 : 1;
  checkArgumentCount(name_, n, min, max);
  if (target_ != ConvertTarget::String && !isConvertibleToScalar(arguments[0].type))
    throw Exception(ErrorCodes::ILLEGAL_TYPE_OF_ARGUMENT, "Illegal type {} of argument of function {}",
                    arguments[0].type->name(), name_);
}

DataTypePtr FunctionConvertTo::resultType(const ColumnsWithTypeAndName& arguments) const {
  using namespace function_convert_to_detail;
  bool plain = flavor_ == ConvertFlavor::Plain;
  switch (target_) {
    case ConvertTarget::Fixed:
    case ConvertTarget::Date:
      if (arguments.size() > 1) zoneArgument(arguments, 1);
      return fixed_type_;
    case ConvertTarget::String:
      if (arguments.size() > 1) zoneArgument(arguments, 1);
      return typeString();
    case ConvertTarget::DateTime32:
    case ConvertTarget::DateTime: {
      size_t zone_position = 1;
      if (plain && target_ == ConvertTarget::DateTime && arguments.size() > 1 &&
          (arguments.size() == 3 || isUnsignedInteger(arguments[1].type))) {
        // toDateTime(x, scale[, tz]): DateTime64 unless the scale is 0.
        uint32_t scale = scaleArgument(name_, arguments, 1);
        const TimeZone* zone = zoneArgument(arguments, 2);
        std::string zone_name = zone ? zone->name() : (plain ? explicitZoneOf(arguments[0].type) : std::string());
        if (scale != 0)
          return zone_name.empty() ? std::make_shared<DataTypeDateTime64>(scale)
                                   : std::make_shared<DataTypeDateTime64>(scale, zone_name);
        return zone_name.empty() ? typeDateTime() : std::make_shared<DataTypeDateTime>(zone_name);
      }
      const TimeZone* zone = zoneArgument(arguments, zone_position);
      std::string zone_name = zone ? zone->name() : (plain ? explicitZoneOf(arguments[0].type) : std::string());
      return zone_name.empty() ? typeDateTime() : std::make_shared<DataTypeDateTime>(zone_name);
    }
    case ConvertTarget::DateTime64: {
      uint32_t scale = arguments.size() > 1 ? scaleArgument(name_, arguments, 1) : 3;
      const TimeZone* zone = zoneArgument(arguments, 2);
      std::string zone_name = zone ? zone->name() : (plain ? explicitZoneOf(arguments[0].type) : std::string());
      return zone_name.empty() ? std::make_shared<DataTypeDateTime64>(scale)
                               : std::make_shared<DataTypeDateTime64>(scale, zone_name);
    }
  }
  return fixed_type_;
}

DataTypePtr FunctionConvertTo::getReturnType(const ColumnsWithTypeAndName& arguments) const {
  using namespace function_convert_to_detail;
  checkArguments(arguments);
  if (flavor_ == ConvertFlavor::Plain && isOnlyNull(arguments[0].type)) return makeNullable(typeNothing());
  if (arguments[0].type->typeId() == TypeIndex::LowCardinality) {
    // As the executor's LowCardinality rule: LowCardinality(result) when the result can be one.
    ColumnsWithTypeAndName stripped = arguments;
    stripped[0].type = removeLowCardinality(arguments[0].type);
    stripped[0].column = nullptr;
    DataTypePtr inner = getReturnType(stripped);
    if (removeNullable(inner)->canBeInsideLowCardinality()) return std::make_shared<DataTypeLowCardinality>(inner);
    return inner;
  }
  DataTypePtr type = resultType(arguments);
  if (flavor_ == ConvertFlavor::OrNull || arguments[0].type->isNullable()) type = makeNullable(type);
  return type;
}

ColumnPtr FunctionConvertTo::execute(const ColumnsWithTypeAndName& arguments, const DataTypePtr& result_type,
                                     size_t input_rows_count) const {
  using namespace function_convert_to_detail;
  if (isOnlyNull(arguments[0].type)) return result_type->createColumnConst(input_rows_count, Field());
  ConversionOptions options = conversionOptionsFor(context_);
  options.function_name = name_;
  if (target_ == ConvertTarget::Date || target_ == ConvertTarget::String) options.explicit_zone = zoneArgument(arguments, 1);
  if (flavor_ == ConvertFlavor::OrZero) options.parse_failure = ParseFailureMode::Zero;
  if (flavor_ == ConvertFlavor::OrNull) options.parse_failure = ParseFailureMode::Null;
  return castColumnWithOptions(arguments[0].column, arguments[0].type, result_type, CastKind::Ordinary, options);
}

void registerConvertFunction(FunctionFactory& factory, const std::string& name, ConvertTarget target,
                             DataTypePtr fixed_type, bool with_variants, const std::string& description) {
  using namespace function_convert_to_detail;
  auto add = [&](const std::string& function_name, ConvertFlavor flavor, const std::string& text,
                 const std::string& syntax) {
    factory.registerFunction(
        function_name,
        [function_name, target, fixed_type, flavor](const FunctionContext& context) {
          return std::make_shared<FunctionConvertTo>(function_name, target, fixed_type, flavor, context);
        },
        conversionDocumentation(text, syntax));
  };
  add(name, ConvertFlavor::Plain, description, name + "(x)");
  if (!with_variants) return;
  add(name + "OrZero", ConvertFlavor::OrZero, description + " Returns the zero value if the string does not parse.",
      name + "OrZero(s)");
  add(name + "OrNull", ConvertFlavor::OrNull, description + " Returns NULL if the string does not parse.",
      name + "OrNull(s)");
}

}  // namespace tally
