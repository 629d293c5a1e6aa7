#pragma once
// Per-query memory accounting. Engine containers (PODArray, Arena, hash tables) report their
// allocations to the tracker installed for the current thread; crossing the limit throws
// MEMORY_LIMIT_EXCEEDED so the query ends cleanly and the process lives on.
//
// Threading: a tracker is shared by all threads of one query. Each thread batches small
// changes locally and publishes them in steps of kFlushBytes, so the atomic is touched rarely.

#include <atomic>
#include <cstddef>
#include <cstdint>

namespace tally {

class MemoryTracker {
 public:
  explicit MemoryTracker(int64_t limit = 0) : limit_(limit) {}

  void setLimit(int64_t limit) { limit_ = limit; }
  int64_t limit() const { return limit_; }
  int64_t amount() const { return amount_.load(std::memory_order_relaxed); }
  int64_t peak() const { return peak_.load(std::memory_order_relaxed); }

  /// Accounts `bytes`; throws MEMORY_LIMIT_EXCEEDED (and un-accounts) when over the limit.
  void alloc(int64_t bytes);
  void free(int64_t bytes) { amount_.fetch_sub(bytes, std::memory_order_relaxed); }

 private:
  std::atomic<int64_t> amount_{0};
  std::atomic<int64_t> peak_{0};
  int64_t limit_;
};

namespace current_memory {
/// The tracker of the query running on this thread, or nullptr.
MemoryTracker* tracker();
/// Installs `tracker` for the calling thread; returns the previous one.
MemoryTracker* setTracker(MemoryTracker* tracker);
/// Hooks called by engine allocators.
void alloc(size_t bytes);
void free(size_t bytes);
/// Publishes this thread's batched delta to its tracker (call before a thread switches query).
void flush();
}  // namespace current_memory

/// RAII: installs a tracker on this thread for the lifetime of the guard.
class MemoryTrackerGuard {
 public:
  explicit MemoryTrackerGuard(MemoryTracker* tracker) : previous_(current_memory::setTracker(tracker)) {}
  ~MemoryTrackerGuard() { current_memory::setTracker(previous_); }
  MemoryTrackerGuard(const MemoryTrackerGuard&) = delete;
  MemoryTrackerGuard& operator=(const MemoryTrackerGuard&) = delete;

 private:
  MemoryTracker* previous_;
};

}  // namespace tally
