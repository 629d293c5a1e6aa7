// dateDiff(unit, start, end[, tz]) (date_diff, DATE_DIFF, timestampDiff, timestamp_diff,
// TIMESTAMP_DIFF): the number of unit boundaries crossed, i.e. the difference of the relative
// numbers of the unit (dateDiff('minute', 11:13:08, 11:17:10) = 4). age(unit, start, end[, tz]):
// the number of full units elapsed. timeDiff(start, end): dateDiff('second', ...). Int64 results.

#include "columns/column_const.h"
#include "functions/datetime/calendar.h"
#include "functions/datetime/date_time_transform.h"
#include "functions/datetime/relative_numbers.h"
#include "types/data_type_number.h"

namespace tally {

namespace date_diff {

using namespace datetime;

/// Relative numbers of one argument: a whole column, or one value for a constant.
struct Numbers {
  PODArray<Int64> values;
  bool is_const = false;
  Int64 at(size_t i) const { return values[is_const ? 0 : i]; }
};

Numbers numbersOf(const ColumnWithTypeAndName& arg, const TimeArg& time, RelativeUnit unit, size_t rows) {
  Numbers n;
  const Column* column = arg.column.get();
  n.is_const = column->isConst();
  if (n.is_const) column = &static_cast<const ColumnConst&>(*column).getDataColumn();
  size_t count = n.is_const ? 1 : rows;
  n.values.resize(count);
  relativeNumbers(*column, time, unit, n.values.data(), count);
  return n;
}

/// Calendar and clock fields of one value, for age's "is the last unit complete" check.
struct Fields {
  int64_t f[8];  // month, day, hour, minute, second, millisecond, microsecond, nanosecond
  unsigned day_of_week;
};

Fields fieldsAt(const Column& column, const TimeArg& arg, size_t i) {
  int64_t local = 0, nanos = 0;
  switch (arg.kind) {
    case TimeKind::Date: local = int64_t(typedAs<ColumnUInt16>(column).getData()[i]) * 86400; break;
    case TimeKind::Date32: local = int64_t(typedAs<ColumnInt32>(column).getData()[i]) * 86400; break;
    case TimeKind::DateTime: local = arg.zone->toLocal(typedAs<ColumnUInt32>(column).getData()[i]); break;
    case TimeKind::DateTime64: {
      int64_t ticks = typedAs<ColumnInt64>(column).getData()[i];
      int64_t whole = floorDiv(ticks, arg.ticks_per_second);
      nanos = (ticks - whole * arg.ticks_per_second) * (1000000000 / arg.ticks_per_second);
      local = arg.zone->toLocal(whole);
      break;
    }
  }
  int64_t day = floorDiv(local, 86400), s = local - day * 86400;
  CivilDate c = calendar::civil(day);
  return {{c.month, c.day, s / 3600, s / 60 % 60, s % 60, nanos / 1000000, nanos / 1000 % 1000, nanos % 1000},
          dayOfWeek(day)};
}

/// a's fields from index `from` on compare greater than b's.
bool tailGreater(const Fields& a, const Fields& b, size_t from) {
  for (size_t k = from; k < 8; ++k)
    if (a.f[k] != b.f[k]) return a.f[k] > b.f[k];
  return false;
}

class FunctionDateDiff final : public IFunction {
 public:
  FunctionDateDiff(std::string name, bool full_units, const FunctionContext& context)
      : name_(std::move(name)), full_units_(full_units), context_(&context) {}

  std::string getName() const override { return name_; }
  bool isVariadic() const override { return true; }
  std::vector<size_t> getArgumentsThatAreAlwaysConstant() const override { return {0, 3}; }
  bool useDefaultImplementationForConstants() const override { return true; }

  DataTypePtr getReturnType(const ColumnsWithTypeAndName& args) const override {
    checkArgumentCount(name_, args.size(), 3, 4);
    if (!isString(args[0].type))
      throw Exception(ErrorCodes::ILLEGAL_TYPE_OF_ARGUMENT, "First argument for function {} (unit) must be String",
                      name_);
    if (!isTimeType(args[1].type))
      throw Exception(ErrorCodes::ILLEGAL_TYPE_OF_ARGUMENT,
                      "Second argument for function {} must be Date, Date32, DateTime or DateTime64", name_);
    if (!isTimeType(args[2].type))
      throw Exception(ErrorCodes::ILLEGAL_TYPE_OF_ARGUMENT,
                      "Third argument for function {} must be Date, Date32, DateTime or DateTime64", name_);
    if (args.size() == 4 && !isString(args[3].type))
      throw Exception(ErrorCodes::ILLEGAL_TYPE_OF_ARGUMENT, "Fourth argument for function {} (timezone) must be String",
                      name_);
    return typeInt64();
  }

  ColumnPtr execute(const ColumnsWithTypeAndName& args, const DataTypePtr&, size_t rows) const override {
    std::string unit_text = constantString(name_, args, 0);
    RelativeUnit unit;
    if (!parseRelativeUnit(unit_text, unit)) {
      for (auto& ch : unit_text) ch = char(std::tolower(static_cast<unsigned char>(ch)));
      throw Exception(ErrorCodes::BAD_ARGUMENTS, "Function {} does not support '{}' unit", name_, unit_text);
    }
    TimeArg x = timeArg(*context_, name_, args, 1, 3);
    TimeArg y = timeArg(*context_, name_, args, 2, 3);
    Numbers nx = numbersOf(args[1], x, unit, rows);
    Numbers ny = numbersOf(args[2], y, unit, rows);
    auto res = ColumnInt64::create(rows);
    Int64* out = res->getData().data();
    if (!nx.is_const && !ny.is_const) {
      for (size_t i = 0; i < rows; ++i) out[i] = ny.values[i] - nx.values[i];
    } else {
      for (size_t i = 0; i < rows; ++i) out[i] = ny.at(i) - nx.at(i);
    }
    if (full_units_) adjustToFullUnits(args, x, y, unit, out, rows);
    return res;
  }

