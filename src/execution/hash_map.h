#pragma once
// HashMap<Key, Traits>: open-addressing (linear probing) map from fixed keys or string views
// to a pointer (aggregate states, join row lists, ...). A cell is empty while its value is
// nullptr, so values must never be null once inserted. Capacity is a power of two; the table
// doubles at 50% load. Memory is tracked through PODArray. Not thread-safe.

#include <cstring>
#include <string_view>

#include "common/hash.h"
#include "common/numeric_types.h"
#include "common/pod_array.h"

namespace tally {

struct HashMapUInt64Traits {
  using Key = uint64_t;
  static uint64_t hash(Key k) { return hashInt(k); }
  static bool equal(Key a, Key b) { return a == b; }
};

struct HashMapUInt128Traits {
  using Key = UInt128;
  static uint64_t hash(const Key& k) { return hashInt(k.low ^ (k.high * 0x9E3779B97F4A7C15ULL)); }
  static bool equal(const Key& a, const Key& b) { return a == b; }
};

/// Four 64-bit words: GROUP BY keys packed into up to 32 bytes.
struct PackedKey256 {
  uint64_t w[4] = {0, 0, 0, 0};
  bool operator==(const PackedKey256& o) const {
    return ((w[0] ^ o.w[0]) | (w[1] ^ o.w[1]) | (w[2] ^ o.w[2]) | (w[3] ^ o.w[3])) == 0;
  }
};

struct HashMapKey256Traits {
  using Key = PackedKey256;
  static uint64_t hash(const Key& k) {
    return hashInt(k.w[0] ^ (k.w[1] * 0x9E3779B97F4A7C15ULL) ^ (k.w[2] * 0xC2B2AE3D27D4EB4FULL) ^
                   (k.w[3] * 0x165667B19E3779F9ULL));
  }
  static bool equal(const Key& a, const Key& b) { return a == b; }
};

template <typename TraitsT, typename Value>
class HashMap {
 public:
  using Traits = TraitsT;
  using Key = typename Traits::Key;
  struct Cell {
    Key key;
    Value* value;  // nullptr = empty
  };

  explicit HashMap(size_t initial_capacity = 256) { cells_.resizeFill(roundUp(initial_capacity), Cell{Key{}, nullptr}); }

  size_t size() const { return size_; }
  size_t capacity() const { return cells_.size(); }

  /// Finds `key`; when absent, inserts it and sets `inserted`. Returns the cell's value slot:
  /// the caller must store a non-null value into a newly inserted slot before the next call.
  Value*& emplace(const Key& key, bool& inserted) { return emplace(key, Traits::hash(key), inserted); }
  /// Same, with `hash` == Traits::hash(key) computed by the caller (see prefetch).
  Value*& emplace(const Key& key, uint64_t hash, bool& inserted) {
    if (size_ * 2 >= cells_.size()) grow();
    size_t mask = cells_.size() - 1;
    size_t i = hash & mask;
    while (true) {
      Cell& c = cells_[i];
      if (!c.value) {
        c.key = key;
        ++size_;
        inserted = true;
        return c.value;
      }
      if (Traits::equal(c.key, key)) {
        inserted = false;
        return c.value;
      }
      i = (i + 1) & mask;
    }
  }

  /// Hints that a key with `hash` will be looked up soon (hides the cache miss of big tables).
  void prefetch(uint64_t hash) const { __builtin_prefetch(&cells_[hash & (cells_.size() - 1)]); }

  Value* find(const Key& key) const {
    size_t mask = cells_.size() - 1;
    size_t i = Traits::hash(key) & mask;
    while (true) {
      const Cell& c = cells_[i];
      if (!c.value) return nullptr;
      if (Traits::equal(c.key, key)) return c.value;
      i = (i + 1) & mask;
    }
  }

  template <typename F>
  void forEach(F&& f) const {
    for (const Cell& c : cells_)
      if (c.value) f(c.key, c.value);
  }

