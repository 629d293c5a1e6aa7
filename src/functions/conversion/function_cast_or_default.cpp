// accurateCastOrDefault(x, 'T'[, default]) and the typed toTOrDefault(x[, default]) family
// (toDateTimeOrDefault(x[, tz][, default])): accurateCastOrNull, with NULLs replaced by the
// default argument (per row) or the type's default value.

#include "columns/column_const.h"
#include "columns/column_nullable.h"
#include "common/exception.h"
#include "common/time_zone.h"
#include "functions/conversion/cast.h"
#include "functions/conversion/conversion_documentation.h"
#include "functions/function_factory.h"
#include "types/data_type_date.h"
#include "types/data_type_factory.h"
#include "types/data_type_misc.h"
#include "types/data_type_number.h"

namespace tally {

namespace function_cast_or_default_detail {

class FunctionCastOrDefault final : public IFunction {
 public:
  /// `fixed_type` null: accurateCastOrDefault (the type is argument 2). `with_zone`: the typed
  /// DateTime variant, whose second argument is an optional time zone.
  FunctionCastOrDefault(std::string name, DataTypePtr fixed_type, bool with_zone, const FunctionContext& context)
      : name_(std::move(name)), fixed_type_(std::move(fixed_type)), with_zone_(with_zone), context_(context) {}

  std::string getName() const override { return name_; }
  bool isVariadic() const override { return true; }
  bool useDefaultImplementationForNulls() const override { return false; }
  bool useDefaultImplementationForNothing() const override { return false; }
  std::vector<size_t> getArgumentsThatAreAlwaysConstant() const override {
    return fixed_type_ && !with_zone_ ? std::vector<size_t>{} : std::vector<size_t>{1};
  }

  DataTypePtr getReturnType(const ColumnsWithTypeAndName& arguments) const override {
    DataTypePtr type = castType(arguments);
    if (keepNullable() && arguments[0].type->isNullable()) type = makeNullable(type);
    if (const auto* def = defaultArgument(arguments); def && !def->type->equals(*type))
      throw Exception(ErrorCodes::BAD_ARGUMENTS, "Default value type should be same as cast type. Expected {}. Actual {}",
                      type->name(), def->type->name());
    return type;
  }

  ColumnPtr execute(const ColumnsWithTypeAndName& arguments, const DataTypePtr& result_type,
                    size_t input_rows_count) const override {
    ColumnPtr source = materialize(arguments[0].column);
    ColumnPtr cast = castColumnWithOptions(source, arguments[0].type, makeNullable(result_type), CastKind::AccurateOrNull,
                                           conversionOptionsFor(context_));
    if (!cast->isNullable()) return cast;
    const auto& nullable = static_cast<const ColumnNullable&>(*cast);
    const auto& null_map = nullable.getNullMapData();
    const Column& values = nullable.getNestedColumn();
    const ColumnWithTypeAndName* def = defaultArgument(arguments);
    ColumnPtr defaults = def ? materialize(def->column) : nullptr;
    Field default_value = result_type->defaultValue();

    auto result = result_type->createColumn();
    result->reserve(input_rows_count);
    auto* result_nullable = result->isNullable() ? static_cast<ColumnNullable*>(result.get()) : nullptr;
    for (size_t i = 0; i < input_rows_count; ++i) {
      if (!null_map[i]) {
        if (result_nullable)
          result_nullable->insertFromNotNullable(values, i);
        else
          result->insertFrom(values, i);
      } else if (defaults) {
        result->insertFrom(*defaults, i);
      } else {
        result->insert(default_value);
      }
    }
    return result;
  }

 private:
  bool keepNullable() const { return context_.settings && context_.settings->cast_keep_nullable; }

  DataTypePtr castType(const ColumnsWithTypeAndName& arguments) const {
    if (!fixed_type_) {
      checkArgumentCount(name_, arguments.size(), 2, 3);
      if (arguments[1].type->typeId() != TypeIndex::String || !isConstantArgument(arguments, 1))
        throw Exception(ErrorCodes::ILLEGAL_TYPE_OF_ARGUMENT,
                        "Second argument to {} must be a constant string describing type. Actual {}", name_,
                        arguments[1].type->name());
      return dataTypeFromString(constantArgument(name_, arguments, 1).get<std::string>());
    }
    checkArgumentCount(name_, arguments.size(), 1, with_zone_ ? 3 : 2);
    if (with_zone_ && arguments.size() > 1) {
      if (arguments[1].type->typeId() != TypeIndex::String || !isConstantArgument(arguments, 1))
        throwIllegalType(name_, 1, arguments[1].type, "const String");
      return std::make_shared<DataTypeDateTime>(constantArgument(name_, arguments, 1).get<std::string>());
    }
    return fixed_type_;
  }

  const ColumnWithTypeAndName* defaultArgument(const ColumnsWithTypeAndName& arguments) const {
    size_t position = !fixed_type_ || with_zone_ ? 2 : 1;
    return position < arguments.size() ? &arguments[position] : nullptr;
  }

  std::string name_;
  DataTypePtr fixed_type_;
  bool with_zone_;
  const FunctionContext& context_;
};

void registerOrDefault(FunctionFactory& factory, const std::string& name, DataTypePtr type, bool with_zone,
                       const std::string& description, const std::string& syntax) {
  factory.registerFunction(
      name,
      [name, type, with_zone](const FunctionContext& context) {
        return std::make_shared<FunctionCastOrDefault>(name, type, with_zone, context);
      },
      conversionDocumentation(description, syntax));
}

}  // namespace function_cast_or_default_detail


REGISTER_FUNCTION(ConversionCastOrDefault) {
  using namespace function_cast_or_default_detail;
  registerOrDefault(factory, "accurateCastOrDefault", nullptr, false,
                    "Converts a value to the given type; the default (or the type's default) if it cannot be "
                    "represented exactly.",
                    "accurateCastOrDefault(x, 'T'[, default])");
  const std::pair<const char*, DataTypePtr> types[] = {
      {"UInt8", typeUInt8()},     {"UInt16", typeUInt16()},   {"UInt32", typeUInt32()}, {"UInt64", typeUInt64()},
      {"Int8", typeInt8()},       {"Int16", typeInt16()},     {"Int32", typeInt32()},   {"Int64", typeInt64()},
      {"Float32", typeFloat32()}, {"Float64", typeFloat64()}, {"Date", typeDate()},     {"Date32", typeDate32()},
      {"UUID", typeUUID()},
  };
  for (const auto& [type_name, type] : types) {
    std::string name = std::string("to") + type_name + "OrDefault";
    registerOrDefault(factory, name, type, false,
                      std::string("Converts a value to ") + type_name + "; the default if it does not convert.",
                      name + "(x[, default])");
  }
  registerOrDefault(factory, "toDateTimeOrDefault", typeDateTime(), true,
                    "Converts a value to DateTime; the default if it does not convert.",
                    "toDateTimeOrDefault(x[, time_zone][, default])");
}

}  // namespace tally
