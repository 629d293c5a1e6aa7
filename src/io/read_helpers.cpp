#include "io/read_helpers.h"

#include <cmath>
#include <cstring>
#include <limits>

#include <fast_float/fast_float.h>

#include "common/civil_date.h"
#include "common/exception.h"
#include "common/time_zone.h"

namespace tally {

std::string describePosition(ReadBuffer& in) {
  if (in.eof()) return "<EOF>";
  size_t n = std::min<size_t>(in.available(), 32);
  std::string s(in.position(), n);
  std::string escaped;
  for (char c : s) {
    switch (c) {
      case '\t': escaped += "<TAB>"; break;
      case '\n': escaped += "<LINE FEED>"; break;
      case '\r': escaped += "<CARRIAGE RETURN>"; break;
      default: escaped += c;
    }
  }
  return escaped;
}

void throwAtPosition(int code, const std::string& what, ReadBuffer& in) {
  throw Exception(code, "{}: before: '{}'", what, describePosition(in));
}

static std::string describeChar(char c) {
  switch (c) {
    case '\t': return "\\t";
    case '\n': return "\\n";
    case '\r': return "\\r";
    default: return std::string(1, c);
  }
}

void assertChar(char c, ReadBuffer& in) {
  if (!checkChar(c, in))
    throw Exception(ErrorCodes::CANNOT_PARSE_INPUT_ASSERTION_FAILED, "Cannot parse input: expected '{}' before: '{}'",
                    describeChar(c), describePosition(in));
}

bool checkString(std::string_view s, ReadBuffer& in) {
  if (in.eof()) return s.empty();
  if (in.available() >= s.size()) {
    if (std::memcmp(in.position(), s.data(), s.size()) != 0) return false;
    in.setPosition(in.position() + s.size());
    return true;
  }
  // Straddles the window: compare byte by byte (cannot roll back a partial match).
  for (char c : s) {
    if (in.eof() || *in.position() != c) return false;
    in.setPosition(in.position() + 1);
  }
  return true;
}

bool checkStringCaseInsensitive(std::string_view s, ReadBuffer& in) {
  if (in.eof() || in.available() < s.size()) return false;
  for (size_t i = 0; i < s.size(); ++i)
    if (std::tolower(static_cast<unsigned char>(in.position()[i])) != std::tolower(static_cast<unsigned char>(s[i])))
      return false;
  in.setPosition(in.position() + s.size());
  return true;
}

void assertString(std::string_view s, ReadBuffer& in) {
  if (!checkString(s, in))
    throw Exception(ErrorCodes::CANNOT_PARSE_INPUT_ASSERTION_FAILED, "Cannot parse input: expected '{}' before: '{}'", s,
                    describePosition(in));
}

void skipWhitespaceIfAny(ReadBuffer& in) {
  while (!in.eof()) {
    char c = *in.position();
    if (c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\v')
      in.setPosition(in.position() + 1);
    else
      break;
  }
}

void skipToNextLine(ReadBuffer& in) {
  while (!in.eof()) {
    char* nl = static_cast<char*>(std::memchr(in.position(), '\n', in.available()));
    if (nl) {
      in.setPosition(nl + 1);
      return;
    }
    in.setPosition(in.bufferEnd());
  }
}

template <typename T>
bool tryReadIntText(T& x, ReadBuffer& in) {
  using U = std::make_unsigned_t<T>;
  if (in.eof()) return false;
  bool negative = false;
  char c = *in.position();
  if (c == '-' || c == '+') {
    negative = c == '-';
    in.setPosition(in.position() + 1);
    if (in.eof()) return false;
  }
  U value = 0;
  bool any = false;
  while (!in.eof()) {
    char* p = in.position();
    char* end = in.bufferEnd();
    while (p < end && *p >= '0' && *p <= '9') {
      value = U(value * 10 + U(*p - '0'));
      ++p;
      any = true;
    }
    in.setPosition(p);
    if (p < end) break;
  }
  if (!any) return false;
  x = negative ? T(U(0) - value) : T(value);
  return true;
}

template bool tryReadIntText<Int8>(Int8&, ReadBuffer&);
template bool tryReadIntText<Int16>(Int16&, ReadBuffer&);
template bool tryReadIntText<Int32>(Int32&, ReadBuffer&);
template bool tryReadIntText<Int64>(Int64&, ReadBuffer&);
template bool tryReadIntText<UInt8>(UInt8&, ReadBuffer&);
template bool tryReadIntText<UInt16>(UInt16&, ReadBuffer&);
template bool tryReadIntText<UInt32>(UInt32&, ReadBuffer&);
template bool tryReadIntText<UInt64>(UInt64&, ReadBuffer&);

static bool isFloatChar(char c) {
  return (c >= '0' && c <= '9') || c == '.' || c == 'e' || c == 'E' || c == '+' || c == '-' || c == 'i' || c == 'n' ||
         c == 'f' || c == 'a' || c == 'I' || c == 'N' || c == 'F' || c == 'A' || c == 't' || c == 'y' || c == 'T' ||
         c == 'Y';
}

template <typename T>
bool tryReadFloatText(T& x, ReadBuffer& in) {
  if (in.eof()) return false;
  // Gather the token (it may straddle buffer windows).
  char buf[64];
  size_t len = 0;
  const char* start = in.position();
  const char* end_in_window = in.position();
  while (end_in_window < in.bufferEnd() && isFloatChar(*end_in_window)) ++end_in_window;
  const char* token;
  size_t token_len;
  bool in_window = end_in_window < in.bufferEnd();
  if (in_window) {
    token = start;
    token_len = size_t(end_in_window - start);
  } else {
    while (!in.eof() && len < sizeof(buf) && isFloatChar(*in.position())) {
      buf[len++] = *in.position();
      in.setPosition(in.position() + 1);
    }
    token = buf;
    token_len = len;
  }
  if (token_len == 0) return false;
  const char* p = token;
  const char* e = token + token_len;
  bool negative = false;
  if (*p == '+' || *p == '-') {
    negative = *p == '-';
    ++p;
  }
  double value = 0;
  const char* parsed_end;
  auto res = fast_float::from_chars(p, e, value);
  if (res.ec != std::errc() && res.ec != std::errc::result_out_of_range) {
    return false;
  }
  parsed_end = res.ptr;
  if (res.ec == std::errc::result_out_of_range) {
    // fast_float leaves value unspecified for overflow / underflow: recompute.
    value = std::strtod(std::string(p, parsed_end).c_str(), nullptr);
  }
  if (negative) value = -value;
  if constexpr (std::is_same_v<T, float>) {
    float f = 0;
    auto r = fast_float::from_chars(p, parsed_end, f);
    x = r.ec == std::errc() ? (negative ? -f : f) : static_cast<float>(value);
  } else {
    x = value;
  }
  size_t consumed = size_t(parsed_end - token);
  if (in_window) {
    in.setPosition(const_cast<char*>(start) + consumed);
  } else if (consumed != token_len) {
    // Consumed too much from the straddling token; cannot give it back.
    return false;
  }
  return true;
}

template bool tryReadFloatText<float>(float&, ReadBuffer&);
template bool tryReadFloatText<double>(double&, ReadBuffer&);

namespace {

template <typename Vector>
void appendBytes(Vector& out, const char* from, const char* to) {
  if constexpr (std::is_same_v<Vector, std::string>)
    out.append(from, to);
  else
    out.insert(from, to);
}

template <typename Vector>
void appendChar(Vector& out, char c) {
  out.push_back(c);
}

template <typename Vector>
void appendUTF8(Vector& out, uint32_t cp) {
  if (cp < 0x80) {
    appendChar(out, char(cp));
  } else if (cp < 0x800) {
    appendChar(out, char(0xC0 | (cp >> 6)));
    appendChar(out, char(0x80 | (cp & 0x3F)));
  } else if (cp < 0x10000) {
    appendChar(out, char(0xE0 | (cp >> 12)));
    appendChar(out, char(0x80 | ((cp >> 6) & 0x3F)));
    appendChar(out, char(0x80 | (cp & 0x3F)));
  } else {
    appendChar(out, char(0xF0 | (cp >> 18)));
    appendChar(out, char(0x80 | ((cp >> 12) & 0x3F)));
    appendChar(out, char(0x80 | ((cp >> 6) & 0x3F)));
    appendChar(out, char(0x80 | (cp & 0x3F)));
  }
}

int hexValue(char c) {
  if (c >= '0' && c <= '9') return c - '0';
  if (c >= 'a' && c <= 'f') return c - 'a' + 10;
  if (c >= 'A' && c <= 'F') return c - 'A' + 10;
  return -1;
}

/// Decodes a backslash escape (the backslash already consumed).
template <typename Vector>
void parseEscapeSequence(Vector& out, ReadBuffer& in) {
  char c;
  if (!in.read(c))
    throw Exception(ErrorCodes::CANNOT_PARSE_ESCAPE_SEQUENCE, "Cannot parse escape sequence: unexpected end of data");
  switch (c) {
    case 'b': appendChar(out, '\b'); break;
    case 'f': appendChar(out, '\f'); break;
    case 'n': appendChar(out, '\n'); break;
    case 'r': appendChar(out, '\r'); break;
    case 't': appendChar(out, '\t'); break;
    case '0': appendChar(out, '\0'); break;
    case 'a': appendChar(out, '\a'); break;
    case 'v': appendChar(out, '\v'); break;
    case 'e': appendChar(out, '\x1b'); break;
    case 'x': {
      char h1, h2;
      if (in.read(h1) && in.read(h2) && hexValue(h1) >= 0 && hexValue(h2) >= 0)
        appendChar(out, char(hexValue(h1) * 16 + hexValue(h2)));
      else
        throw Exception(ErrorCodes::CANNOT_PARSE_ESCAPE_SEQUENCE, "Cannot parse escape sequence \\x");
      break;
    }
    case 'N': appendChar(out, '\\'); appendChar(out, 'N'); break;  // \N inside a string is literal
    default: appendChar(out, c); break;
  }
}

template <typename Vector>
void readEscapedStringImpl(Vector& out, ReadBuffer& in) {
  while (!in.eof()) {
    char* p = in.position();
    char* end = in.bufferEnd();
    char* stop = p;
    while (stop < end && *stop != '\t' && *stop != '\n' && *stop != '\\') ++stop;
    appendBytes(out, p, stop);
    in.setPosition(stop);
    if (stop == end) continue;
    if (*stop == '\t' || *stop == '\n') return;
    in.setPosition(stop + 1);  // backslash
    parseEscapeSequence(out, in);
  }
}

template <typename Vector>
void readQuotedStringImpl(Vector& out, ReadBuffer& in, char quote) {
  if (!checkChar(quote, in))
    throw Exception(ErrorCodes::CANNOT_PARSE_QUOTED_STRING, "Cannot parse quoted string: expected opening quote '{}', got '{}'",
                    quote, describePosition(in));
  while (!in.eof()) {
    char* p = in.position();
    char* end = in.bufferEnd();
    char* stop = p;
    while (stop < end && *stop != quote && *stop != '\\') ++stop;
    appendBytes(out, p, stop);
    in.setPosition(stop);
    if (stop == end) continue;
    in.setPosition(stop + 1);
    if (*stop == quote) {
      // A doubled quote inside the string stands for one quote.
      if (!in.eof() && *in.position() == quote) {
        appendChar(out, quote);
        in.setPosition(in.position() + 1);
        continue;
      }
      return;
    }
    parseEscapeSequence(out, in);
  }
  throw Exception(ErrorCodes::CANNOT_PARSE_QUOTED_STRING, "Cannot parse quoted string: expected closing quote");
}

template <typename Vector>
void readJSONStringImpl(Vector& out, ReadBuffer& in) {
  if (!checkChar('"', in))
    throw Exception(ErrorCodes::CANNOT_PARSE_QUOTED_STRING, "Cannot parse JSON string: expected opening quote, got '{}'",
                    describePosition(in));
  while (!in.eof()) {
    char* p = in.position();
    char* end = in.bufferEnd();
    char* stop = p;
    while (stop < end && *stop != '"' && *stop != '\\') ++stop;
    appendBytes(out, p, stop);
    in.setPosition(stop);
    if (stop == end) continue;
    in.setPosition(stop + 1);
    if (*stop == '"') return;
    char c;
    if (!in.read(c)) break;
    switch (c) {
      case 'b': appendChar(out, '\b'); break;
      case 'f': appendChar(out, '\f'); break;
      case 'n': appendChar(out, '\n'); break;
      case 'r': appendChar(out, '\r'); break;
      case 't': appendChar(out, '\t'); break;
      case 'u': {
        auto read_hex4 = [&](uint32_t& v) {
          v = 0;
          for (int i = 0; i < 4; ++i) {
            char h;
            if (!in.read(h) || hexValue(h) < 0) return false;
            v = v * 16 + uint32_t(hexValue(h));
          }
          return true;
        };
        uint32_t cp;
        if (!read_hex4(cp)) throw Exception(ErrorCodes::CANNOT_PARSE_ESCAPE_SEQUENCE, "Cannot parse \\u escape sequence");
        if (cp >= 0xD800 && cp <= 0xDBFF) {
          uint32_t low;
          if (checkChar('\\', in) && checkChar('u', in) && read_hex4(low) && low >= 0xDC00 && low <= 0xDFFF)
            cp = 0x10000 + ((cp - 0xD800) << 10) + (low - 0xDC00);
          else
            cp = 0xFFFD;
        }
        appendUTF8(out, cp);
        break;
      }
      default: appendChar(out, c); break;
    }
  }
  throw Exception(ErrorCodes::CANNOT_PARSE_QUOTED_STRING, "Cannot parse JSON string: expected closing quote");
}

template <typename Vector>
void readCSVStringImpl(Vector& out, ReadBuffer& in, char delimiter, bool allow_single_quotes) {
  if (in.eof()) return;
  char first = *in.position();
  if (first == '"' || (allow_single_quotes && first == '\'')) {
    char quote = first;
    in.setPosition(in.position() + 1);
    while (!in.eof()) {
      char* p = in.position();
      char* end = in.bufferEnd();
      char* stop = static_cast<char*>(std::memchr(p, quote, size_t(end - p)));
      if (!stop) {
        appendBytes(out, p, end);
        in.setPosition(end);
        continue;
      }
      appendBytes(out, p, stop);
      in.setPosition(stop + 1);
      if (!in.eof() && *in.position() == quote) {
        appendChar(out, quote);
        in.setPosition(in.position() + 1);
        continue;
      }
      return;
    }
    throw Exception(ErrorCodes::CANNOT_PARSE_QUOTED_STRING, "Cannot parse CSV string: expected closing quote");
  }
  while (!in.eof()) {
    char* p = in.position();
    char* end = in.bufferEnd();
    char* stop = p;
    while (stop < end && *stop != delimiter && *stop != '\n' && *stop != '\r') ++stop;
    appendBytes(out, p, stop);
    in.setPosition(stop);
    if (stop < end) return;
  }
}

}  // namespace

void readEscapedStringInto(PODArray<char>& out, ReadBuffer& in) { readEscapedStringImpl(out, in); }
void readEscapedStringInto(std::string& out, ReadBuffer& in) { readEscapedStringImpl(out, in); }
void readQuotedStringInto(PODArray<char>& out, ReadBuffer& in) { readQuotedStringImpl(out, in, '\''); }
void readQuotedStringInto(std::string& out, ReadBuffer& in) { readQuotedStringImpl(out, in, '\''); }
void readDoubleQuotedStringInto(std::string& out, ReadBuffer& in) { readQuotedStringImpl(out, in, '"'); }
void readBackQuotedStringInto(std::string& out, ReadBuffer& in) { readQuotedStringImpl(out, in, '`'); }
void readJSONStringInto(PODArray<char>& out, ReadBuffer& in) { readJSONStringImpl(out, in); }
void readJSONStringInto(std::string& out, ReadBuffer& in) { readJSONStringImpl(out, in); }
void readCSVStringInto(PODArray<char>& out, ReadBuffer& in, char delimiter, bool allow_single_quotes) {
  readCSVStringImpl(out, in, delimiter, allow_single_quotes);
}
void readCSVStringInto(std::string& out, ReadBuffer& in, char delimiter, bool allow_single_quotes) {
  readCSVStringImpl(out, in, delimiter, allow_single_quotes);
}

void skipJSONValue(ReadBuffer& in, std::string* raw) {
  skipWhitespaceIfAny(in);
  if (in.eof()) throw Exception(ErrorCodes::INCORRECT_DATA, "Unexpected end of data while skipping JSON value");
  char c = *in.position();
  auto take = [&]() {
    char ch = *in.position();
    if (raw) raw->push_back(ch);
    in.setPosition(in.position() + 1);
    return ch;
  };
  if (c == '"') {
    std::string s;
    readJSONStringInto(s, in);
    if (raw) {
      // Re-escape minimally: keep the raw form by re-encoding.
      raw->push_back('"');
      for (char ch : s) {
        if (ch == '"' || ch == '\\') raw->push_back('\\');
        if (ch == '\n') {
          raw->append("\\n");
          continue;
        }
        raw->push_back(ch);
      }
      raw->push_back('"');
    }
    return;
  }
  if (c == '{' || c == '[') {
    char close = c == '{' ? '}' : ']';
    take();
    skipWhitespaceIfAny(in);
    if (!in.eof() && *in.position() == close) {
      take();
      return;
    }
    while (true) {
      skipWhitespaceIfAny(in);
      if (c == '{') {
        if (in.eof() || *in.position() != '"') throw Exception(ErrorCodes::INCORRECT_DATA, "Expected a JSON object key");
        skipJSONValue(in, raw);
        skipWhitespaceIfAny(in);
        if (in.eof() || *in.position() != ':') throw Exception(ErrorCodes::INCORRECT_DATA, "Expected ':' in JSON object");
        take();
      }
      skipJSONValue(in, raw);
      skipWhitespaceIfAny(in);
      if (in.eof()) throw Exception(ErrorCodes::INCORRECT_DATA, "Unexpected end of JSON");
      char d = take();
      if (d == close) return;
      if (d != ',') throw Exception(ErrorCodes::INCORRECT_DATA, "Expected ',' or '{}' in JSON", close);
    }
  }
  // number, true, false, null
  bool any = false;
  while (!in.eof()) {
    char ch = *in.position();
    if (ch == ',' || ch == '}' || ch == ']' || ch == ' ' || ch == '\n' || ch == '\t' || ch == '\r') break;
    take();
    any = true;
  }
  if (!any) throw Exception(ErrorCodes::INCORRECT_DATA, "Cannot parse JSON value: before: '{}'", describePosition(in));
}

namespace {
bool readDigits(ReadBuffer& in, int count, int& value) {
  value = 0;
  for (int i = 0; i < count; ++i) {
    if (in.eof() || *in.position() < '0' || *in.position() > '9') return false;
    value = value * 10 + (*in.position() - '0');
    in.setPosition(in.position() + 1);
  }
  return true;
}
bool readUpTo2Digits(ReadBuffer& in, int& value) {
  value = 0;
  int n = 0;
  while (n < 2 && !in.eof() && *in.position() >= '0' && *in.position() <= '9') {
    value = value * 10 + (*in.position() - '0');
    in.setPosition(in.position() + 1);
    ++n;
  }
  return n > 0;
}
}  // namespace

bool tryReadDateText(int64_t& day_num, ReadBuffer& in) {
  int y, m, d;
  if (!readDigits(in, 4, y)) return false;
  if (!in.eof() && (*in.position() == '-' || *in.position() == '/' || *in.position() == '.')) {
    char sep = *in.position();
    in.setPosition(in.position() + 1);
    if (!readUpTo2Digits(in, m)) return false;
    if (!checkChar(sep, in)) return false;
    if (!readUpTo2Digits(in, d)) return false;
  } else {
    if (!readDigits(in, 2, m) || !readDigits(in, 2, d)) return false;
  }
  if (m < 1 || m > 12 || d < 1 || d > 31) return false;
  day_num = daysFromCivil(y, unsigned(m), unsigned(d));
  return true;
}

bool tryReadDateTimeText(int64_t& t, ReadBuffer& in, const TimeZone& zone, int64_t* fraction, uint32_t scale) {
  if (fraction) *fraction = 0;
  if (in.eof()) return false;
  // A Unix timestamp: all digits, not followed by a date separator at position 4.
  char* p = in.position();
  size_t avail = in.available();
  size_t digits = 0;
  while (digits < avail && p[digits] >= '0' && p[digits] <= '9') ++digits;
  bool looks_like_date = digits == 4 && digits < avail && (p[4] == '-' || p[4] == '/' || p[4] == '.');
  if (!looks_like_date && digits > 0 && (digits != 8 && digits != 14)) {
    int64_t v;
    if (!tryReadIntText(v, in)) return false;
    t = v;
    if (fraction && checkChar('.', in)) {
      int64_t frac = 0;
      uint32_t n = 0;
      while (!in.eof() && *in.position() >= '0' && *in.position() <= '9') {
        if (n < scale) {
          frac = frac * 10 + (*in.position() - '0');
          ++n;
        }
        in.setPosition(in.position() + 1);
      }
      for (; n < scale; ++n) frac *= 10;
      *fraction = frac;
    }
    return true;
  }
  int64_t day;
  if (!tryReadDateText(day, in)) return false;
  int hh = 0, mm = 0, ss = 0;
  if (!in.eof() && (*in.position() == ' ' || *in.position() == 'T')) {
    char* save = in.position();
    in.setPosition(in.position() + 1);
    if (!readUpTo2Digits(in, hh)) {
      in.setPosition(save);
    } else {
      if (!checkChar(':', in) || !readUpTo2Digits(in, mm)) return false;
      if (checkChar(':', in) && !readUpTo2Digits(in, ss)) return false;
      if (!in.eof() && *in.position() == '.') {
        in.setPosition(in.position() + 1);
        int64_t frac = 0;
        uint32_t n = 0;
        while (!in.eof() && *in.position() >= '0' && *in.position() <= '9') {
          if (n < scale) {
            frac = frac * 10 + (*in.position() - '0');
            ++n;
          }
          in.setPosition(in.position() + 1);
        }
        for (; n < scale; ++n) frac *= 10;
        if (fraction) *fraction = frac;
      }
    }
  }
  t = zone.fromLocal(day * 86400 + hh * 3600 + mm * 60 + ss);
  return true;
}

bool tryReadUUIDText(UInt128& uuid, ReadBuffer& in) {
  char buf[36];
  size_t n = 0;
  while (n < 36 && !in.eof()) {
    char c = *in.position();
    if (hexValue(c) < 0 && c != '-') break;
    buf[n++] = c;
    in.setPosition(in.position() + 1);
  }
  uint64_t parts[2] = {0, 0};
  int nibbles = 0;
  for (size_t i = 0; i < n; ++i) {
    if (buf[i] == '-') continue;
    int v = hexValue(buf[i]);
    if (nibbles >= 32) return false;
    parts[nibbles / 16] = (parts[nibbles / 16] << 4) | uint64_t(v);
    ++nibbles;
  }
  if (nibbles != 32) return false;
  uuid.high = parts[0];
  uuid.low = parts[1];
  return true;
}

}  // namespace tally
