// `tally pypi generate`: options, progress on stderr and the summary (apps/pypi/generate).

#include <cinttypes>
#include <cstdio>
#include <cstdlib>
#include <ctime>
#include <string>

#include "common/exception.h"
#include "pypi/generate/catalog.h"
#include "pypi/generate/generator.h"
#include "pypi/pypi_commands.h"

namespace tally::cli {

namespace {

const char* const kUsage =
    "Usage: tally pypi generate --out DIR [options]\n"
    "\n"
    "Writes synthetic PyPI download data shaped like BigQuery's exports of\n"
    "bigquery-public-data.pypi.file_downloads (DIR/file_downloads/YYYY-MM-DD/NNNNNNNNNNNN.parquet)\n"
    "and distribution_metadata (DIR/distribution_metadata/000000000000.parquet). The output is a\n"
    "pure function of the options (with the end date printed when defaulted).\n"
    "\n"
    "Options:\n"
    "  --out DIR              output directory (required)\n"
    "  --downloads N          download rows in total (default 1000000)\n"
    "  --days D               days of data (default 730)\n"
    "  --end-date YYYY-MM-DD  last day (default: yesterday, UTC)\n"
    "  --seed S               random seed (default 1)\n"
    "  --format F             parquet | jsonl (default parquet)\n"
    "  --compression C        parquet: snappy (default) | zstd | gzip | none; jsonl: gzip (default) | none\n"
    "  --projects K           projects from the top-packages list (default 15000, at most 15000)\n"
    "  --rows-per-file N      split a day into files of at most N rows (default 4000000)\n"
    "  --threads T            worker threads (default: all cores)\n"
    "  --quiet                no progress lines\n";

uint64_t parseNumber(const std::string& option, const std::string& value) {
  char* end = nullptr;
  errno = 0;
  unsigned long long v = std::strtoull(value.c_str(), &end, 10);
  if (value.empty() || value[0] == '-' || *end || errno)
    throw Exception(ErrorCodes::BAD_ARGUMENTS, "Cannot parse the value '{}' of {}: expected a non-negative integer",
                    value, option);
  return v;
}

}  // namespace

int runPypiGenerate(int argc, char** argv) {
  try {
    pypi_gen::GenerateOptions options;
    bool end_given = false, quiet = false;
    for (int i = 1; i < argc; ++i) {
      std::string arg = argv[i];
      if (arg == "--help" || arg == "-h") {
        std::fputs(kUsage, stdout);
        return 0;
      }
      if (arg == "--quiet") {
        quiet = true;
        continue;
      }
      std::string value;
      size_t eq = arg.find('=');
      if (arg.rfind("--", 0) == 0 && eq != std::string::npos) {
        value = arg.substr(eq + 1);
        arg = arg.substr(0, eq);
      } else if (i + 1 < argc) {
        value = argv[++i];
      } else {
        throw Exception(ErrorCodes::BAD_ARGUMENTS, "Option {} needs a value", arg);
      }
      if (arg == "--out") options.out_dir = value;
      else if (arg == "--downloads") options.downloads = parseNumber(arg, value);
      else if (arg == "--days") options.days = uint32_t(std::min<uint64_t>(parseNumber(arg, value), UINT32_MAX));
      else if (arg == "--end-date") {
        options.end_day = pypi_gen::parseDay(value);
        end_given = true;
      } else if (arg == "--seed") options.seed = parseNumber(arg, value);
      else if (arg == "--format") options.format = value;
      else if (arg == "--compression") options.compression = value;
      else if (arg == "--projects") options.projects = uint32_t(std::min<uint64_t>(parseNumber(arg, value), UINT32_MAX));
      else if (arg == "--rows-per-file") options.rows_per_file = parseNumber(arg, value);
      else if (arg == "--threads") options.threads = uint32_t(std::min<uint64_t>(parseNumber(arg, value), 1024));
      else throw Exception(ErrorCodes::BAD_ARGUMENTS, "Unknown option '{}' of tally pypi generate (see --help)", arg);
    }
    if (!end_given) {
      options.end_day = int32_t(std::time(nullptr) / 86400) - 1;
      std::fprintf(stderr, "--end-date defaults to yesterday: %s\n", pypi_gen::dayToString(options.end_day).c_str());
    }
    auto progress = [&](const pypi_gen::GenerateProgress& p) {
      if (quiet) return;
      double rate = p.elapsed_seconds > 0 ? double(p.rows) / p.elapsed_seconds : 0;
      std::fprintf(stderr, "\rgenerated %" PRIu64 " / %" PRIu64 " rows, %" PRIu64 " files, %.2f M rows/s   ", p.rows,
                   p.rows_total, p.files, rate / 1e6);
      std::fflush(stderr);
    };
    pypi_gen::GenerateSummary s = pypi_gen::generate(options, progress);
    if (!quiet) std::fputc('\n', stderr);
    std::fprintf(stderr,
                 "Wrote %" PRIu64 " downloads in %" PRIu64 " files (%s .. %s) and %" PRIu64
                 " distribution_metadata rows (%u projects, %" PRIu64 " releases) to %s: %.1f MB in %.2f s, "
                 "%.2f M rows/s\n",
                 s.download_rows, s.download_files, s.first_day.c_str(), s.last_day.c_str(), s.metadata_rows,
                 s.projects, s.releases, options.out_dir.c_str(), double(s.bytes) / 1e6, s.elapsed_seconds,
                 s.elapsed_seconds > 0 ? double(s.download_rows) / s.elapsed_seconds / 1e6 : 0.0);
    return 0;
  } catch (const Exception& e) {
    std::fprintf(stderr, "%s\n", e.displayText().c_str());
    return e.code() % 256 ? e.code() % 256 : 1;
  } catch (const std::exception& e) {
    std::fprintf(stderr, "Code: 1001. DB::Exception: %s (STD_EXCEPTION)\n", e.what());
    return 233;
  }
}

}  // namespace tally::cli
