// `tally pypi generate` (see generator.h): checks the options, builds the catalog, then
// writes the days in parallel (each day from its own random streams) and the metadata.

#include "generator.h"

#include <algorithm>
#include <atomic>
#include <chrono>
#include <filesystem>
#include <mutex>
#include <thread>

#include "catalog.h"
#include "common/exception.h"
#include "details.h"
#include "downloads.h"
#include "formats/parquet/encoding.h"
#include "metadata.h"

namespace tally::pypi_gen {

GenerateSummary generate(const GenerateOptions& options_in, const std::function<void(const GenerateProgress&)>& progress) {
  GenerateOptions options = options_in;
  if (options.out_dir.empty()) throw Exception(ErrorCodes::BAD_ARGUMENTS, "--out DIR is required");
  if (options.days == 0 || options.days > 20000)
    throw Exception(ErrorCodes::BAD_ARGUMENTS, "--days must be between 1 and 20000, got {}", options.days);
  if (options.projects == 0) throw Exception(ErrorCodes::BAD_ARGUMENTS, "--projects must be at least 1");
  if (options.rows_per_file == 0) throw Exception(ErrorCodes::BAD_ARGUMENTS, "--rows-per-file must be at least 1");
  if (options.format != "parquet" && options.format != "jsonl")
    throw Exception(ErrorCodes::BAD_ARGUMENTS, "Unknown --format '{}': expected parquet or jsonl", options.format);
  if (options.format == "parquet") {
    parquet::codecFromName(options.compression.empty() ? "snappy" : options.compression);  // throws on a bad name
  } else if (!options.compression.empty() && options.compression != "gzip" && options.compression != "none") {
    throw Exception(ErrorCodes::BAD_ARGUMENTS, "Unknown --compression '{}' for jsonl: expected gzip or none",
                    options.compression);
  }
  const auto start = std::chrono::steady_clock::now();
  auto elapsed = [&] { return std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count(); };

  const int32_t first_day = options.end_day - int32_t(options.days) + 1;
  const std::unique_ptr<Catalog> catalog =
      buildCatalog(embeddedTopPackagesCsv(), options.projects, first_day, options.end_day, options.seed);
  const Details details;
  const std::vector<uint64_t> counts = dailyCounts(options.downloads, first_day, options.days, options.seed);

  std::filesystem::create_directories(options.out_dir);
  GenerateSummary summary;
  summary.projects = uint32_t(catalog->projects.size());
  summary.releases = catalog->releases.size();
  summary.first_day = dayToString(first_day);
  summary.last_day = dayToString(options.end_day);
  // distribution_metadata is written by its own thread while the days are generated.
  std::exception_ptr metadata_error;
  uint64_t metadata_bytes = 0;
  std::thread metadata([&] {
    try {
      summary.metadata_rows = writeDistributionMetadata(options, *catalog, metadata_bytes);
    } catch (...) {
      metadata_error = std::current_exception();
    }
  });
  summary.metadata_files = 1;

  std::atomic<uint64_t> rows_done{0}, files_done{0}, bytes_done{0};
  std::atomic<uint32_t> next_day{0};
  std::atomic<bool> failed{false};
  std::atomic<uint32_t> finished{0};
  std::exception_ptr error;
  std::mutex error_mutex;
  const DayWriter writer{options, *catalog, details, rows_done, files_done, bytes_done};
  uint32_t threads = options.threads ? options.threads : std::max(1u, std::thread::hardware_concurrency());
  threads = std::min(threads, options.days);
  std::vector<std::thread> pool;
  for (uint32_t t = 0; t < threads; ++t) {
    pool.emplace_back([&] {
      while (!failed) {
        uint32_t j = next_day.fetch_add(1);
        if (j >= options.days) break;
        try {
          writer.writeDay(first_day + int32_t(j), counts[j]);
        } catch (...) {
          std::lock_guard lock(error_mutex);
          if (!error) error = std::current_exception();
          failed = true;
        }
      }
      finished.fetch_add(1);
    });
  }
  while (finished.load() < threads) {
    if (progress) progress({rows_done.load(), options.downloads, files_done.load(), elapsed()});
    for (int i = 0; i < 10 && finished.load() < threads; ++i) std::this_thread::sleep_for(std::chrono::milliseconds(50));
  }
  for (auto& t : pool) t.join();
  metadata.join();
  if (error) std::rethrow_exception(error);
  if (metadata_error) std::rethrow_exception(metadata_error);
  summary.bytes += metadata_bytes;
  if (progress) progress({rows_done.load(), options.downloads, files_done.load(), elapsed()});

  summary.download_rows = rows_done.load();
  summary.download_files = files_done.load();
  summary.bytes += bytes_done.load();
  summary.elapsed_seconds = elapsed();
  return summary;
}

}  // namespace tally::pypi_gen
