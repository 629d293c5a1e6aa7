#pragma once
// Reading values from text in ClickHouse's forms. The try* functions return false (consuming
// nothing they cannot give back within the current buffer window) when the input does not
// start with a value; the others throw CANNOT_PARSE_* with the offending text quoted.

#include <cstdint>
#include <string>
#include <string_view>
#include <type_traits>

#include "common/numeric_types.h"
#include "common/pod_array.h"
#include "io/read_buffer.h"

namespace tally {

class TimeZone;

/// Text around the current position for error messages: "before: 'abc...'".
std::string describePosition(ReadBuffer& in);
[[noreturn]] void throwAtPosition(int code, const std::string& what, ReadBuffer& in);

void assertChar(char c, ReadBuffer& in);
inline bool checkChar(char c, ReadBuffer& in) {
  if (in.eof() || *in.position() != c) return false;
  in.setPosition(in.position() + 1);
  return true;
}
/// Consumes `s` if the input starts with it (case-sensitive). Only reliable when `s` fits in
/// the current window; formats guarantee that for their short tokens.
bool checkString(std::string_view s, ReadBuffer& in);
bool checkStringCaseInsensitive(std::string_view s, ReadBuffer& in);
void assertString(std::string_view s, ReadBuffer& in);
void skipWhitespaceIfAny(ReadBuffer& in);
/// Skips to just after the next '\n' (or to EOF).
void skipToNextLine(ReadBuffer& in);

/// Integers: optional sign, decimal digits. Values that do not fit wrap around, as
/// ClickHouse's text parsers do.
template <typename T>
bool tryReadIntText(T& x, ReadBuffer& in);
template <typename T>
void readIntText(T& x, ReadBuffer& in) {
  if (!tryReadIntText(x, in)) throwAtPosition(72, "Cannot parse number", in);
}

/// Floats: decimal or exponent form, inf/nan with optional sign.
template <typename T>
bool tryReadFloatText(T& x, ReadBuffer& in);
template <typename T>
void readFloatText(T& x, ReadBuffer& in) {
  if (!tryReadFloatText(x, in)) throwAtPosition(72, "Cannot parse number", in);
}

/// TabSeparated string: up to the next unescaped \t or \n (not consumed), escapes decoded.
void readEscapedStringInto(PODArray<char>& out, ReadBuffer& in);
void readEscapedStringInto(std::string& out, ReadBuffer& in);
/// 'quoted' string (the quotes are required and consumed).
void readQuotedStringInto(PODArray<char>& out, ReadBuffer& in);
void readQuotedStringInto(std::string& out, ReadBuffer& in);
void readDoubleQuotedStringInto(std::string& out, ReadBuffer& in);
void readBackQuotedStringInto(std::string& out, ReadBuffer& in);
/// "JSON string" with \uXXXX escapes decoded to UTF-8.
void readJSONStringInto(PODArray<char>& out, ReadBuffer& in);
void readJSONStringInto(std::string& out, ReadBuffer& in);
/// CSV field: "quoted" (with "" escapes) or unquoted up to the delimiter / end of line.
void readCSVStringInto(PODArray<char>& out, ReadBuffer& in, char delimiter, bool allow_single_quotes = false);
void readCSVStringInto(std::string& out, ReadBuffer& in, char delimiter, bool allow_single_quotes = false);
/// Skips one JSON value of any kind; appends its text to `raw` if given.
void skipJSONValue(ReadBuffer& in, std::string* raw = nullptr);

/// YYYY-MM-DD (also YYYY-M-D and YYYYMMDD); returns the day number.
bool tryReadDateText(int64_t& day_num, ReadBuffer& in);
/// 'YYYY-MM-DD hh:mm:ss' (or a date alone, or a Unix timestamp) in `zone`; returns seconds.
/// Optional fraction is returned as ticks with `scale` digits when fraction != nullptr.
bool tryReadDateTimeText(int64_t& t, ReadBuffer& in, const TimeZone& zone, int64_t* fraction = nullptr,
                         uint32_t scale = 0);
bool tryReadUUIDText(UInt128& uuid, ReadBuffer& in);

/// Parses a whole string as a number; false unless all of it was consumed.
template <typename T>
bool tryParseWhole(std::string_view s, T& x) {
  ReadBufferFromMemory in(s);
  bool ok;
  if constexpr (std::is_floating_point_v<T>)
    ok = tryReadFloatText(x, in);
  else
    ok = tryReadIntText(x, in);
  return ok && in.eof();
}

}  // namespace tally
