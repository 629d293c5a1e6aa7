// The size-tiered choice of parts for background merges: similar sizes merge, a big part is not
// rewritten for a small one, age and crowding relax the rule, and vetoes and limits hold.

#include <gtest/gtest.h>

#include <cmath>

#include "storage/merge_tree/merge_selector.h"

namespace tally {
namespace {

constexpr uint64_t kMiB = uint64_t(1) << 20;

std::vector<MergeSelectorPart> parts(std::initializer_list<uint64_t> mib, int64_t age = 0) {
  std::vector<MergeSelectorPart> out;
  for (auto m : mib) out.push_back({m * kMiB, age});
  return out;
}

std::pair<size_t, size_t> select(const std::vector<MergeSelectorPart>& p, const MergeSelectorSettings& s = {}) {
  return selectMergeRange(p, s, [](size_t, size_t) { return true; });
}

using Range = std::pair<size_t, size_t>;

TEST(MergeSelector, FewerFreshPartsThanBaseWait) {
  EXPECT_EQ(select(parts({100, 100})), Range(0, 0));
  EXPECT_EQ(select(parts({100, 100, 100})), Range(0, 0));
}

TEST(MergeSelector, BaseManySimilarPartsMerge) {
  EXPECT_EQ(select(parts({100, 100, 100, 100})), Range(0, 4));
}

TEST(MergeSelector, BigPartIsNotRewrittenForSmallOnes) {
  // The three small parts merge among themselves once there are enough; the big one stays.
  EXPECT_EQ(select(parts({1000, 10, 10, 10})), Range(0, 0));
  EXPECT_EQ(select(parts({1000, 10, 10, 10, 10})), Range(1, 5));
  // Even old: a part is rewritten only when the others add up to twice what it holds.
  EXPECT_EQ(select(parts({1000, 10, 10}, 3600)), Range(0, 0));
  EXPECT_EQ(select(parts({1000, 10, 10, 10}, 3600)), Range(1, 4));
  EXPECT_EQ(select(parts({1000, 400, 400, 400}, 3600)), Range(1, 4));
  EXPECT_EQ(select(parts({1000, 1000, 1000}, 3600)), Range(0, 3));
}

TEST(MergeSelector, AgeLowersBaseToThree) {
  EXPECT_EQ(select(parts({100, 100, 100}, 0)), Range(0, 0));
  EXPECT_EQ(select(parts({100, 100, 100}, 3600)), Range(0, 3));
  EXPECT_EQ(select(parts({100, 100}, 3600)), Range(0, 0));
  EXPECT_EQ(select(parts({100, 60, 60}, 3600)), Range(0, 0));
}

TEST(MergeSelector, CrowdedPartitionLowersBase) {
  std::vector<MergeSelectorPart> many;
  for (int i = 0; i < 60; ++i) many.push_back({uint64_t(1000 - i) * kMiB, 0});
  auto [begin, end] = select(many);
  EXPECT_GE(end - begin, 2u);
  EXPECT_LE(end - begin, MergeSelectorSettings{}.max_parts);
}

TEST(MergeSelector, TinyPartsMergeByCount) {
  // Parts of a few kilobytes: the fixed cost per part makes the count decide.
  std::vector<MergeSelectorPart> tiny = {{5000, 0}, {100, 0}, {300, 0}};
  EXPECT_EQ(select(tiny), Range(0, 0));
  tiny.push_back({200, 0});
  tiny.push_back({400, 0});
  EXPECT_EQ(select(tiny), Range(0, 5));
}

TEST(MergeSelector, LimitsAndVetoes) {
  MergeSelectorSettings s;
  s.max_bytes = 250 * kMiB;
  EXPECT_EQ(select(parts({100, 100, 100, 100}), s), Range(0, 0));
  s = {};
  s.max_parts = 4;
  auto [begin, end] = select(parts({10, 10, 10, 10, 10, 10, 10, 10}), s);
  EXPECT_EQ(end - begin, 4u);
  // An insert in flight between parts 1 and 2: only ranges on one side qualify.
  auto vetoed = selectMergeRange(parts({10, 10, 10, 10, 10, 10}), {}, [](size_t b, size_t e) { return e <= 2 || b >= 2; });
  EXPECT_EQ(vetoed, Range(2, 6));
  EXPECT_EQ(select(parts({10})), Range(0, 0));
  EXPECT_EQ(select({}), Range(0, 0));
}

TEST(MergeSelector, RowsAreRewrittenAboutLogBaseTimes) {
  // Simulates 1000 equal inserts with a merge after each: every byte is written about
  // log_4(1000) + 1 times (the eager "merge whatever is there" policy wrote it ~hundreds).
  std::vector<MergeSelectorPart> p;
  double written = 0;
  for (int insert = 0; insert < 1000; ++insert) {
    p.push_back({kMiB * 10, 0});
    written += 10;
    while (true) {
      auto [begin, end] = select(p);
      if (end <= begin) break;
      uint64_t sum = 0;
      for (size_t k = begin; k < end; ++k) sum += p[k].bytes;
      written += double(sum) / double(kMiB);
      p.erase(p.begin() + long(begin), p.begin() + long(end));
      p.insert(p.begin() + long(begin), {sum, 0});
    }
  }
  double amplification = written / 10000.0;
  EXPECT_LT(amplification, std::log(1000.0) / std::log(4.0) + 2);
  EXPECT_LT(p.size(), 30u);
}

}  // namespace
}  // namespace tally
