#pragma once
// Arena: bump allocator for memory that lives as long as one operation (aggregate states,
// hash-table keys, strings built during a query). Freed all at once when the arena dies.
// Not thread-safe: each thread owns its arenas.

#include <cstddef>
#include <cstring>
#include <memory>
#include <string_view>
#include <vector>

namespace tally {

class Arena {
 public:
  explicit Arena(size_t initial_chunk = 4096) : next_chunk_size_(initial_chunk) {}
  ~Arena();
  Arena(const Arena&) = delete;
  Arena& operator=(const Arena&) = delete;

  /// Returns `size` bytes aligned to `alignment` (a power of two).
  char* alloc(size_t size, size_t alignment = 8) {
    uintptr_t p = (reinterpret_cast<uintptr_t>(pos_) + alignment - 1) & ~(uintptr_t(alignment) - 1);
    char* aligned = reinterpret_cast<char*>(p);
    if (aligned + size > end_) {
      addChunk(size + alignment);
      return alloc(size, alignment);
    }
    pos_ = aligned + size;
    return aligned;
  }

  /// Extends a contiguous region that starts at `begin` (nullptr: start one here) by `size`
  /// bytes and returns where they go. If the current chunk is too small, the region so far is
  /// moved to a new chunk and `begin` is updated.
  char* allocContinue(size_t size, const char*& begin) {
    if (pos_ + size <= end_) {
      char* res = pos_;
      pos_ += size;
      if (!begin) begin = res;
      return res;
    }
    size_t existing = begin ? size_t(pos_ - begin) : 0;
    const char* old_begin = begin;
    addChunk(existing + size);
    char* dst = pos_;
    if (existing) std::memcpy(dst, old_begin, existing);
    begin = dst;
    pos_ = dst + existing + size;
    return dst + existing;
  }

  /// Copies `data` into the arena and returns a view of the copy.
  std::string_view insert(std::string_view data) {
    if (data.empty()) return {};
    char* p = alloc(data.size(), 1);
    std::memcpy(p, data.data(), data.size());
    return {p, data.size()};
  }

  /// Bytes reserved from the system.
  size_t allocatedBytes() const { return allocated_; }

 private:
  void addChunk(size_t min_size);

  std::vector<char*> chunks_;
  char* pos_ = nullptr;
  char* end_ = nullptr;
  size_t next_chunk_size_;
  size_t allocated_ = 0;
};

using ArenaPtr = std::shared_ptr<Arena>;

}  // namespace tally
