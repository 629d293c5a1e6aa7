#pragma once
// FunctionTimeTransform: a function of one date/time value and an optional constant time zone
// (toYear(t[, tz]), toStartOfHour(t[, tz]), ...). A Transform describes one function:
//
//   struct ToYear {
//     static constexpr const char* name = "toYear";
//     static constexpr bool needs_time = false;    // true: Date/Date32 are rejected (toHour)
//     static constexpr bool returns_date = false;  // true: a zone argument is rejected for Date input
//     static DataTypePtr resultType(TimeKind kind, uint32_t scale, const std::string& zone_name);
//     static ColumnPtr execute(const Column& column, const TimeArg& arg, size_t rows);
//   };
//
// execute receives a full (non-constant) column: constant inputs are folded by the executor.

#include "columns/column_const.h"
#include "columns/column_vector.h"
#include "common/exception.h"
#include "functions/datetime/date_time_arguments.h"
#include "functions/datetime/time_kernels.h"
#include "functions/function_factory.h"

namespace tally::datetime {

template <typename Transform>
class FunctionTimeTransform final : public IFunction {
 public:
  explicit FunctionTimeTransform(const FunctionContext& context) : context_(&context) {}

  std::string getName() const override { return Transform::name; }
  bool isVariadic() const override { return true; }
  std::vector<size_t> getArgumentsThatAreAlwaysConstant() const override { return {1}; }

  DataTypePtr getReturnType(const ColumnsWithTypeAndName& args) const override {
    checkArgumentCount(getName(), args.size(), 1, 2);
    TimeKind kind;
    uint32_t scale;
    if (!classifyTimeType(args[0].type, kind, scale)) checkTimeArgument(getName(), args, 0);
    const bool days = kind == TimeKind::Date || kind == TimeKind::Date32;
    if (args.size() == 2) {
      checkZoneArgumentType(getName(), args, 1);
      if (Transform::returns_date && days)
        throw Exception(ErrorCodes::ILLEGAL_TYPE_OF_ARGUMENT,
                        "The timezone argument of function {} is allowed only when the 1st argument has the type "
                        "DateTime or DateTime64",
                        getName());
    }
    if (Transform::needs_time && days)
      throw Exception(ErrorCodes::ILLEGAL_TYPE_OF_ARGUMENT, "Illegal type {} of argument for function {}",
                      args[0].type->name(), getName());
    return Transform::resultType(kind, scale, resultZoneName(getName(), args, 1, 0));
  }

  ColumnPtr execute(const ColumnsWithTypeAndName& args, const DataTypePtr&, size_t rows) const override {
    TimeArg arg = timeArg(*context_, getName(), args, 0, 1);
    ColumnPtr column = materialize(args[0].column);
    return Transform::execute(*column, arg, rows);
  }

 private:
  const FunctionContext* context_;
};

/// A column of `rows` results of fn(local_day).
template <typename R, typename Fn>
ColumnPtr dayTransform(const Column& column, const TimeArg& arg, size_t rows, Fn&& fn) {
  auto res = ColumnVector<R>::create(rows);
  mapDays(column, arg, res->getData().data(), rows, fn);
  return res;
}

/// A column of `rows` results of fn(utc_seconds, local_seconds).
template <typename R, typename Fn>
ColumnPtr instantTransform(const Column& column, const TimeArg& arg, size_t rows, Fn&& fn) {
  auto res = ColumnVector<R>::create(rows);
  mapInstants(column, arg, res->getData().data(), rows, fn);
  return res;
}

inline FunctionDocumentation dateTimeDoc(const char* description, const char* syntax) {
  FunctionDocumentation doc;
  doc.description = description;
  doc.syntax = syntax;
  doc.category = "Dates and Times";
  return doc;
}

template <typename Transform>
void registerTimeTransform(FunctionFactory& factory, const char* description, const char* syntax,
                           FunctionFactory::CaseSensitivity case_sensitivity = FunctionFactory::CaseSensitive) {
  factory.registerFunction(
      Transform::name,
      [](const FunctionContext& context) { return std::make_shared<FunctionTimeTransform<Transform>>(context); },
      dateTimeDoc(description, syntax), case_sensitivity);
}

}  // namespace tally::datetime
