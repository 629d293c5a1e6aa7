#pragma once
// Rounding down to the start of an n-unit interval, as toStartOfInterval and the time-window
// functions (tumble, hop) do it, with ClickHouse's reference points: seconds and minutes count
// from the epoch, hours from local midnight, days from 1970-01-01, weeks from Monday 1970-01-05,
// months and quarters from 1900-01, years from year 0 (clamped to 1900).

#include "common/time_zone.h"
#include "functions/datetime/calendar.h"
#include "functions/datetime/date_time_arguments.h"
#include "functions/datetime/time_kernels.h"
#include "types/data_type_misc.h"

namespace tally::datetime {

struct IntervalRounding {
  IntervalKind kind;
  int64_t n;
  const TimeZone* zone;
  bool whole_hours;  // hasWholeHourOffsets(*zone), computed once per block

  /// Second, Minute, Hour: UTC instant -> UTC instant.
  int64_t startOfTime(int64_t t) const {
    switch (kind) {
      case IntervalKind::Second:
        if (n == 1) return t;
        if (n % 60 == 0) return floorDiv(t, n) * n;
        return roundDownInZone(*zone, whole_hours, t, n);
      case IntervalKind::Minute: return floorDiv(t, n * 60) * (n * 60);
      default: {
        if (n == 1) return roundDownInZone(*zone, whole_hours, t, 3600);
        int64_t local = zone->toLocal(t);
        int64_t day = floorDiv(local, 86400);
        int64_t rounded = (local - day * 86400) / (n * 3600) * (n * 3600);
        return zone->isUTC() ? day * 86400 + rounded : zone->fromLocal(day * 86400 + rounded);
      }
    }
  }

  /// Day: local day number -> UTC instant of the start (truncating division, as ClickHouse).
  int64_t startOfDayInterval(int64_t day) const {
    int64_t start = n == 1 ? day : day / n * n;
    return zone->isUTC() ? start * 86400 : zone->fromDayNum(start);
  }

  /// Week, Month, Quarter, Year: local day number -> day number of the start. `extended`
  /// (Date32/DateTime64 input) rounds weeks with floor division, Date/DateTime truncate.
  int64_t startOfDays(int64_t day, bool extended) const {
    switch (kind) {
      case IntervalKind::Week: {
        if (n == 1) return calendar::monday(day);
        int64_t days = n * 7;
        if (!extended) return 4 + (day - 4) / days * days;
        return 4 + floorDiv(day - 4, days) * days;
      }
      case IntervalKind::Month: return n == 1 ? calendar::firstDayOfMonth(day) : startOfMonths(day, n);
      case IntervalKind::Quarter: return n == 1 ? calendar::firstDayOfQuarter(day) : startOfMonths(day, n * 3);
      default: {
        if (n == 1) return calendar::firstDayOfYearOf(day);
        int64_t year = calendar::civil(day).year / n * n;
        return calendar::firstDayOfYear(year < 1900 ? 1900 : year);
      }
    }
  }

 private:
  static int64_t startOfMonths(int64_t day, int64_t months) {
    CivilDate c = calendar::civil(day);
    int64_t index = (int64_t(c.year) - 1900) * 12 + c.month - 1;
    index = floorDiv(index, months) * months;
    int64_t year = 1900 + floorDiv(index, 12);
    return calendar::monthStart(year, unsigned(index - (year - 1900) * 12) + 1);
  }
};

/// The unit's "date" interval kinds produce Date results; the others DateTime.
inline bool isDateIntervalKind(IntervalKind kind) {
  return kind == IntervalKind::Week || kind == IntervalKind::Month || kind == IntervalKind::Quarter ||
         kind == IntervalKind::Year;
}

}  // namespace tally::datetime
