#pragma once
// Threads that run queries: a task waits for an idle thread, or a new one is started. The
// number of threads stays at the peak of concurrent tasks (bounded by max_concurrent_queries
// at the call site), so a burst does not pay thread creation twice.

#include <condition_variable>
#include <deque>
#include <functional>
#include <mutex>
#include <thread>
#include <vector>

namespace tally::server {

class QueryThreadPool {
 public:
  QueryThreadPool() = default;
  ~QueryThreadPool();
  void post(std::function<void()> task);

 private:
  void work();
  std::mutex mutex_;
  std::condition_variable cv_;
  std::deque<std::function<void()>> tasks_;
  std::vector<std::thread> threads_;
  size_t idle_ = 0;
  bool stop_ = false;
};

}  // namespace tally::server
