// HashMap / StringHashMap (src/execution/hash_map.h): randomized comparison with std::unordered_map,
// growth across many doublings, colliding keys and the zero key.
#include "execution/hash_map.h"

#include <gtest/gtest.h>

#include <random>
#include <string>
#include <unordered_map>
#include <vector>

#include "common/arena.h"

namespace tally {
namespace {

TEST(HashMap, MatchesUnorderedMapUnderRandomInserts) {
  HashMap<HashMapUInt64Traits, int> map(4);
  std::unordered_map<uint64_t, int> reference;
  std::vector<std::unique_ptr<int>> values;
  std::mt19937_64 rng(42);
  for (int i = 0; i < 200000; ++i) {
    // Small key range gives many repeats; occasional huge keys exercise the full 64 bits.
    uint64_t key = (i % 7 == 0) ? rng() : rng() % 50000;
    bool inserted = false;
    int*& slot = map.emplace(key, inserted);
    auto [it, ref_inserted] = reference.try_emplace(key, 0);
    ASSERT_EQ(inserted, ref_inserted) << "key " << key;
    if (inserted) {
      values.push_back(std::make_unique<int>(0));
      slot = values.back().get();
    }
    ++*slot;
    ++it->second;
  }
  EXPECT_EQ(map.size(), reference.size());
  EXPECT_GE(map.capacity(), map.size() * 2);
  size_t visited = 0;
  map.forEach([&](uint64_t key, int* value) {
    ++visited;
    ASSERT_EQ(*value, reference.at(key));
  });
  EXPECT_EQ(visited, reference.size());
  for (const auto& [key, count] : reference) {
    int* found = map.find(key);
    ASSERT_NE(found, nullptr);
    EXPECT_EQ(*found, count);
  }
  EXPECT_EQ(map.find(uint64_t(-1) - 12345), nullptr);
}

TEST(HashMap, ZeroKeyAndUInt128Keys) {
  HashMap<HashMapUInt128Traits, int> map;
  int a = 1, b = 2;
  bool inserted = false;
  map.emplace(UInt128{0, 0}, inserted) = &a;
  EXPECT_TRUE(inserted);
  map.emplace(UInt128{0, 1}, inserted) = &b;
  EXPECT_TRUE(inserted);
  map.emplace(UInt128{0, 0}, inserted);
  EXPECT_FALSE(inserted);
  EXPECT_EQ(map.find(UInt128{0, 0}), &a);
  EXPECT_EQ(map.find(UInt128{0, 1}), &b);
  EXPECT_EQ(map.find(UInt128{1, 0}), nullptr);
  EXPECT_EQ(map.size(), 2u);
}

TEST(StringHashMap, MatchesUnorderedMapWithArenaKeys) {
  StringHashMap<int> map(2);
  std::unordered_map<std::string, int> reference;
  std::vector<std::unique_ptr<int>> values;
  Arena arena;
  std::mt19937 rng(7);
  for (int i = 0; i < 100000; ++i) {
    std::string key;
    size_t len = rng() % 24;  // includes the empty string
    for (size_t j = 0; j < len; ++j) key += char('a' + rng() % 3);
    uint64_t hash = hashBytes(key);
    bool inserted = false;
    auto& cell = map.emplace(key, hash, inserted);
    if (inserted) {
      // The map points at the caller's bytes: give it a stable copy, as the aggregator does.
      char* stable = arena.alloc(key.size() + 1, 1);
      std::memcpy(stable, key.data(), key.size());
      cell.data = stable;
      values.push_back(std::make_unique<int>(0));
      cell.value = values.back().get();
    }
    ++*cell.value;
    ++reference[key];
  }
  EXPECT_EQ(map.size(), reference.size());
  map.forEach([&](std::string_view key, uint64_t hash, int* value) {
    EXPECT_EQ(hash, hashBytes(key));
    ASSERT_EQ(*value, reference.at(std::string(key)));
  });
  for (const auto& [key, count] : reference) {
    int* found = map.find(key, hashBytes(key));
    ASSERT_NE(found, nullptr) << key;
    EXPECT_EQ(*found, count);
  }
  EXPECT_EQ(map.find("zzz", hashBytes("zzz")), nullptr);
}

}  // namespace
}  // namespace tally
