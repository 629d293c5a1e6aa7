#pragma once
// Reading TabSeparated field text: escaped strings (\t \n \\ \xHH ... decoded) and raw
// strings, appended straight into a ColumnString or a std::string.

#include <string>

#include "columns/column_string.h"
#include "io/read_buffer.h"

namespace tally {

/// Escaped TabSeparated string up to the next unescaped '\t' or '\n' (not consumed).
void readEscapedTabSeparatedString(ColumnString& column, ReadBuffer& in);
void readEscapedTabSeparatedString(std::string& out, ReadBuffer& in);
/// Raw TabSeparated string (no escapes) up to the next '\t' or '\n'.
void readRawTabSeparatedString(ColumnString& column, ReadBuffer& in);
void readRawTabSeparatedString(std::string& out, ReadBuffer& in);
/// Skips one field.
void skipTabSeparatedField(ReadBuffer& in, bool raw);

}  // namespace tally
