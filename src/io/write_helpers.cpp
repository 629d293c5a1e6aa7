#include "io/write_helpers.h"

#include <cmath>
#include <cstring>

#include "common/civil_date.h"
#include "common/time_zone.h"

namespace tally {

namespace {

// Splits the shortest scientific form produced by to_chars into digits and exponent, then lays
// it out the way double-conversion's ToShortest does with decimal_in_shortest_low = -6 and
// decimal_in_shortest_high = 21.
size_t layoutShortest(const char* sci, size_t sci_len, char* out) {
  size_t pos = 0;
  size_t i = 0;
  if (sci[i] == '-') out[pos++] = sci[i++];
  char digits[40];
  size_t nd = 0;
  for (; i < sci_len && sci[i] != 'e'; ++i)
    if (sci[i] != '.') digits[nd++] = sci[i];
  int exp10 = 0;
  if (i < sci_len) {
    const char* e = sci + i + 1;
    if (e < sci + sci_len && *e == '+') ++e;
    std::from_chars(e, sci + sci_len, exp10);
  }
  while (nd > 1 && digits[nd - 1] == '0') --nd;
  int decimal_point = exp10 + 1;  // value = 0.digits * 10^decimal_point
  if (decimal_point > -6 && decimal_point <= 21) {
    if (decimal_point <= 0) {
      out[pos++] = '0';
      out[pos++] = '.';
      for (int k = 0; k < -decimal_point; ++k) out[pos++] = '0';
      std::memcpy(out + pos, digits, nd);
      pos += nd;
    } else if (size_t(decimal_point) >= nd) {
      std::memcpy(out + pos, digits, nd);
      pos += nd;
      for (size_t k = nd; k < size_t(decimal_point); ++k) out[pos++] = '0';
    } else {
      std::memcpy(out + pos, digits, size_t(decimal_point));
      pos += size_t(decimal_point);
      out[pos++] = '.';
      std::memcpy(out + pos, digits + decimal_point, nd - size_t(decimal_point));
      pos += nd - size_t(decimal_point);
    }
  } else {
    out[pos++] = digits[0];
    if (nd > 1) {
      out[pos++] = '.';
      std::memcpy(out + pos, digits + 1, nd - 1);
      pos += nd - 1;
    }
    out[pos++] = 'e';
    auto r = std::to_chars(out + pos, out + pos + 8, decimal_point - 1);
    pos = size_t(r.ptr - out);
  }
  return pos;
}

template <typename T>
size_t formatFloatImpl(T value, char* buf) {
  if (std::isnan(value)) {
    std::memcpy(buf, "nan", 3);
    return 3;
  }
  if (std::isinf(value)) {
    if (value < 0) {
      std::memcpy(buf, "-inf", 4);
      return 4;
    }
    std::memcpy(buf, "inf", 3);
    return 3;
  }
  if (value == 0) {
    if (std::signbit(value)) {
      std::memcpy(buf, "-0", 2);
      return 2;
    }
    buf[0] = '0';
    return 1;
  }
  char sci[48];
  auto res = std::to_chars(sci, sci + sizeof(sci), value, std::chars_format::scientific);
  return layoutShortest(sci, size_t(res.ptr - sci), buf);
}

inline void writeTwoDigits(unsigned v, char* p) {
  p[0] = char('0' + v / 10);
  p[1] = char('0' + v % 10);
}

}  // namespace

size_t formatFloat(double value, char* buf) { return formatFloatImpl(value, buf); }
size_t formatFloat(float value, char* buf) { return formatFloatImpl(value, buf); }

template <char quote>
static void writeAnyEscapedString(std::string_view s, WriteBuffer& out) {
  const char* p = s.data();
  const char* end = p + s.size();
  while (p < end) {
    const char* run = p;
    while (p < end && *p != '\\' && *p != '\b' && *p != '\f' && *p != '\r' && *p != '\n' && *p != '\t' && *p != '\0' &&
           *p != quote)
      ++p;
    out.write(run, size_t(p - run));
    if (p == end) break;
    out.write('\\');
    switch (*p) {
      case '\b': out.write('b'); break;
      case '\f': out.write('f'); break;
      case '\r': out.write('r'); break;
      case '\n': out.write('n'); break;
      case '\t': out.write('t'); break;
      case '\0': out.write('0'); break;
      default: out.write(*p); break;
    }
    ++p;
  }
}

void writeEscapedString(std::string_view s, WriteBuffer& out) { writeAnyEscapedString<'\''>(s, out); }

void writeQuotedString(std::string_view s, WriteBuffer& out) {
  out.write('\'');
  writeAnyEscapedString<'\''>(s, out);
  out.write('\'');
}

void writeDoubleQuotedString(std::string_view s, WriteBuffer& out) {
  out.write('"');
  writeAnyEscapedString<'"'>(s, out);
  out.write('"');
}

void writeBackQuotedString(std::string_view s, WriteBuffer& out) {
  out.write('`');
  writeAnyEscapedString<'`'>(s, out);
  out.write('`');
}

void writeProbablyBackQuotedIdentifier(std::string_view s, WriteBuffer& out) {
  bool word = !s.empty() && !(s[0] >= '0' && s[0] <= '9');
  for (char c : s)
    if (!((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '_')) word = false;
  if (word)
    out.write(s);
  else
    writeBackQuotedString(s, out);
}

void writeJSONString(std::string_view s, WriteBuffer& out, bool escape_forward_slashes) {
  static const char hex[] = "0123456789abcdef";
  out.write('"');
  const unsigned char* p = reinterpret_cast<const unsigned char*>(s.data());
  const unsigned char* end = p + s.size();
  while (p < end) {
    const unsigned char* run = p;
    while (p < end && *p >= 0x20 && *p != '"' && *p != '\\' && *p != '/' && *p != 0xE2) ++p;
    out.write(reinterpret_cast<const char*>(run), size_t(p - run));
    if (p == end) break;
    unsigned char c = *p;
    if (c == 0xE2 && p + 2 < end && p[1] == 0x80 && (p[2] == 0xA8 || p[2] == 0xA9)) {
      out.write(p[2] == 0xA8 ? "\\u2028" : "\\u2029");
      p += 3;
      continue;
    }
    if (c == 0xE2) {
      out.write(char(c));
      ++p;
      continue;
    }
    switch (c) {
      case '"': out.write("\\\""); break;
      case '\\': out.write("\\\\"); break;
      case '/':
        if (escape_forward_slashes)
          out.write("\\/");
        else
          out.write('/');
        break;
      case '\b': out.write("\\b"); break;
      case '\f': out.write("\\f"); break;
      case '\n': out.write("\\n"); break;
      case '\r': out.write("\\r"); break;
      case '\t': out.write("\\t"); break;
      default: {
        char buf[6] = {'\\', 'u', '0', '0', hex[c >> 4], hex[c & 15]};
        out.write(buf, 6);
      }
    }
    ++p;
  }
  out.write('"');
}

void writeCSVString(std::string_view s, WriteBuffer& out) {
  out.write('"');
  const char* p = s.data();
  const char* end = p + s.size();
  while (p < end) {
    const char* q = static_cast<const char*>(std::memchr(p, '"', size_t(end - p)));
    if (!q) {
      out.write(p, size_t(end - p));
      break;
    }
    out.write(p, size_t(q - p + 1));
    out.write('"');
    p = q + 1;
  }
  out.write('"');
}

void writeDateText(int64_t day_num, WriteBuffer& out) {
  CivilDate d = civilFromDays(day_num);
  char buf[16];
  int y = d.year;
  size_t pos = 0;
  if (y < 0) {
    buf[pos++] = '-';
    y = -y;
  }
  buf[pos++] = char('0' + (y / 1000) % 10);
  buf[pos++] = char('0' + (y / 100) % 10);
  buf[pos++] = char('0' + (y / 10) % 10);
  buf[pos++] = char('0' + y % 10);
  buf[pos++] = '-';
  writeTwoDigits(d.month, buf + pos);
  pos += 2;
  buf[pos++] = '-';
  writeTwoDigits(d.day, buf + pos);
  pos += 2;
  out.write(buf, pos);
}

void writeDateTimeText(int64_t t, const TimeZone& zone, WriteBuffer& out) {
  int64_t local = zone.toLocal(t);
  int64_t day = floorDiv(local, 86400);
  int64_t secs = local - day * 86400;
  writeDateText(day, out);
  char buf[9] = {' '};
  writeTwoDigits(unsigned(secs / 3600), buf + 1);
  buf[3] = ':';
  writeTwoDigits(unsigned(secs / 60 % 60), buf + 4);
  buf[6] = ':';
  writeTwoDigits(unsigned(secs % 60), buf + 7);
  out.write(buf, 9);
}

void writeDateTime64Text(int64_t ticks, uint32_t scale, const TimeZone& zone, WriteBuffer& out) {
  int64_t multiplier = 1;
  for (uint32_t i = 0; i < scale; ++i) multiplier *= 10;
  int64_t seconds = floorDiv(ticks, multiplier);
  int64_t fraction = ticks - seconds * multiplier;
  writeDateTimeText(seconds, zone, out);
  if (scale > 0) {
    out.write('.');
    char buf[20];
    for (int i = int(scale) - 1; i >= 0; --i) {
      buf[i] = char('0' + fraction % 10);
      fraction /= 10;
    }
    out.write(buf, scale);
  }
}

void writeUUIDText(const UInt128& uuid, WriteBuffer& out) {
  static const char hex[] = "0123456789abcdef";
  char buf[36];
  size_t pos = 0;
  auto put = [&](uint64_t v, int from_byte, int to_byte) {
    for (int b = from_byte; b < to_byte; ++b) {
      unsigned byte = unsigned(v >> (8 * (7 - b))) & 0xFF;
      buf[pos++] = hex[byte >> 4];
      buf[pos++] = hex[byte & 15];
    }
  };
  put(uuid.high, 0, 4);
  buf[pos++] = '-';
  put(uuid.high, 4, 6);
  buf[pos++] = '-';
  put(uuid.high, 6, 8);
  buf[pos++] = '-';
  put(uuid.low, 0, 2);
  buf[pos++] = '-';
  put(uuid.low, 2, 8);
  out.write(buf, 36);
}

}  // namespace tally
