// `tally pypi repair --date YYYY-MM-DD [--path DIR | --host H --port P ...] [--database pypi]
//                    [--rejects FILE] FILES...`
#include "pypi/repair_main.h"

#include <cstdio>
#include <ctime>
#include <filesystem>

#include "pypi/ingest/day_repair.h"
#include "pypi/ingest/download_row.h"
#include "pypi/ingest/source_files.h"
#include "pypi/pypi_args.h"
#include "pypi/target_connection.h"

namespace tally::cli {

namespace {

using namespace tally::pypi::ingest;

constexpr const char* kUsage =
    "Usage: tally pypi repair --date YYYY-MM-DD [options] FILES...\n\n"
    "Replaces one day everywhere with the rows of FILES of that date (rows of other dates are\n"
    "ignored and counted), as ClickPy repairs a day: delete the day from the daily rollups and the\n"
    "raw table, drop the non-daily views, re-insert (fresh deduplication tokens), recreate the\n"
    "views, rebuild the non-daily rollups into shadow tables swapped in with EXCHANGE TABLES, record\n"
    "FILES in the ledger, then verify the day (sources = raw = every rollup). Through --host/--port\n"
    "the server keeps answering meanwhile; loads refuse to run while a repair holds\n"
    "<db>.repair_lock. A failed repair says what state the day is in: rerun it to fix the day.\n"
    "Exit status: 0 repaired and verified, 1 verification failed, 2 error, 36 bad arguments.\n\n"
    "  --date YYYY-MM-DD    the day to replace (required)\n"
    "  --path DATA_DIR      data directory, opened embedded (the server must not run on it)\n"
    "  --host H --port P --user U --password X\n"
    "                       repair through a running server (Parquet/CSV FILES must be under its\n"
    "                       user_files_path)\n"
    "  --database DB        database (default pypi)\n"
    "  --rejects FILE       where malformed rows go (default <first file's dir>/rejects-repair-<time>.ndjson)\n";

std::string defaultRejects(const std::vector<SourceFile>& files) {
  namespace fs = std::filesystem;
  fs::path dir = files.empty() ? fs::current_path() : fs::path(files.front().path).parent_path();
  std::time_t now = std::time(nullptr);
  char stamp[32];
  std::strftime(stamp, sizeof stamp, "%Y%m%dT%H%M%SZ", std::gmtime(&now));
  return (dir / ("rejects-repair-" + std::string(stamp) + ".ndjson")).string();
}

int run(int argc, char** argv) {
  TargetOptions target_options;
  RepairOptions options;
  std::vector<std::string> paths;
  for (ArgScanner a{argc, argv}; a.next(); ++a.i) {
    if (a.name == "--help" || a.name == "-h") {
      std::fputs(kUsage, stdout);
      return 0;
    }
    if (a.name == "--path" || a.name == "--host" || a.name == "--port" || a.name == "--user" || a.name == "--password")
      target_options.accept(a.name, a.value());
    else if (a.name == "--database") options.database = a.value();
    else if (a.name == "--date") options.date = a.value();
    else if (a.name == "--rejects") options.rejects_path = a.value();
    else if (a.isOption()) pypiBadArguments("Unknown option " + a.arg + " (see tally pypi repair --help)");
    else paths.push_back(a.arg);
  }
  if (options.date.empty()) pypiBadArguments("--date YYYY-MM-DD is required (see tally pypi repair --help)");
  if (parseDay(options.date) < 0)
    pypiBadArguments("Bad value for --date: '" + options.date + "' (expected YYYY-MM-DD between 1970-01-01 and 2149-06-06)");
  if (paths.empty()) pypiBadArguments("No FILES to repair from (see tally pypi repair --help)");
  for (char c : options.database)
    if (!(std::isalnum(static_cast<unsigned char>(c)) || c == '_')) pypiBadArguments("Bad database name '" + options.database + "'");
  std::vector<SourceFile> files = expandSources(paths);
  if (options.rejects_path.empty()) options.rejects_path = defaultRejects(files);
  Target target = openTarget(target_options, "repair");
  options.remote = target.remote;
  auto log = [](const std::string& line) { std::fprintf(stderr, "%s\n", line.c_str()); };
  std::fprintf(stderr, "repairing %s in %s of %s from %zu files\n", options.date.c_str(), options.database.c_str(),
               target.describe.c_str(), files.size());
  RepairResult r = repairDay(*target.connection, options, files, log);
  std::string text = formatReportText(r.verification);
  std::fwrite(text.data(), 1, text.size(), stdout);
  std::fprintf(stderr, "%s %s: %llu rows re-inserted (%llu of other dates ignored, %llu malformed)\n",
               r.verification.ok() ? "repaired" : "VERIFICATION FAILED for", options.date.c_str(),
               static_cast<unsigned long long>(r.rows_inserted), static_cast<unsigned long long>(r.rows_other_dates),
               static_cast<unsigned long long>(r.rows_rejected));
  return r.verification.ok() ? 0 : 1;
}

}  // namespace

int runPypiRepair(int argc, char** argv) {
  return runPypiTool([&] { return run(argc, argv); });
}

}  // namespace tally::cli
