#pragma once
// Calendar arithmetic on day numbers (days since 1970-01-01) with ClickHouse's conventions: ISO
// weeks, the MySQL-style week modes of toWeek/toYearWeek/toStartOfWeek, day-of-week modes, month
// arithmetic that clamps to the last day of the month, and the "relative numbers" that dateDiff
// subtracts. Everything here is branch-light inline code so kernels can call it per row.

#include <algorithm>
#include <cstdint>

#include "common/civil_date.h"

namespace tally::calendar {

/// ClickHouse's date lookup table covers 1900-01-01 .. 2299-12-31; calendar results outside are
/// clamped to its ends (month/year arithmetic, interval rounding).
constexpr int64_t kFirstLutDay = kDate32MinDay;
constexpr int64_t kLastLutDay = kDate32MaxDay;
inline int64_t clampToLut(int64_t day) {
  return day < kFirstLutDay ? kFirstLutDay : (day > kLastLutDay ? kLastLutDay : day);
}

/// Year, month and day of every day of that range, precomputed: a table lookup is an order of
/// magnitude cheaper than the civil-date arithmetic in per-row kernels.
struct DayFields {
  int16_t year;
  uint8_t month;
  uint8_t day;
};
constexpr int64_t kTableDays = kLastLutDay - kFirstLutDay + 1;
extern DayFields day_fields_table[kTableDays];

/// First day of each month of 1900 .. 2299: month_starts_table[(year - 1900) * 12 + month - 1].
constexpr int64_t kFirstLutYear = 1900, kLastLutYear = 2299;
extern int32_t month_starts_table[(kLastLutYear - kFirstLutYear + 1) * 12];

/// Day number of year-month-01 (table inside the range, arithmetic outside).
inline int64_t monthStart(int64_t year, unsigned month) {
  if (year >= kFirstLutYear && year <= kLastLutYear) [[likely]]
    return month_starts_table[(year - kFirstLutYear) * 12 + month - 1];
  return daysFromCivil(year, month, 1);
}

/// civilFromDays through the table (arithmetic outside its range).
inline CivilDate civil(int64_t day) {
  const uint64_t i = uint64_t(day - kFirstLutDay);
  if (i < uint64_t(kTableDays)) [[likely]] {
    const DayFields f = day_fields_table[i];
    return CivilDate{f.year, f.month, f.day};
  }
  return civilFromDays(day);
}

inline int64_t firstDayOfYear(int64_t year) { return monthStart(year, 1); }
inline unsigned daysInYear(int64_t year) { return isLeapYear(year) ? 366 : 365; }

inline int64_t firstDayOfMonth(int64_t day) { return day - civil(day).day + 1; }
inline int64_t lastDayOfMonth(int64_t day) {
  CivilDate c = civil(day);
  return day - c.day + daysInMonth(c.year, c.month);
}
inline int64_t firstDayOfQuarter(int64_t day) {
  CivilDate c = civil(day);
  return monthStart(c.year, (c.month - 1) / 3 * 3 + 1);
}
inline int64_t firstDayOfYearOf(int64_t day) { return firstDayOfYear(civil(day).year); }
inline unsigned dayOfYear(int64_t day) { return unsigned(day - firstDayOfYearOf(day) + 1); }

/// Monday of the week containing `day`.
inline int64_t monday(int64_t day) { return day - int64_t(dayOfWeek(day)) + 1; }

/// Year that contains the Thursday of the ISO week of `day`.
inline int32_t isoYear(int64_t day) { return civil(day + 4 - int64_t(dayOfWeek(day))).year; }
inline int64_t firstDayOfISOYear(int64_t day) {
  int64_t first = firstDayOfYear(isoYear(day));
  int64_t w = dayOfWeek(first);
  return w <= 4 ? first + 1 - w : first + 8 - w;
}
inline unsigned isoWeek(int64_t day) { return unsigned(1 + (monday(day) - firstDayOfISOYear(day)) / 7); }

/// toDayOfWeek modes: 0 = Monday 1..7, 1 = Monday 0..6, 2 = Sunday 0..6, 3 = Sunday 1..7.
inline unsigned dayOfWeekInMode(int64_t day, unsigned mode) {
  unsigned res = dayOfWeek(day);
  mode &= 3;
  if (mode >= 2) res = res % 7 + 1;
  if (mode == 1 || mode == 2) --res;
  return res;
}

// Week modes (toWeek): bit 0 = Monday first, bit 1 = weeks 1..53 counted in the year they belong
// to, bit 2 = week 1 is the first week with the first weekday (else ISO 8601 "4 or more days"),
// bit 3 = week 1 contains January 1.
constexpr unsigned kWeekMondayFirst = 1, kWeekYear = 2, kWeekFirstWeekday = 4, kWeekNewYearDay = 8;

struct YearWeek {
  int32_t year;
  unsigned week;
};

/// First day of the week of `day`: Monday when mode has kWeekMondayFirst, else Sunday.
inline int64_t firstDayOfWeek(int64_t day, unsigned mode) {
  if (mode & kWeekMondayFirst) return monday(day);
  unsigned w = dayOfWeek(day);
  return w == 7 ? day : day - w;
}
/// Last day of the week of `day` (Sunday or Saturday).
inline int64_t lastDayOfWeek(int64_t day, unsigned mode) {
  if (mode & kWeekMondayFirst) return day + 7 - int64_t(dayOfWeek(day));
  unsigned w = dayOfWeek(day);
  return w == 7 ? day + 6 : day + 6 - w;
}

/// Year and week of `day` in week mode `mode` (ClickHouse's toYearWeek algorithm).
YearWeek yearWeek(int64_t day, unsigned mode);

/// Relative numbers: values whose difference counts the unit boundaries crossed.
inline int64_t relativeMonthNum(int64_t day) {
  CivilDate c = civil(day);
  return int64_t(c.year) * 12 + c.month;
}
inline int64_t relativeQuarterNum(int64_t day) {
  CivilDate c = civil(day);
  return int64_t(c.year) * 4 + (c.month - 1) / 3;
}
/// Weeks start on Monday; truncating division as ClickHouse does.
inline int64_t relativeWeekNum(int64_t day) { return (day + 8 - int64_t(dayOfWeek(day))) / 7; }

/// `day` moved by `months` calendar months, clamped to the last day of the target month.
inline int64_t addMonthsToDay(int64_t day, int64_t months) {
  CivilDate c = civil(day);
  int64_t total = int64_t(c.year) * 12 + (c.month - 1) + months;
  int64_t year = floorDiv(total, 12);
  unsigned month = unsigned(total - year * 12) + 1;
  unsigned dom = c.day;
  if (dom > 28) dom = std::min<unsigned>(dom, daysInMonth(year, month));
  return monthStart(year, month) + dom - 1;
}
/// `day` moved by `years` years; February 29 becomes February 28 in non-leap years.
inline int64_t addYearsToDay(int64_t day, int64_t years) {
  CivilDate c = civil(day);
  int64_t year = c.year + years;
  unsigned dom = c.day;
  if (c.month == 2 && dom == 29 && !isLeapYear(year)) dom = 28;
  return monthStart(year, c.month) + dom - 1;
}

}  // namespace tally::calendar
