#pragma once
// Proleptic Gregorian calendar arithmetic on day numbers (days since 1970-01-01).

#include <cstdint>

namespace tally {

struct CivilDate {
  int32_t year;
  uint8_t month;  // 1..12
  uint8_t day;    // 1..31
};

/// Days since 1970-01-01 of y-m-d (any valid Gregorian date).
constexpr int64_t daysFromCivil(int64_t y, unsigned m, unsigned d) {
  y -= m <= 2;
  const int64_t era = (y >= 0 ? y : y - 399) / 400;
  const unsigned yoe = unsigned(y - era * 400);
  const unsigned doy = (153 * (m + (m > 2 ? -3 : 9)) + 2) / 5 + d - 1;
  const unsigned doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
  return era * 146097 + int64_t(doe) - 719468;
}

constexpr CivilDate civilFromDays(int64_t z) {
  z += 719468;
  const int64_t era = (z >= 0 ? z : z - 146096) / 146097;
  const unsigned doe = unsigned(z - era * 146097);
  const unsigned yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
  const int64_t y = int64_t(yoe) + era * 400;
  const unsigned doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
  const unsigned mp = (5 * doy + 2) / 153;
  const unsigned d = doy - (153 * mp + 2) / 5 + 1;
  const unsigned m = mp < 10 ? mp + 3 : mp - 9;
  return CivilDate{int32_t(y + (m <= 2)), uint8_t(m), uint8_t(d)};
}

constexpr bool isLeapYear(int64_t y) { return (y % 4 == 0 && y % 100 != 0) || y % 400 == 0; }

constexpr unsigned daysInMonth(int64_t y, unsigned m) {
  constexpr unsigned days[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
  return m == 2 && isLeapYear(y) ? 29 : days[m - 1];
}

/// ISO day of week of a day number: 1 = Monday ... 7 = Sunday.
constexpr unsigned dayOfWeek(int64_t days) {
  int64_t w = (days + 3) % 7;  // 1970-01-01 was a Thursday
  if (w < 0) w += 7;
  return unsigned(w) + 1;
}

/// Floor division for possibly negative numerators.
constexpr int64_t floorDiv(int64_t a, int64_t b) { return a / b - ((a % b != 0) && ((a < 0) != (b < 0))); }

// ClickHouse's value ranges.
constexpr int64_t kDateMaxDay = 65535;                        // Date: up to 2149-06-06
constexpr int64_t kDate32MinDay = daysFromCivil(1900, 1, 1);  // Date32: 1900-01-01 ..
constexpr int64_t kDate32MaxDay = daysFromCivil(2299, 12, 31);

}  // namespace tally
