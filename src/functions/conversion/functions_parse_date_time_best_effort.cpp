// parseDateTimeBestEffort[US][OrNull|OrZero](s[, tz]) (with (s, precision[, tz]) giving DateTime64),
// parseDateTime32BestEffort[OrNull|OrZero](s[, tz]) and
// parseDateTime64BestEffort[US][OrNull|OrZero](s[, precision = 3[, tz]]).

#include <algorithm>

#include "columns/column_fixed_string.h"
#include "columns/column_nullable.h"
#include "columns/column_string.h"
#include "columns/column_vector.h"
#include "common/exception.h"
#include "common/time_zone.h"
#include "functions/conversion/conversion_options.h"
#include "functions/conversion/parse_date_time_best_effort.h"
#include "functions/conversion/text_value_parsers.h"
#include "functions/conversion/conversion_documentation.h"
#include "functions/function_factory.h"
#include "types/data_type_date.h"
#include "types/data_type_nullable.h"

namespace tally {

namespace functions_parse_date_time_best_effort_detail {

enum class Variant : uint8_t { DateTime, DateTime32, DateTime64 };

class FunctionParseDateTimeBestEffort final : public IFunction {
 public:
  FunctionParseDateTimeBestEffort(std::string name, Variant variant, bool us_style, ParseFailureMode mode)
      : name_(std::move(name)), variant_(variant), us_style_(us_style), mode_(mode) {}

  std::string getName() const override { return name_; }
  bool isVariadic() const override { return true; }
  std::vector<size_t> getArgumentsThatAreAlwaysConstant() const override { return {1, 2}; }

  DataTypePtr getReturnType(const ColumnsWithTypeAndName& arguments) const override {
    size_t n = arguments.size();
    bool with_precision = variant_ == Variant::DateTime64 ||
                          (variant_ == Variant::DateTime && (n == 3 || (n == 2 && isUnsigned(arguments[1].type))));
    checkArgumentCount(name_, n, 1, with_precision ? 3 : 2);
    if (!isStringOrFixedString(arguments[0].type))
      throwIllegalType(name_, 0, arguments[0].type, "String or FixedString");
    uint32_t scale = variant_ == Variant::DateTime64 ? 3 : 0;
    size_t zone_position = 1;
    if (with_precision) {
      zone_position = 2;
      if (n > 1) {
        if (arguments[1].type->typeId() != TypeIndex::UInt8 || !isConstantArgument(arguments, 1))
          throwIllegalType(name_, 1, arguments[1].type, "const UInt8");
        scale = uint32_t(constantArgument(name_, arguments, 1).as<uint64_t>());
        if (scale > 9)
          throw Exception(ErrorCodes::ARGUMENT_OUT_OF_BOUND, "Scale {} is out of bounds (max scale: 9)", scale);
      }
    }
    std::string zone;
    if (zone_position < n) {
      if (!isStringOrFixedString(arguments[zone_position].type) || !isConstantArgument(arguments, zone_position))
        throwIllegalType(name_, zone_position, arguments[zone_position].type, "const String or FixedString");
      zone = constantArgument(name_, arguments, zone_position).get<std::string>();
      TimeZone::get(zone);
    }
    DataTypePtr type;
    if (scale == 0 && variant_ != Variant::DateTime64)
      type = zone.empty() ? typeDateTime() : std::make_shared<DataTypeDateTime>(zone);
    else
      type = zone.empty() ? std::make_shared<DataTypeDateTime64>(scale) : std::make_shared<DataTypeDateTime64>(scale, zone);
    return mode_ == ParseFailureMode::Null ? makeNullable(type) : type;
  }

