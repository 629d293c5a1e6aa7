#pragma once
// JSON text helpers of the PyPI app: string escaping (RFC 8259, UTF-8 passed through).

#include <cstdio>
#include <string>
#include <string_view>

namespace tally::pypi {

/// Appends `s` as a JSON string literal (with quotes) to `out`.
inline void appendJsonString(std::string& out, std::string_view s) {
  out += '"';
  for (unsigned char c : s) {
    switch (c) {
      case '"': out += "\\\""; break;
      case '\\': out += "\\\\"; break;
      case '\n': out += "\\n"; break;
      case '\r': out += "\\r"; break;
      case '\t': out += "\\t"; break;
      default:
        if (c < 0x20 || c == '<' || c == '>' || c == '&') {  // also keeps "</script>" harmless
          char buf[8];
          std::snprintf(buf, sizeof(buf), "\\u%04x", c);
          out += buf;
        } else {
          out += char(c);
        }
    }
  }
  out += '"';
}

inline std::string jsonString(std::string_view s) {
  std::string out;
  appendJsonString(out, s);
  return out;
}

}  // namespace tally::pypi
