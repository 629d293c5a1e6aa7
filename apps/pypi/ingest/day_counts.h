#pragma once
// Valid download rows per day of one source file, by the loader's own rules (what `tally pypi
// load` would insert): logs and JSON lines parsed here (LinehaulLineParser, JsonRowParser);
// Parquet/CSV counted by the engine over the loader's mapping (`buildEngineMapping`), through
// the given connection (a server reads them with its file()).

#include <cstdint>
#include <map>
#include <string>

#include "loader.h"
#include "source_files.h"
#include "tally/tally.h"

namespace tally::pypi::ingest {

struct DayCounts {
  std::map<std::string, uint64_t> valid;  // "YYYY-MM-DD" -> valid download rows
  uint64_t rejected = 0;                  // malformed rows (simple requests not counted)
  bool projects = false;                  // a distribution_metadata export: no downloads
};

/// Counts `file`'s rows. Throws api::Error when the file cannot be read as a whole.
DayCounts countValidRowsPerDay(api::Connection& connection, const SourceFile& file, const LoadSettings& settings);

}  // namespace tally::pypi::ingest
