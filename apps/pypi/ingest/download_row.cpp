#include "download_row.h"

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
