#pragma once
// Relative numbers: the count of a unit since a fixed point in the past (year numbers, year * 12
// + month, Monday-based week numbers, day numbers, hours, minutes, seconds, sub-seconds), in the
// argument's time zone. toRelative*Num return them; dateDiff and age subtract them.

#include "functions/datetime/date_time_arguments.h"

namespace tally::datetime {

enum class RelativeUnit : uint8_t {
  Year,
  Quarter,
  Month,
  Week,
  Day,
  Hour,
  Minute,
  Second,
  Millisecond,
  Microsecond,
  Nanosecond
};

/// Parses dateDiff's unit names ("day", "days", "dd", "d", ... case-insensitive); false if unknown.
bool parseRelativeUnit(std::string_view text, RelativeUnit& unit);

/// out[i] = the relative number of row i of `column` (a full column of arg's kind).
/// legacy_hours: toRelativeHourNum's numbering (t / 3600 for non-negative t in zones with whole-hour
/// offsets); otherwise hours are counted from the zone's offset at the epoch (dateDiff).
void relativeNumbers(const Column& column, const TimeArg& arg, RelativeUnit unit, Int64* out, size_t rows,
                     bool legacy_hours = false);

}  // namespace tally::datetime
