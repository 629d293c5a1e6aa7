#pragma once
// The one mechanism choosing which table a PyPI app query reads: among the raw downloads table
// and every rollup (a table of the database with an Int64 `count` column), the one with the
// fewest rows (then fewest columns) that has every column the query reads or filters on —
// among those sorted first by the column the query narrows most (`project` for a package,
// `date` for a date range over every project) when there is one, so it reads a slice. The
// catalog (columns from system.columns, rows from system.parts) is read from the database
// itself, so the same code runs on tally's schema and on an existing ClickPy ClickHouse.

#include <chrono>
#include <map>
#include <mutex>
#include <set>
#include <string>
#include <vector>

#include "query_runner.h"

namespace tally::pypi {

struct TableChoice {
  std::string table;  // qualified: "pypi.pypi_downloads_per_day"
  bool raw = false;   // the raw table: one row per download
  /// The download count over the chosen table: "count()" on the raw table, "sum(count)" on a rollup.
  std::string count() const { return raw ? "count()" : "sum(count)"; }
  /// The count of rows matching `condition`: countIf(...) / sumIf(count, ...).
  std::string countIf(const std::string& condition) const {
    return raw ? "countIf(" + condition + ")" : "sumIf(count, " + condition + ")";
  }
};

class RollupChooser {
 public:
  RollupChooser(QueryRunner& runner, std::string database, std::string raw_table);
  /// The smallest table holding all of `columns`, preferring those whose sorting key starts with
  /// `leading` (when given). Throws api::Error(UNKNOWN_TABLE) when no table (not even the raw
  /// one) has them.
  TableChoice choose(const std::set<std::string>& columns, const std::string& leading = {});
  /// Forgets the catalog (re-read on the next choice), e.g. after a load.
  void invalidate();

 private:
  struct Table {
    std::string name;
    std::set<std::string> columns;
    std::string first_key_column;
    uint64_t rows = 0;
    bool raw = false;
  };
  void refreshLocked();

  QueryRunner& runner_;
  std::string database_, raw_table_;
  std::mutex mutex_;
  std::vector<Table> tables_;
  std::chrono::steady_clock::time_point refreshed_{};
};

}  // namespace tally::pypi
