#pragma once
// `<db>.repair_lock`: a row per day whose repair is under way. A repair drops the non-daily
// materialized views while it re-ingests its day, so a concurrent load would miss those rollups:
// `tally pypi load` refuses to insert while a row is there (checked before every file). The
// row is removed when the repair has recreated the views; a repair that died leaves it, and
// rerunning the repair (idempotent) removes it.

#include <string>

#include "tally/tally.h"

namespace tally::pypi::ingest {

/// Creates the table when missing.
void ensureRepairLockTable(api::Connection& connection, const std::string& database);
/// Throws Error(TABLE_IS_READ_ONLY, 242)-style "a repair of day D started at T is under way"
/// when a row is present.
void checkNoRepairRunning(api::Connection& connection, const std::string& database);
/// Adds the row of `date`.
void takeRepairLock(api::Connection& connection, const std::string& database, const std::string& date);
/// Removes the rows of `date`.
void releaseRepairLock(api::Connection& connection, const std::string& database, const std::string& date);

}  // namespace tally::pypi::ingest
