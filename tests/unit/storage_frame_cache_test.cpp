// The uncompressed cache: frames by part, column and offset; least recently used out first.
#include <gtest/gtest.h>

#include "storage/merge_tree/frame_cache.h"

namespace tally {
namespace {

FrameCache::Frame frame(size_t bytes, char fill) { return std::make_shared<const std::string>(bytes, fill); }

TEST(FrameCache, KeyedByPartColumnAndOffset) {
  FrameCache cache(1 << 20);
  cache.put(1, 2, 300, frame(10, 'a'));
  ASSERT_NE(cache.get(1, 2, 300), nullptr);
  EXPECT_EQ(*cache.get(1, 2, 300), std::string(10, 'a'));
  EXPECT_EQ(cache.get(2, 2, 300), nullptr);
  EXPECT_EQ(cache.get(1, 3, 300), nullptr);
  EXPECT_EQ(cache.get(1, 2, 301), nullptr);
  cache.put(1, 2, 300, frame(10, 'b'));  // a part never changes: the first frame stays
  EXPECT_EQ(*cache.get(1, 2, 300), std::string(10, 'a'));
  EXPECT_EQ(cache.bytes(), 10u);
}

TEST(FrameCache, EvictsLeastRecentlyUsedBeyondCapacity) {
  FrameCache cache(1000);
  cache.put(1, 0, 0, frame(100, 'a'));
  cache.put(1, 0, 1, frame(100, 'b'));
  for (uint64_t offset = 2; offset < 10; ++offset) cache.put(1, 0, offset, frame(100, 'c'));
  EXPECT_EQ(cache.bytes(), 1000u);
  ASSERT_NE(cache.get(1, 0, 0), nullptr);  // used: now the most recent
  cache.put(2, 0, 0, frame(100, 'd'));     // evicts the least recently used: offset 1
  EXPECT_EQ(cache.bytes(), 1000u);
  EXPECT_NE(cache.get(1, 0, 0), nullptr);
  EXPECT_EQ(cache.get(1, 0, 1), nullptr);
  EXPECT_NE(cache.get(2, 0, 0), nullptr);
  cache.put(3, 0, 0, frame(200, 'e'));  // larger than an eighth of the capacity: not kept
  EXPECT_EQ(cache.get(3, 0, 0), nullptr);
}

TEST(FrameCache, FramesOutliveEviction) {
  FrameCache cache(800);
  cache.put(1, 0, 0, frame(100, 'a'));
  FrameCache::Frame held = cache.get(1, 0, 0);
  for (uint64_t offset = 1; offset < 20; ++offset) cache.put(1, 0, offset, frame(100, 'z'));
  EXPECT_EQ(cache.get(1, 0, 0), nullptr);
  EXPECT_EQ(*held, std::string(100, 'a'));  // a reader still holding it keeps it valid
}

}  // namespace
}  // namespace tally
