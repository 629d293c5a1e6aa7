// now([tz]) (current_timestamp), now64([precision[, tz]]), today() (current_date, curdate) and
// yesterday(): the query's start time, constant within a query.

#include <chrono>

#include "functions/datetime/date_time_transform.h"
#include "types/data_type_date.h"

namespace tally {

namespace current_time {

using namespace datetime;

/// The query start in microseconds; the clock when the context does not carry one.
int64_t queryStartMicros(const FunctionContext& context) {
  if (context.query_start_time_us) return context.query_start_time_us;
  if (context.query_start_time) return context.query_start_time * 1000000;
  return std::chrono::duration_cast<std::chrono::microseconds>(std::chrono::system_clock::now().time_since_epoch())
      .count();
}

enum class Clock { Now, Now64, Today, Yesterday };

class FunctionCurrentTime final : public IFunction {
 public:
  FunctionCurrentTime(std::string name, Clock clock, const FunctionContext& context)
      : name_(std::move(name)), clock_(clock), context_(&context), start_us_(queryStartMicros(context)) {}

  std::string getName() const override { return name_; }
  bool isVariadic() const override { return true; }
  std::vector<size_t> getArgumentsThatAreAlwaysConstant() const override { return {0, 1}; }
  bool isDeterministic() const override { return false; }
  bool isDeterministicInScopeOfQuery() const override { return true; }

  DataTypePtr getReturnType(const ColumnsWithTypeAndName& args) const override {
    switch (clock_) {
      case Clock::Today:
      case Clock::Yesterday: checkArgumentCount(name_, args.size(), 0, 0); return typeDate();
      case Clock::Now: checkArgumentCount(name_, args.size(), 0, 1); return dateTimeType(zoneName(args, 0));
      case Clock::Now64:
        checkArgumentCount(name_, args.size(), 0, 2);
        return dateTime64Type(precision(args), zoneName(args, 1));
    }
    return nullptr;
  }

  ColumnPtr execute(const ColumnsWithTypeAndName& args, const DataTypePtr& result_type, size_t rows) const override {
    const int64_t seconds = floorDiv(start_us_, 1000000);
    switch (clock_) {
      case Clock::Now: return result_type->createColumnConst(rows, Field(uint64_t(UInt32(seconds))));
      case Clock::Now64: {
        uint32_t scale = precision(args);
        int64_t ticks =
            scale <= 6 ? floorDiv(start_us_, scaleMultiplier(6 - scale)) : start_us_ * scaleMultiplier(scale - 6);
        return result_type->createColumnConst(rows, Field(ticks));
      }
      case Clock::Today:
      case Clock::Yesterday: {
        const TimeZone& zone = context_->session_time_zone ? *context_->session_time_zone : TimeZone::defaultZone();
        int64_t day = zone.toDayNum(seconds) - (clock_ == Clock::Yesterday ? 1 : 0);
        return result_type->createColumnConst(rows, Field(uint64_t(toDateValue(day))));
      }
    }
    return nullptr;
  }

 private:
  std::string zoneName(const ColumnsWithTypeAndName& args, size_t i) const {
    if (i >= args.size()) return {};
    checkZoneArgumentType(name_, args, i);
    return explicitZone(name_, args, i)->name();
  }
  uint32_t precision(const ColumnsWithTypeAndName& args) const {
    if (args.empty()) return 3;
    int64_t p = constantInteger(name_, args, 0);
    if (p < 0 || p > 9)
      throw Exception(ErrorCodes::ARGUMENT_OUT_OF_BOUND, "Precision {} is out of bounds for function {}, max is 9", p,
                      name_);
    return uint32_t(p);
  }

  std::string name_;
  Clock clock_;
  const FunctionContext* context_;
  int64_t start_us_;
};

void registerClock(FunctionFactory& factory, const char* name, Clock clock, const char* description, const char* syntax,
                   FunctionFactory::CaseSensitivity case_sensitivity) {
  std::string n = name;
  factory.registerFunction(
      n,
      [n, clock](const FunctionContext& context) { return std::make_shared<FunctionCurrentTime>(n, clock, context); },
      dateTimeDoc(description, syntax), case_sensitivity);
}

}  // namespace current_time

REGISTER_FUNCTION(CurrentTime) {
  using namespace current_time;
  registerClock(factory, "now", Clock::Now, "Date and time of the query start.", "now([timezone])",
                FunctionFactory::CaseInsensitive);
  factory.registerAlias("current_timestamp", "now", FunctionFactory::CaseInsensitive);
  registerClock(factory, "now64", Clock::Now64, "Date and time of the query start with sub-second precision.",
                "now64([scale[, timezone]])", FunctionFactory::CaseInsensitive);
  registerClock(factory, "today", Clock::Today, "Date of the query start.", "today()", FunctionFactory::CaseSensitive);
  factory.registerAlias("current_date", "today", FunctionFactory::CaseInsensitive);
  factory.registerAlias("curdate", "today", FunctionFactory::CaseInsensitive);
  registerClock(factory, "yesterday", Clock::Yesterday, "The day before the query start.", "yesterday()",
                FunctionFactory::CaseSensitive);
}

}  // namespace tally
