// Column kernels: the AVX2 filter kernel against a scalar loop, and filter / permute / replicate /
// compare / arena round trips for the column kinds the engine moves around.
#include <gtest/gtest.h>

#include <random>
#include <string>
#include <vector>

#include "columns/column_array.h"
#include "columns/column_low_cardinality.h"
#include "columns/column_nullable.h"
#include "columns/column_string.h"
#include "columns/column_vector.h"
#include "columns/filter_kernels.h"
#include "common/arena.h"

namespace tally {
namespace {

Filter randomFilter(size_t n, std::mt19937& rng) {
  Filter f;
  f.resize(n);
  for (size_t i = 0; i < n; ++i) {
    // Runs of all-zero, all-one and mixed 64-row blocks, with non-0/1 "true" bytes.
    size_t block = (i / 64) % 3;
    f[i] = block == 0 ? 0 : block == 1 ? 1 : (rng() % 2 ? uint8_t(1 + rng() % 255) : 0);
  }
  return f;
}

TEST(FilterKernel, MatchesScalarLoop) {
  std::mt19937 rng(1);
  for (size_t n : {0u, 1u, 63u, 64u, 65u, 1000u, 4096u, 10007u}) {
    std::vector<uint32_t> in(n);
    for (auto& v : in) v = rng();
    Filter f = randomFilter(n, rng);
    std::vector<uint32_t> out(n + 64), expected;
    for (size_t i = 0; i < n; ++i)
      if (f[i]) expected.push_back(in[i]);
    size_t written = filterKernel(in.data(), f.data(), n, out.data());
    ASSERT_EQ(written, expected.size()) << n;
    out.resize(written);
    EXPECT_EQ(out, expected) << n;
  }
}

TEST(ColumnVector, FilterPermuteReplicate) {
  auto col = ColumnVector<Int64>::create();
  for (int64_t i = 0; i < 1000; ++i) col->getData().push_back(i * 3 - 500);
  std::mt19937 rng(2);
  Filter f = randomFilter(1000, rng);
  auto filtered = col->filter(f, -1);
  size_t j = 0;
  for (size_t i = 0; i < 1000; ++i)
    if (f[i]) {
      ASSERT_EQ(filtered->getInt(j++), col->getData()[i]);
    }
  EXPECT_EQ(filtered->size(), j);

  Permutation perm;
  col->getPermutation(/*reverse=*/true, 0, 1, perm);
  ASSERT_EQ(perm.size(), 1000u);
  auto sorted = col->permute(perm, 10);
  ASSERT_EQ(sorted->size(), 10u);
  for (size_t i = 0; i < 10; ++i) EXPECT_EQ(sorted->getInt(i), (999 - int64_t(i)) * 3 - 500);

  Offsets offsets;
  uint64_t total = 0;
  for (size_t i = 0; i < 1000; ++i) offsets.push_back(total += i % 3);  // 0, 1 or 2 copies
  auto replicated = col->replicate(offsets);
  ASSERT_EQ(replicated->size(), total);
  size_t pos = 0;
  for (size_t i = 0; i < 1000; ++i)
    for (size_t k = 0; k < i % 3; ++k) ASSERT_EQ(replicated->getInt(pos++), col->getData()[i]);
}

TEST(ColumnString, FilterPermuteCompareAndArenaRoundTrip) {
  auto col = ColumnString::create();
  std::vector<std::string> values;
  for (int i = 0; i < 500; ++i) {
    values.push_back(std::string(size_t(i % 17), char('a' + i % 26)) + std::to_string(i));
    col->insertData(values.back());
  }
  col->insertData(std::string_view());  // empty string
  values.emplace_back();
  std::mt19937 rng(3);
  Filter f = randomFilter(values.size(), rng);
  auto filtered = col->filter(f, -1);
  size_t j = 0;
  for (size_t i = 0; i < values.size(); ++i)
    if (f[i]) {
      ASSERT_EQ(filtered->getDataAt(j++), values[i]);
    }
  EXPECT_EQ(filtered->size(), j);

  Permutation perm;
  col->getPermutation(false, 0, 1, perm);
  std::vector<std::string> sorted_ref = values;
  std::sort(sorted_ref.begin(), sorted_ref.end());
  auto sorted = col->permute(perm, 0);
  for (size_t i = 0; i < sorted_ref.size(); ++i) ASSERT_EQ(sorted->getDataAt(i), sorted_ref[i]);
  EXPECT_LT(col->compareAt(values.size() - 1, 0, *col, 1), 0);  // "" < "a0"

  Arena arena;
  auto copy = col->cloneEmpty();
  for (size_t i = 0; i < values.size(); ++i) {
    const char* begin = nullptr;
    size_t size = col->serializeValueIntoArena(i, arena, begin);
    const char* end = copy->deserializeAndInsertFromArena(begin);
    EXPECT_EQ(size_t(end - begin), size);
  }
  for (size_t i = 0; i < values.size(); ++i) ASSERT_EQ(copy->getDataAt(i), values[i]);
}

TEST(ColumnNullable, FilterKeepsNullMapAligned) {
  auto nested = ColumnVector<UInt32>::create();
  auto nulls = ColumnVector<UInt8>::create();
  for (uint32_t i = 0; i < 300; ++i) {
    nested->getData().push_back(i);
    nulls->getData().push_back(i % 5 == 0);
  }
  auto col = ColumnNullable::create(nested, nulls);
  std::mt19937 rng(4);
  Filter f = randomFilter(300, rng);
  auto filtered = col->filter(f, -1);
  size_t j = 0;
  for (size_t i = 0; i < 300; ++i) {
    if (!f[i]) continue;
    ASSERT_EQ(filtered->isNullAt(j), i % 5 == 0);
    if (i % 5) {
      ASSERT_EQ(filtered->getUInt(j), i);
    }
    ++j;
  }
  // NULLs compare greater than values with nan_direction_hint = 1 (NULLS LAST).
  EXPECT_GT(col->compareAt(0, 1, *col, 1), 0);
}

TEST(ColumnArray, FilterAndReplicate) {
  auto data = ColumnVector<UInt8>::create();
  Offsets offsets;
  uint64_t total = 0;
  for (int i = 0; i < 100; ++i) {
    for (int k = 0; k < i % 4; ++k) data->getData().push_back(uint8_t(i));
    offsets.push_back(total += i % 4);
  }
  auto col = ColumnArray::create(MutableColumnPtr(data), offsets);
  Filter f;
  for (int i = 0; i < 100; ++i) f.push_back(i % 2);
  auto filtered = std::static_pointer_cast<const ColumnArray>(col->filter(f, -1));
  ASSERT_EQ(filtered->size(), 50u);
  for (size_t r = 0; r < 50; ++r) {
    size_t i = 2 * r + 1;
    uint64_t begin = r ? filtered->getOffsets()[r - 1] : 0;
    ASSERT_EQ(filtered->getOffsets()[r] - begin, i % 4);
    for (uint64_t k = begin; k < filtered->getOffsets()[r]; ++k) ASSERT_EQ(filtered->getData().getUInt(k), i);
  }
}

}  // namespace
}  // namespace tally

