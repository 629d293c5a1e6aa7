#include "linehaul_line.h"

#include <simdjson.h>

#include <array>

#include "project_name.h"

namespace tally::pypi::ingest {

namespace {

int twoDigits(std::string_view s, size_t at) {
  if (at + 2 > s.size()) return -1;
  char a = s[at], b = s[at + 1];
  if (a < '0' || a > '9' || b < '0' || b > '9') return -1;
  return (a - '0') * 10 + (b - '0');
}

int monthFromName(std::string_view m) {
  static const char* names[] = {"Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"};
  for (int i = 0; i < 12; ++i)
    if (m == names[i]) return i + 1;
  return -1;
}

}  // namespace

int32_t parseRfc1123Date(std::string_view text) {
  // linehaul: text[5:-4] parsed with "%d %b %Y %H:%M:%S".
  if (text.size() != 29 || text[3] != ',' || text[4] != ' ' || text.substr(25) != " GMT") return -1;
  std::string_view t = text.substr(5, 20);  // "07 Jan 2021 20:54:54"
  int day = twoDigits(t, 0);
  if (day < 0 || t[2] != ' ' || t[6] != ' ' || t[11] != ' ' || t[14] != ':' || t[17] != ':') return -1;
  int month = monthFromName(t.substr(3, 3));
  int y1 = twoDigits(t, 7), y2 = twoDigits(t, 9);
  int hh = twoDigits(t, 12), mm = twoDigits(t, 15), ss = twoDigits(t, 18);
  if (month < 0 || y1 < 0 || y2 < 0 || hh < 0 || hh > 23 || mm < 0 || mm > 59 || ss < 0 || ss > 61) return -1;
  return daysFromCivil(y1 * 100 + y2, month, day);
}

bool isValidUtf8(std::string_view s) { return simdjson::validate_utf8(s.data(), s.size()); }

LineKind LinehaulLineParser::parse(std::string_view line, DownloadRow& row) {
  if (!line.empty() && line.back() == '\r') line.remove_suffix(1);
  if (line.empty()) return LineKind::Empty;
  // Nine '|' separators; the user agent is the rest (it may hold '|').
  std::array<std::string_view, 10> f;
  size_t pos = 0;
  for (size_t i = 0; i < 9; ++i) {
    size_t bar = line.find('|', pos);
    if (bar == std::string_view::npos) {
      if (i == 0) return reject("not a linehaul log line");
      return reject("missing fields: " + std::to_string(i + 1) + " of 10");
    }
    f[i] = line.substr(pos, bar - pos);
    pos = bar + 1;
  }
  f[9] = line.substr(pos);
  if (f[0] == "simple") return LineKind::Simple;
  if (f[0] != "download") return reject("unknown event type");
  if (!isValidUtf8(line)) return reject("invalid UTF-8");
  int32_t days = parseRfc1123Date(f[1]);
  if (days < 0) return reject("bad time");
  if (f[6].empty() || f[6] == "(null)") return reject("null project");
  if (f[7].empty() || f[7] == "(null)") return reject("null version");
  if (f[8].empty() || f[8] == "(null)") return reject("null package type");
  UserAgentKind kind = ua_parser_.parse(f[9], details_);
  if (kind == UserAgentKind::Ignored) return reject("ignored user agent");
  project_ = normalizeProjectName(f[6]);  // small: stays in the string's inline buffer or reuses capacity
  row.date = uint16_t(days);
  row.country_code = f[2];
  row.project = project_;
  row.type = f[8];
  row.version = f[7];
  const UserAgentDetails& d = details_;
  row.installer = d.installer_name ? std::string_view(*d.installer_name) : std::string_view();
  row.python_minor = d.python ? pythonMinor(*d.python) : std::string_view();
  row.system = d.system_name ? std::string_view(*d.system_name) : std::string_view();
  row.ci = ciValue(d.ci, row.installer);
  return LineKind::Download;
}

}  // namespace tally::pypi::ingest
