#include "server/server_metrics.h"

#include <fmt/format.h>

namespace tally::server {

std::string ServerMetrics::prometheusText(size_t sessions) const {
  std::string out;
  auto metric = [&](const char* name, const char* type, const char* help, auto value) {
    fmt::format_to(std::back_inserter(out), "# HELP tally_{0} {1}\n# TYPE tally_{0} {2}\ntally_{0} {3}\n", name, help,
                   type, value);
  };
  double uptime = std::chrono::duration<double>(std::chrono::steady_clock::now() - started).count();
  metric("uptime_seconds", "gauge", "Seconds since the server started.", uptime);
  metric("http_requests_total", "counter", "HTTP requests received.", http_requests.load());
  metric("queries_total", "counter", "Queries started.", queries.load());
  metric("select_queries_total", "counter", "SELECT queries finished.", select_queries.load());
  metric("insert_queries_total", "counter", "INSERT queries finished.", insert_queries.load());
  metric("failed_queries_total", "counter", "Queries that ended with an error.", failed_queries.load());
  metric("cancelled_queries_total", "counter", "Queries cancelled because the client went away.",
         cancelled_queries.load());
  metric("rejected_queries_total", "counter", "Queries rejected by max_concurrent_queries.", rejected_queries.load());
  metric("inserted_rows_total", "counter", "Rows written by INSERT.", inserted_rows.load());
  metric("inserted_bytes_total", "counter", "Bytes written by INSERT.", inserted_bytes.load());
  metric("read_rows_total", "counter", "Rows read by queries.", read_rows.load());
  metric("read_bytes_total", "counter", "Bytes read by queries.", read_bytes.load());
  metric("result_rows_total", "counter", "Rows returned to clients.", result_rows.load());
  metric("bad_requests_total", "counter", "Malformed HTTP requests.", bad_requests.load());
  metric("running_queries", "gauge", "Queries running now.", running_queries.load());
  metric("http_connections", "gauge", "Open HTTP connections.", open_connections.load());
  metric("http_connections_total", "counter", "HTTP connections accepted.", accepted_connections.load());
  metric("sessions", "gauge", "Open named sessions.", sessions);
  return out;
}

}  // namespace tally::server
