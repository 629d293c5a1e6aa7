// Sorting by a table's key, and merging sorted runs: a merge's batches come with the sizes of
// their sorted runs, and sorting them by merging those runs gives what a full stable sort gives.
#include <gtest/gtest.h>

#include <algorithm>
#include <random>
#include <string>
#include <vector>

#include "columns/column_string.h"
#include "columns/column_vector.h"
#include "storage/merge_tree/sort_key.h"
#include "storage/merge_tree/sorted_runs_merger.h"
#include "types/data_type_number.h"
#include "types/data_type_string.h"

namespace tally {
namespace {

struct Row {
  std::string name;
  uint32_t day;
  uint32_t id;  // unique: shows the order ties come out in
};

Block blockOf(const std::vector<Row>& rows) {
  auto name = ColumnString::create();
  auto day = ColumnUInt32::create();
  auto id = ColumnUInt32::create();
  for (const auto& r : rows) {
    name->insertData(r.name.data(), r.name.size());
    day->getData().push_back(r.day);
    id->getData().push_back(r.id);
  }
  Block b;
  b.insert({name, std::make_shared<DataTypeString>(), "name"});
  b.insert({day, std::make_shared<DataTypeUInt32>(), "day"});
  b.insert({id, std::make_shared<DataTypeUInt32>(), "id"});
  b.setRows(rows.size());
  return b;
}

bool keyLess(const Row& a, const Row& b) { return a.name != b.name ? a.name < b.name : a.day < b.day; }

/// `runs` sorted runs of random sizes with many equal keys across runs.
std::vector<std::vector<Row>> randomRuns(std::mt19937& rng, size_t runs) {
  std::vector<std::vector<Row>> out(runs);
  uint32_t id = 0;
  for (auto& run : out) {
    size_t n = rng() % 400;
    for (size_t i = 0; i < n; ++i) run.push_back({"p" + std::to_string(rng() % 13), uint32_t(rng() % 7), id++});
    std::stable_sort(run.begin(), run.end(), keyLess);
  }
  return out;
}

TEST(SortByKey, MergingRunsEqualsStableSort) {
  std::mt19937 rng(7);
  const std::vector<std::string> keys = {"name", "day"};
  for (int round = 0; round < 50; ++round) {
    auto runs = randomRuns(rng, 1 + rng() % 9);
    std::vector<Row> all;
    std::vector<size_t> sizes;
    for (const auto& r : runs) {
      all.insert(all.end(), r.begin(), r.end());
      sizes.push_back(r.size());
    }
    Block block = blockOf(all);
    Permutation by_sort, by_runs;
    sortByKey(block, keys, by_sort);
    sortByKey(block, keys, by_runs, &sizes);
    ASSERT_EQ(by_runs.size(), all.size());
    EXPECT_EQ(by_runs, by_sort) << "round " << round;
    std::vector<Row> expected = all;
    std::stable_sort(expected.begin(), expected.end(), keyLess);
    for (size_t i = 0; i < expected.size(); ++i) ASSERT_EQ(all[by_runs[i]].id, expected[i].id) << "round " << round;
  }
}

TEST(MergeSortedRuns, BatchesHoldCompleteKeysAndTheirRunSizes) {
  std::mt19937 rng(11);
  const std::vector<std::string> keys = {"name", "day"};
  for (int round = 0; round < 20; ++round) {
    auto runs = randomRuns(rng, 1 + rng() % 6);
    std::vector<size_t> next(runs.size(), 0);
    auto read = [&](size_t run, Block& block) {  // chunks of 1..60 rows
      if (next[run] >= runs[run].size()) return false;
      size_t n = std::min<size_t>(runs[run].size() - next[run], 1 + rng() % 60);
      block = blockOf({runs[run].begin() + long(next[run]), runs[run].begin() + long(next[run] + n)});
      next[run] += n;
      return true;
    };
    auto key_of = [](const Block& rows) {
      Block key;
      key.insert(rows.at(0));
      key.insert(rows.at(1));
      key.setRows(rows.rows());
      return key;
    };
    std::vector<uint32_t> merged;
    std::vector<std::string> batch_last;
    mergeSortedRuns(runs.size(), read, key_of, [&](Block& batch, const std::vector<size_t>& run_rows) {
      size_t total = 0;
      for (size_t r : run_rows) {
        EXPECT_GT(r, 0u);
        total += r;
      }
      ASSERT_EQ(total, batch.rows());
      Permutation perm;
      sortByKey(batch, keys, perm, &run_rows);
      const auto& ids = static_cast<const ColumnUInt32&>(*batch.at(2).column).getData();
      for (size_t i : perm) merged.push_back(ids[i]);
    });
    std::vector<Row> expected;
    for (const auto& r : runs) expected.insert(expected.end(), r.begin(), r.end());
    std::stable_sort(expected.begin(), expected.end(), keyLess);
    ASSERT_EQ(merged.size(), expected.size());
    for (size_t i = 0; i < expected.size(); ++i) ASSERT_EQ(merged[i], expected[i].id) << "round " << round;
  }
}

}  // namespace
}  // namespace tally