 private:
  static size_t roundUp(size_t n) {
    size_t c = 16;
    while (c < n) c <<= 1;
    return c;
  }
  void grow() {
    PODArray<Cell> old;
    old.swap(cells_);
    cells_.resizeFill(old.size() * 2, Cell{Key{}, nullptr});
    size_t mask = cells_.size() - 1;
    for (const Cell& c : old) {
      if (!c.value) continue;
      size_t i = Traits::hash(c.key) & mask;
      while (cells_[i].value) i = (i + 1) & mask;
      cells_[i] = c;
    }
  }

  PODArray<Cell> cells_;
  size_t size_ = 0;
};

/// String keys: the map keeps the hash beside each key; keys must stay alive (store them in
/// an Arena before inserting).
template <typename Value>
class StringHashMap {
 public:
  struct Cell {
    const char* data;
    size_t size;
    uint64_t hash;
    Value* value;  // nullptr = empty
    std::string_view key() const { return {data, size}; }
  };

  explicit StringHashMap(size_t initial_capacity = 256) {
    size_t c = 16;
    while (c < initial_capacity) c <<= 1;
    cells_.resizeFill(c, Cell{nullptr, 0, 0, nullptr});
  }

  size_t size() const { return size_; }
  size_t capacity() const { return cells_.size(); }

  /// Like HashMap::emplace; on insert, the caller must replace the key's storage with a
  /// stable copy (setKey) and store a non-null value.
  Cell& emplace(std::string_view key, uint64_t hash, bool& inserted) {
    if (size_ * 2 >= cells_.size()) grow();
    size_t mask = cells_.size() - 1;
    size_t i = hash & mask;
    while (true) {
      Cell& c = cells_[i];
      if (!c.value) {
        c.data = key.data();
        c.size = key.size();
        c.hash = hash;
        ++size_;
        inserted = true;
        return c;
      }
      if (c.hash == hash && c.size == key.size() && std::memcmp(c.data, key.data(), key.size()) == 0) {
        inserted = false;
        return c;
      }
      i = (i + 1) & mask;
    }
  }

  Value* find(std::string_view key, uint64_t hash) const {
    size_t mask = cells_.size() - 1;
    size_t i = hash & mask;
    while (true) {
      const Cell& c = cells_[i];
      if (!c.value) return nullptr;
      if (c.hash == hash && c.size == key.size() && std::memcmp(c.data, key.data(), key.size()) == 0) return c.value;
      i = (i + 1) & mask;
    }
  }

  template <typename F>
  void forEach(F&& f) const {
    for (const Cell& c : cells_)
      if (c.value) f(c.key(), c.hash, c.value);
  }

 private:
  void grow() {
    PODArray<Cell> old;
    old.swap(cells_);
    cells_.resizeFill(old.size() * 2, Cell{nullptr, 0, 0, nullptr});
    size_t mask = cells_.size() - 1;
    for (const Cell& c : old) {
      if (!c.value) continue;
      size_t i = c.hash & mask;
      while (cells_[i].value) i = (i + 1) & mask;
      cells_[i] = c;
    }
  }

  PODArray<Cell> cells_;
  size_t size_ = 0;
};

/// Dense ids for distinct strings: the first string seen gets 0, the next new one 1, ...
/// Keys are not copied: they must outlive the map (or be replaced through the returned cell).
class StringIdMap {
 public:
  explicit StringIdMap(size_t initial_capacity = 256) : map_(initial_capacity) {}

  /// The id of `key`; `inserted` tells whether it is new (then id == size() - 1).
  uint32_t idOf(std::string_view key, bool& inserted) {
    auto& cell = map_.emplace(key, hashBytes(key), inserted);
    if (inserted) cell.value = reinterpret_cast<char*>(uintptr_t(map_.size()));  // id + 1: never null
    last_ = &cell;
    return uint32_t(reinterpret_cast<uintptr_t>(cell.value) - 1);
  }
  /// Points the key of the cell just inserted at a stable copy of the same bytes.
  void setLastKey(const char* stable) { last_->data = stable; }
  size_t size() const { return map_.size(); }

 private:
  StringHashMap<char> map_;
  StringHashMap<char>::Cell* last_ = nullptr;
};

}  // namespace tally
