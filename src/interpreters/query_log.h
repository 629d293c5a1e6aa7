#pragma once
// system.query_log: one row per finished statement (QueryFinish) or failed one
// (ExceptionBeforeStart / ExceptionWhileProcessing) with its duration, rows and bytes read and
// written, result size, memory and error. Kept in a MergeTree table under the data directory, so
// it survives restarts; rows are buffered and written in batches (every 7.5 s, on SYSTEM FLUSH
// LOGS and at shutdown) through the asynchronous insert queue. Only engines with a data path log.

#include <string>

#include "execution/query_context.h"

namespace tally {

class Engine;

struct QueryLogElement {
  enum class Type : int8_t { QueryStart = 1, QueryFinish = 2, ExceptionBeforeStart = 3, ExceptionWhileProcessing = 4 };
  Type type = Type::QueryFinish;
  int64_t start_time_us = 0;  // wall clock, microseconds since the epoch
  uint64_t duration_ms = 0;
  Progress progress;
  uint64_t result_rows = 0, result_bytes = 0, memory_usage = 0;
  std::string query, query_kind, query_id, user, current_database;
  int32_t exception_code = 0;
  std::string exception;
};

/// CREATE TABLE statement of system.query_log.
std::string queryLogCreateQuery();

/// Queues one row for system.query_log (no-op when the engine has no data path or the table
/// does not exist). Never throws.
void logQuery(Engine& engine, const QueryLogElement& element);

}  // namespace tally
