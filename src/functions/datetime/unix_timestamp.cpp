// toUnixTimestamp(t[, tz]) (UNIX_TIMESTAMP): seconds since the epoch of a date, date-time or
// date-time string (read in tz); toUnixTimestamp64Milli/Micro/Nano(DateTime64): ticks at that
// precision; fromUnixTimestamp64Milli/Micro/Nano(n[, tz]): the inverse, a DateTime64(3/6/9).

#include "columns/column_const.h"
#include "functions/datetime/date_time_transform.h"
#include "functions/type_dispatch.h"
#include "types/data_type_date.h"
#include "types/data_type_number.h"

namespace tally {

namespace unix_timestamp {

using namespace datetime;

class FunctionToUnixTimestamp final : public IFunction {
 public:
  explicit FunctionToUnixTimestamp(const FunctionContext& context) : context_(&context) {}

  std::string getName() const override { return "toUnixTimestamp"; }
  bool isVariadic() const override { return true; }
  std::vector<size_t> getArgumentsThatAreAlwaysConstant() const override { return {1}; }

  DataTypePtr getReturnType(const ColumnsWithTypeAndName& args) const override {
    checkArgumentCount(getName(), args.size(), 1, 2);
    if (!isTimeType(args[0].type) && !isString(args[0].type))
      throw Exception(ErrorCodes::ILLEGAL_TYPE_OF_ARGUMENT,
                      "Illegal type {} of first argument of function {}. Should be DateTime, Date or String",
                      args[0].type->name(), getName());
    if (args.size() == 2) {
      checkZoneArgumentType(getName(), args, 1);
      explicitZone(getName(), args, 1);
    }
    return typeUInt32();
  }

  ColumnPtr execute(const ColumnsWithTypeAndName& args, const DataTypePtr&, size_t rows) const override {
    if (isString(args[0].type)) {
      FunctionPtr convert = FunctionFactory::instance().get("toDateTime", *context_);
      DataTypePtr type = getFunctionReturnType(*convert, args);
      ColumnPtr parsed = executeFunction(*convert, args, type, rows);
      // A DateTime column is the UInt32 seconds already.
      return materialize(parsed);
    }
    TimeArg arg = timeArg(*context_, getName(), args, 0, 1);
    ColumnPtr column = materialize(args[0].column);
    auto res = ColumnUInt32::create(rows);
    UInt32* out = res->getData().data();
    if (arg.isDays()) {
      const TimeZone& zone = *arg.zone;
      mapDays(*column, arg, out, rows, [&zone](int64_t d) { return dayStart(zone, d); });
    } else {
      mapSeconds(*column, arg, out, rows, [](int64_t t) { return t; });
    }
    return res;
  }

 private:
  const FunctionContext* context_;
};

class FunctionToUnixTimestamp64 final : public IFunction {
 public:
  FunctionToUnixTimestamp64(std::string name, uint32_t digits) : name_(std::move(name)), digits_(digits) {}

  std::string getName() const override { return name_; }
  size_t getNumberOfArguments() const override { return 1; }

  DataTypePtr getReturnType(const ColumnsWithTypeAndName& args) const override {
    if (args[0].type->typeId() != TypeIndex::DateTime64) throwIllegalType(name_, 0, args[0].type, "DateTime64");
    return typeInt64();
  }

  ColumnPtr execute(const ColumnsWithTypeAndName& args, const DataTypePtr&, size_t rows) const override {
    uint32_t scale = static_cast<const DataTypeDateTime64&>(*args[0].type).getScale();
    ColumnPtr column = materialize(args[0].column);
    const Int64* in = typedAs<ColumnInt64>(*column).getData().data();
    auto res = ColumnInt64::create(rows);
    Int64* out = res->getData().data();
    if (scale <= digits_) {
      const int64_t widen = scaleMultiplier(digits_ - scale);
      for (size_t i = 0; i < rows; ++i) out[i] = Int64(UInt64(in[i]) * UInt64(widen));
    } else {
      const int64_t narrow = scaleMultiplier(scale - digits_);
      for (size_t i = 0; i < rows; ++i) out[i] = floorDiv(in[i], narrow);
    }
    return res;
  }

 private:
  std::string name_;
  uint32_t digits_;
};

class FunctionFromUnixTimestamp64 final : public IFunction {
 public:
  FunctionFromUnixTimestamp64(std::string name, uint32_t digits) : name_(std::move(name)), digits_(digits) {}

  std::string getName() const override { return name_; }
  bool isVariadic() const override { return true; }
  std::vector<size_t> getArgumentsThatAreAlwaysConstant() const override { return {1}; }

  DataTypePtr getReturnType(const ColumnsWithTypeAndName& args) const override {
    checkArgumentCount(name_, args.size(), 1, 2);
    if (!isInteger(args[0].type)) throwIllegalType(name_, 0, args[0].type, "an integer");
    std::string zone;
    if (args.size() == 2) {
      checkZoneArgumentType(name_, args, 1);
      zone = explicitZone(name_, args, 1)->name();
    }
    return dateTime64Type(digits_, zone);
  }

  ColumnPtr execute(const ColumnsWithTypeAndName& args, const DataTypePtr&, size_t rows) const override {
    ColumnPtr column = materialize(args[0].column);
    auto res = ColumnInt64::create(rows);
    Int64* out = res->getData().data();
    dispatchInteger(args[0].type->typeId(), [&](auto tag) {
      using T = typename decltype(tag)::Type;
      const T* in = typedAs<ColumnVector<T>>(*column).getData().data();
      for (size_t i = 0; i < rows; ++i) out[i] = Int64(in[i]);
    });
    return res;
  }

 private:
  std::string name_;
  uint32_t digits_;
};

}  // namespace unix_timestamp

REGISTER_FUNCTION(UnixTimestamp) {
  using namespace unix_timestamp;
  factory.registerFunction(
      "toUnixTimestamp",
      [](const FunctionContext& context) { return std::make_shared<FunctionToUnixTimestamp>(context); },
      dateTimeDoc("Unix timestamp of a date, date with time or date-time string (read in the time zone).",
                  "toUnixTimestamp(value[, timezone])"));
  factory.registerAlias("UNIX_TIMESTAMP", "toUnixTimestamp", FunctionFactory::CaseInsensitive);
  const std::pair<const char*, uint32_t> precisions[] = {{"Milli", 3}, {"Micro", 6}, {"Nano", 9}};
  for (const auto& [suffix, digits] : precisions) {
    std::string to = std::string("toUnixTimestamp64") + suffix;
    std::string from = std::string("fromUnixTimestamp64") + suffix;
    uint32_t d = digits;
    factory.registerFunction(
        to, [to, d](const FunctionContext&) { return std::make_shared<FunctionToUnixTimestamp64>(to, d); },
        dateTimeDoc("Unix timestamp of a DateTime64 in units of the given precision.", (to + "(value)").c_str()));
    factory.registerFunction(
        from, [from, d](const FunctionContext&) { return std::make_shared<FunctionFromUnixTimestamp64>(from, d); },
        dateTimeDoc("DateTime64 from a Unix timestamp in units of the given precision.",
                    (from + "(value[, timezone])").c_str()));
  }
}

}  // namespace tally
