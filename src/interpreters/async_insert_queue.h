#pragma once
// Asynchronous inserts (SETTINGS async_insert = 1): many small INSERTs into one table are
// buffered and written together as one part (with their materialized views), so streams of tiny
// inserts do not explode into tiny parts. A buffer is flushed when it holds
// async_insert_max_data_size bytes or async_insert_busy_timeout_ms after its first insert. With
// wait_for_async_insert = 1 (the default) the INSERT returns once its rows are committed — and
// fails if the flush fails; otherwise it returns at once. Thread-safe; one background thread.

#include <chrono>
#include <condition_variable>
#include <future>
#include <map>
#include <memory>
#include <mutex>
#include <string>
#include <thread>
#include <vector>

#include "common/settings.h"
#include "types/block.h"

namespace tally {

class Engine;

class AsyncInsertQueue {
 public:
  /// `engine` owns the queue and outlives it.
  explicit AsyncInsertQueue(Engine& engine);
  /// Flushes what is pending, then stops.
  ~AsyncInsertQueue();

  /// Queues rows (every physical column of db.table) and returns what completes when they are
  /// committed (or carries the flush's exception).
  std::shared_future<void> push(const std::string& database, const std::string& table, std::vector<Block> blocks,
                                const Settings& settings);
  /// Flushes every buffer now and waits (SYSTEM FLUSH ASYNC INSERT QUEUE).
  void flushAll();
  uint64_t flushes() const { return flushes_.load(); }

 private:
  struct Buffer {
    std::string database, table;
    std::vector<Block> blocks;
    size_t bytes = 0;
    std::chrono::steady_clock::time_point deadline;
    size_t max_bytes = 0;
    Settings settings;
    std::shared_ptr<std::promise<void>> done;
    std::shared_future<void> future;
  };
  void run();
  void flush(Buffer buffer);

  Engine& engine_;
  std::mutex mutex_;
  std::condition_variable cv_;
  std::map<std::string, Buffer> pending_;
  std::atomic<uint64_t> flushes_{0};
  bool stop_ = false;
  std::thread thread_;
};

}  // namespace tally
