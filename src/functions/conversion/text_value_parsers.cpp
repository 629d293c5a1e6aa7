#include "functions/conversion/text_value_parsers.h"

#include <cmath>
#include <limits>
#include <type_traits>

#include <fast_float/fast_float.h>

#include "common/civil_date.h"
#include "common/exception.h"
#include "common/time_zone.h"

namespace tally {

namespace text_value_parsers_detail {

inline bool isDigit(char c) { return c >= '0' && c <= '9'; }
inline int digitAt(const char* p) { return *p - '0'; }
inline char lower(char c) { return c >= 'A' && c <= 'Z' ? char(c - 'A' + 'a') : c; }

/// Consumes `word` (case-insensitive) at p if present.
bool consumeWordCaseInsensitive(const char*& p, const char* end, std::string_view word) {
  if (size_t(end - p) < word.size()) return false;
  for (size_t i = 0; i < word.size(); ++i)
    if (lower(p[i]) != word[i]) return false;
  p += word.size();
  return true;
}

int hexDigit(char c) {
  if (c >= '0' && c <= '9') return c - '0';
  if (c >= 'a' && c <= 'f') return c - 'a' + 10;
  if (c >= 'A' && c <= 'F') return c - 'A' + 10;
  return -1;
}

constexpr int64_t kMaxDateTime64Timestamp = 10413792000LL;  // 2300-01-01 00:00:00 UTC

int64_t power10(uint32_t n) {
  int64_t r = 1;
  for (uint32_t i = 0; i < n; ++i) r *= 10;
  return r;
}

/// readDateTimeTextImpl (dt64_mode: negative and short timestamps allowed).
TextParseResult parseDateTimeImpl(const char* begin, const char* end, const TimeZone& zone, int64_t& t, bool validate,
                                  bool dt64_mode) {
  t = 0;
  if (!dt64_mode && begin < end && !isDigit(*begin)) return {0, TextParseError::DateTimeBadStart};

  const char* s = begin;
  if (end - begin >= 19) {
    if (!isDigit(s[4])) {
      if (validate) {
        for (int i : {0, 1, 2, 3, 5, 6, 8, 9})
          if (!isDigit(s[i])) return {0, TextParseError::DateTimeBadStart};
        if (isDigit(s[7])) return {0, TextParseError::DateTimeBadStart};
      }
      int year = digitAt(s) * 1000 + digitAt(s + 1) * 100 + digitAt(s + 2) * 10 + digitAt(s + 3);
      int month = digitAt(s + 5) * 10 + digitAt(s + 6);
      int day = digitAt(s + 8) * 10 + digitAt(s + 9);
      int hour = 0, minute = 0, second = 0;
      bool long_form = s[10] == ' ' || s[10] == 'T';
      if (long_form) {
        if (validate) {
          for (int i : {11, 12, 14, 15, 17, 18})
            if (!isDigit(s[i])) return {0, TextParseError::DateTimeBadStart};
          if (isDigit(s[13]) || isDigit(s[16])) return {0, TextParseError::DateTimeBadStart};
        }
        hour = digitAt(s + 11) * 10 + digitAt(s + 12);
        minute = digitAt(s + 14) * 10 + digitAt(s + 15);
        second = digitAt(s + 17) * 10 + digitAt(s + 18);
      }
      t = year == 0 ? 0 : calendarDateTime(zone, year, month, day, hour, minute, second);
      return {size_t(long_form ? 19 : 10), TextParseError::None};
    }
    // A Unix timestamp (leading zeros allowed), overflow-checked.
    int64_t value = 0;
    TextParseResult r = parseIntegerText<int64_t>(begin, end, value, true);
    if (r.error == TextParseError::Overflow) {
      // ClickHouse stops at the overflowing digit without a value: the rest is left unread.
      return {r.consumed, TextParseError::None};
    }
    if (r.ok()) t = value;
    return r;
  }

  // Fallback for short inputs.
  const char* p = begin;
  bool negative = false;
  if (p < end && *p == '-') {
    if (!dt64_mode) return {0, TextParseError::DateTimeTooShort};
    negative = true;
    ++p;
  }
  const char* digits_begin = p;
  while (p < end && p - digits_begin < 19 && isDigit(*p)) ++p;
  size_t num_digits = size_t(p - digits_begin);

  if (!negative && num_digits == 4 && p < end && !isDigit(*p)) {
    if (end - p < 6) return {size_t(end - begin), TextParseError::DateTimeBadDate};
    const char* d = digits_begin;  // d[0..9] = YYYY?MM?DD
    p += 6;
    if (validate) {
      for (int i : {5, 6, 8, 9})
        if (!isDigit(d[i])) return {size_t(p - begin), TextParseError::DateTimeBadDate};
      if (isDigit(d[7])) return {size_t(p - begin), TextParseError::DateTimeBadDate};
    }
    int year = digitAt(d) * 1000 + digitAt(d + 1) * 100 + digitAt(d + 2) * 10 + digitAt(d + 3);
    int month = digitAt(d + 5) * 10 + digitAt(d + 6);
    int day = digitAt(d + 8) * 10 + digitAt(d + 9);
    int hour = 0, minute = 0, second = 0;
    if (p < end && (*p == ' ' || *p == 'T')) {
      ++p;
      if (end - p < 8) return {size_t(p - begin), TextParseError::DateTimeBadTime};  // the time part starts here
      const char* h = p;
      p += 8;
      if (validate) {
        for (int i : {0, 1, 3, 4, 6, 7})
          if (!isDigit(h[i])) return {size_t(h - begin), TextParseError::DateTimeBadTime};
        if (isDigit(h[2]) || isDigit(h[5])) return {size_t(h - begin), TextParseError::DateTimeBadTime};
      }
      hour = digitAt(h) * 10 + digitAt(h + 1);
      minute = digitAt(h + 3) * 10 + digitAt(h + 4);
      second = digitAt(h + 6) * 10 + digitAt(h + 7);
    }
    t = year == 0 ? 0 : calendarDateTime(zone, year, month, day, hour, minute, second);
    return {size_t(p - begin), TextParseError::None};
  }

  bool too_short = num_digits <= 4;
  if (!too_short || dt64_mode) {
    int64_t value = 0;
    for (const char* q = digits_begin; q < p; ++q) value = value * 10 + digitAt(q);
    t = negative ? -value : value;
  }
  if (too_short && !negative) return {size_t(p - begin), TextParseError::DateTimeTooShort};
  return {size_t(p - begin), TextParseError::None};
}

}  // namespace text_value_parsers_detail


template <typename T>
TextParseResult parseFloatText(const char* begin, const char* end, T& x) {
  using namespace text_value_parsers_detail;
  x = 0;
  if (begin == end) return {0, TextParseError::FloatEmpty};
  const char* p = begin;
  bool negative = false;
  if (*p == '-') {
    negative = true;
    ++p;
  } else if (*p == '+') {
    ++p;
  }
  const char* number_begin = p;
  while (p < end && isDigit(*p)) ++p;
  // Shortcut: an integer followed by nothing that could continue a number.
  bool integer_only = p > number_begin && (p == end || *p < '.');
  if (!integer_only) {
    if (p < end && *p == '.') {
      ++p;
      while (p < end && isDigit(*p)) ++p;
    }
    if (p < end && (*p == 'e' || *p == 'E')) {
      ++p;
      if (p == end) return {size_t(p - begin), TextParseError::FloatNothingAfterExponent};
      if (*p == '-' || *p == '+') ++p;
      while (p < end && isDigit(*p)) ++p;
    }
  }
  if (p == number_begin) {
    // No digits: a sign alone, or inf / nan.
    if (p == end) return {size_t(p - begin), TextParseError::FloatNoDigits};
    if (*p == '+') {
      ++p;
      if (p == end) return {size_t(p - begin), TextParseError::FloatNothingAfterPlus};
      if (negative) return {size_t(p - begin), TextParseError::FloatPlusAfterMinus};
    }
    if (*p == 'i' || *p == 'I') {
      if (!consumeWordCaseInsensitive(p, end, "inf")) return {size_t(p - begin), TextParseError::FloatBadInfinity};
      consumeWordCaseInsensitive(p, end, "inity");
      x = negative ? -std::numeric_limits<T>::infinity() : std::numeric_limits<T>::infinity();
      return {size_t(p - begin), TextParseError::None};
    }
    if (*p == 'n' || *p == 'N') {
      if (!consumeWordCaseInsensitive(p, end, "nan")) return {size_t(p - begin), TextParseError::FloatBadNaN};
      x = negative ? -std::numeric_limits<T>::quiet_NaN() : std::numeric_limits<T>::quiet_NaN();
      return {size_t(p - begin), TextParseError::None};
    }
    x = negative ? -T(0) : T(0);
    return {size_t(p - begin), TextParseError::None};
  }
  T value = 0;
  auto res = fast_float::from_chars(number_begin, p, value);
  if (res.ec == std::errc::result_out_of_range) {
    // Overflow gives infinity, underflow zero (fast_float leaves the value unspecified).
    bool underflow = false;
    for (const char* q = number_begin; q < p; ++q)
      if (*q == 'e' || *q == 'E') underflow = q + 1 < p && q[1] == '-';
    value = underflow ? T(0) : std::numeric_limits<T>::infinity();
  } else if (res.ec != std::errc()) {
    value = 0;  // e.g. "." or ".e5": ClickHouse reads them as zero
  }
  x = negative ? -value : value;
  return {size_t(p - begin), TextParseError::None};
}

template TextParseResult parseFloatText<Float32>(const char*, const char*, Float32&);
template TextParseResult parseFloatText<Float64>(const char*, const char*, Float64&);

TextParseResult parseDateParts(const char* begin, const char* end, int& year, int& month, int& day) {
  using namespace text_value_parsers_detail;
  if (end - begin >= 10) {
    const char* pos = begin;
    if (!isDigit(pos[0]) || !isDigit(pos[1]) || !isDigit(pos[2]) || !isDigit(pos[3])) return {0, TextParseError::DateBad};
    year = digitAt(pos) * 1000 + digitAt(pos + 1) * 100 + digitAt(pos + 2) * 10 + digitAt(pos + 3);
    pos += 5;
    if (isDigit(pos[-1])) {
      // YYYYMMDD
      if (!isDigit(pos[0]) || !isDigit(pos[1]) || !isDigit(pos[2])) return {0, TextParseError::DateBad};
      month = digitAt(pos - 1) * 10 + digitAt(pos);
      day = digitAt(pos + 1) * 10 + digitAt(pos + 2);
      pos += 3;
    } else {
      if (!isDigit(pos[0])) return {0, TextParseError::DateBad};
      month = digitAt(pos);
      if (isDigit(pos[1])) {
        month = month * 10 + digitAt(pos + 1);
        pos += 3;
      } else {
        pos += 2;
      }
      if (isDigit(pos[-1]) || !isDigit(pos[0])) return {0, TextParseError::DateBad};
      day = digitAt(pos);
      if (isDigit(pos[1])) {
        day = day * 10 + digitAt(pos + 1);
        pos += 2;
      } else {
        pos += 1;
      }
    }
    return {size_t(pos - begin), TextParseError::None};
  }

  // Fallback for inputs shorter than 10 bytes.
  const char* p = begin;
  auto append_digit = [&](int& v) {
    if (p < end && isDigit(*p)) {
      v = v * 10 + digitAt(p);
      ++p;
      return true;
    }
    return false;
  };
  year = month = day = 0;
  for (int i = 0; i < 4; ++i)
    if (!append_digit(year)) return {size_t(p - begin), TextParseError::DateTooShort};
  if (p == end) return {size_t(p - begin), TextParseError::DateTooShort};
  if (isDigit(*p)) {
    if (!append_digit(month) || !append_digit(month) || !append_digit(day) || !append_digit(day))
      return {size_t(p - begin), TextParseError::DateTooShort};
  } else {
    ++p;
    if (!append_digit(month)) return {size_t(p - begin), TextParseError::DateTooShort};
    append_digit(month);
    if (p < end && !isDigit(*p))
      ++p;
    else
      return {size_t(p - begin), TextParseError::DateTooShort};
    if (!append_digit(day)) return {size_t(p - begin), TextParseError::DateTooShort};
    append_digit(day);
  }
  return {size_t(p - begin), TextParseError::None};
}

int64_t calendarDayNum(int year, int month, int day, int64_t error_day) {
  using namespace text_value_parsers_detail;
  if (year < 1900 || month < 1 || month > 12 || day < 1 || day > 31) return error_day;
  if (year > 2299) return kDate32MaxDay;
  return std::min<int64_t>(daysFromCivil(year, unsigned(month), 1) + day - 1, kDate32MaxDay);
}

int64_t calendarDateTime(const TimeZone& zone, int year, int month, int day, int hour, int minute, int second) {
  using namespace text_value_parsers_detail;
  int64_t day_num = calendarDayNum(year, month, day, kDate32MinDay);
  return zone.fromLocal(day_num * 86400 + int64_t(hour) * 3600 + int64_t(minute) * 60 + second);
}

TextParseResult parseDateTimeText(const char* begin, const char* end, const TimeZone& zone, int64_t& t, bool validate) {
  using namespace text_value_parsers_detail;
  return parseDateTimeImpl(begin, end, zone, t, validate, false);
}

TextParseResult parseDateTime64Text(const char* begin, const char* end, const TimeZone& zone, uint32_t scale,
                                    int64_t& ticks, bool validate) {
  using namespace text_value_parsers_detail;
  ticks = 0;
  bool negative_timestamp = begin < end && *begin == '-';
  int64_t whole = 0;
  const char* p = begin;
  if (begin < end) {
    TextParseResult r = parseDateTimeImpl(begin, end, zone, whole, validate, true);
    p = begin + r.consumed;
    // A failed whole part is forgiven when a fraction follows ("123.5").
    if (!r.ok() && (p == end || *p != '.')) return r;
  }
  int64_t multiplier = power10(scale);
  int64_t fraction = 0;
  int negative_multiplier = 1;
  if (p < end && *p == '.') {
    ++p;
    for (uint32_t i = 0; i < scale; ++i) {
      if (p < end && isDigit(*p)) {
        fraction = fraction * 10 + digitAt(p);
        ++p;
      } else {
        fraction *= 10;
      }
    }
    while (p < end && isDigit(*p)) ++p;
    if (!negative_timestamp && whole < 0 && fraction != 0) {
      ++whole;
      fraction = multiplier - fraction;
      if (whole == 0) negative_multiplier = -1;
    }
  } else if (whole >= kMaxDateTime64Timestamp) {
    // A Unix timestamp already scaled to ticks.
    fraction = whole % multiplier;
    whole /= multiplier;
  }
  int64_t scaled;
  if (__builtin_mul_overflow(whole, multiplier, &scaled) ||
      __builtin_add_overflow(scaled, (whole < 0 ? -1 : 1) * (fraction % multiplier), &scaled))
    return {size_t(p - begin), TextParseError::Overflow};
  ticks = scaled * negative_multiplier;
  return {size_t(p - begin), TextParseError::None};
}

TextParseResult parseUUIDText(const char* begin, const char* end, UInt128& uuid) {
  using namespace text_value_parsers_detail;
  size_t available = size_t(end - begin);
  if (available < 32) return {available, TextParseError::UUIDBad};
  size_t length = 32;
  bool dashed = begin[8] == '-';
  if (dashed) {
    if (available < 36) return {available, TextParseError::UUIDBad};
    length = 36;
    if (begin[13] != '-' || begin[18] != '-' || begin[23] != '-') return {length, TextParseError::UUIDBad};
  }
  uint64_t parts[2] = {0, 0};
  int nibbles = 0;
  for (size_t i = 0; i < length; ++i) {
    if (dashed && (i == 8 || i == 13 || i == 18 || i == 23)) continue;
    int v = hexDigit(begin[i]);
    if (v < 0) return {length, TextParseError::UUIDBad};
    parts[nibbles / 16] = (parts[nibbles / 16] << 4) | uint64_t(v);
    ++nibbles;
  }
  uuid.high = parts[0];
  uuid.low = parts[1];
  return {length, TextParseError::None};
}

void throwTextParseError(TextParseError error, std::string_view text, size_t consumed, const std::string& target_type,
                         const std::string& source_type) {
  using namespace text_value_parsers_detail;
  std::string suffix = fmt::format(": Cannot parse {} from {}", target_type, source_type);
  std::string read = std::string(text.substr(0, std::min(consumed, text.size())));
  switch (error) {
    case TextParseError::Eof:
      throw Exception(ErrorCodes::ATTEMPT_TO_READ_AFTER_EOF, "Attempt to read after eof{}, because value is too short",
                      suffix);
    case TextParseError::UnsignedMinus:
      throw Exception(ErrorCodes::CANNOT_PARSE_NUMBER, "Unsigned type must not contain '-' symbol{}", suffix);
    case TextParseError::MultipleSigns:
      throw Exception(ErrorCodes::CANNOT_PARSE_NUMBER, "Cannot parse number with multiple sign (+/-) characters{}", suffix);
    case TextParseError::SignWithoutDigits:
      throw Exception(ErrorCodes::CANNOT_PARSE_NUMBER,
                      "Cannot parse number with a sign character but without any numeric character{}", suffix);
    case TextParseError::Overflow:
      throw Exception(ErrorCodes::DECIMAL_OVERFLOW, "Decimal math overflow{}", suffix);
    case TextParseError::FloatEmpty:
      throw Exception(ErrorCodes::CANNOT_PARSE_NUMBER, "Cannot read floating point value{}", suffix);
    case TextParseError::FloatNoDigits:
      throw Exception(ErrorCodes::CANNOT_PARSE_NUMBER, "Cannot read floating point value: no digits read{}", suffix);
    case TextParseError::FloatNothingAfterExponent:
      throw Exception(ErrorCodes::CANNOT_PARSE_NUMBER, "Cannot read floating point value: nothing after exponent{}",
                      suffix);
    case TextParseError::FloatNothingAfterPlus:
      throw Exception(ErrorCodes::CANNOT_PARSE_NUMBER, "Cannot read floating point value: nothing after plus sign{}",
                      suffix);
    case TextParseError::FloatPlusAfterMinus:
      throw Exception(ErrorCodes::CANNOT_PARSE_NUMBER, "Cannot read floating point value: plus after minus sign{}",
                      suffix);
    case TextParseError::FloatBadInfinity:
    case TextParseError::FloatBadNaN: {
      std::string rest(text.substr(std::min(consumed, text.size())));
      throw Exception(ErrorCodes::CANNOT_PARSE_INPUT_ASSERTION_FAILED, "Cannot parse input: expected '{}' before: '{}'{}",
                      error == TextParseError::FloatBadInfinity ? "inf" : "nan", rest, suffix);
    }
    case TextParseError::DateTooShort:
      throw Exception(ErrorCodes::CANNOT_PARSE_DATE, "Cannot parse date: value is too short{}", suffix);
    case TextParseError::DateBad:
      throw Exception(ErrorCodes::CANNOT_PARSE_DATE, "Cannot parse date here: {}{}", text.substr(0, 10), suffix);
    case TextParseError::DateTimeBadStart:
      throw Exception(ErrorCodes::CANNOT_PARSE_DATETIME, "Cannot parse datetime{}", suffix);
    case TextParseError::DateTimeTooShort:
      throw Exception(ErrorCodes::CANNOT_PARSE_DATETIME, "Cannot parse DateTime{}", suffix);
    case TextParseError::DateTimeBadDate:
      throw Exception(ErrorCodes::CANNOT_PARSE_DATETIME, "Cannot parse DateTime {}{}", read, suffix);
    case TextParseError::DateTimeBadTime:
      throw Exception(ErrorCodes::CANNOT_PARSE_DATETIME, "Cannot parse time component of DateTime {}{}",
                      text.substr(std::min(consumed, text.size()), 8), suffix);
    case TextParseError::UUIDBad:
      throw Exception(ErrorCodes::CANNOT_PARSE_UUID, "Cannot parse uuid {}{}", read, suffix);
    case TextParseError::None: break;
  }
  throw Exception(ErrorCodes::LOGICAL_ERROR, "Unexpected text parse error while parsing {}", target_type);
}

void throwIncompleteParse(std::string_view text, size_t consumed, const std::string& target_type, bool is_number) {
  using namespace text_value_parsers_detail;
  std::string where = consumed == 0
                          ? std::string("at begin of string")
                          : fmt::format("at position {} (parsed just '{}')", consumed, text.substr(0, consumed));
  std::string note = is_number ? fmt::format(". Note: there are to{}OrZero and to{}OrNull functions, which returns "
                                             "zero/NULL instead of throwing exception.",
                                             target_type, target_type)
                               : std::string();
  throw Exception(ErrorCodes::CANNOT_PARSE_TEXT, "Cannot parse string '{}' as {}: syntax error {}{}", text, target_type,
                  where, note);
}

}  // namespace tally
