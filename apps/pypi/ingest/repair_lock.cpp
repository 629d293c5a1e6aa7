#include "repair_lock.h"

#include "sql_text.h"

namespace tally::pypi::ingest {

void ensureRepairLockTable(api::Connection& connection, const std::string& database) {
  api::ExecuteOptions options;
  connection.execute("CREATE TABLE IF NOT EXISTS " + database +
                         ".repair_lock (date Date, started_at DateTime) ENGINE = MergeTree ORDER BY date",
                     options);
}

void checkNoRepairRunning(api::Connection& connection, const std::string& database) {
  ensureRepairLockTable(connection, database);
  auto r = connection.query("SELECT toString(date), toString(started_at) FROM " + database + ".repair_lock ORDER BY date LIMIT 1");
  while (r->next())
    if (r->rows())
      throw api::Error(242, "TABLE_IS_READ_ONLY",
                       "A repair of " + r->getString(0, 0) + " started at " + r->getString(1, 0) + " is under way (" +
                           database + ".repair_lock): the non-daily rollups' views are dropped meanwhile, so rows "
                           "loaded now would be missing from them. Wait for it to finish; if it died, rerun "
                           "`tally pypi repair --date " + r->getString(0, 0) + " ...`, which removes the lock");
}

void takeRepairLock(api::Connection& connection, const std::string& database, const std::string& date) {
  ensureRepairLockTable(connection, database);
  api::ExecuteOptions options;
  connection.execute("INSERT INTO " + database + ".repair_lock SELECT toDate(" + sqlQuote(date) + "), now()", options);
}

void releaseRepairLock(api::Connection& connection, const std::string& database, const std::string& date) {
  api::ExecuteOptions options;
  connection.execute("ALTER TABLE " + database + ".repair_lock DELETE WHERE date = toDate(" + sqlQuote(date) + ")",
                     options);
}

}  // namespace tally::pypi::ingest
