#include "server/query_log.h"

#include <fmt/format.h>

#include <chrono>
#include <ctime>
#include <stdexcept>

namespace tally::server {

void appendJsonString(std::string& out, std::string_view text) {
  out.push_back('"');
  for (unsigned char c : text) {
    switch (c) {
      case '"': out += "\\\""; break;
      case '\\': out += "\\\\"; break;
      case '\n': out += "\\n"; break;
      case '\r': out += "\\r"; break;
      case '\t': out += "\\t"; break;
      default:
        if (c < 0x20)
          fmt::format_to(std::back_inserter(out), "\\u{:04x}", c);
        else
          out.push_back(char(c));
    }
  }
  out.push_back('"');
}

namespace {
std::string timestamp() {
  auto now = std::chrono::system_clock::now();
  std::time_t t = std::chrono::system_clock::to_time_t(now);
  auto micros = std::chrono::duration_cast<std::chrono::microseconds>(now.time_since_epoch()).count() % 1000000;
  std::tm tm{};
  gmtime_r(&t, &tm);
  return fmt::format("{:04}-{:02}-{:02}T{:02}:{:02}:{:02}.{:06}Z", tm.tm_year + 1900, tm.tm_mon + 1, tm.tm_mday,
                     tm.tm_hour, tm.tm_min, tm.tm_sec, micros);
}
}  // namespace

QueryLog::QueryLog(const std::string& target) {
  if (target == "none") return;
  if (target.empty()) {
    file_ = stderr;
    return;
  }
  file_ = std::fopen(target.c_str(), "a");
  if (!file_) throw std::runtime_error("Cannot open log file " + target);
  owns_file_ = true;
}

QueryLog::~QueryLog() {
  if (owns_file_) std::fclose(file_);
}

void QueryLog::writeLine(const std::string& line) {
  std::lock_guard lock(mutex_);
  std::fwrite(line.data(), 1, line.size(), file_);
  std::fflush(file_);
}

void QueryLog::write(const QueryLogEntry& e) {
  if (!file_) return;
  std::string line = "{\"time\":\"" + timestamp() + "\",\"event\":\"query\",\"query_id\":";
  appendJsonString(line, e.query_id);
  line += ",\"user\":";
  appendJsonString(line, e.user);
  line += ",\"client\":";
  appendJsonString(line, e.client_address);
  line += ",\"kind\":";
  appendJsonString(line, e.kind);
  line += ",\"query\":";
  appendJsonString(line, e.query.size() > 4096 ? e.query.substr(0, 4096) : e.query);
  fmt::format_to(std::back_inserter(line),
                 ",\"duration_ms\":{:.3f},\"read_rows\":{},\"read_bytes\":{},\"written_rows\":{},\"written_bytes\":{},"
                 "\"result_rows\":{},\"result_bytes\":{},\"http_status\":{}",
                 e.duration_seconds * 1000, e.read_rows, e.read_bytes, e.written_rows, e.written_bytes, e.result_rows,
                 e.result_bytes, e.http_status);
  if (e.error_code) {
    fmt::format_to(std::back_inserter(line), ",\"error_code\":{},\"error\":", e.error_code);
    appendJsonString(line, e.error);
  }
  line += "}\n";
  writeLine(line);
}

void QueryLog::event(const std::string& event, const std::string& message) {
  if (!file_) return;
  std::string line = "{\"time\":\"" + timestamp() + "\",\"event\":";
  appendJsonString(line, event);
  line += ",\"message\":";
  appendJsonString(line, message);
  line += "}\n";
  writeLine(line);
}

}  // namespace tally::server
