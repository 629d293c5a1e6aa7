#include "common/memory_tracker.h"

#include "common/exception.h"
#include "common/readable.h"

namespace tally {

void MemoryTracker::alloc(int64_t bytes) {
  int64_t now = amount_.fetch_add(bytes, std::memory_order_relaxed) + bytes;
  if (limit_ > 0 && now > limit_ && bytes > 0) {
    amount_.fetch_sub(bytes, std::memory_order_relaxed);
    throw Exception(ErrorCodes::MEMORY_LIMIT_EXCEEDED,
                    "Memory limit (for query) exceeded: would use {} (attempt to allocate chunk of {} bytes), "
                    "maximum: {}",
                    formatReadableSize(double(now)), bytes, formatReadableSize(double(limit_)));
  }
  int64_t peak = peak_.load(std::memory_order_relaxed);
  while (now > peak && !peak_.compare_exchange_weak(peak, now, std::memory_order_relaxed)) {
  }
}

namespace current_memory {
namespace {
constexpr int64_t kFlushBytes = 1 << 20;
thread_local MemoryTracker* tls_tracker = nullptr;
thread_local int64_t tls_delta = 0;
}  // namespace

MemoryTracker* tracker() { return tls_tracker; }

MemoryTracker* setTracker(MemoryTracker* tracker) {
  flush();
  MemoryTracker* previous = tls_tracker;
  tls_tracker = tracker;
  return previous;
}

void flush() {
  if (tls_tracker && tls_delta != 0) {
    int64_t delta = tls_delta;
    tls_delta = 0;
    if (delta > 0)
      tls_tracker->alloc(delta);
    else
      tls_tracker->free(-delta);
  }
  tls_delta = 0;
}

void alloc(size_t bytes) {
  if (!tls_tracker) return;
  tls_delta += int64_t(bytes);
  if (tls_delta > kFlushBytes) {
    int64_t delta = tls_delta;
    tls_delta = 0;
    tls_tracker->alloc(delta);
  }
}

void free(size_t bytes) {
  if (!tls_tracker) return;
  tls_delta -= int64_t(bytes);
  if (tls_delta < -kFlushBytes) {
    int64_t delta = -tls_delta;
    tls_delta = 0;
    tls_tracker->free(delta);
  }
}
}  // namespace current_memory

}  // namespace tally
