#include "day_repair.h"

#include <cstdlib>
#include <ctime>

#include "day_counts.h"
#include "download_row.h"
#include "ledger.h"
#include "loader.h"
#include "progress.h"
#include "pypi_database.h"
#include "rejects.h"
#include "repair_lock.h"
#include "sql_text.h"

namespace tally::pypi::ingest {

namespace {

const RepairStep kSteps[] = {
    {1, "counting the day's rows in FILES", "nothing changed yet"},
    {2, "taking the repair lock", "nothing changed yet"},
    {3, "deleting the day from the daily rollups",
     "the day may be deleted from some daily rollups: its counts there are incomplete"},
    {4, "deleting the day from the raw table",
     "the day is deleted from the daily rollups, maybe not from the raw table: the tables disagree"},
    {5, "dropping the non-daily views",
     "the day is deleted; some non-daily views may be dropped (loads are blocked by the repair lock)"},
    {6, "re-inserting the day",
     "the day is deleted and maybe partly re-inserted; the non-daily views are dropped (loads are blocked by the "
     "repair lock)"},
    {7, "recreating the non-daily views",
     "the day is re-inserted; some non-daily views may be missing; the non-daily rollups are stale"},
    {8, "rebuilding the non-daily rollups",
     "the day is re-inserted; some non-daily rollups are still stale (a `*_repair_shadow` table may be left)"},
    {9, "releasing the repair lock", "the day is repaired, but loads are still blocked by the repair lock"},
    {10, "recording FILES in the ledger", "the day is repaired; the ledger may not list FILES (a later load would "
                                          "load them again: use repair, not load, for them)"},
    {11, "verifying", "the day is repaired but could not be verified: run tally pypi reconcile"},
};

}  // namespace

RepairResult repairDay(api::Connection& connection, const RepairOptions& o, const std::vector<SourceFile>& files,
                       const std::function<void(const std::string&)>& log) {
  RepairResult result;
  const std::string& db = o.database;
  const std::string day = "toDate(" + sqlQuote(o.date) + ")";
  int fail_after = 0;
  if (const char* hook = std::getenv("TALLY_PYPI_REPAIR_FAIL_AFTER")) fail_after = std::atoi(hook);
  api::ExecuteOptions plain;
  auto exec = [&](const std::string& sql) { connection.execute(sql, plain); };

  ensureSchema(connection, db);  // recreates views a failed repair dropped
  LoadSettings settings;
  settings.database = db;
  settings.with_ci = hasColumn(connection, db, "pypi", "ci");
  settings.remote = o.remote;
  RollupTables rollups = listRollups(connection, db);

  int step = 0;
  auto begin = [&](int n) {
    if (fail_after && step == fail_after)
      throw api::Error(1002, "UNKNOWN_EXCEPTION", "Injected failure (TALLY_PYPI_REPAIR_FAIL_AFTER)");
    step = n;
    log("step " + std::to_string(n) + ": " + kSteps[n - 1].name);
  };
  try {
    begin(1);
    std::vector<std::string> hashes;
    std::vector<FileLoadResult> per_file;
    for (const auto& f : files) {
      DayCounts c = countValidRowsPerDay(connection, f, settings);
      if (c.projects)
        throw api::Error(36, "BAD_ARGUMENTS", f.path + " is a distribution_metadata export, not downloads: load it with "
                                                       "tally pypi load");
      if (auto it = c.valid.find(o.date); it != c.valid.end()) result.source_rows += it->second;
      hashes.push_back(sampledContentHash(f.path, f.size));
    }
    if (result.source_rows == 0)
      throw api::Error(36, "BAD_ARGUMENTS", "FILES hold no valid download of " + o.date +
                                                ": refusing to delete the day with nothing to put back");
    log("  " + std::to_string(result.source_rows) + " valid rows of " + o.date + " in " + std::to_string(files.size()) +
        " files");

    begin(2);
    takeRepairLock(connection, db, o.date);

    begin(3);
    for (const auto& t : rollups.daily) exec("ALTER TABLE " + db + "." + t + " DELETE WHERE date = " + day);
    begin(4);
    exec("ALTER TABLE " + db + ".pypi DELETE WHERE date = " + day);

    begin(5);
    for (const auto& t : rollups.non_daily) exec("DROP VIEW IF EXISTS " + db + "." + t + "_mv");

    begin(6);
    {
      settings.only_date = o.date;
      RejectsWriter rejects(o.rejects_path);
      uint64_t bytes = 0;
      for (const auto& f : files) bytes += f.size;
      ProgressReporter progress(files.size(), bytes, false, 3600);
      FileLoader loader(connection, settings, rejects, progress);
      const std::string fresh = ":repair-" + o.date + "-" + std::to_string(std::time(nullptr));
      per_file.resize(files.size());
      for (size_t i = 0; i < files.size(); ++i) {
        progress.startFile(files[i].path, files[i].size);
        FileLoadResult r = loader.load(files[i], Ledger::dedupToken(hashes[i], files[i].size) + fresh);
        progress.finishFile(r.rows_loaded);
        per_file[i] = r;
        result.rows_inserted += r.rows_loaded;
        result.rows_other_dates += r.rows_other_dates;
        result.rows_rejected += r.rows_rejected;
        log("  " + files[i].path + ": " + std::to_string(r.rows_loaded) + " rows of " + o.date + " inserted, " +
            std::to_string(r.rows_other_dates) + " of other dates ignored, " + std::to_string(r.rows_rejected) +
            " malformed");
      }
      rejects.flush();
      if (rejects.count()) log("  rejects: " + rejects.path());
    }

    begin(7);
    ensureSchema(connection, db);

    begin(8);
    for (const auto& t : rollups.non_daily) {
      std::string table = db + "." + t, shadow = db + "." + t + "_repair_shadow";
      exec("DROP TABLE IF EXISTS " + shadow);
      exec("CREATE TABLE " + shadow + " AS " + table);
      exec(rebuildNonDailySql(db, t, shadow));
      exec("EXCHANGE TABLES " + shadow + " AND " + table);
      exec("DROP TABLE " + shadow);
    }

    begin(9);
    releaseRepairLock(connection, db, o.date);

    begin(10);
    Ledger ledger(connection, db);
    ledger.open();
    for (size_t i = 0; i < files.size(); ++i) ledger.record(files[i], hashes[i], per_file[i].rows_loaded, per_file[i].rows_rejected);

    begin(11);
    std::map<std::string, uint64_t> source = {{o.date, result.source_rows}};
    result.verification = reconcile(connection, db, &source, o.date);
  } catch (const api::Error& e) {
    const RepairStep& s = kSteps[step ? step - 1 : 0];
    throw api::Error(e.code(), e.name(),
                     "Repair of " + o.date + " failed at step " + std::to_string(s.number) + " (" + s.name + "): " +
                         e.message() + ". State: " + s.state_if_failed +
                         ". Rerun the same `tally pypi repair --date " + o.date +
                         " ...` to fix the day (a repair is idempotent)");
  }
  return result;
}

}  // namespace tally::pypi::ingest
