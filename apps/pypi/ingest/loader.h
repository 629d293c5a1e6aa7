#pragma once
// Loads one source file into `<db>.pypi` (or `<db>.projects` for distribution_metadata) in a
// single INSERT, so the raw table and every materialized view commit together:
//   - linehaul logs and BigQuery JSON lines: parsed here (user-agent rules, validation) and
//     streamed to `INSERT ... FORMAT RowBinary` through the API's input callback; bad lines go
//     to the rejects file with their line number;
//   - Parquet and CSV: `INSERT ... SELECT <mapping> FROM file(path, Format) WHERE <valid>`; the
//     rows failing <valid> (NULL/empty project, NULL timestamp, NULL version/type) go to the
//     rejects file through a second query.
// The counts of a local Parquet file: its row count (metadata) and the rows the INSERT reports
// it added (ExecuteResult::inserted_rows); of CSV, remote and repair loads (and of an INSERT
// skipped as a repeat): a `countIf(valid)` query over the file.
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
  bool remote = false;  // the connection is a server's (file() reads on the server's side)
  std::string only_date;  // "YYYY-MM-DD": load only that day's rows (repair); "" all
};

struct FileLoadResult {
  std::string target;            // "pypi" or "projects"
  uint64_t rows_loaded = 0;      // rows inserted into the target table
  uint64_t rows_rejected = 0;    // malformed rows (also in the rejects file)
  uint64_t simple_requests = 0;  // log lines of Simple-API requests (not downloads)
  uint64_t ignored_agents = 0;   // of rows_rejected: ignored user agents
  uint64_t rows_other_dates = 0; // valid rows left out by LoadSettings::only_date
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

/// How a Parquet/CSV file_downloads export maps to the raw table, as SQL over `source`
/// (file(path, format[, structure])): `date` the row's date, `reason` '' for a valid row (else
/// why not), `select` "SELECT <the raw table's columns>" without FROM. `projects` when the file
/// is a distribution_metadata export (nothing else is set then but `format`). Over a server
/// (`remote`), a file the server cannot read fails with a note on user_files_path.
struct EngineMapping {
  bool projects = false;
  std::string format, source, date, reason, select;
};
EngineMapping buildEngineMapping(api::Connection& connection, const SourceFile& file, bool with_ci, bool remote);

/// A file()'s columns as DESCRIBE gives them: name -> type.
std::vector<std::pair<std::string, std::string>> describeFile(api::Connection& connection, const std::string& path,
                                                              const std::string& format);

}  // namespace tally::pypi::ingest
