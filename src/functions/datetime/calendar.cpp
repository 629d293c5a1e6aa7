#include "functions/datetime/calendar.h"

namespace tally::calendar {

DayFields day_fields_table[kTableDays];
int32_t month_starts_table[(kLastLutYear - kFirstLutYear + 1) * 12];

namespace {

/// Fills the tables when the library is loaded.
struct DayFieldsTableInit {
  DayFieldsTableInit() {
    for (int64_t i = 0; i < kTableDays; ++i) {
      CivilDate c = civilFromDays(kFirstLutDay + i);
      day_fields_table[i] = DayFields{int16_t(c.year), c.month, c.day};
    }
    for (int64_t y = kFirstLutYear; y <= kLastLutYear; ++y)
      for (unsigned m = 1; m <= 12; ++m)
        month_starts_table[(y - kFirstLutYear) * 12 + m - 1] = int32_t(daysFromCivil(y, m, 1));
  }
} day_fields_table_init;

}  // namespace

namespace {

/// Weekday of `day` counted from 0: Monday = 0 (or Sunday = 0 when sunday_first).
unsigned weekdayFromZero(int64_t day, bool sunday_first) {
  return sunday_first ? dayOfWeek(day + 1) - 1 : dayOfWeek(day) - 1;
}

/// Mode 8/9: week 1 is the week containing January 1.
YearWeek yearWeekOfNewYearMode(int64_t day, bool monday_first) {
  int64_t offset_day = monday_first ? 0 : 1;
  YearWeek yw{civil(day + 7 - int64_t(dayOfWeek(day + offset_day))).year, 0};
  int64_t first_day = firstDayOfYear(yw.year);
  int64_t this_day = day;
  if (monday_first) {
    first_day = monday(first_day);
    this_day = monday(day);
  } else {
    if (dayOfWeek(first_day) != 7) first_day -= dayOfWeek(first_day);
    if (dayOfWeek(day) != 7) this_day = day - dayOfWeek(day);
  }
  yw.week = unsigned((this_day - first_day) / 7 + 1);
  return yw;
}

}  // namespace

YearWeek yearWeek(int64_t day, unsigned mode) {
  const bool newyear_day_mode = mode & kWeekNewYearDay;
  unsigned week_format = mode & 7;
  if (!(week_format & kWeekMondayFirst)) week_format ^= kWeekFirstWeekday;
  const bool monday_first = week_format & kWeekMondayFirst;
  bool week_year = week_format & kWeekYear;
  const bool first_weekday = week_format & kWeekFirstWeekday;

  if (newyear_day_mode) return yearWeekOfNewYearMode(day, monday_first);

  CivilDate c = civil(day);
  YearWeek yw{c.year, 0};
  int64_t first_day = firstDayOfYear(yw.year);
  unsigned weekday = weekdayFromZero(first_day, !monday_first);
  int64_t days = 0;

  if (c.month == 1 && c.day <= 7 - weekday) {
    if (!week_year && ((first_weekday && weekday != 0) || (!first_weekday && weekday >= 4))) return yw;
    week_year = true;
    --yw.year;
    days = daysInYear(yw.year);
    first_day -= days;
    weekday = unsigned((weekday + 53 * 7 - days) % 7);
  }

  if ((first_weekday && weekday != 0) || (!first_weekday && weekday >= 4))
    days = day - (first_day + (7 - weekday));
  else
    days = day - (first_day - weekday);

  if (week_year && days >= 52 * 7) {
    weekday = (weekday + daysInYear(yw.year)) % 7;
    if ((!first_weekday && weekday < 4) || (first_weekday && weekday == 0)) {
      ++yw.year;
      yw.week = 1;
      return yw;
    }
  }
  yw.week = unsigned(days / 7 + 1);
  return yw;
}

}  // namespace tally::calendar
