#pragma once
// ProcessList: the queries an engine is running, shared by all its sessions — what
// system.processes shows and KILL QUERY cancels. Thread-safe.

#include <chrono>
#include <list>
#include <memory>
#include <mutex>
#include <utility>
#include <string>
#include <vector>

#include "execution/query_context.h"

namespace tally {

class ProcessList {
 public:
  struct Info {
    std::string query_id, user, query, current_database;
    double elapsed_seconds = 0;
    Progress progress;
    int64_t memory_usage = 0;
    bool is_cancelled = false;
  };

  /// Removes its query from the list when destroyed.
  class Entry {
   public:
    Entry() = default;
    Entry(ProcessList* list, std::list<std::shared_ptr<QueryContext>>::iterator it) : list_(list), it_(it) {}
    Entry(Entry&& other) noexcept : list_(std::exchange(other.list_, nullptr)), it_(other.it_) {}
    Entry& operator=(Entry&&) = delete;
    ~Entry();

   private:
    ProcessList* list_ = nullptr;
    std::list<std::shared_ptr<QueryContext>>::iterator it_;
  };

  /// Registers a running query (its context carries id, text, user, progress and cancellation).
  [[nodiscard]] Entry insert(std::shared_ptr<QueryContext> context);
  /// The running queries, oldest first.
  std::vector<Info> snapshot() const;
  /// Requests cancellation of the query with this id; false if it is not running.
  bool cancel(const std::string& query_id);
  /// True while a query with this id is running.
  bool contains(const std::string& query_id) const;

 private:
  mutable std::mutex mutex_;
  std::list<std::shared_ptr<QueryContext>> queries_;
};

}  // namespace tally