 private:
  /// age: drops the last unit when it is not complete (ClickHouse's comparison of the finer fields).
  void adjustToFullUnits(const ColumnsWithTypeAndName& args, const TimeArg& x, const TimeArg& y, RelativeUnit unit,
                         Int64* out, size_t rows) const {
    if (unit == RelativeUnit::Nanosecond) return;
    ColumnPtr cx = materialize(args[1].column), cy = materialize(args[2].column);
    PODArray<Int64> nsx(rows), nsy(rows);
    relativeNumbers(*cx, x, RelativeUnit::Nanosecond, nsx.data(), rows);
    relativeNumbers(*cy, y, RelativeUnit::Nanosecond, nsy.data(), rows);
    for (size_t i = 0; i < rows; ++i) {
      Fields fx = fieldsAt(*cx, x, i), fy = fieldsAt(*cy, y, i);
      const bool forward = nsx[i] <= nsy[i];
      const Fields& a = forward ? fx : fy;
      const Fields& b = forward ? fy : fx;
      const Int64 adjust = forward ? -1 : 1;
      bool incomplete = false;
      switch (unit) {
        case RelativeUnit::Year: incomplete = tailGreater(a, b, 0); break;
        case RelativeUnit::Quarter: {
          int64_t qa = (a.f[0] - 1) % 3, qb = (b.f[0] - 1) % 3;
          incomplete = qa > qb || (qa == qb && tailGreater(a, b, 1));
          break;
        }
        case RelativeUnit::Month: incomplete = tailGreater(a, b, 1); break;
        case RelativeUnit::Week:
          incomplete = fx.day_of_week > fy.day_of_week || (fx.day_of_week == fy.day_of_week && a.f[2] > b.f[2]) ||
                       (a.f[2] == b.f[2] && tailGreater(a, b, 3));
          break;
        case RelativeUnit::Day: incomplete = tailGreater(a, b, 2); break;
        case RelativeUnit::Hour: incomplete = tailGreater(a, b, 3); break;
        case RelativeUnit::Minute: incomplete = tailGreater(a, b, 4); break;
        case RelativeUnit::Second: incomplete = tailGreater(a, b, 5); break;
        case RelativeUnit::Millisecond: incomplete = tailGreater(a, b, 6); break;
        case RelativeUnit::Microsecond: incomplete = tailGreater(a, b, 7); break;
        case RelativeUnit::Nanosecond: break;
      }
      if (incomplete) out[i] += adjust;
    }
  }

  std::string name_;
  bool full_units_;
  const FunctionContext* context_;
};

/// timeDiff(start, end): seconds between two values, both read in the session zone.
class FunctionTimeDiff final : public IFunction {
 public:
  explicit FunctionTimeDiff(const FunctionContext& context) : context_(&context) {}
  std::string getName() const override { return "timeDiff"; }
  size_t getNumberOfArguments() const override { return 2; }
  DataTypePtr getReturnType(const ColumnsWithTypeAndName& args) const override {
    for (size_t i = 0; i < 2; ++i)
      if (!isTimeType(args[i].type)) throwIllegalType(getName(), i, args[i].type, "Date[32] or DateTime[64]");
    return typeInt64();
  }
  ColumnPtr execute(const ColumnsWithTypeAndName& args, const DataTypePtr&, size_t rows) const override {
    const TimeZone& zone = context_->session_time_zone ? *context_->session_time_zone : TimeZone::defaultZone();
    TimeArg a[2];
    Numbers n[2];
    for (size_t i = 0; i < 2; ++i) {
      classifyTimeType(args[i].type, a[i].kind, a[i].scale);
      a[i].ticks_per_second = scaleMultiplier(a[i].scale);
      a[i].zone = &zone;
      n[i] = numbersOf(args[i], a[i], RelativeUnit::Second, rows);
    }
    auto res = ColumnInt64::create(rows);
    for (size_t i = 0; i < rows; ++i) res->getData()[i] = n[1].at(i) - n[0].at(i);
    return res;
  }

 private:
  const FunctionContext* context_;
};

}  // namespace date_diff

REGISTER_FUNCTION(DateDiff) {
  using namespace date_diff;
  factory.registerFunction(
      "dateDiff",
      [](const FunctionContext& context) { return std::make_shared<FunctionDateDiff>("dateDiff", false, context); },
      dateTimeDoc("Counts the unit boundaries crossed between startdate and enddate.",
                  "dateDiff(unit, startdate, enddate[, timezone])"),
      FunctionFactory::CaseInsensitive);
  for (const char* alias : {"date_diff", "DATE_DIFF", "timestampDiff", "timestamp_diff", "TIMESTAMP_DIFF"})
    factory.registerAlias(alias, "dateDiff");
  factory.registerFunction(
      "age", [](const FunctionContext& context) { return std::make_shared<FunctionDateDiff>("age", true, context); },
      dateTimeDoc("Number of full units elapsed between startdate and enddate.",
                  "age(unit, startdate, enddate[, timezone])"));
  factory.registerFunction(
      "timeDiff", [](const FunctionContext& context) { return std::make_shared<FunctionTimeDiff>(context); },
      dateTimeDoc("Seconds between two dates or dates with time.", "timeDiff(startdate, enddate)"));
}

}  // namespace tally
