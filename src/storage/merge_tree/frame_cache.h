#pragma once
// Decompressed frames of MergeTree part columns, shared by every table of the process (what
// ClickHouse calls the uncompressed cache). Short queries repeated over the same data, such as
// dashboard widgets, then skip reading and decompressing. Parts never change once written, so
// an entry never goes stale; entries of removed parts age out. Least recently used frames are
// evicted beyond the capacity. Thread-safe.

#include <cstdint>
#include <list>
#include <memory>
#include <mutex>
#include <string>
#include <unordered_map>

namespace tally {

class FrameCache {
 public:
  using Frame = std::shared_ptr<const std::string>;
  static constexpr size_t kDefaultCapacityBytes = size_t(512) << 20;

  /// The process-wide cache.
  static FrameCache& instance();

  explicit FrameCache(size_t capacity_bytes = kDefaultCapacityBytes) : capacity_(capacity_bytes) {}
  /// The frame of column `column` of part `part_id` starting at byte `offset` of its file; null
  /// when not cached. Counts UncompressedCacheHits / UncompressedCacheMisses.
  Frame get(uint64_t part_id, uint32_t column, uint64_t offset);
  /// Keeps `frame` (frames larger than an eighth of the capacity are not kept).
  void put(uint64_t part_id, uint32_t column, uint64_t offset, Frame frame);
  size_t bytes() const;

 private:
  struct Key {
    uint64_t part_id;
    uint64_t offset;
    uint32_t column;
    bool operator==(const Key&) const = default;
  };
  struct KeyHash {
    size_t operator()(const Key& k) const noexcept {
      return std::hash<uint64_t>()(k.part_id * 0x9E3779B97F4A7C15ull ^ (k.offset << 20) ^ k.column);
    }
  };
  using Lru = std::list<std::pair<Key, Frame>>;

  mutable std::mutex mutex_;
  size_t capacity_;
  size_t bytes_ = 0;
  Lru lru_;  // most recently used first
  std::unordered_map<Key, Lru::iterator, KeyHash> index_;
};

}  // namespace tally
