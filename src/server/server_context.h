#pragma once
// What every request handler of one server shares: configuration, the database, sessions,
// the running queries, metrics and the query log.

#include <memory>
#include <string>

#include "server/query_log.h"
#include "server/running_queries.h"
#include "server/server_config.h"
#include "server/server_metrics.h"
#include "server/session_registry.h"
#include "tally/tally.h"

namespace tally::server {

struct ServerContext {
  ServerContext(ServerConfig config_, std::shared_ptr<api::Database> database_, std::string display_name_)
      : config(std::move(config_)), database(std::move(database_)), display_name(std::move(display_name_)),
        sessions(database), running(config.max_concurrent_queries), log(config.log_file) {}

  const ServerConfig config;
  const std::shared_ptr<api::Database> database;
  const std::string display_name;
  SessionRegistry sessions;
  RunningQueries running;
  ServerMetrics metrics;
  QueryLog log;
};

}  // namespace tally::server
