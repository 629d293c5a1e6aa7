#pragma once
// Loads one source file into `<db>.pypi` (or `<db>.projects` for distribution_metadata) in a
// single INSERT, so the raw table and every materialized view commit together:
//   - linehaul logs and BigQuery JSON lines: parsed here (user-agent rules, validation) and
//     streamed to `INSERT ... FORMAT RowBinary` through the API's input callback; bad lines go
//     to the rejects file with their line number;
//   - Parquet and CSV: `INSERT ... SELECT <mapping> FROM file(path, Format) WHERE <valid>`; the
//     rows failing <valid> (NULL/empty project, NULL timestamp, NULL version/type) go to the
//     rejects file through a second query.
// The counts of Parquet/CSV files come from a `countIf(valid)` query run before the INSERT.
// Every data INSERT carries insert_deduplication_token (see ledger.h); the projects' DELETE +
// INSERT does not (it is idempotent by itself).

#include <cstdint>
#include <functional>
#include <string>

#include "progress.h"
#include "rejects.h"
#include "source_files.h"
#include "tally/tally.h"

namespace tally::pypi::ingest {

struct LoadSettings {
  std::string database = "pypi";
  bool with_ci = true;  // the raw table has the `ci` column
  unsigned threads = 0; // max_threads for engine-side reading; 0: the engine's default
};

struct FileLoadResult {
  std::string target;            // "pypi" or "projects"
  uint64_t rows_loaded = 0;      // rows inserted into the target table
  uint64_t rows_rejected = 0;    // malformed rows (also in the rejects file)
  uint64_t simple_requests = 0;  // log lines of Simple-API requests (not downloads)
  uint64_t ignored_agents = 0;   // of rows_rejected: ignored user agents
};

class FileLoader {
 public:
  FileLoader(api::Connection& connection, LoadSettings settings, RejectsWriter& rejects, ProgressReporter& progress);

  /// Loads `file` with `dedup_token`. Throws tally::api::Error when the file cannot be read as
  /// a whole (nothing of it is committed then).
  FileLoadResult load(const SourceFile& file, const std::string& dedup_token);

 private:
  FileLoadResult loadStream(const SourceFile& file, const std::string& dedup_token);
  FileLoadResult loadWithEngine(const SourceFile& file, const std::string& dedup_token);
  FileLoadResult loadProjects(const SourceFile& file, const std::string& format, const std::string& dedup_token);
  api::ExecuteOptions baseOptions(const std::string& dedup_token) const;

  api::Connection& connection_;
  LoadSettings settings_;
  RejectsWriter& rejects_;
  ProgressReporter& progress_;
};

/// A file()'s columns as DESCRIBE gives them: name -> type.
std::vector<std::pair<std::string, std::string>> describeFile(api::Connection& connection, const std::string& path,
                                                              const std::string& format);

}  // namespace tally::pypi::ingest
