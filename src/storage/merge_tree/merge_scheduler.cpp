#include "storage/merge_tree/merge_scheduler.h"

#include <chrono>
#include <cstdio>

#include "common/exception.h"
#include "common/profile_events.h"
#include "storage/merge_tree/storage_merge_tree.h"

namespace tally {

namespace {

int64_t nowMs() {
  return std::chrono::duration_cast<std::chrono::milliseconds>(std::chrono::steady_clock::now().time_since_epoch()).count();
}

}  // namespace

MergeScheduler& MergeScheduler::instance() {
  static MergeScheduler scheduler;
  return scheduler;
}

MergeScheduler::~MergeScheduler() {
  {
    std::lock_guard lock(mutex_);
    stop_ = true;
  }
  cv_.notify_all();
  if (thread_.joinable()) thread_.join();
}

void MergeScheduler::add(StorageMergeTree* table) {
  std::lock_guard lock(mutex_);
  tables_[table] = Entry{};
  if (!thread_.joinable()) thread_ = std::thread([this] { run(); });
  woken_ = true;
  cv_.notify_all();
}

void MergeScheduler::remove(StorageMergeTree* table) {
  std::unique_lock lock(mutex_);
  tables_.erase(table);
  cv_.wait(lock, [&] { return running_ != table; });
}

void MergeScheduler::wake() {
  {
    std::lock_guard lock(mutex_);
    woken_ = true;
  }
  cv_.notify_all();
}

uint64_t MergeScheduler::mergesDone() const {
  std::lock_guard lock(mutex_);
  return merges_done_;
}

void MergeScheduler::run() {
  std::unique_lock lock(mutex_);
  while (!stop_) {
    cv_.wait_for(lock, std::chrono::milliseconds(500), [&] { return stop_ || woken_; });
    if (stop_) break;
    woken_ = false;
    // Visit every table; keep going while some table merged something.
    bool progress = true;
    while (progress && !stop_) {
      progress = false;
      std::vector<StorageMergeTree*> order;
      for (const auto& [t, e] : tables_) order.push_back(t);
      for (StorageMergeTree* t : order) {
        auto it = tables_.find(t);
        if (it == tables_.end() || it->second.not_before_ms > nowMs() || stop_) continue;
        running_ = t;
        lock.unlock();
        bool merged = false;
        std::string error;
        try {
          merged = t->mergeStep();
        } catch (...) {
          error = currentException().displayText();
        }
        lock.lock();
        running_ = nullptr;
        cv_.notify_all();
        it = tables_.find(t);
        if (it == tables_.end()) continue;
        if (!error.empty()) {
          it->second.failures = std::min(it->second.failures + 1, 10);
          it->second.not_before_ms = nowMs() + (int64_t(100) << it->second.failures);
          std::fprintf(stderr, "tally: background merge failed: %s\n", error.c_str());
          continue;
        }
        it->second.failures = 0;
        if (merged) {
          ++merges_done_;
          ProfileEvents::increment(ProfileEvents::MergedParts);
          progress = true;
        }
      }
    }
  }
}

}  // namespace tally