  ColumnPtr execute(const ColumnsWithTypeAndName& arguments, const DataTypePtr& result_type,
                    size_t input_rows_count) const override {
    DataTypePtr type = removeNullable(result_type);
    const TimeZone& zone = timeZoneOf(*type);
    bool to_64 = type->typeId() == TypeIndex::DateTime64;
    uint32_t scale = to_64 ? static_cast<const DataTypeDateTime64&>(*type).getScale() : 0;
    const Column& src = *arguments[0].column;
    bool fixed = src.kind() == ColumnKind::FixedString;

    auto values = type->createColumn();
    values->reserve(input_rows_count);
    std::shared_ptr<ColumnUInt8> nulls;
    if (mode_ == ParseFailureMode::Null) nulls = std::make_shared<ColumnUInt8>(input_rows_count, 0);
    std::string error;
    for (size_t i = 0; i < input_rows_count; ++i) {
      std::string_view s = fixed ? static_cast<const ColumnFixedString&>(src).at(i)
                                 : static_cast<const ColumnString&>(src).at(i);
      BestEffortDateTime parsed;
      size_t consumed = 0;
      bool ok = parseDateTimeBestEffort(s.data(), s.data() + s.size(), zone, us_style_, to_64, parsed, consumed, error);
      size_t end = consumed;
      if (ok && fixed)
        while (end < s.size() && s[end] == 0) ++end;
      int64_t ticks = 0;
      if (ok && to_64 && !bestEffortToDateTime64(parsed, scale, ticks)) {
        ok = false;
        error = "Decimal math overflow";
      }
      bool complete = ok && end == s.size();
      if (!complete) {
        if (mode_ == ParseFailureMode::Throw) {
          if (!ok) throw Exception(ErrorCodes::CANNOT_PARSE_DATETIME, "{}", error);
          throwIncompleteParse(s, consumed, type->name(), false);
        }
        values->insertDefault();
        if (nulls) nulls->getData()[i] = 1;
        continue;
      }
      if (to_64)
        static_cast<ColumnInt64&>(*values).insertValue(ticks);
      else
        static_cast<ColumnUInt32&>(*values).insertValue(UInt32(std::clamp<int64_t>(parsed.seconds, 0, 0xFFFFFFFFLL)));
    }
    if (nulls) return ColumnNullable::create(ColumnPtr(std::move(values)), ColumnPtr(nulls));
    return values;
  }

 private:
  static bool isUnsigned(const DataTypePtr& type) {
    switch (type->typeId()) {
      case TypeIndex::UInt8: case TypeIndex::UInt16: case TypeIndex::UInt32: case TypeIndex::UInt64: return true;
      default: return false;
    }
  }

  std::string name_;
  Variant variant_;
  bool us_style_;
  ParseFailureMode mode_;
};

void registerFamily(FunctionFactory& factory, const std::string& base, Variant variant, bool us_style,
                    const std::string& syntax_args) {
  const std::pair<const char*, ParseFailureMode> modes[] = {
      {"", ParseFailureMode::Throw}, {"OrNull", ParseFailureMode::Null}, {"OrZero", ParseFailureMode::Zero}};
  for (const auto& [suffix, mode] : modes) {
    std::string name = base + suffix;
    ParseFailureMode m = mode;
    std::string description = "Parses a date and time given in any common text form" +
                              std::string(us_style ? " (ambiguous dates read as MM/DD)" : "") +
                              (m == ParseFailureMode::Null   ? "; NULL if it cannot be parsed."
                               : m == ParseFailureMode::Zero ? "; zero if it cannot be parsed."
                                                             : ".");
    factory.registerFunction(
        name,
        [name, variant, us_style, m](const FunctionContext&) {
          return std::make_shared<FunctionParseDateTimeBestEffort>(name, variant, us_style, m);
        },
        conversionDocumentation(description, name + syntax_args));
  }
}

}  // namespace functions_parse_date_time_best_effort_detail


REGISTER_FUNCTION(ConversionParseDateTimeBestEffort) {
  using namespace functions_parse_date_time_best_effort_detail;
  registerFamily(factory, "parseDateTimeBestEffort", Variant::DateTime, false, "(s[, precision][, time_zone])");
  registerFamily(factory, "parseDateTimeBestEffortUS", Variant::DateTime, true, "(s[, precision][, time_zone])");
  registerFamily(factory, "parseDateTime32BestEffort", Variant::DateTime32, false, "(s[, time_zone])");
  registerFamily(factory, "parseDateTime64BestEffort", Variant::DateTime64, false, "(s[, precision[, time_zone]])");
  registerFamily(factory, "parseDateTime64BestEffortUS", Variant::DateTime64, true, "(s[, precision[, time_zone]])");
}

}  // namespace tally
