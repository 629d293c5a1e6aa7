#include "download_row.h"
#include <cstdio>

namespace tally::pypi::ingest {

CiValue ciValue(CiFlag ci, std::string_view installer) {
  if (ci == CiFlag::True) return CiValue::True;
  if (ci == CiFlag::False || installer == "pip" || installer == "uv") return CiValue::False;
  return CiValue::Unknown;
}

std::string ciValueSql(std::string_view ci, std::string_view installer) {
  std::string c(ci), i(installer);
  return "multiIf(" + c + " = true, 'true', " + c + " = false OR ifNull(" + i + ", '') IN ('pip', 'uv'), 'false', 'unknown')";
}

std::string downloadColumns(bool with_ci) {
  return with_ci ? "date, country_code, project, type, installer, python_minor, system, version, ci"
                 : "date, country_code, project, type, installer, python_minor, system, version";
}

namespace {
void appendString(std::string_view s, std::string& out) {
  uint64_t n = s.size();
  while (n >= 0x80) {
    out.push_back(char(n | 0x80));
    n >>= 7;
  }
  out.push_back(char(n));
  out.append(s);
}
}  // namespace

void appendRowBinary(const DownloadRow& row, bool with_ci, std::string& out) {
  out.push_back(char(row.date & 0xff));
  out.push_back(char(row.date >> 8));
  appendString(row.country_code, out);
  appendString(row.project, out);
  appendString(row.type, out);
  appendString(row.installer, out);
  appendString(row.python_minor, out);
  appendString(row.system, out);
  appendString(row.version, out);
  if (with_ci) out.push_back(char(row.ci));
}

int32_t daysFromCivil(int y, int m, int d) {
  static const int days_in_month[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
  if (m < 1 || m > 12 || d < 1) return -1;
  bool leap = (y % 4 == 0 && y % 100 != 0) || y % 400 == 0;
  if (d > days_in_month[m - 1] + (m == 2 && leap ? 1 : 0)) return -1;
  // Howard Hinnant's days_from_civil.
  y -= m <= 2;
  int era = (y >= 0 ? y : y - 399) / 400;
  unsigned yoe = unsigned(y - era * 400);
  unsigned doy = (153 * (m + (m > 2 ? -3 : 9)) + 2) / 5 + unsigned(d) - 1;
  unsigned doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
  int32_t days = era * 146097 + int32_t(doe) - 719468;
  if (days < 0 || days > 65535) return -1;
  return days;
}

}  // namespace tally::pypi::ingest

namespace tally::pypi::ingest {

int32_t parseDay(std::string_view t) {
  if (t.size() != 10 || t[4] != '-' || t[7] != '-') return -1;
  for (size_t i : {0, 1, 2, 3, 5, 6, 8, 9})
    if (t[i] < '0' || t[i] > '9') return -1;
  auto num = [&](size_t at, size_t n) {
    int v = 0;
    for (size_t i = 0; i < n; ++i) v = v * 10 + (t[at + i] - '0');
    return v;
  };
  return daysFromCivil(num(0, 4), num(5, 2), num(8, 2));
}

std::string formatDay(int32_t days) {
  // Howard Hinnant's civil_from_days.
  int32_t z = days + 719468;
  int32_t era = (z >= 0 ? z : z - 146096) / 146097;
  unsigned doe = unsigned(z - era * 146097);
  unsigned yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
  int y = int(yoe) + era * 400;
  unsigned doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
  unsigned mp = (5 * doy + 2) / 153;
  unsigned d = doy - (153 * mp + 2) / 5 + 1;
  unsigned m = mp < 10 ? mp + 3 : mp - 9;
  y += m <= 2;
  char buf[16];
  std::snprintf(buf, sizeof buf, "%04d-%02u-%02u", y, m, d);
  return buf;
}

}  // namespace tally::pypi::ingest
