#include "day_counts.h"

#include "download_row.h"
#include "json_row.h"
#include "line_reader.h"
#include "linehaul_line.h"

namespace tally::pypi::ingest {

DayCounts countValidRowsPerDay(api::Connection& connection, const SourceFile& file, const LoadSettings& settings) {
  DayCounts out;
  if (file.kind == SourceKind::Parquet || file.kind == SourceKind::Csv) {
    EngineMapping em = buildEngineMapping(connection, file, settings.with_ci, settings.remote);
    if (em.projects) {
      out.projects = true;
      return out;
    }
    auto r = connection.query("SELECT toString(d), countIf(r = ''), countIf(r != '') FROM (SELECT " + em.reason +
                              " AS r, if(r = '', " + em.date + ", toDate(0)) AS d FROM " + em.source +
                              ") GROUP BY d ORDER BY d");
    while (r->next())
      for (size_t i = 0; i < r->rows(); ++i) {
        if (uint64_t n = r->getUInt64(1, i)) out.valid[r->getString(0, i)] += n;
        out.rejected += r->getUInt64(2, i);
      }
    return out;
  }
  std::map<int32_t, uint64_t> by_day;
  LineReader reader(file.path);
  LinehaulLineParser log_parser;
  JsonRowParser json_parser;
  DownloadRow row;
  std::string_view line;
  const bool is_log = file.kind == SourceKind::Log;
  while (reader.next(line)) {
    bool ok;
    if (is_log) {
      LineKind kind = log_parser.parse(line, row);
      if (kind == LineKind::Simple || kind == LineKind::Empty) continue;
      ok = kind == LineKind::Download;
    } else {
      if (line.find_first_not_of(" \t\r") == std::string_view::npos) continue;
      ok = json_parser.parse(line, row);
    }
    if (ok) ++by_day[row.date];
    else ++out.rejected;
  }
  for (const auto& [day, n] : by_day) out.valid[formatDay(day)] = n;
  return out;
}

}  // namespace tally::pypi::ingest
