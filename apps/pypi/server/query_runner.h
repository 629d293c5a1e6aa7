#pragma once
// Runs the app's parameterized queries and keeps their results as text with column types, ready
// for JSON or CSV. The connections come from a factory: the embedded database, or a ClickHouse
// server's HTTP interface (`tally server --pypi_clickhouse`). Connections are pooled; thread-safe.

#include <functional>
#include <map>
#include <memory>
#include <mutex>
#include <string>
#include <vector>

#include "tally/tally.h"

namespace tally::pypi {

struct QueryResult {
  std::vector<std::string> names, types;
  std::vector<bool> numeric;  // per column: written as a JSON number
  std::vector<std::vector<std::string>> rows;
  double elapsed_ms = 0;

  /// Index of a column by name, or -1.
  int column(const std::string& name) const;
  /// rows as a JSON array of objects; columns as [{"name","type"}].
  std::string rowsJson() const;
  std::string columnsJson() const;
  /// CSV with a header row (RFC 4180 quoting).
  std::string csv() const;
};

class QueryRunner {
 public:
  using ConnectionFactory = std::function<std::unique_ptr<api::Connection>()>;
  /// Queries run on connections made by `connect` (called from any request thread).
  explicit QueryRunner(ConnectionFactory connect);
  /// Runs `sql` with `params` ({name:Type} values in text form). Throws api::Error.
  QueryResult run(const std::string& sql, const std::map<std::string, std::string>& params);
  /// The first column of the first row, or `fallback` when there is no row.
  std::string scalar(const std::string& sql, const std::map<std::string, std::string>& params,
                     const std::string& fallback = {});

 private:
  std::unique_ptr<api::Connection> acquire();
  void release(std::unique_ptr<api::Connection> connection);

  ConnectionFactory connect_;
  std::mutex mutex_;
  std::vector<std::unique_ptr<api::Connection>> idle_;
};

}  // namespace tally::pypi
