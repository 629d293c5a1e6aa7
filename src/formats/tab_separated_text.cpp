#include "formats/tab_separated_text.h"

#include "common/exception.h"
#include "formats/char_scan.h"

namespace tally {

namespace tab_separated_text {

template <typename Out>
void append(Out& out, const char* from, const char* to) {
  if constexpr (std::is_same_v<Out, std::string>)
    out.append(from, to);
  else
    out.insert(from, to);
}

int hexDigit(char c) {
  if (c >= '0' && c <= '9') return c - '0';
  if (c >= 'a' && c <= 'f') return c - 'a' + 10;
  if (c >= 'A' && c <= 'F') return c - 'A' + 10;
  return -1;
}

/// Decodes the escape sequence after a backslash (already consumed).
template <typename Out>
void decodeEscape(Out& out, ReadBuffer& in) {
  char c;
  if (!in.read(c))
    throw Exception(ErrorCodes::CANNOT_PARSE_ESCAPE_SEQUENCE, "Cannot parse escape sequence: unexpected end of data");
  switch (c) {
    case 'b': out.push_back('\b'); break;
    case 'f': out.push_back('\f'); break;
    case 'n': out.push_back('\n'); break;
    case 'r': out.push_back('\r'); break;
    case 't': out.push_back('\t'); break;
    case '0': out.push_back('\0'); break;
    case 'a': out.push_back('\a'); break;
    case 'v': out.push_back('\v'); break;
    case 'e': out.push_back('\x1b'); break;
    case 'N':
      out.push_back('\\');
      out.push_back('N');
      break;
    case 'x': {
      char h1, h2;
      if (!in.read(h1) || !in.read(h2) || hexDigit(h1) < 0 || hexDigit(h2) < 0)
        throw Exception(ErrorCodes::CANNOT_PARSE_ESCAPE_SEQUENCE, "Cannot parse escape sequence \\x");
      out.push_back(char(hexDigit(h1) * 16 + hexDigit(h2)));
      break;
    }
    default: out.push_back(c); break;
  }
}

template <typename Out>
void readEscaped(Out& out, ReadBuffer& in) {
  while (!in.eof()) {
    char* p = in.position();
    char* end = in.bufferEnd();
    char* stop = findFirstOf<'\t', '\n', '\\'>(p, end);
    append(out, p, stop);
    in.setPosition(stop);
    if (stop == end) continue;
    if (*stop != '\\') return;
    in.setPosition(stop + 1);
    decodeEscape(out, in);
  }
}

template <typename Out>
void readRaw(Out& out, ReadBuffer& in) {
  while (!in.eof()) {
    char* p = in.position();
    char* end = in.bufferEnd();
    char* stop = findFirstOf<'\t', '\n'>(p, end);
    append(out, p, stop);
    in.setPosition(stop);
    if (stop != end) return;
  }
}

}  // namespace tab_separated_text

void readEscapedTabSeparatedString(ColumnString& column, ReadBuffer& in) {
  auto& chars = column.getChars();
  size_t old = chars.size();
  try {
    tab_separated_text::readEscaped(chars, in);
  } catch (...) {
    chars.resize(old);
    throw;
  }
  column.getOffsets().push_back(chars.size());
}

void readEscapedTabSeparatedString(std::string& out, ReadBuffer& in) { tab_separated_text::readEscaped(out, in); }

void readRawTabSeparatedString(ColumnString& column, ReadBuffer& in) {
  auto& chars = column.getChars();
  tab_separated_text::readRaw(chars, in);
  column.getOffsets().push_back(chars.size());
}

void readRawTabSeparatedString(std::string& out, ReadBuffer& in) { tab_separated_text::readRaw(out, in); }

void skipTabSeparatedField(ReadBuffer& in, bool raw) {
  while (!in.eof()) {
    char* p = in.position();
    char* end = in.bufferEnd();
    char* stop = raw ? findFirstOf<'\t', '\n'>(p, end) : findFirstOf<'\t', '\n', '\\'>(p, end);
    in.setPosition(stop);
    if (stop == end) continue;
    if (*stop != '\\') return;
    // Skip the backslash and the escaped byte (\xHH leaves two hex digits, which are plain text).
    in.setPosition(stop + 1);
    if (!in.eof()) in.setPosition(in.position() + 1);
  }
}

}  // namespace tally
