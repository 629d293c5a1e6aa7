#pragma once
// Parsers of the text forms of scalar values exactly as ClickHouse's to<Type>(String) conversions
// read them (readIntText, readFloatText, readDateText, readDateTimeText, readDateTime64Text,
// readUUIDText). Each reads a prefix of [begin, end) and reports how far it got and why it
// stopped; the caller decides whether unread bytes are an error. No allocation, no exceptions.

#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>
#include <type_traits>

#include "common/numeric_types.h"

namespace tally {

class TimeZone;

/// Why a text value could not be read (each maps to ClickHouse's code and message).
enum class TextParseError : uint8_t {
  None,
  Eof,                        // empty input for a number (ATTEMPT_TO_READ_AFTER_EOF)
  UnsignedMinus,              // '-' before an unsigned integer
  MultipleSigns,              // "+-1"
  SignWithoutDigits,          // "-"
  Overflow,                   // integer out of range (only when overflow is checked)
  FloatEmpty,                 // empty input for a float
  FloatNoDigits,              // "-" alone
  FloatNothingAfterExponent,  // "1e"
  FloatNothingAfterPlus,      // "-+"... at the end
  FloatPlusAfterMinus,        // "-+inf"
  FloatBadInfinity,           // "ixx"
  FloatBadNaN,                // "nxx"
  DateTooShort,               // fewer than 10 bytes that do not form a date
  DateBad,                    // 10+ bytes that do not start with a date
  DateTimeBadStart,           // a DateTime not starting with a digit
  DateTimeTooShort,           // a timestamp of fewer than 5 digits
  DateTimeBadDate,            // "YYYY-" followed by fewer than 6 bytes
  DateTimeBadTime,            // date followed by ' ' and fewer than 8 bytes
  UUIDBad,
};

struct TextParseResult {
  size_t consumed = 0;
  TextParseError error = TextParseError::None;
  bool ok() const { return error == TextParseError::None; }
};

/// Integers: optional sign ('-' only for signed types), decimal digits. Without check_overflow the
/// value wraps (toT); with it, values out of range fail (toTOrZero/OrNull, CAST to Nullable). As in
/// ClickHouse, the magnitude is accumulated in T, so the minimum of a signed type fails the check.
template <typename T>
inline TextParseResult parseIntegerText(const char* begin, const char* end, T& x, bool check_overflow) {
  using U = std::make_unsigned_t<T>;
  if (begin == end) return {0, TextParseError::Eof};
  const char* p = begin;
  bool negative = false, has_sign = false;
  // Signs are accepted before the digits only (one of them); a sign after digits ends the number.
  if (*p == '+' || *p == '-') {
    if (*p == '-') {
      if constexpr (!std::is_signed_v<T>) return {0, TextParseError::UnsignedMinus};
      negative = true;
    }
    has_sign = true;
    ++p;
    if (p < end && (*p == '+' || *p == '-')) return {size_t(p - begin), TextParseError::MultipleSigns};
  }
  const char* digits = p;
  U res = 0;
  T checked = 0;
  if (!check_overflow) {
    for (; p < end && static_cast<unsigned char>(*p - '0') < 10; ++p) res = U(res * 10 + U(*p - '0'));
  } else {
    for (; p < end && static_cast<unsigned char>(*p - '0') < 10; ++p)
      if (__builtin_mul_overflow(checked, T(10), &checked) || __builtin_add_overflow(checked, T(*p - '0'), &checked))
        return {size_t(p - begin), TextParseError::Overflow};
    res = U(checked);
  }
  if (has_sign && p == digits) return {size_t(p - begin), TextParseError::SignWithoutDigits};
  x = negative ? T(U(0) - res) : T(res);
  return {size_t(p - begin), TextParseError::None};
}

/// Floats: [+-]digits[.digits][e[+-]digits], inf/infinity, nan (any case).
template <typename T>
TextParseResult parseFloatText(const char* begin, const char* end, T& x);

/// Date: YYYY-MM-DD with any non-digit separators, one-digit month/day, or YYYYMMDD. Returns the
/// calendar parts unvalidated (calendarDayNum-style validation is left to the caller).
TextParseResult parseDateParts(const char* begin, const char* end, int& year, int& month, int& day);

/// Day number of y-m-d as ClickHouse's date LUT makes it: invalid parts or years before 1900 give
/// `error_day`; years after 2299 give the last supported day; day 31 of a shorter month rolls over.
int64_t calendarDayNum(int year, int month, int day, int64_t error_day);
/// UTC instant of a local date-time in `zone`, with calendarDayNum's rules for the date (errors give
/// 1900-01-01).
int64_t calendarDateTime(const TimeZone& zone, int year, int month, int day, int hour, int minute, int second);

/// DateTime: 'YYYY-MM-DD hh:mm:ss', 'YYYY-MM-DD' or a Unix timestamp of at least 5 digits, in
/// `zone`. `validate` rejects non-digits in the fixed-position form (the try* variants); without
/// it they are read as ClickHouse reads them (digit arithmetic on any byte).
TextParseResult parseDateTimeText(const char* begin, const char* end, const TimeZone& zone, int64_t& t, bool validate);

/// DateTime64 with `scale` fractional digits: a DateTime text, or a (possibly negative or short)
/// Unix timestamp, with an optional '.fraction'. Result in ticks of 10^-scale s.
TextParseResult parseDateTime64Text(const char* begin, const char* end, const TimeZone& zone, uint32_t scale,
                                    int64_t& ticks, bool validate);

/// UUID: 36 characters with dashes or 32 hex digits.
TextParseResult parseUUIDText(const char* begin, const char* end, UInt128& uuid);

/// Throws the error ClickHouse raises for `error` while converting `text` (of type `source_type`)
/// to `target_type`, e.g. "Unsigned type must not contain '-' symbol: Cannot parse UInt8 from String".
[[noreturn]] void throwTextParseError(TextParseError error, std::string_view text, size_t consumed,
                                      const std::string& target_type, const std::string& source_type);

/// "Cannot parse string 'x' as T: syntax error at position N (parsed just '...')" (CANNOT_PARSE_TEXT);
/// the note about to<T>OrZero/OrNull is added for number types.
[[noreturn]] void throwIncompleteParse(std::string_view text, size_t consumed, const std::string& target_type,
                                       bool is_number);

}  // namespace tally
