// FileLoader::loadStream: linehaul logs and BigQuery JSON lines, parsed here and streamed as
// RowBinary through the API's input callback (one INSERT per file).
#include <cstring>
#include <optional>

#include "download_row.h"
#include "json_row.h"
#include "line_reader.h"
#include "linehaul_line.h"
#include "loader.h"

namespace tally::pypi::ingest {

FileLoadResult FileLoader::loadStream(const SourceFile& file, const std::string& dedup_token) {
  FileLoadResult result;
  result.target = "pypi";
  LineReader reader(file.path);
  LinehaulLineParser log_parser;
  JsonRowParser json_parser;
  const bool is_log = file.kind == SourceKind::Log;
  std::string pending;
  size_t pending_pos = 0;
  bool done = false;
  DownloadRow row;
  uint64_t since_progress = 0;
  const int32_t only_day = settings_.only_date.empty() ? -1 : parseDay(settings_.only_date);

  auto produce = [&](size_t want) {
    while (pending.size() - pending_pos < want && !done) {
      std::string_view line;
      if (!reader.next(line)) {
        done = true;
        break;
      }
      bool ok;
      if (is_log) {
        LineKind kind = log_parser.parse(line, row);
        if (kind == LineKind::Simple) {
          ++result.simple_requests;
          continue;
        }
        if (kind == LineKind::Empty) continue;
        ok = kind == LineKind::Download;
        if (!ok) {
          if (log_parser.reason() == "ignored user agent") ++result.ignored_agents;
          rejects_.addLine(file.path, reader.lineNumber(), log_parser.reason(), line);
        }
      } else {
        if (line.find_first_not_of(" \t\r") == std::string_view::npos) continue;
        ok = json_parser.parse(line, row);
        if (!ok) rejects_.addLine(file.path, reader.lineNumber(), json_parser.reason(), line);
      }
      if (!ok) {
        ++result.rows_rejected;
        continue;
      }
      if (only_day >= 0 && row.date != only_day) {
        ++result.rows_other_dates;
        continue;
      }
      appendRowBinary(row, settings_.with_ci, pending);
      ++result.rows_loaded;
      if (++since_progress == 65536) {
        since_progress = 0;
        progress_.update(result.rows_loaded, reader.bytesRead());
      }
    }
  };

  // An error of the reader (a truncated .gz) fails the INSERT, so nothing of the file commits;
  // it is rethrown as it was (the engine wraps callback exceptions).
  std::optional<api::Error> reader_error;
  api::ExecuteOptions options = baseOptions(dedup_token);
  options.input = [&](char* buffer, size_t size) -> size_t {
    if (pending_pos > 0 && pending_pos * 2 >= pending.size()) {
      pending.erase(0, pending_pos);
      pending_pos = 0;
    }
    try {
      produce(size);
    } catch (const api::Error& e) {
      reader_error = e;
      throw;
    }
    size_t n = std::min(size, pending.size() - pending_pos);
    std::memcpy(buffer, pending.data() + pending_pos, n);
    pending_pos += n;
    return n;
  };
  try {
    connection_.execute("INSERT INTO " + settings_.database + ".pypi (" + downloadColumns(settings_.with_ci) +
                            ") FORMAT RowBinary",
                        options);
  } catch (...) {
    if (reader_error) throw *reader_error;
    throw;
  }
  progress_.update(result.rows_loaded, file.size);
  return result;
}

}  // namespace tally::pypi::ingest
