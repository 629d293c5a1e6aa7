#pragma once
// Reading CSV field text: "quoted" (doubled quotes inside) or unquoted up to the delimiter or
// the end of the line, with spaces and tabs around unquoted values trimmed when
// input_format_csv_trim_whitespaces is on. Appends straight into a ColumnString or a string.

#include <string>

#include "columns/column_string.h"
#include "io/read_buffer.h"
#include "types/format_settings.h"

namespace tally {

void readCSVField(ColumnString& column, ReadBuffer& in, const FormatSettings::Csv& csv);
void readCSVField(std::string& out, ReadBuffer& in, const FormatSettings::Csv& csv);
/// Skips spaces and tabs (but not the delimiter if it is one of them).
void skipCSVWhitespace(ReadBuffer& in, char delimiter);
/// True at a field end: EOF, the delimiter, '\n' or '\r'.
inline bool atCSVFieldEnd(ReadBuffer& in, char delimiter) {
  if (in.eof()) return true;
  char c = *in.position();
  return c == delimiter || c == '\n' || c == '\r';
}

}  // namespace tally
