#pragma once
// `tally pypi generate`: a deterministic synthetic generator of BigQuery-shaped PyPI download
// exports (docs/pypi_app.md, "Generator").
//
// Output under `out_dir`:
//   file_downloads/<YYYY-MM-DD>/<12-digit n>.parquet (or .jsonl / .jsonl.gz): one row per
//     download, nested like BigQuery's `SELECT *` export of `bigquery-public-data.pypi.
//     file_downloads` (timestamp, country_code, url, project, file{...}, details{...},
//     tls_protocol, tls_cipher); a day is split into several files above `rows_per_file`.
//   distribution_metadata/000000000000.parquet (...): one row per uploaded file of every
//     generated release (BigQuery `distribution_metadata`, ClickPy's `pypi.projects` columns).
//
// The output is a pure function of the options (the end date included): the same options give
// byte-identical files whatever the number of threads. Contract of the numbers: exactly
// `downloads` rows in total, over `days` days ending at `end_date` (inclusive).

#include <cstdint>
#include <functional>
#include <string>

namespace tally::pypi_gen {

struct GenerateOptions {
  std::string out_dir;
  uint64_t downloads = 1000000;
  uint32_t days = 730;
  int32_t end_day = 0;  // days since 1970-01-01 (UTC) of the last generated day
  uint64_t seed = 1;
  std::string format = "parquet";  // parquet | jsonl
  std::string compression;         // "" = the format's default: snappy (parquet), gzip (jsonl)
  uint32_t projects = 15000;       // at most the names available
  uint32_t threads = 0;            // 0 = hardware concurrency
  uint64_t rows_per_file = 4000000;
};

struct GenerateProgress {
  uint64_t rows = 0;        // download rows written so far
  uint64_t rows_total = 0;
  uint64_t files = 0;       // files finished so far
  double elapsed_seconds = 0;
};

struct GenerateSummary {
  uint64_t download_rows = 0;
  uint64_t download_files = 0;
  uint64_t metadata_rows = 0;
  uint64_t metadata_files = 0;
  uint64_t bytes = 0;
  uint32_t projects = 0;
  uint64_t releases = 0;
  std::string first_day, last_day;
  double elapsed_seconds = 0;
};

/// Checks the options (BAD_ARGUMENTS with a message naming the option) and writes the data
/// set. `progress` is called from the calling thread about twice a second.
GenerateSummary generate(const GenerateOptions& options,
                         const std::function<void(const GenerateProgress&)>& progress = {});

/// The embedded top-packages list (apps/pypi/data/top-pypi-packages-30-days.csv).
std::string_view embeddedTopPackagesCsv();

}  // namespace tally::pypi_gen