namespace tally {
namespace {

std::shared_ptr<ColumnLowCardinality> lowCardinalityOf(const std::vector<std::string>& values) {
  auto col = ColumnLowCardinality::create(ColumnString::create(), /*nullable=*/false);
  for (const auto& v : values) col->insertData(v.data(), v.size());
  return col;
}

std::vector<std::string> valuesOf(const Column& col) {
  std::vector<std::string> out;
  for (size_t i = 0; i < col.size(); ++i) out.emplace_back(col.getDataAt(i));
  return out;
}

TEST(ColumnLowCardinality, InsertRangeWithRememberedCodesKeepsValues) {
  // Two blocks over one source dictionary into a column with its own dictionary: the codes
  // looked up for the first block are reused for the second; values are unchanged.
  auto source = lowCardinalityOf({"b", "a", "", "c", "a", "b"});
  auto more = std::make_shared<ColumnLowCardinality>(source->getDictionaryPtr(), ColumnUInt8::create());
  for (std::string v : {"c", "d", "a"}) more->insertData(v.data(), v.size());  // "d": its own copy of the dictionary
  auto target = lowCardinalityOf({"z", "a"});
  ColumnLowCardinality::CodeRemap remap;
  target->insertRangeFrom(*source, 1, 4, remap);
  EXPECT_EQ(remap.source, source->getDictionaryPtr());
  target->insertRangeFrom(*source, 0, 6, remap);
  target->insertRangeFrom(*more, 0, 3, remap);  // another dictionary: the remap starts over
  EXPECT_EQ(remap.source, more->getDictionaryPtr());
  EXPECT_EQ(valuesOf(*target), (std::vector<std::string>{"z", "a", "a", "", "c", "a", "b", "a", "", "c", "a", "b", "c", "d",
                                                         "a"}));
  // Same dictionary: codes copied as they are.
  auto copy = std::make_shared<ColumnLowCardinality>(target->getDictionaryPtr(), ColumnUInt8::create());
  copy->insertRangeFrom(*target, 2, 5);
  EXPECT_EQ(valuesOf(*copy), (std::vector<std::string>{"a", "", "c", "a", "b"}));
}

}  // namespace
}  // namespace tally
