#include "execution/query_context.h"

#include <thread>

#include "common/exception.h"
#include "common/readable.h"

namespace tally {

QueryContext::QueryContext(Settings s) : settings(std::move(s)), start_(std::chrono::steady_clock::now()) {
  function_context.settings = &settings;
  memory_tracker.setLimit(int64_t(settings.max_memory_usage));
  auto now = std::chrono::system_clock::now();
  function_context.query_start_time =
      std::chrono::duration_cast<std::chrono::seconds>(now.time_since_epoch()).count();
  function_context.query_start_time_us =
      std::chrono::duration_cast<std::chrono::microseconds>(now.time_since_epoch()).count();
}

size_t QueryContext::maxThreads() const {
  if (settings.max_threads) return settings.max_threads;
  unsigned n = std::thread::hardware_concurrency();
  return n ? n : 1;
}

double QueryContext::elapsedSeconds() const {
  return std::chrono::duration<double>(std::chrono::steady_clock::now() - start_).count();
}

void QueryContext::checkAlive() const {
  if (isCancelled()) throw Exception(ErrorCodes::QUERY_WAS_CANCELLED, "Query was cancelled");
  if (settings.max_execution_time) {
    double elapsed = elapsedSeconds();
    if (elapsed > double(settings.max_execution_time) && settings.timeout_overflow_mode == "throw")
      throw Exception(ErrorCodes::TIMEOUT_EXCEEDED, "Timeout exceeded: elapsed {} seconds, maximum: {}", elapsed,
                      settings.max_execution_time);
  }
}

bool QueryContext::addRead(uint64_t rows, uint64_t bytes) {
  uint64_t total_rows = read_rows_.fetch_add(rows, std::memory_order_relaxed) + rows;
  uint64_t total_bytes = read_bytes_.fetch_add(bytes, std::memory_order_relaxed) + bytes;
  bool ok = true;
  if (settings.max_rows_to_read && total_rows > settings.max_rows_to_read) {
    if (settings.read_overflow_mode == "throw")
      throw Exception(ErrorCodes::TOO_MANY_ROWS, "Limit for rows (controlled by 'max_rows_to_read' setting) exceeded, max rows: {}, current rows: {}",
                      formatReadableQuantity(double(settings.max_rows_to_read)), formatReadableQuantity(double(total_rows)));
    ok = false;
  }
  if (settings.max_bytes_to_read && total_bytes > settings.max_bytes_to_read) {
    if (settings.read_overflow_mode == "throw")
      throw Exception(ErrorCodes::TOO_MANY_BYTES, "Limit for (uncompressed) bytes to read (controlled by 'max_bytes_to_read' setting) exceeded, max bytes: {}, current bytes: {}",
                      formatReadableSize(double(settings.max_bytes_to_read)), formatReadableSize(double(total_bytes)));
    ok = false;
  }
  if (settings.max_execution_time && settings.timeout_overflow_mode == "break" &&
      elapsedSeconds() > double(settings.max_execution_time))
    ok = false;
  if (on_progress) {
    int64_t now = std::chrono::duration_cast<std::chrono::nanoseconds>(std::chrono::steady_clock::now() - start_).count();
    int64_t last = last_progress_ns_.load(std::memory_order_relaxed);
    if (now - last > 100'000'000 && last_progress_ns_.compare_exchange_strong(last, now)) on_progress(progress());
  }
  return ok;
}

Progress QueryContext::progress() const {
  Progress p;
  p.read_rows = read_rows_.load(std::memory_order_relaxed);
  p.read_bytes = read_bytes_.load(std::memory_order_relaxed);
  p.total_rows_to_read = total_rows_to_read_.load(std::memory_order_relaxed);
  p.written_rows = written_rows_.load(std::memory_order_relaxed);
  p.written_bytes = written_bytes_.load(std::memory_order_relaxed);
  p.elapsed_seconds = elapsedSeconds();
  return p;
}

}  // namespace tally
