#pragma once
// The queries the server is running: their count (max_concurrent_queries) and, for each, the
// client socket, so a watcher can cancel queries whose client went away.

#include <chrono>
#include <condition_variable>
#include <list>
#include <mutex>
#include <string>
#include <thread>

#include "tally/tally.h"

namespace tally::server {

class RunningQueries {
 public:
  struct Entry {
    int socket_fd = -1;
    api::Connection* connection = nullptr;
    std::string query_id;
    bool cancelled = false;  /// set by the watcher when the client left
  };
  using Handle = std::list<Entry>::iterator;

  explicit RunningQueries(size_t max_concurrent);
  ~RunningQueries();

  /// Reserves a slot; false when max_concurrent queries already run.
  bool tryReserve();
  /// Gives back a slot reserved by tryReserve() without adding a query.
  void unreserve();
  /// Registers a query in a reserved slot; remove() frees the slot.
  Handle add(int socket_fd, api::Connection* connection, const std::string& query_id);
  /// True if the watcher cancelled the query because its client disconnected.
  bool remove(Handle handle);

 private:
  void watch();

  size_t max_concurrent_;
  size_t reserved_ = 0;
  mutable std::mutex mutex_;
  std::condition_variable stop_cv_;
  bool stop_ = false;
  std::list<Entry> entries_;
  std::thread watcher_;
};

}  // namespace tally::server
