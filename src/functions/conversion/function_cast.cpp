// CAST(x, 'T') / CAST(x AS T) (case-insensitive), _CAST, accurateCast, accurateCastOrNull.

#include "columns/column_const.h"
#include "common/exception.h"
#include "functions/conversion/cast.h"
#include "functions/conversion/conversion_documentation.h"
#include "functions/function_factory.h"
#include "types/data_type_factory.h"
#include "types/data_type_low_cardinality.h"
#include "types/data_type_nullable.h"

namespace tally {

namespace function_cast_detail {

/// Nullable(T), or LowCardinality(Nullable(T)); T itself when it cannot hold NULL (Array, Tuple).
DataTypePtr nullableResultType(const DataTypePtr& type) {
  if (type->typeId() == TypeIndex::LowCardinality) {
    const auto& lc = static_cast<const DataTypeLowCardinality&>(*type);
    if (lc.getDictionaryType()->isNullable()) return type;
    return std::make_shared<DataTypeLowCardinality>(makeNullable(lc.getDictionaryType()));
  }
  return makeNullable(type);
}

class FunctionCast final : public IFunction {
 public:
  FunctionCast(std::string name, CastKind kind, bool keep_nullable, const FunctionContext& context)
      : name_(std::move(name)), kind_(kind), keep_nullable_(keep_nullable), context_(context) {}

  std::string getName() const override { return name_; }
  size_t getNumberOfArguments() const override { return 2; }
  bool useDefaultImplementationForNulls() const override { return false; }
  bool useDefaultImplementationForNothing() const override { return false; }
  bool useDefaultImplementationForLowCardinality() const override { return false; }
  std::vector<size_t> getArgumentsThatAreAlwaysConstant() const override { return {1}; }

  DataTypePtr getReturnType(const ColumnsWithTypeAndName& arguments) const override {
    if (arguments[1].type->typeId() != TypeIndex::String || !isConstantArgument(arguments, 1))
      throw Exception(ErrorCodes::ILLEGAL_TYPE_OF_ARGUMENT,
                      "Second argument to {} must be a constant string describing type. Instead there is non-constant "
                      "column of type {}",
                      name_, arguments[1].type->name());
    DataTypePtr type = dataTypeFromString(constantArgument(name_, arguments, 1).get<std::string>());
    if (kind_ == CastKind::AccurateOrNull) return nullableResultType(type);
    if (keep_nullable_ && arguments[0].type->isNullable()) return makeNullable(type);
    return type;
  }

  ColumnPtr execute(const ColumnsWithTypeAndName& arguments, const DataTypePtr& result_type, size_t) const override {
    return castColumnWithOptions(arguments[0].column, arguments[0].type, result_type, kind_,
                                 conversionOptionsFor(context_));
  }

 private:
  std::string name_;
  CastKind kind_;
  bool keep_nullable_;
  const FunctionContext& context_;
};

void registerCast(FunctionFactory& factory, const std::string& name, CastKind kind, bool uses_keep_nullable,
                  const std::string& description, FunctionFactory::CaseSensitivity case_sensitivity) {
  factory.registerFunction(
      name,
      [name, kind, uses_keep_nullable](const FunctionContext& context) {
        bool keep_nullable = uses_keep_nullable && context.settings && context.settings->cast_keep_nullable;
        return std::make_shared<FunctionCast>(name, kind, keep_nullable, context);
      },
      conversionDocumentation(description, name + "(x, 'T')"),
      case_sensitivity);
}

}  // namespace function_cast_detail


REGISTER_FUNCTION(ConversionCast) {
  using namespace function_cast_detail;
  registerCast(factory, "CAST", CastKind::Ordinary, true,
               "Converts a value to the given type: CAST(x AS T), CAST(x, 'T'), x::T.", FunctionFactory::CaseInsensitive);
  registerCast(factory, "_CAST", CastKind::Ordinary, false,
               "Internal CAST that ignores cast_keep_nullable.", FunctionFactory::CaseSensitive);
  registerCast(factory, "accurateCast", CastKind::Accurate, true,
               "Converts a value to the given type; throws if the value cannot be represented exactly.",
               FunctionFactory::CaseSensitive);
  registerCast(factory, "accurateCastOrNull", CastKind::AccurateOrNull, false,
               "Converts a value to the given type; NULL if it cannot be represented exactly.",
               FunctionFactory::CaseSensitive);
}

}  // namespace tally
