// toTimezone(t, tz) (toTimeZone): the same instant in another zone (only the type changes);
// timezoneOf(t) (timeZoneOf): the zone name of a DateTime/DateTime64; timezoneOffset(t)
// (timeZoneOffset): the zone's UTC offset in seconds at t.

#include "columns/column_string.h"
#include "functions/datetime/date_time_transform.h"
#include "types/data_type_date.h"
#include "types/data_type_number.h"
#include "types/data_type_string.h"

namespace tally {

namespace time_zone_functions {

using namespace datetime;

void checkDateTime(const std::string& function, const ColumnsWithTypeAndName& args) {
  TypeIndex id = args[0].type->typeId();
  if (id != TypeIndex::DateTime && id != TypeIndex::DateTime64)
    throw Exception(ErrorCodes::ILLEGAL_TYPE_OF_ARGUMENT,
                    "Illegal type {} of argument of function {}. Should be DateTime or DateTime64",
                    args[0].type->name(), function);
}

class FunctionToTimezone final : public IFunction {
 public:
  std::string getName() const override { return "toTimezone"; }
  size_t getNumberOfArguments() const override { return 2; }
  std::vector<size_t> getArgumentsThatAreAlwaysConstant() const override { return {1}; }

  DataTypePtr getReturnType(const ColumnsWithTypeAndName& args) const override {
    checkDateTime(getName(), args);
    checkZoneArgumentType(getName(), args, 1);
    std::string zone = explicitZone(getName(), args, 1)->name();
    if (args[0].type->typeId() == TypeIndex::DateTime) return dateTimeType(zone);
    return dateTime64Type(static_cast<const DataTypeDateTime64&>(*args[0].type).getScale(), zone);
  }
  ColumnPtr execute(const ColumnsWithTypeAndName& args, const DataTypePtr&, size_t) const override {
    return args[0].column;
  }
};

class FunctionTimezoneOf final : public IFunction {
 public:
  explicit FunctionTimezoneOf(const FunctionContext& context) : context_(&context) {}
  std::string getName() const override { return "timezoneOf"; }
  size_t getNumberOfArguments() const override { return 1; }
  DataTypePtr getReturnType(const ColumnsWithTypeAndName& args) const override {
    checkDateTime(getName(), args);
    return typeString();
  }
  ColumnPtr execute(const ColumnsWithTypeAndName& args, const DataTypePtr& result_type, size_t rows) const override {
    return result_type->createColumnConst(rows, Field(timeZoneFor(*context_, args[0].type).name()));
  }

 private:
  const FunctionContext* context_;
};

class FunctionTimezoneOffset final : public IFunction {
 public:
  explicit FunctionTimezoneOffset(const FunctionContext& context) : context_(&context) {}
  std::string getName() const override { return "timezoneOffset"; }
  bool isVariadic() const override { return true; }
  std::vector<size_t> getArgumentsThatAreAlwaysConstant() const override { return {1}; }
  DataTypePtr getReturnType(const ColumnsWithTypeAndName& args) const override {
    checkArgumentCount(getName(), args.size(), 1, 2);
    checkDateTime(getName(), args);
    if (args.size() == 2) {
      checkZoneArgumentType(getName(), args, 1);
      explicitZone(getName(), args, 1);
    }
    return typeInt32();
  }
  ColumnPtr execute(const ColumnsWithTypeAndName& args, const DataTypePtr&, size_t rows) const override {
    TimeArg arg = timeArg(*context_, getName(), args, 0, 1);
    ColumnPtr column = materialize(args[0].column);
    auto res = ColumnInt32::create(rows);
    LocalClock clock(*arg.zone);
    mapSeconds(*column, arg, res->getData().data(), rows, [&clock](int64_t t) { return clock.offset(t); });
    return res;
  }

 private:
  const FunctionContext* context_;
};

}  // namespace time_zone_functions

REGISTER_FUNCTION(TimeZoneFunctions) {
  using namespace time_zone_functions;
  factory.registerFunction(
      "toTimezone", [](const FunctionContext&) { return std::make_shared<FunctionToTimezone>(); },
      dateTimeDoc("Converts a DateTime or DateTime64 to another time zone (the instant is unchanged).",
                  "toTimezone(value, timezone)"));
  factory.registerAlias("toTimeZone", "toTimezone");
  factory.registerFunction(
      "timezoneOf", [](const FunctionContext& context) { return std::make_shared<FunctionTimezoneOf>(context); },
      dateTimeDoc("Time zone name of a DateTime or DateTime64 value.", "timezoneOf(value)"));
  factory.registerAlias("timeZoneOf", "timezoneOf");
  factory.registerFunction(
      "timezoneOffset",
      [](const FunctionContext& context) { return std::make_shared<FunctionTimezoneOffset>(context); },
      dateTimeDoc("Offset from UTC in seconds of the value's time zone at that instant.", "timezoneOffset(value)"));
  factory.registerAlias("timeZoneOffset", "timezoneOffset");
}

}  // namespace tally
