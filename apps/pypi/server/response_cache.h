#pragma once
// Responses of the app's read-mostly endpoints (the pypistats.org API, badges), kept by request
// while the data is unchanged, so tools polling the same packages do not re-run their queries.
// The data version — the raw downloads table's rows and newest block number, which every load
// and repair changes and background merges do not — is read at most once a second, so a cached
// answer is at most about a second behind a load or a repair. Thread-safe.

#include <chrono>
#include <mutex>
#include <optional>
#include <string>
#include <unordered_map>

#include "query_runner.h"
#include "server/http_app.h"

namespace tally::pypi {

class ResponseCache {
 public:
  /// At most `max_entries` responses are kept (all are dropped when full).
  ResponseCache(QueryRunner& runner, std::string database, std::string raw_table, size_t max_entries = 20000);
  /// The response kept for `key`, if the data has not changed since it was stored. `version`
  /// receives the data version seen, to hand to put() with the response computed on a miss.
  std::optional<server::AppResponse> get(const std::string& key, std::string& version);
  /// Keeps `response` (a successful one) for `key`, unless the data changed since `version`.
  void put(const std::string& key, const server::AppResponse& response, const std::string& version);

 private:
  /// Checks the data version (at most once a second); drops every entry when it changed.
  void refreshLocked();

  QueryRunner& runner_;
  std::string database_, raw_table_;
  size_t max_entries_;
  std::mutex mutex_;
  std::string version_;
  std::chrono::steady_clock::time_point checked_{};
  std::unordered_map<std::string, server::AppResponse> entries_;
};

}  // namespace tally::pypi
