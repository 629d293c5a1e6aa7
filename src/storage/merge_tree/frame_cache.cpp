#include "storage/merge_tree/frame_cache.h"

#include "common/profile_events.h"

namespace tally {

FrameCache& FrameCache::instance() {
  static FrameCache cache;
  return cache;
}

FrameCache::Frame FrameCache::get(uint64_t part_id, uint32_t column, uint64_t offset) {
  std::lock_guard lock(mutex_);
  auto it = index_.find(Key{part_id, offset, column});
  if (it == index_.end()) {
    ProfileEvents::increment(ProfileEvents::UncompressedCacheMisses);
    return nullptr;
  }
  lru_.splice(lru_.begin(), lru_, it->second);
  ProfileEvents::increment(ProfileEvents::UncompressedCacheHits);
  return it->second->second;
}

void FrameCache::put(uint64_t part_id, uint32_t column, uint64_t offset, Frame frame) {
  if (!frame || frame->size() > capacity_ / 8) return;
  std::lock_guard lock(mutex_);
  Key key{part_id, offset, column};
  if (index_.count(key)) return;  // another thread read it meanwhile
  bytes_ += frame->size();
  lru_.emplace_front(key, std::move(frame));
  index_[key] = lru_.begin();
  while (bytes_ > capacity_ && !lru_.empty()) {
    bytes_ -= lru_.back().second->size();
    index_.erase(lru_.back().first);
    lru_.pop_back();
  }
}

size_t FrameCache::bytes() const {
  std::lock_guard lock(mutex_);
  return bytes_;
}

}  // namespace tally
