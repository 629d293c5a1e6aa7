#include "functions/conversion/parse_date_time_best_effort.h"

#include <algorithm>
#include <cstring>
#include <ctime>
#include <strings.h>

#include <fmt/format.h>

#include "common/civil_date.h"
#include "common/time_zone.h"
#include "functions/conversion/text_value_parsers.h"
#include "io/read_buffer.h"
#include "types/data_type_date.h"

namespace tally {

namespace parse_date_time_best_effort_detail {

constexpr size_t kMaxDigits = 19;  // digits read in one group (UInt64's digits10)

inline bool isDigit(char c) { return c >= '0' && c <= '9'; }
inline bool isAlpha(char c) { return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z'); }

int64_t power10(uint32_t n) {
  int64_t r = 1;
  for (uint32_t i = 0; i < n; ++i) r *= 10;
  return r;
}

int monthFromName(const char* alpha) {
  static const char* names[] = {"Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"};
  for (int i = 0; i < 12; ++i)
    if (strncasecmp(alpha, names[i], 3) == 0) return i + 1;
  return 0;
}

/// A word longer than 3 letters must be a full month or weekday name ("March", not "Married").
bool isFullMonthOrWeekdayName(const char* word, size_t len) {
  static const char* names[] = {"January", "February", "March",   "April",    "June",     "July",   "August",
                                "September", "October", "November", "December", "Monday",   "Tuesday",
                                "Wednesday", "Thursday", "Friday",  "Saturday", "Sunday"};
  for (const char* name : names)
    if (std::strlen(name) == len && strncasecmp(word, name, len) == 0) return true;
  return false;
}

bool isValidDate(int year, int month, int day) {
  if (day < 1) return false;
  switch (month) {
    case 1: case 3: case 5: case 7: case 8: case 10: case 12: return day <= 31;
    case 4: case 6: case 9: case 11: return day <= 30;
    case 2: return day <= (isLeapYear(year) ? 29 : 28);
    default: return false;
  }
}

class Parser {
 public:
  Parser(const char* begin, const char* end) : begin_(begin), p_(begin), end_(end) {}

  bool eof() const { return p_ == end_; }
  char peek() const { return *p_; }
  size_t consumed() const { return size_t(p_ - begin_); }
  bool checkChar(char c) {
    if (p_ < end_ && *p_ == c) {
      ++p_;
      return true;
    }
    return false;
  }
  void skip() { ++p_; }
  size_t readDigits(char* out, size_t max) {
    size_t n = 0;
    while (p_ < end_ && isDigit(*p_) && n < max) out[n++] = char(*p_++ - '0');
    return n;
  }
  size_t readAlpha(char* out, size_t max) {
    size_t n = 0;
    while (p_ < end_ && isAlpha(*p_) && n < max) out[n++] = *p_++;
    return n;
  }
  static int64_t number(const char* digits, size_t n) {
    int64_t v = 0;
    for (size_t i = 0; i < n; ++i) v = v * 10 + digits[i];
    return v;
  }

 private:
  const char* begin_;
  const char* p_;
  const char* end_;
};

}  // namespace parse_date_time_best_effort_detail


bool parseDateTimeBestEffort(const char* begin, const char* end, const TimeZone& local_zone, bool us_style,
                             bool with_fraction, BestEffortDateTime& result, size_t& consumed, std::string& error) {
  using namespace parse_date_time_best_effort_detail;
  Parser in(begin, end);
  result = BestEffortDateTime{};
  auto fail = [&](std::string message) {
    error = std::move(message);
    consumed = in.consumed();
    return false;
  };
  auto succeed = [&]() {
    consumed = in.consumed();
    return true;
  };

  int year = 0, month = 0, day_of_month = 0, hour = 0, minute = 0, second = 0;
  bool has_time = false, has_fractional = false;
  bool has_time_zone_offset = false, time_zone_offset_negative = false;
  int time_zone_offset_hour = 0, time_zone_offset_minute = 0;
  bool is_am = false, is_pm = false, has_comma_between_date_and_time = false;

  while (!in.eof()) {
    if ((year && !has_time) || (!year && has_time)) {
      if (in.checkChar(',')) {
        has_comma_between_date_and_time = true;
        if (in.eof()) break;
      }
    }

    char digits[kMaxDigits];
    size_t num_digits = 0;

    if (!year || !has_time) {
      num_digits = in.readDigits(digits, sizeof(digits));

      if (num_digits == 13 && !year && !has_time) {
        // Unix timestamp with milliseconds.
        result.seconds = Parser::number(digits, 10);
        if (with_fraction) {
          result.fraction = Parser::number(digits + 10, 3);
          result.fraction_digits = 3;
        }
        return succeed();
      }
      if ((num_digits == 10 || num_digits == 9) && !year && !has_time) {
        // Unix timestamp, maybe with a fraction.
        result.seconds = Parser::number(digits, num_digits);
        if (with_fraction && in.checkChar('.')) {
          size_t n = std::min<size_t>(18, in.readDigits(digits, sizeof(digits)));
          result.fraction = Parser::number(digits, n);
          result.fraction_digits = uint32_t(n);
        }
        return succeed();
      }
      if (num_digits == 14 && !year && !has_time) {
        // YYYYMMDDhhmmss
        year = int(Parser::number(digits, 4));
        month = int(Parser::number(digits + 4, 2));
        day_of_month = int(Parser::number(digits + 6, 2));
        hour = int(Parser::number(digits + 8, 2));
        minute = int(Parser::number(digits + 10, 2));
        second = int(Parser::number(digits + 12, 2));
        has_time = true;
      } else if (num_digits == 8 && !year) {
        // YYYYMMDD
        year = int(Parser::number(digits, 4));
        month = int(Parser::number(digits + 4, 2));
        day_of_month = int(Parser::number(digits + 6, 2));
      } else if (num_digits == 6) {
        // YYYYMM or hhmmss
        if (!year && !month) {
          year = int(Parser::number(digits, 4));
          month = int(Parser::number(digits + 4, 2));
        } else if (!has_time) {
          hour = int(Parser::number(digits, 2));
          minute = int(Parser::number(digits + 2, 2));
          second = int(Parser::number(digits + 4, 2));
          has_time = true;
        } else {
          return fail("Cannot read DateTime: ambiguous 6 digits, it can be YYYYMM or hhmmss");
        }
      } else if (num_digits == 4 && !year) {
        // YYYY, YYYY*MM, YYYY*MM*DD, YYYY*M, YYYY*M*DD, YYYY*M*D
        year = int(Parser::number(digits, 4));
        if (!in.eof()) {
          char delimiter_after_year = in.peek();
          if (delimiter_after_year < 0x20 || delimiter_after_year == ',' || delimiter_after_year == ';' ||
              delimiter_after_year == '\'' || delimiter_after_year == '"')
            break;
          if (month) continue;
          in.skip();
          num_digits = in.readDigits(digits, sizeof(digits));
          if (num_digits == 2 || num_digits == 1)
            month = int(Parser::number(digits, num_digits));
          else if (delimiter_after_year == ' ')
            continue;
          else
            return fail(fmt::format("Cannot read DateTime: unexpected number of decimal digits after year: {}", num_digits));

          if (!day_of_month && in.checkChar(delimiter_after_year)) {
            num_digits = in.readDigits(digits, sizeof(digits));
            if (num_digits == 2 || num_digits == 1)
              day_of_month = int(Parser::number(digits, num_digits));
            else if (delimiter_after_year == ' ')
              continue;
            else
              return fail(fmt::format(
                  "Cannot read DateTime: unexpected number of decimal digits after year and month: {}", num_digits));
          }
        }
      } else if (num_digits == 2 || num_digits == 1) {
        // hh:mm:ss, hh:mm, hh (with a day already read), DD/MM/YYYY, DD.MM.YY, DD-MM-YYYY, DD
        int value = int(Parser::number(digits, num_digits));
        if (in.checkChar(':')) {
          if (has_time) return fail("Cannot read DateTime: time component is duplicated");
          hour = value;
          has_time = true;
          num_digits = in.readDigits(digits, sizeof(digits));
          if (num_digits == 2 || num_digits == 1)
            minute = int(Parser::number(digits, num_digits));
          else
            return fail(fmt::format("Cannot read DateTime: unexpected number of decimal digits after hour: {}", num_digits));
          if (in.checkChar(':')) {
            num_digits = in.readDigits(digits, sizeof(digits));
            if (num_digits == 2 || num_digits == 1)
              second = int(Parser::number(digits, num_digits));
            else
              return fail(fmt::format(
                  "Cannot read DateTime: unexpected number of decimal digits after hour and minute: {}", num_digits));
          }
        } else if (in.checkChar(',')) {
          if (month && !day_of_month) day_of_month = value;
        } else if (in.checkChar('/') || in.checkChar('.') || in.checkChar('-')) {
          if (day_of_month) return fail("Cannot read DateTime: day of month is duplicated");
          if (month) return fail("Cannot read DateTime: month is duplicated");
          if (us_style) {
            month = value;
            num_digits = in.readDigits(digits, sizeof(digits));
            if (num_digits == 2 || num_digits == 1)
              day_of_month = int(Parser::number(digits, num_digits));
            else
              return fail(fmt::format("Cannot read DateTime: unexpected number of decimal digits after month: {}",
                                      num_digits));
          } else {
            day_of_month = value;
            num_digits = in.readDigits(digits, sizeof(digits));
            if (num_digits == 2 || num_digits == 1) {
              month = int(Parser::number(digits, num_digits));
            } else if (num_digits == 0) {
              // Month as a word.
              char alpha[9];
              size_t num_alpha = in.readAlpha(alpha, sizeof(alpha));
              if (num_alpha < 3)
                return fail(fmt::format(
                    "Cannot read DateTime: unexpected number of alphabetical characters after day of month: {}",
                    num_alpha));
              month = monthFromName(alpha);
              if (!month)
                return fail(fmt::format(
                    "Cannot read DateTime: alphabetical characters after day of month don't look like month: {}",
                    std::string(alpha, 3)));
              if (!in.eof() && isAlpha(in.peek())) return fail("Cannot read DateTime: unexpected word");
              if (num_alpha > 3 && !isFullMonthOrWeekdayName(alpha, num_alpha))
                return fail("Cannot read DateTime: unexpected word");
            } else {
              return fail(fmt::format(
                  "Cannot read DateTime: unexpected number of decimal digits after day of month: {}", num_digits));
            }
          }
          if (month > 12) std::swap(month, day_of_month);
          if (in.checkChar('/') || in.checkChar('.') || in.checkChar('-')) {
            if (year) return fail("Cannot read DateTime: year component is duplicated");
            num_digits = in.readDigits(digits, sizeof(digits));
            if (num_digits == 4) {
              year = int(Parser::number(digits, 4));
            } else if (num_digits == 2) {
              year = int(Parser::number(digits, 2));
              year += year >= 70 ? 1900 : 2000;
            } else {
              return fail(fmt::format(
                  "Cannot read DateTime: unexpected number of decimal digits after day of month and month: {}",
                  num_digits));
            }
          }
        } else {
          if (day_of_month)
            hour = value;
          else
            day_of_month = value;
        }
      } else if (num_digits != 0) {
        return fail(fmt::format("Cannot read DateTime: unexpected number of decimal digits: {}", num_digits));
      }
    }

    if (num_digits == 0) {
      if (in.eof()) break;
      char c = in.peek();
      // 'T' separates date and time (ISO 8601); before the date it may start "Tue"/"Thu".
      if (c == ' ' || (c == 'T' && year && !has_time)) {
        in.skip();
      } else if (c == 'Z') {
        in.skip();
        has_time_zone_offset = true;
      } else if (c == '.') {
        if (!has_time) return fail("Cannot read DateTime: unexpected point symbol");
        if (has_fractional) return fail("Cannot read DateTime: duplicate fractional part");
        has_fractional = true;
        in.skip();
        num_digits = in.readDigits(digits, sizeof(digits));
        if (with_fraction) {
          num_digits = std::min<size_t>(18, num_digits);
          result.fraction = Parser::number(digits, num_digits);
          result.fraction_digits = uint32_t(num_digits);
        }
      } else if (c == '+' || c == '-') {
        in.skip();
        num_digits = in.readDigits(digits, sizeof(digits));
        if (num_digits == 6 && !has_time && year && month && day_of_month) {
          // hhmmss
          hour = int(Parser::number(digits, 2));
          minute = int(Parser::number(digits + 2, 2));
          second = int(Parser::number(digits + 4, 2));
          has_time = true;
        } else {
          has_time_zone_offset = true;
          if (c == '-') time_zone_offset_negative = true;
          if (num_digits == 4) {
            time_zone_offset_hour = int(Parser::number(digits, 2));
            time_zone_offset_minute = int(Parser::number(digits + 2, 2));
          } else if (num_digits == 3) {
            time_zone_offset_hour = int(Parser::number(digits, 1));
            time_zone_offset_minute = int(Parser::number(digits + 1, 2));
          } else if (num_digits == 2 || num_digits == 1) {
            time_zone_offset_hour = int(Parser::number(digits, num_digits));
          } else {
            return fail(fmt::format(
                "Cannot read DateTime: unexpected number of decimal digits for time zone offset: {}", num_digits));
          }
          if (num_digits < 3 && in.checkChar(':')) {
            num_digits = in.readDigits(digits, sizeof(digits));
            if (num_digits == 2 || num_digits == 1)
              time_zone_offset_minute = int(Parser::number(digits, num_digits));
            else
              return fail(fmt::format(
                  "Cannot read DateTime: unexpected number of decimal digits for time zone offset in minutes: {}",
                  num_digits));
          }
        }
      } else {
        char alpha[3];
        size_t num_alpha = in.readAlpha(alpha, sizeof(alpha));
        if (!num_alpha) break;
        if (num_alpha == 1) return fail("Cannot read DateTime: unexpected alphabetical character");
        if (num_alpha == 2) {
          if (alpha[1] != 'M' && alpha[1] != 'm') return fail("Cannot read DateTime: unexpected word");
          if (alpha[0] == 'A' || alpha[0] == 'a')
            is_am = true;
          else if (alpha[0] == 'P' || alpha[0] == 'p')
            is_pm = true;
          else
            return fail("Cannot read DateTime: unexpected word");
        } else {
          bool has_day_of_week = false;
          if (int m = monthFromName(alpha)) {
            month = m;
          } else if (strncasecmp(alpha, "UTC", 3) == 0 || strncasecmp(alpha, "GMT", 3) == 0) {
            has_time_zone_offset = true;
          } else if (strncasecmp(alpha, "MSK", 3) == 0) {
            has_time_zone_offset = true;
            time_zone_offset_hour = 3;
          } else if (strncasecmp(alpha, "MSD", 3) == 0) {
            has_time_zone_offset = true;
            time_zone_offset_hour = 4;
          } else {
            static const char* days[] = {"Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"};
            for (const char* d : days)
              if (strncasecmp(alpha, d, 3) == 0) has_day_of_week = true;
            if (!has_day_of_week) return fail("Cannot read DateTime: unexpected word");
          }
          // The rest of the word: "March" after "Mar", "Monday" after "Mon".
          char rest[7];
          size_t num_rest = in.readAlpha(rest, sizeof(rest));
          if (!in.eof() && isAlpha(in.peek())) return fail("Cannot read DateTime: unexpected word");
          if (num_rest > 0) {
            char full_word[10];
            std::memcpy(full_word, alpha, 3);
            std::memcpy(full_word + 3, rest, num_rest);
            if (!isFullMonthOrWeekdayName(full_word, 3 + num_rest)) return fail("Cannot read DateTime: unexpected word");
          }
          if (has_day_of_week) in.checkChar(',');  // RFC 2822
        }
      }
    }
  }

  if (has_comma_between_date_and_time && (!has_time || !year || !month || !day_of_month))
    return fail("Cannot read DateTime: unexpected word after Date");
  if (!year && !month && !day_of_month && !has_time)
    return fail("Cannot read DateTime: neither Date nor Time was parsed successfully");
  if (!day_of_month) day_of_month = 1;
  if (!month) month = 1;
  if (!year) {
    // Syslog style ("Mar  3 01:33:48"): this year, unless the date would be in the future.
    int64_t today = local_zone.toDayNum(int64_t(std::time(nullptr)));
    int current_year = civilFromDays(today).year;
    year = calendarDayNum(current_year, month, day_of_month, 0) <= today ? current_year : current_year - 1;
  }
  if (!isValidDate(year, month, day_of_month))
    return fail(fmt::format("Cannot read DateTime: unexpected date: {}-{}-{}", year, month, day_of_month));

  if (is_am && hour == 12) hour = 0;
  if (is_pm && hour < 12) hour += 12;

  if (has_time_zone_offset) {
    int64_t t = calendarDateTime(TimeZone::utc(), year, month, day_of_month, hour, minute, second);
    int64_t offset = int64_t(time_zone_offset_hour) * 3600 + int64_t(time_zone_offset_minute) * 60;
    result.seconds = time_zone_offset_negative ? t + offset : t - offset;
  } else {
    result.seconds = calendarDateTime(local_zone, year, month, day_of_month, hour, minute, second);
  }
  return succeed();
}

bool bestEffortToDateTime64(const BestEffortDateTime& value, uint32_t scale, int64_t& ticks) {
  using namespace parse_date_time_best_effort_detail;
  int64_t fraction = value.fraction;
  if (scale < value.fraction_digits)
    fraction /= power10(value.fraction_digits - scale);
  else if (scale > value.fraction_digits)
    fraction *= power10(scale - value.fraction_digits);
  int64_t multiplier = power10(scale);
  int64_t whole_scaled;
  if (__builtin_mul_overflow(value.seconds, multiplier, &whole_scaled)) return false;
  int64_t signed_fraction = value.seconds < 0 ? -(fraction % multiplier) : fraction % multiplier;
  return !__builtin_add_overflow(whole_scaled, signed_fraction, &ticks);
}

namespace parse_date_time_best_effort_detail {

/// The types library's hook for date_time_input_format = best_effort: parses within the current
/// window of `in`; returns whole seconds and the sub-second part in ticks of 10^-scale.
bool bestEffortHook(int64_t& t, int64_t& fraction, uint32_t scale, ReadBuffer& in, const TimeZone& zone) {
  if (in.eof()) return false;
  BestEffortDateTime value;
  size_t consumed = 0;
  std::string error;
  const char* begin = in.position();
  if (!parseDateTimeBestEffort(begin, in.bufferEnd(), zone, false, scale > 0, value, consumed, error)) return false;
  in.setPosition(in.position() + consumed);
  t = value.seconds;
  fraction = 0;
  if (scale > 0) {
    int64_t ticks = 0;
    if (!bestEffortToDateTime64(value, scale, ticks)) return false;
    fraction = ticks - t * power10(scale);
  }
  return true;
}

struct BestEffortHookInstaller {
  BestEffortHookInstaller() { setBestEffortDateTimeParser(&bestEffortHook); }
} best_effort_hook_installer;

}  // namespace parse_date_time_best_effort_detail

}  // namespace tally
