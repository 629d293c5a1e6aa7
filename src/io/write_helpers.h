#pragma once
// Writing values as text in ClickHouse's exact forms: integers, floats (shortest round-trip,
// plain notation for decimal exponents in (-6, 21], otherwise 1e21 / 1e-7), strings with
// TabSeparated / quoted / JSON / CSV escaping, dates, date-times and UUIDs.

#include <charconv>
#include <cstdint>
#include <string>
#include <string_view>
#include <type_traits>

#include "common/numeric_types.h"
#include "io/write_buffer.h"

namespace tally {

class TimeZone;

template <typename T>
inline void writeIntText(T value, WriteBuffer& out) {
  char buf[24];
  if constexpr (std::is_same_v<T, bool>) {
    out.write(value ? '1' : '0');
  } else {
    auto res = std::to_chars(buf, buf + sizeof(buf), value);
    out.write(buf, size_t(res.ptr - buf));
  }
}

/// Writes a Float64/Float32 as ClickHouse does ("0.1", "1e21", "1e-7", "inf", "-inf", "nan").
/// Returns the number of bytes written to buf (at least 32 bytes long).
size_t formatFloat(double value, char* buf);
size_t formatFloat(float value, char* buf);
template <typename T>
inline void writeFloatText(T value, WriteBuffer& out) {
  char buf[48];
  out.write(buf, formatFloat(value, buf));
}

/// Number of any column type as text.
template <typename T>
inline void writeNumberText(T value, WriteBuffer& out) {
  if constexpr (std::is_floating_point_v<T>)
    writeFloatText(value, out);
  else
    writeIntText(value, out);
}

/// TabSeparated escaping: \b \f \r \n \t \0 \' \\ .
void writeEscapedString(std::string_view s, WriteBuffer& out);
/// 'single-quoted' with the same escapes (SQL literal form).
void writeQuotedString(std::string_view s, WriteBuffer& out);
/// "double-quoted" with the same escapes (used for quoting identifiers in some forms).
void writeDoubleQuotedString(std::string_view s, WriteBuffer& out);
/// `back-quoted` identifier.
void writeBackQuotedString(std::string_view s, WriteBuffer& out);
/// Identifier as ClickHouse prints it in column names: bare when it is a word, else `quoted`.
void writeProbablyBackQuotedIdentifier(std::string_view s, WriteBuffer& out);
/// JSON string with escapes; escape_forward_slashes writes "/" as "\/".
void writeJSONString(std::string_view s, WriteBuffer& out, bool escape_forward_slashes = true);
/// CSV field: always double-quoted, '"' doubled.
void writeCSVString(std::string_view s, WriteBuffer& out);

/// YYYY-MM-DD of a day number.
void writeDateText(int64_t day_num, WriteBuffer& out);
/// YYYY-MM-DD hh:mm:ss of a UTC instant, in `zone`.
void writeDateTimeText(int64_t t, const TimeZone& zone, WriteBuffer& out);
/// DateTime64 with `scale` fractional digits.
void writeDateTime64Text(int64_t ticks, uint32_t scale, const TimeZone& zone, WriteBuffer& out);
/// 8-4-4-4-12 lowercase hex.
void writeUUIDText(const UInt128& uuid, WriteBuffer& out);

/// Convenience: the text of a number.
template <typename T>
std::string toText(T value) {
  std::string s;
  {
    WriteBufferFromString out(s);
    writeNumberText(value, out);
    out.finalize();
  }
  return s;
}

}  // namespace tally
