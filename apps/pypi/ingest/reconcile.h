#pragma once
// Reconciliation of the pypi database with its sources (`tally pypi reconcile`, and the
// verification step of `tally pypi repair`):
//   (a)/(b) per day, the sources' valid download rows (DayCounts) against the raw table's rows;
//   (c) per day, every daily rollup's sum(count) (the tables `<db>.pypi_downloads*` with a
//       `date` and a `count` column) against the raw table's rows;
//   (d) the non-daily rollups, key by key, against the raw table's aggregation:
//       pypi_downloads (project, ci), pypi_downloads_by_version (project, version, ci),
//       pypi_downloads_per_month (month, project, ci) by sum(count), pypi_downloads_max_min
//       (project) by max/min date.
// Only source days are compared with the sources; (c)/(d) cover the whole table (or, with
// `only_date`, (c) covers that day).

#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <vector>

#include "tally/tally.h"

namespace tally::pypi::ingest {

struct RollupTables {
  std::vector<std::string> daily;      // count rollups with a `date` column
  std::vector<std::string> non_daily;  // the four without one, those present
};

/// The rollups present in `database` (shadow tables of a repair, `*_repair_shadow`, left out).
RollupTables listRollups(api::Connection& connection, const std::string& database);

/// The non-daily rollups tally's schema defines, in order.
const std::vector<std::string>& nonDailyRollups();
/// `INSERT INTO <target> SELECT ...` rebuilding non-daily rollup `table` from `<db>.pypi`.
std::string rebuildNonDailySql(const std::string& database, const std::string& table, const std::string& target);

struct DayReport {
  std::string date;
  std::optional<uint64_t> source;                           // absent: not a source day
  uint64_t raw = 0;
  std::vector<std::pair<std::string, uint64_t>> differing;  // daily rollups whose sum != raw
  size_t rollups_checked = 0;
  bool ok() const { return differing.empty() && (!source || *source == raw); }
};

struct NonDailyReport {
  std::string table;
  uint64_t keys_differing = 0;        // keys whose value differs (or exists on one side only)
  std::vector<std::string> examples;  // a few of them, "key: table X, raw Y"
  bool ok() const { return keys_differing == 0; }
};

struct ReconcileReport {
  std::vector<DayReport> days;  // source days and days that differ, by date
  std::vector<NonDailyReport> non_daily;
  size_t days_checked = 0;      // days compared (sources' and table's)
  bool ok() const;
};

/// Runs the comparisons. `source_days`: valid rows per day of the sources (null: no sources;
/// then only (c)/(d)). `only_date` (repair): restricts (b)/(c) to that day.
ReconcileReport reconcile(api::Connection& connection, const std::string& database,
                          const std::map<std::string, uint64_t>* source_days, const std::string& only_date = "");

/// Text: one line per reported day, one per non-daily rollup, a summary line.
std::string formatReportText(const ReconcileReport& report);
/// JSON: {"days":[...],"non_daily":[...],"ok":bool,...}.
std::string formatReportJson(const ReconcileReport& report);

}  // namespace tally::pypi::ingest
