#include "functions/datetime/date_time_arguments.h"

#include <map>
#include <mutex>

#include "columns/column_const.h"
#include "common/exception.h"
#include "types/data_type_date.h"

namespace tally::datetime {

bool classifyTimeType(const DataTypePtr& type, TimeKind& kind, uint32_t& scale) {
  switch (type->typeId()) {
    case TypeIndex::Date:
      kind = TimeKind::Date;
      scale = 0;
      return true;
    case TypeIndex::Date32:
      kind = TimeKind::Date32;
      scale = 0;
      return true;
    case TypeIndex::DateTime:
      kind = TimeKind::DateTime;
      scale = 0;
      return true;
    case TypeIndex::DateTime64:
      kind = TimeKind::DateTime64;
      scale = static_cast<const DataTypeDateTime64&>(*type).getScale();
      return true;
    default: return false;
  }
}

bool isTimeType(const DataTypePtr& type) {
  TimeKind kind;
  uint32_t scale;
  return classifyTimeType(type, kind, scale);
}

int64_t scaleMultiplier(uint32_t scale) {
  int64_t m = 1;
  for (uint32_t i = 0; i < scale; ++i) m *= 10;
  return m;
}

void checkTimeArgument(const std::string& function, const ColumnsWithTypeAndName& args, size_t i) {
  if (!isTimeType(args[i].type))
    throw Exception(ErrorCodes::ILLEGAL_TYPE_OF_ARGUMENT,
                    "Illegal type {} of argument of function {}. Should be a date or a date with time",
                    args[i].type->name(), function);
}

void checkZoneArgumentType(const std::string& function, const ColumnsWithTypeAndName& args, size_t i) {
  if (!isString(args[i].type))
    throw Exception(ErrorCodes::ILLEGAL_TYPE_OF_ARGUMENT,
                    "Illegal type {} of argument of function {}. This argument is optional and must be a constant "
                    "string with timezone name",
                    args[i].type->name(), function);
}

Field constantValue(const std::string& function, const ColumnsWithTypeAndName& args, size_t i) {
  const ColumnPtr& column = args[i].column;
  if (!column || column->empty())
    throw Exception(ErrorCodes::ILLEGAL_COLUMN, "Argument {} of function {} must be constant", i + 1, function);
  if (column->isConst()) return static_cast<const ColumnConst&>(*column).getField();
  return (*column)[0];
}

std::string constantString(const std::string& function, const ColumnsWithTypeAndName& args, size_t i) {
  if (!isString(args[i].type))
    throw Exception(ErrorCodes::ILLEGAL_TYPE_OF_ARGUMENT,
                    "Illegal type {} of argument {} of function {}, expected String", args[i].type->name(), i + 1,
                    function);
  return constantValue(function, args, i).get<std::string>();
}

int64_t constantInteger(const std::string& function, const ColumnsWithTypeAndName& args, size_t i) {
  if (!isInteger(args[i].type))
    throw Exception(ErrorCodes::ILLEGAL_TYPE_OF_ARGUMENT,
                    "Illegal type {} of argument {} of function {}, expected an integer", args[i].type->name(), i + 1,
                    function);
  return constantValue(function, args, i).as<int64_t>();
}

const TimeZone* explicitZone(const std::string& function, const ColumnsWithTypeAndName& args, size_t zone_index) {
  if (zone_index >= args.size()) return nullptr;
  checkZoneArgumentType(function, args, zone_index);
  std::string name = constantString(function, args, zone_index);
  if (name.empty())
    throw Exception(ErrorCodes::ILLEGAL_TYPE_OF_ARGUMENT, "Provided time zone must be non-empty for function {}",
                    function);
  return &TimeZone::get(name);
}

const TimeZone& zoneFor(const FunctionContext& context, const std::string& function, const ColumnsWithTypeAndName& args,
                        size_t zone_index, size_t time_index) {
  if (const TimeZone* zone = explicitZone(function, args, zone_index)) return *zone;
  return timeZoneFor(context, args[time_index].type);
}

TimeArg timeArg(const FunctionContext& context, const std::string& function, const ColumnsWithTypeAndName& args,
                size_t time_index, size_t zone_index) {
  TimeArg a;
  if (!classifyTimeType(args[time_index].type, a.kind, a.scale)) checkTimeArgument(function, args, time_index);
  a.ticks_per_second = scaleMultiplier(a.scale);
  a.zone = &zoneFor(context, function, args, zone_index, time_index);
  return a;
}

std::string resultZoneName(const std::string& function, const ColumnsWithTypeAndName& args, size_t zone_index,
                           size_t time_index) {
  if (const TimeZone* zone = explicitZone(function, args, zone_index)) return zone->name();
  if (time_index >= args.size()) return {};
  const DataTypePtr& type = args[time_index].type;
  if (type->typeId() == TypeIndex::DateTime) {
    const auto& t = static_cast<const DataTypeDateTime&>(*type);
    if (t.hasExplicitTimeZone()) return t.timeZone().name();
  }
  if (type->typeId() == TypeIndex::DateTime64) {
    const auto& t = static_cast<const DataTypeDateTime64&>(*type);
    if (t.hasExplicitTimeZone()) return t.timeZone().name();
  }
  return {};
}

DataTypePtr dateTimeType(const std::string& zone_name) {
  if (zone_name.empty()) return typeDateTime();
  return std::make_shared<DataTypeDateTime>(zone_name);
}

DataTypePtr dateTime64Type(uint32_t scale, const std::string& zone_name) {
  if (zone_name.empty()) return std::make_shared<DataTypeDateTime64>(scale);
  return std::make_shared<DataTypeDateTime64>(scale, zone_name);
}

bool intervalKindOf(const DataTypePtr& type, IntervalKind& kind) {
  if (type->typeId() != TypeIndex::Interval) return false;
  kind = static_cast<const DataTypeInterval&>(*type).kind();
  return true;
}

IntervalArg constantInterval(const std::string& function, const ColumnsWithTypeAndName& args, size_t i) {
  IntervalArg r{};
  if (!intervalKindOf(args[i].type, r.kind))
    throw Exception(ErrorCodes::ILLEGAL_TYPE_OF_ARGUMENT,
                    "Illegal type {} of argument {} of function {}, expected a time interval", args[i].type->name(),
                    i + 1, function);
  if (!args[i].column || args[i].column->empty())
    throw Exception(ErrorCodes::ILLEGAL_COLUMN,
                    "Illegal column for argument {} of function {}, must be a const time interval", i + 1, function);
  r.count = constantValue(function, args, i).as<int64_t>();
  return r;
}

bool hasWholeHourOffsets(const TimeZone& zone) {
  if (zone.isUTC()) return true;
  static std::mutex mutex;
  static std::map<const TimeZone*, bool> known;
  std::lock_guard lock(mutex);
  auto it = known.find(&zone);
  if (it != known.end()) return it->second;
  // Daily samples see every offset that lasted at least a day (DateTime's range).
  bool whole = true;
  for (int64_t t = 0; t < (int64_t(1) << 32) && whole; t += 86400) whole = zone.offsetAt(t) % 3600 == 0;
  known.emplace(&zone, whole);
  return whole;
}

}  // namespace tally::datetime
