#pragma once
// The server's structured log: one JSON object per line for every query (query_id, user,
// kind, duration, rows and bytes read/written/returned, error code and message), written to
// stderr or a file.

#include <cstdint>
#include <cstdio>
#include <mutex>
#include <string>

namespace tally::server {

struct QueryLogEntry {
  std::string query_id, user, query, kind, client_address;
  double duration_seconds = 0;
  uint64_t read_rows = 0, read_bytes = 0, written_rows = 0, written_bytes = 0, result_rows = 0, result_bytes = 0;
  int error_code = 0;  /// 0: success
  std::string error;
  unsigned http_status = 200;
};

class QueryLog {
 public:
  /// `target` empty: stderr; "none": disabled; else a file appended to.
  explicit QueryLog(const std::string& target);
  ~QueryLog();
  void write(const QueryLogEntry& entry);
  /// A free-form server event ({"event": ..., "message": ...}).
  void event(const std::string& event, const std::string& message);

 private:
  void writeLine(const std::string& line);
  std::FILE* file_ = nullptr;
  bool owns_file_ = false;
  std::mutex mutex_;
};

/// Appends `text` to `out` as a JSON string literal (quotes included).
void appendJsonString(std::string& out, std::string_view text);

}  // namespace tally::server
