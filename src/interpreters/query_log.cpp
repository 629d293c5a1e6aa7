#include "interpreters/query_log.h"

#include "interpreters/engine.h"
#include "types/data_type_factory.h"

namespace tally {

namespace {

const char* const kColumns[][2] = {
    {"type", "Enum8('QueryStart' = 1, 'QueryFinish' = 2, 'ExceptionBeforeStart' = 3, 'ExceptionWhileProcessing' = 4)"},
    {"event_date", "Date"},
    {"event_time", "DateTime"},
    {"event_time_microseconds", "DateTime64(6)"},
    {"query_start_time", "DateTime"},
    {"query_start_time_microseconds", "DateTime64(6)"},
    {"query_duration_ms", "UInt64"},
    {"read_rows", "UInt64"},
    {"read_bytes", "UInt64"},
    {"written_rows", "UInt64"},
    {"written_bytes", "UInt64"},
    {"result_rows", "UInt64"},
    {"result_bytes", "UInt64"},
    {"memory_usage", "UInt64"},
    {"current_database", "String"},
    {"query", "String"},
    {"query_kind", "LowCardinality(String)"},
    {"exception_code", "Int32"},
    {"exception", "String"},
    {"user", "String"},
    {"query_id", "String"},
};

}  // namespace

std::string queryLogCreateQuery() {
  std::string s = "CREATE TABLE IF NOT EXISTS system.query_log (";
  bool first = true;
  for (const auto& c : kColumns) {
    if (!first) s += ", ";
    first = false;
    s += std::string("`") + c[0] + "` " + c[1];
  }
  s += ") ENGINE = MergeTree PARTITION BY toYYYYMM(event_date) ORDER BY (event_date, event_time)";
  return s;
}

void logQuery(Engine& engine, const QueryLogElement& e) {
  try {
    if (engine.options().data_path.empty() || !engine.catalog().tryGetTable("system", "query_log")) return;
    int64_t end_us = e.start_time_us + int64_t(e.duration_ms) * 1000;
    Block block;
    auto add = [&](const char* name, const Field& value) {
      for (const auto& c : kColumns) {
        if (std::string(c[0]) != name) continue;
        DataTypePtr type = dataTypeFromString(c[1]);
        MutableColumnPtr col = type->createColumn();
        col->insert(value);
        block.insert({std::move(col), type, name});
      }
    };
    add("type", Field(int64_t(e.type)));
    add("event_date", Field(uint64_t(end_us / 1000000 / 86400)));
    add("event_time", Field(uint64_t(end_us / 1000000)));
    add("event_time_microseconds", Field(int64_t(end_us)));
    add("query_start_time", Field(uint64_t(e.start_time_us / 1000000)));
    add("query_start_time_microseconds", Field(int64_t(e.start_time_us)));
    add("query_duration_ms", Field(e.duration_ms));
    add("read_rows", Field(e.progress.read_rows));
    add("read_bytes", Field(e.progress.read_bytes));
    add("written_rows", Field(e.progress.written_rows));
    add("written_bytes", Field(e.progress.written_bytes));
    add("result_rows", Field(e.result_rows));
    add("result_bytes", Field(e.result_bytes));
    add("memory_usage", Field(e.memory_usage));
    add("current_database", Field(e.current_database));
    add("query", Field(e.query));
    add("query_kind", Field(e.query_kind));
    add("exception_code", Field(int64_t(e.exception_code)));
    add("exception", Field(e.exception));
    add("user", Field(e.user));
    add("query_id", Field(e.query_id));
    Settings settings;
    settings.async_insert_busy_timeout_ms = 7500;
    engine.asyncInserts().push("system", "query_log", {std::move(block)}, settings);
  } catch (...) {
    // Logging never fails a query.
  }
}

}  // namespace tally
