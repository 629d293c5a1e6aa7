#pragma once
// Counters of the running server, rendered for `/metrics` in Prometheus' text format.

#include <atomic>
#include <chrono>
#include <cstdint>
#include <string>

namespace tally::server {

struct ServerMetrics {
  std::atomic<uint64_t> http_requests{0};        /// every request, any path
  std::atomic<uint64_t> queries{0};              /// query requests started
  std::atomic<uint64_t> select_queries{0};
  std::atomic<uint64_t> insert_queries{0};
  std::atomic<uint64_t> failed_queries{0};
  std::atomic<uint64_t> cancelled_queries{0};    /// client went away mid-query
  std::atomic<uint64_t> rejected_queries{0};     /// TOO_MANY_SIMULTANEOUS_QUERIES
  std::atomic<uint64_t> inserted_rows{0};
  std::atomic<uint64_t> inserted_bytes{0};
  std::atomic<uint64_t> read_rows{0};
  std::atomic<uint64_t> read_bytes{0};
  std::atomic<uint64_t> result_rows{0};
  std::atomic<uint64_t> bad_requests{0};         /// malformed HTTP
  std::atomic<int64_t> running_queries{0};
  std::atomic<int64_t> open_connections{0};
  std::atomic<uint64_t> accepted_connections{0};
  std::chrono::steady_clock::time_point started = std::chrono::steady_clock::now();

  /// The Prometheus exposition text (`# HELP`, `# TYPE`, `tally_<name> <value>` lines).
  std::string prometheusText(size_t sessions) const;
};

}  // namespace tally::server
