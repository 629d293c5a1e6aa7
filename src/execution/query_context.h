#pragma once
// QueryContext: everything one running query shares across its threads — settings, the
// function context, the memory tracker, cancellation, progress counters and the limits that
// end a query cleanly (time, rows read, memory). Created by the caller before planning;
// outlives every stream of the query. Thread-safe (atomics) where noted.

#include <atomic>
#include <chrono>
#include <functional>
#include <memory>
#include <string>

#include "common/memory_tracker.h"
#include "common/settings.h"
#include "functions/function.h"

namespace tally {

struct Progress {
  uint64_t read_rows = 0;
  uint64_t read_bytes = 0;
  uint64_t total_rows_to_read = 0;
  uint64_t written_rows = 0;
  uint64_t written_bytes = 0;
  uint64_t result_rows = 0;
  uint64_t result_bytes = 0;
  double elapsed_seconds = 0;
};

class QueryContext {
 public:
  explicit QueryContext(Settings settings);

  Settings settings;
  FunctionContext function_context;
  MemoryTracker memory_tracker;
  std::string query_id;
  std::string query_text;

  /// Number of threads for parallel work (max_threads, default: hardware threads).
  size_t maxThreads() const;

  /// Thread-safe. Requests cancellation; streams stop at the next block.
  void cancel() { cancelled_.store(true, std::memory_order_relaxed); }
  bool isCancelled() const { return cancelled_.load(std::memory_order_relaxed); }
  /// Set when the whole result is complete (result_overflow_mode = 'break'): every source may
  /// stop early (not an error).
  void stopReading() { stop_reading_.store(true, std::memory_order_relaxed); }
  bool shouldStopReading() const { return stop_reading_.load(std::memory_order_relaxed) || isCancelled(); }

  /// The flag that sources built now watch. A LIMIT step installs its own token while it builds
  /// its input, so reaching the limit stops only the sources under it, not a UNION sibling, the
  /// other side of a JOIN or the outer query of a subquery. Not thread-safe: plan building only.
  using ReadStopToken = std::shared_ptr<std::atomic<bool>>;
  const ReadStopToken& readStopToken() const { return read_stop_token_; }
  /// Installs `token`; returns the previous one (to restore).
  ReadStopToken exchangeReadStopToken(ReadStopToken token) {
    std::swap(token, read_stop_token_);
    return token;
  }
  /// Thread-safe. Whether sources watching `token` should stop.
  bool shouldStopReading(const ReadStopToken& token) const {
    return token->load(std::memory_order_relaxed) || shouldStopReading();
  }

  /// Thread-safe. Checks cancellation and max_execution_time; throws QUERY_WAS_CANCELLED /
  /// TIMEOUT_EXCEEDED. Called by streams once per block.
  void checkAlive() const;
  /// Thread-safe. Accounts rows and bytes read from tables and files; throws TOO_MANY_ROWS /
  /// TOO_MANY_BYTES past max_rows_to_read / max_bytes_to_read (read_overflow_mode=throw) or
  /// returns false to stop reading (break).
  bool addRead(uint64_t rows, uint64_t bytes);
  void addTotalRowsToRead(uint64_t rows) { total_rows_to_read_.fetch_add(rows, std::memory_order_relaxed); }
  void addWritten(uint64_t rows, uint64_t bytes) {
    written_rows_.fetch_add(rows, std::memory_order_relaxed);
    written_bytes_.fetch_add(bytes, std::memory_order_relaxed);
  }

  Progress progress() const;
  double elapsedSeconds() const;
  /// An INSERT's outcome for its own table (views not counted): the rows it added, or that it
  /// was skipped as a repeat of an insert_deduplication_token. Set by the insert's thread.
  void setInsertOutcome(uint64_t rows, bool deduplicated) {
    inserted_rows_ = rows;
    insert_deduplicated_ = deduplicated;
  }
  uint64_t insertedRows() const { return inserted_rows_; }
  bool insertDeduplicated() const { return insert_deduplicated_; }
  /// Called (from any thread, at most every ~100 ms) with the current progress.
  std::function<void(const Progress&)> on_progress;

 private:
  std::atomic<bool> cancelled_{false};
  std::atomic<bool> stop_reading_{false};
  ReadStopToken read_stop_token_ = std::make_shared<std::atomic<bool>>(false);
  std::atomic<uint64_t> read_rows_{0}, read_bytes_{0}, total_rows_to_read_{0};
  std::atomic<uint64_t> written_rows_{0}, written_bytes_{0};
  std::atomic<int64_t> last_progress_ns_{0};
  uint64_t inserted_rows_ = 0;
  bool insert_deduplicated_ = false;
  std::chrono::steady_clock::time_point start_;
};

using QueryContextPtr = std::shared_ptr<QueryContext>;

}  // namespace tally
