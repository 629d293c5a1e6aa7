// Functions with a week mode: toDayOfWeek(t[, mode[, tz]]) (DAYOFWEEK), toWeek(t[, mode[, tz]])
// (WEEK), toYearWeek(t[, mode[, tz]]) (YEARWEEK), toStartOfWeek(t[, mode[, tz]]),
// toLastDayOfWeek(t[, mode[, tz]]). The mode is a constant integer (default 0); a String in its
// place is taken as the time zone.

#include "functions/datetime/calendar.h"
#include "functions/datetime/date_time_transform.h"
#include "types/data_type_date.h"
#include "types/data_type_number.h"

namespace tally {

namespace week_functions {

using namespace datetime;

enum class WeekOp { DayOfWeek, Week, YearWeek, StartOfWeek, LastDayOfWeek };

class FunctionWeekTransform final : public IFunction {
 public:
  FunctionWeekTransform(std::string name, WeekOp op, const FunctionContext& context)
      : name_(std::move(name)), op_(op), context_(&context) {}

  std::string getName() const override { return name_; }
  bool isVariadic() const override { return true; }
  std::vector<size_t> getArgumentsThatAreAlwaysConstant() const override { return {1, 2}; }

  DataTypePtr getReturnType(const ColumnsWithTypeAndName& args) const override {
    checkArgumentCount(name_, args.size(), 1, 3);
    checkTimeArgument(name_, args, 0);
    if (args.size() >= 2 && !isString(args[1].type)) {
      if (!isInteger(args[1].type))
        throw Exception(ErrorCodes::ILLEGAL_TYPE_OF_ARGUMENT,
                        "Illegal type {} of second argument of function {}. Must be a constant integer (the mode)",
                        args[1].type->name(), name_);
    }
    if (args.size() == 3) {
      if (isString(args[1].type))
        throw Exception(ErrorCodes::ILLEGAL_TYPE_OF_ARGUMENT,
                        "Illegal type {} of second argument of function {}. Must be a constant integer (the mode)",
                        args[1].type->name(), name_);
      checkZoneArgumentType(name_, args, 2);
    }
    explicitZone(name_, args, zoneIndex(args));
    switch (op_) {
      case WeekOp::DayOfWeek:
      case WeekOp::Week: return typeUInt8();
      case WeekOp::YearWeek: return typeUInt32();
      case WeekOp::StartOfWeek:
      case WeekOp::LastDayOfWeek: return typeDate();
    }
    return nullptr;
  }

  ColumnPtr execute(const ColumnsWithTypeAndName& args, const DataTypePtr&, size_t rows) const override {
    unsigned mode = 0;
    if (args.size() >= 2 && !isString(args[1].type)) mode = unsigned(constantInteger(name_, args, 1)) & 0xFF;
    TimeArg arg = timeArg(*context_, name_, args, 0, zoneIndex(args));
    ColumnPtr column = materialize(args[0].column);
    switch (op_) {
      case WeekOp::DayOfWeek:
        return dayTransform<UInt8>(*column, arg, rows,
                                   [mode](int64_t d) { return calendar::dayOfWeekInMode(d, mode); });
      case WeekOp::Week:
        return dayTransform<UInt8>(*column, arg, rows, [mode](int64_t d) { return calendar::yearWeek(d, mode).week; });
      case WeekOp::YearWeek:
        return dayTransform<UInt32>(*column, arg, rows, [mode](int64_t d) {
          calendar::YearWeek yw = calendar::yearWeek(d, mode | calendar::kWeekYear);
          return uint32_t(yw.year) * 100 + yw.week;
        });
      case WeekOp::StartOfWeek:
        return dayTransform<UInt16>(*column, arg, rows,
                                    [mode](int64_t d) { return toDateValue(calendar::firstDayOfWeek(d, mode)); });
      case WeekOp::LastDayOfWeek:
        return dayTransform<UInt16>(*column, arg, rows,
                                    [mode](int64_t d) { return toDateValue(calendar::lastDayOfWeek(d, mode)); });
    }
    return nullptr;
  }

 private:
  /// The zone is the 3rd argument, or the 2nd when it is a String.
  static size_t zoneIndex(const ColumnsWithTypeAndName& args) {
    return args.size() == 2 && isString(args[1].type) ? 1 : 2;
  }

  std::string name_;
  WeekOp op_;
  const FunctionContext* context_;
};

void registerWeekFunction(FunctionFactory& factory, const char* name, WeekOp op, const char* description,
                          const char* syntax) {
  std::string n = name;
  factory.registerFunction(
      n, [n, op](const FunctionContext& context) { return std::make_shared<FunctionWeekTransform>(n, op, context); },
      dateTimeDoc(description, syntax));
}

}  // namespace week_functions

REGISTER_FUNCTION(WeekFunctions) {
  using namespace week_functions;
  registerWeekFunction(factory, "toDayOfWeek", WeekOp::DayOfWeek,
                       "Day of the week: mode 0 Monday=1..7, 1 Monday=0..6, 2 Sunday=0..6, 3 Sunday=1..7.",
                       "toDayOfWeek(value[, mode[, timezone]])");
  factory.registerAlias("DAYOFWEEK", "toDayOfWeek", FunctionFactory::CaseInsensitive);
  registerWeekFunction(factory, "toWeek", WeekOp::Week, "Week number of the year in the given week mode (0-9).",
                       "toWeek(value[, mode[, timezone]])");
  factory.registerAlias("WEEK", "toWeek", FunctionFactory::CaseInsensitive);
  registerWeekFunction(factory, "toYearWeek", WeekOp::YearWeek,
                       "Year and week number as YYYYWW in the given week mode.",
                       "toYearWeek(value[, mode[, timezone]])");
  factory.registerAlias("YEARWEEK", "toYearWeek", FunctionFactory::CaseInsensitive);
  registerWeekFunction(factory, "toStartOfWeek", WeekOp::StartOfWeek,
                       "Rounds down to the Sunday or Monday (per mode) of the week.",
                       "toStartOfWeek(value[, mode[, timezone]])");
  registerWeekFunction(factory, "toLastDayOfWeek", WeekOp::LastDayOfWeek,
                       "Rounds up to the Saturday or Sunday (per mode) of the week.",
                       "toLastDayOfWeek(value[, mode[, timezone]])");
}

}  // namespace tally
