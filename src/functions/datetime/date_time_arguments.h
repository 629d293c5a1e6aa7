#pragma once
// Argument handling shared by the date and time functions: which of the four date/time types an
// argument has, the time zone a call reads it in (explicit zone argument, else the type's zone,
// else the session zone), result types that carry the zone, and constant parameters (modes,
// units, intervals, format strings).

#include <cstdint>
#include <string>

#include "common/time_zone.h"
#include "functions/function.h"
#include "types/data_type_misc.h"

namespace tally::datetime {

enum class TimeKind : uint8_t { Date, Date32, DateTime, DateTime64 };

/// A date/time argument as kernels read it.
struct TimeArg {
  TimeKind kind = TimeKind::Date;
  uint32_t scale = 0;            // DateTime64 precision
  int64_t ticks_per_second = 1;  // 10^scale
  const TimeZone* zone = nullptr;
  bool isDays() const { return kind == TimeKind::Date || kind == TimeKind::Date32; }
};

/// Sets kind (and the DateTime64 scale) for Date, Date32, DateTime and DateTime64.
bool classifyTimeType(const DataTypePtr& type, TimeKind& kind, uint32_t& scale);
bool isTimeType(const DataTypePtr& type);
int64_t scaleMultiplier(uint32_t scale);

/// The explicit time zone argument at zone_index (nullptr when the call has fewer arguments).
/// Throws ILLEGAL_TYPE_OF_ARGUMENT unless it is a constant non-empty String naming a zone.
const TimeZone* explicitZone(const std::string& function, const ColumnsWithTypeAndName& args, size_t zone_index);

/// The zone argument time_index is read in.
const TimeZone& zoneFor(const FunctionContext& context, const std::string& function, const ColumnsWithTypeAndName& args,
                        size_t zone_index, size_t time_index);

/// Kind, scale and zone of argument time_index; throws ILLEGAL_TYPE_OF_ARGUMENT for other types.
TimeArg timeArg(const FunctionContext& context, const std::string& function, const ColumnsWithTypeAndName& args,
                size_t time_index, size_t zone_index);

/// Zone name a DateTime result carries: the explicit zone argument, else the explicit zone of the
/// argument's type, else "" (no zone in the type name).
std::string resultZoneName(const std::string& function, const ColumnsWithTypeAndName& args, size_t zone_index,
                           size_t time_index);
DataTypePtr dateTimeType(const std::string& zone_name);
DataTypePtr dateTime64Type(uint32_t scale, const std::string& zone_name);

/// Throws ILLEGAL_TYPE_OF_ARGUMENT "Illegal type T of argument of function f. Should be a date or a
/// date with time" unless argument i is a date/time type.
void checkTimeArgument(const std::string& function, const ColumnsWithTypeAndName& args, size_t i);
/// Throws ILLEGAL_TYPE_OF_ARGUMENT unless argument i is a String (a time zone).
void checkZoneArgumentType(const std::string& function, const ColumnsWithTypeAndName& args, size_t i);

/// Value of argument i, which the analyzer guarantees constant: a ColumnConst, or the one-row
/// column the executor passes when every argument is constant. ILLEGAL_COLUMN when missing.
Field constantValue(const std::string& function, const ColumnsWithTypeAndName& args, size_t i);
/// Value of constant integer argument i.
int64_t constantInteger(const std::string& function, const ColumnsWithTypeAndName& args, size_t i);
/// Value of constant String argument i.
std::string constantString(const std::string& function, const ColumnsWithTypeAndName& args, size_t i);

/// Kind of an Interval type; false for other types.
bool intervalKindOf(const DataTypePtr& type, IntervalKind& kind);
/// Kind and constant count of Interval argument i (ILLEGAL_COLUMN if not constant).
struct IntervalArg {
  IntervalKind kind;
  int64_t count;
};
IntervalArg constantInterval(const std::string& function, const ColumnsWithTypeAndName& args, size_t i);

/// True when every UTC offset `zone` has had since 1970 is a whole number of hours. ClickHouse then
/// rounds hours (toStartOfHour, toRelativeHourNum, second intervals) on UTC multiples; otherwise
/// it counts from local midnight or from the offset at the epoch. Computed once per zone.
bool hasWholeHourOffsets(const TimeZone& zone);

/// Day number as a Date value: saturated below at 1970-01-01, wrapping above like ClickHouse's
/// UInt16 day numbers.
inline uint16_t toDateValue(int64_t day) { return day < 0 ? 0 : uint16_t(day); }

}  // namespace tally::datetime
