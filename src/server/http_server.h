#pragma once
// The HTTP listener of `tally server`: Asio network threads (one per core) read requests with
// keep-alive; health checks, /metrics and /play are answered on the network thread; queries run
// on a pool of query threads (at most max_concurrent_queries at once, TOO_MANY_SIMULTANEOUS_QUERIES
// past it) and write their responses synchronously, streaming large results.

#include <memory>

#include "server/http_app.h"
#include "server/server_config.h"
#include "tally/tally.h"

namespace tally::server {

class HttpServer {
 public:
  /// `app` (optional) answers the GET requests it handles() beside the HTTP interface.
  HttpServer(ServerConfig config, std::shared_ptr<api::Database> database, std::shared_ptr<HttpApp> app = nullptr);
  ~HttpServer();
  /// Binds the listening socket (throws std::runtime_error when it cannot).
  void listen();
  /// The bound port (useful with http_port 0).
  uint16_t port() const;
  /// Serves until stop() (from a signal handler thread or another thread).
  void run();
  void stop();

  struct Impl;  // defined in http_server.cpp (shared with its connection objects)

 private:
  std::unique_ptr<Impl> impl_;
};

}  // namespace tally::server
