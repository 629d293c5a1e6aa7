#pragma once
// An application served beside ClickHouse's HTTP interface by `tally server` (the PyPI app):
// pages, static files and JSON endpoints. The server asks handles() on a network thread for
// every GET/HEAD request that is not one of its own (queries, /ping, /play, /metrics), then
// calls handle() on a query thread. The app uses only the public API (include/tally/tally.h).

#include <string>
#include <utility>
#include <vector>

namespace tally::server {

struct AppRequest {
  std::string path;          // decoded of nothing: as sent, without the query string
  std::string query_string;  // after '?', as sent
  std::string accept;        // Accept header
  std::string if_none_match;
  std::string user_agent;
};

struct AppResponse {
  unsigned status = 200;
  std::string content_type = "application/json; charset=UTF-8";
  std::string body;
  /// Extra headers, e.g. {"Cache-Control", "max-age=3600"}.
  std::vector<std::pair<std::string, std::string>> headers;
  /// Whether the body may be gzip-compressed for a client that accepts it.
  bool compressible = true;
};

class HttpApp {
 public:
  virtual ~HttpApp() = default;
  /// Whether the app answers this GET request. Called on a network thread: must be cheap.
  virtual bool handles(const AppRequest& request) const = 0;
  /// The response. Called on a query thread (any number at once); must not throw.
  virtual AppResponse handle(const AppRequest& request) = 0;
  /// Extra Prometheus text for /metrics (complete lines), e.g. data freshness.
  virtual std::string metricsText() { return {}; }
};

}  // namespace tally::server
