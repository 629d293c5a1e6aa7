// `tally pypi load [--path DATA_DIR | --host H --port P [--user U --password X]] [--database pypi] [--rejects FILE] [--threads N]
//                  [--countries [--countries-file JSON]] PATHS...`

#include "load_main.h"

#include <unistd.h>

#include <csignal>
#include <cstdio>
#include <cstdlib>
#include <ctime>
#include <filesystem>
#include <string>
#include <vector>

#include "pypi/ingest/ledger.h"
#include "pypi/ingest/loader.h"
#include "pypi/ingest/progress.h"
#include "pypi/ingest/pypi_database.h"
#include "pypi/ingest/rejects.h"
#include "pypi/ingest/repair_lock.h"
#include "pypi/ingest/source_files.h"
#include "pypi/target_connection.h"
#include "tally/tally.h"

namespace tally::cli {

namespace {

using namespace tally::pypi::ingest;

constexpr const char* kUsage =
    "Usage: tally pypi load [options] PATHS...\n\n"
    "Loads PyPI download data into the pypi database, each file exactly once (ledger pypi.load_ledger).\n"
    "PATHS: files, directories (recursive) or glob patterns of\n"
    "  BigQuery file_downloads exports: Parquet (nested or ClickPy's flattened shape), JSON lines\n"
    "  (.json/.jsonl/.ndjson, optionally .gz/.zst), CSV with a header;\n"
    "  BigQuery distribution_metadata exports (Parquet, JSON lines) -> pypi.projects;\n"
    "  linehaul CDN logs (.log, .log.gz, .log.zst).\n\n"
    "  --path DATA_DIR      data directory, opened embedded (the server must not run on it)\n"
    "  --host H --port P --user U --password X\n"
    "                       load through a running server's HTTP interface (it keeps answering):\n"
    "                       logs and JSON lines stream from here; Parquet/CSV are read by the\n"
    "                       server's file(), so they must be under its user_files_path\n"
    "  --database DB        target database (default pypi)\n"
    "  --rejects FILE       where malformed rows go (default <first path's dir>/rejects-<time>.ndjson)\n"
    "  --threads N          reading threads for Parquet/CSV (max_threads)\n"
    "  --force              load files the ledger already holds (after a repair deleted their days;\n"
    "                       otherwise their rows are counted twice)\n"
    "  --countries          (re)load pypi.countries from iso-codes (done automatically when empty)\n"
    "  --countries-file F   ISO 3166-1 JSON (default /usr/share/iso-codes/json/iso_3166-1.json)\n"
    "  --progress-interval S seconds between progress lines when stderr is not a terminal (default 5)\n";

[[noreturn]] void badArguments(const std::string& message) {
  throw api::Error(36, "BAD_ARGUMENTS", message);
}

std::string defaultRejectsPath(const std::vector<std::string>& paths) {
  namespace fs = std::filesystem;
  fs::path first = paths.empty() ? fs::current_path() : fs::absolute(paths.front());
  std::error_code ec;
  fs::path dir = fs::is_directory(first, ec) ? first : first.parent_path();
  // A glob's directory part may itself hold wildcards: fall back to the current directory.
  if (dir.string().find_first_of("*?[{") != std::string::npos || !fs::is_directory(dir, ec)) dir = fs::current_path();
  std::time_t now = std::time(nullptr);
  char stamp[32];
  std::strftime(stamp, sizeof stamp, "%Y%m%dT%H%M%SZ", std::gmtime(&now));
  return (dir / ("rejects-" + std::string(stamp) + ".ndjson")).string();
}

struct Summary {
  uint64_t loaded = 0, skipped = 0, changed = 0, failed = 0, rows = 0, rejected = 0, simple = 0, projects = 0;
};

int run(int argc, char** argv) {
  TargetOptions target_options;
  std::string database = "pypi", rejects_path, countries_file = kIsoCodesPath;
  unsigned threads = 0;
  bool countries = false, force = false;
  double progress_interval = 5;
  std::vector<std::string> paths;
  for (int i = 1; i < argc; ++i) {
    std::string a = argv[i];
    auto value = [&]() -> std::string {
      size_t eq = a.find('=');
      if (a.rfind("--", 0) == 0 && eq != std::string::npos) return a.substr(eq + 1);
      if (i + 1 >= argc) badArguments("Option " + a + " requires a value");
      return argv[++i];
    };
    std::string name = a.substr(0, a.find('='));
    if (name == "--help" || name == "-h") {
      std::fputs(kUsage, stdout);
      return 0;
    } else if (name == "--path" || name == "--host" || name == "--port" || name == "--user" || name == "--password")
      target_options.accept(name, value());
    else if (name == "--database") database = value();
    else if (name == "--rejects") rejects_path = value();
    else if (name == "--countries") countries = true;
    else if (name == "--force") force = true;
    else if (name == "--countries-file") countries_file = value();
    else if (name == "--progress-interval") progress_interval = std::atof(value().c_str());
    else if (name == "--threads") {
      std::string v = value();
      char* end = nullptr;
      long n = std::strtol(v.c_str(), &end, 10);
      if (v.empty() || *end || n < 1 || n > 1024) badArguments("Bad value for --threads: '" + v + "' (expected 1..1024)");
      threads = unsigned(n);
    } else if (a.size() > 1 && a[0] == '-') badArguments("Unknown option " + a + " (see tally pypi load --help)");
    else paths.push_back(a);
  }
  if (!target_options.remote() && target_options.data_path.empty())
    badArguments("--path DATA_DIR or --host/--port is required (see tally pypi load --help)");
  if (paths.empty() && !countries) badArguments("No PATHS to load (see tally pypi load --help)");
  for (char c : database)
    if (!(std::isalnum(static_cast<unsigned char>(c)) || c == '_')) badArguments("Bad database name '" + database + "'");

  std::vector<SourceFile> files = expandSources(paths);

  Target target = openTarget(target_options, "load");
  auto& conn = target.connection;
  ensureSchema(*conn, database);
  LoadSettings settings;
  settings.database = database;
  settings.with_ci = hasColumn(*conn, database, "pypi", "ci");
  settings.threads = threads;
  settings.remote = target.remote;
  checkNoRepairRunning(*conn, database);

  if (countries || tableRows(*conn, database, "countries") == 0) {
    try {
      size_t n = loadCountries(*conn, database, countries_file);
      std::fprintf(stderr, "countries: %zu loaded from %s\n", n, countries_file.c_str());
    } catch (const api::Error& e) {
      if (countries) throw;
      std::fprintf(stderr, "countries: not loaded: %s\n", e.displayText().c_str());
    }
  }
  if (files.empty()) return 0;

  Ledger ledger(*conn, database);
  ledger.open();
  RejectsWriter rejects(rejects_path.empty() ? defaultRejectsPath(paths) : rejects_path);
  uint64_t total_bytes = 0;
  for (const auto& f : files) total_bytes += f.size;
  ProgressReporter progress(files.size(), total_bytes, isatty(STDERR_FILENO), progress_interval);
  FileLoader loader(*conn, settings, rejects, progress);
  const bool crash_after_insert = std::getenv("TALLY_PYPI_LOAD_CRASH_AFTER_INSERT") != nullptr;

  Summary s;
  for (const SourceFile& file : files) {
    progress.startFile(file.path, file.size);
    std::string hash = sampledContentHash(file.path, file.size);
    LedgerEntry seen;
    LedgerVerdict verdict = ledger.check(file, hash, seen);
    // --force: a new deduplication token, or the engine would skip the INSERT as a repeat.
    std::string token = Ledger::dedupToken(hash, file.size);
    if (force && verdict != LedgerVerdict::New) {
      token += ":forced-" + std::to_string(std::time(nullptr));
      verdict = LedgerVerdict::New;
    }
    if (verdict != LedgerVerdict::New) {
      progress.clear();
      if (verdict == LedgerVerdict::AlreadyLoaded) {
        ++s.skipped;
        std::fprintf(stderr, "skipped %s: already loaded at %s (%llu rows)\n", file.path.c_str(), seen.loaded_at.c_str(),
                     static_cast<unsigned long long>(seen.rows_loaded));
      } else if (verdict == LedgerVerdict::CopyOfLoaded) {
        ++s.skipped;
        std::fprintf(stderr, "skipped %s: same content as %s, loaded at %s\n", file.path.c_str(), seen.path.c_str(),
                     seen.loaded_at.c_str());
      } else {
        ++s.changed;
        std::fprintf(stderr,
                     "CHANGED %s: loaded at %s with size %llu, now %llu bytes (content differs); not reloaded. "
                     "Its downloads are already counted: repair the affected days to load it again.\n",
                     file.path.c_str(), seen.loaded_at.c_str(), static_cast<unsigned long long>(seen.size),
                     static_cast<unsigned long long>(file.size));
      }
      progress.finishFile(0);
      continue;
    }
    FileLoadResult r;
    uint64_t rejects_before = rejects.count();
    try {
      checkNoRepairRunning(*conn, database);  // a repair started since: its views are dropped
      r = loader.load(file, token);
    } catch (const api::Error& e) {
      progress.clear();
      ++s.failed;
      std::fprintf(stderr, "FAILED %s: %s\n", file.path.c_str(), e.displayText().c_str());
      // Lines already written to the rejects file belong to an insert that did not commit.
      rejects.addFile(file.path, "file not loaded: " + e.displayText() + " (" +
                                     std::to_string(rejects.count() - rejects_before) + " rejects above are void)");
      progress.finishFile(0);
      continue;
    }
    rejects.flush();
    if (crash_after_insert) raise(SIGKILL);  // test hook: the data committed, the ledger row not
    ledger.record(file, hash, r.rows_loaded, r.rows_rejected);
    ++s.loaded;
    if (r.target == "projects") s.projects += r.rows_loaded;
    else s.rows += r.rows_loaded;
    s.rejected += r.rows_rejected;
    s.simple += r.simple_requests;
    progress.finishFile(r.rows_loaded);
    progress.clear();
    std::fprintf(stderr, "loaded %s (%s -> %s.%s): %llu rows, %llu rejected", file.path.c_str(), sourceKindName(file.kind),
                 database.c_str(), r.target.c_str(), static_cast<unsigned long long>(r.rows_loaded),
                 static_cast<unsigned long long>(r.rows_rejected));
    if (r.ignored_agents) std::fprintf(stderr, " (%llu ignored user agents)", static_cast<unsigned long long>(r.ignored_agents));
    if (r.simple_requests) std::fprintf(stderr, ", %llu simple requests skipped", static_cast<unsigned long long>(r.simple_requests));
    std::fputc('\n', stderr);
  }
  progress.clear();
  double elapsed = progress.elapsedSeconds();
  std::fprintf(stderr,
               "summary: files %llu loaded, %llu skipped (already loaded), %llu changed (not reloaded), %llu failed; "
               "rows %llu loaded, %llu rejected",
               static_cast<unsigned long long>(s.loaded), static_cast<unsigned long long>(s.skipped),
               static_cast<unsigned long long>(s.changed), static_cast<unsigned long long>(s.failed),
               static_cast<unsigned long long>(s.rows), static_cast<unsigned long long>(s.rejected));
  if (s.projects) std::fprintf(stderr, ", %llu project files", static_cast<unsigned long long>(s.projects));
  if (s.simple) std::fprintf(stderr, ", %llu simple requests skipped", static_cast<unsigned long long>(s.simple));
  std::fprintf(stderr, "; elapsed %.2f s, %.0f rows/s\n", elapsed, elapsed > 0 ? (s.rows + s.projects) / elapsed : 0.0);
  if (rejects.count()) std::fprintf(stderr, "rejects: %s\n", rejects.path().c_str());
  return s.failed ? 1 : 0;
}

}  // namespace

int runPypiLoad(int argc, char** argv) {
  try {
    return run(argc, argv);
  } catch (const api::Error& e) {
    std::fprintf(stderr, "%s\n", e.displayText().c_str());
    return e.code() == 36 ? 36 : 1;
  } catch (const std::exception& e) {
    std::fprintf(stderr, "Code: 1001. DB::Exception: %s. (STD_EXCEPTION)\n", e.what());
    return 1;
  }
}

}  // namespace tally::cli
