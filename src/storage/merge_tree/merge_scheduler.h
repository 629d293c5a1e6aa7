#pragma once
// MergeScheduler: the background thread that merges parts of every MergeTree table. Tables
// register on creation and unregister before they are destroyed (remove() waits for a merge of
// that table to finish). A table is visited when it asks (wake(), after an insert) and
// periodically; a failing merge is retried with a growing delay.

#include <condition_variable>
#include <map>
#include <mutex>
#include <string>
#include <thread>

namespace tally {

class StorageMergeTree;

class MergeScheduler {
 public:
  static MergeScheduler& instance();
  void add(StorageMergeTree* table);
  /// Unregisters `table`, waiting for its running merge.
  void remove(StorageMergeTree* table);
  /// Asks for a merge pass soon.
  void wake();
  /// Number of merges done since start, for system.events.
  uint64_t mergesDone() const;
  ~MergeScheduler();

 private:
  MergeScheduler() = default;
  void run();

  mutable std::mutex mutex_;
  std::condition_variable cv_;
  struct Entry {
    int64_t not_before_ms = 0;  // back-off after failures
    int failures = 0;
  };
  std::map<StorageMergeTree*, Entry> tables_;
  StorageMergeTree* running_ = nullptr;
  bool stop_ = false;
  bool woken_ = false;
  uint64_t merges_done_ = 0;
  std::thread thread_;
};

}  // namespace tally
