#pragma once
// Replacing one day of PyPI downloads everywhere (`tally pypi repair`), following ClickPy's
// procedure (docs/pypi_app.md "Reconcile and repair"), on a connection that may be a running
// server's, which keeps answering meanwhile:
//   1. count the sources' valid rows of the day (refuse when there are none);
//   2. take <db>.repair_lock (loads refuse to insert while it is held);
//   3. delete the day from every daily rollup, then 4. from the raw table;
//   5. drop the non-daily rollups' materialized views (they cannot lose one day's rows);
//   6. re-insert the day's rows of FILES (other dates skipped and counted) with fresh
//      deduplication tokens;
//   7. recreate the views (the compiled-in schema, IF NOT EXISTS);
//   8. rebuild each non-daily rollup exactly from the raw table into `<t>_repair_shadow`,
//      swapped in with EXCHANGE TABLES (readers never see it empty) and dropped;
//   9. release the lock; 10. record FILES in the ledger; 11. verify with reconcile() for the day.
// Every step is idempotent, so rerunning a repair that failed midway fixes the day.

#include <cstdint>
#include <functional>
#include <string>
#include <vector>

#include "reconcile.h"
#include "source_files.h"
#include "tally/tally.h"

namespace tally::pypi::ingest {

struct RepairOptions {
  std::string database = "pypi";
  std::string date;          // YYYY-MM-DD
  std::string rejects_path;  // where malformed rows of FILES go (created on the first one)
  bool remote = false;
};

struct RepairResult {
  uint64_t source_rows = 0;       // valid rows of the day in FILES
  uint64_t rows_inserted = 0;     // rows re-inserted into the raw table
  uint64_t rows_other_dates = 0;  // valid rows of FILES of other dates (ignored)
  uint64_t rows_rejected = 0;     // malformed rows of FILES
  ReconcileReport verification;   // the day after the repair
};

/// The steps, for messages ("failed at step 6, re-inserting: ...") and the state they leave.
struct RepairStep {
  int number;
  const char* name;
  const char* state_if_failed;
};

/// Runs the repair; `log` receives a line per step. Throws api::Error on failure, its message
/// prefixed with the failing step, the state the day is in and how to rerun. The test hook
/// TALLY_PYPI_REPAIR_FAIL_AFTER=N fails the repair after step N.
RepairResult repairDay(api::Connection& connection, const RepairOptions& options, const std::vector<SourceFile>& files,
                       const std::function<void(const std::string&)>& log);

}  // namespace tally::pypi::ingest
