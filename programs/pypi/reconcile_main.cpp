// `tally pypi reconcile [--path DIR | --host H --port P ...] [--database pypi]
//                       [--format text|json] [PATHS...]`
#include "pypi/reconcile_main.h"

#include <cstdio>

#include "pypi/ingest/day_counts.h"
#include "pypi/ingest/pypi_database.h"
#include "pypi/ingest/reconcile.h"
#include "pypi/ingest/source_files.h"
#include "pypi/pypi_args.h"
#include "pypi/target_connection.h"

namespace tally::cli {

namespace {

using namespace tally::pypi::ingest;

constexpr const char* kUsage =
    "Usage: tally pypi reconcile [options] [PATHS...]\n\n"
    "Compares per-day download counts: the source files' valid rows (the load's rules) with the\n"
    "raw table pypi.pypi, every daily rollup's sum(count) with the raw table, and the non-daily\n"
    "rollups (pypi_downloads, _by_version, _per_month, _max_min) key by key with the raw table's\n"
    "aggregation. Only days present in PATHS are compared with sources; the rollups are checked\n"
    "over the whole table. Prints the source days and the days that differ, then a summary.\n"
    "Exit status: 0 all equal, 1 differences, 2 error.\n\n"
    "  --path DATA_DIR      data directory, opened embedded (the server must not run on it)\n"
    "  --host H --port P --user U --password X\n"
    "                       query a running server (Parquet/CSV PATHS must then be under its\n"
    "                       user_files_path: file() reads them on the server)\n"
    "  --database DB        database (default pypi)\n"
    "  --format text|json   output (default text)\n";

int run(int argc, char** argv) {
  TargetOptions target_options;
  std::string database = "pypi", format = "text";
  std::vector<std::string> paths;
  for (ArgScanner a{argc, argv}; a.next(); ++a.i) {
    if (a.name == "--help" || a.name == "-h") {
      std::fputs(kUsage, stdout);
      return 0;
    }
    if (a.name == "--path" || a.name == "--host" || a.name == "--port" || a.name == "--user" || a.name == "--password")
      target_options.accept(a.name, a.value());
    else if (a.name == "--database") database = a.value();
    else if (a.name == "--format") format = a.value();
    else if (a.isOption()) pypiBadArguments("Unknown option " + a.arg + " (see tally pypi reconcile --help)");
    else paths.push_back(a.arg);
  }
  if (format != "text" && format != "json") pypiBadArguments("Bad value for --format: '" + format + "' (text or json)");
  std::vector<SourceFile> files = expandSources(paths);
  Target target = openTarget(target_options, "reconcile");
  api::Connection& conn = *target.connection;
  LoadSettings settings;
  settings.database = database;
  settings.remote = target.remote;
  settings.with_ci = hasColumn(conn, database, "pypi", "ci");
  if (!hasColumn(conn, database, "pypi", "date"))
    throw api::Error(60, "UNKNOWN_TABLE", "Table " + database + ".pypi does not exist (nothing loaded yet?)");

  std::map<std::string, uint64_t> source_days;
  uint64_t rejected = 0;
  for (const auto& f : files) {
    DayCounts c = countValidRowsPerDay(conn, f, settings);
    for (const auto& [d, n] : c.valid) source_days[d] += n;
    rejected += c.rejected;
  }
  ReconcileReport report = reconcile(conn, database, files.empty() ? nullptr : &source_days);
  if (!files.empty())
    std::fprintf(stderr, "sources: %zu files, %zu days, %llu malformed rows (not counted)\n", files.size(),
                 source_days.size(), static_cast<unsigned long long>(rejected));
  std::string text = format == "json" ? formatReportJson(report) : formatReportText(report);
  std::fwrite(text.data(), 1, text.size(), stdout);
  return report.ok() ? 0 : 1;
}

}  // namespace

int runPypiReconcile(int argc, char** argv) {
  return runPypiTool([&] { return run(argc, argv); });
}

}  // namespace tally::cli
