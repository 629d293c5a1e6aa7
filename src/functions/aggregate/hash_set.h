#pragma once
// Small open-addressing hash tables for aggregate states (uniqExact, groupUniqArray, topK,
// -Distinct): linear probing over a power-of-two array of cells, load factor <= 1/2, the
// "zero" key kept outside the array (a zero cell marks an empty slot), backward-shift erase.
// Keys are trivially copyable: numbers, UInt128, or std::string_view whose bytes the caller
// keeps alive (usually copied into an Arena right after an insertion).
//
// Iteration order is the slot order (zero key first): deterministic for one insertion
// sequence, but not the order of insertion.

#include <cstdint>
#include <cstring>
#include <string_view>
#include <type_traits>
#include <utility>

#include "common/hash.h"
#include "common/numeric_types.h"
#include "common/pod_array.h"

namespace tally {

/// Hashing, equality and the empty marker of a key type.
template <typename Key>
struct HashTableTraits {
  static uint64_t hash(const Key& key) {
    if constexpr (std::is_same_v<Key, UInt128>) {
      return hashInt128(key);
    } else if constexpr (std::is_floating_point_v<Key>) {
      // Bitwise identity: -0 and 0 differ, equal NaNs match (uniqExact semantics).
      if constexpr (sizeof(Key) == 4) {
        uint32_t bits;
        std::memcpy(&bits, &key, 4);
        return hashInt(bits);
      } else {
        uint64_t bits;
        std::memcpy(&bits, &key, 8);
        return hashInt(bits);
      }
    } else {
      return hashInt(uint64_t(key));
    }
  }
  static bool equals(const Key& a, const Key& b) {
    if constexpr (std::is_floating_point_v<Key>)
      return std::memcmp(&a, &b, sizeof(Key)) == 0;
    else
      return a == b;
  }
  static bool isZero(const Key& key) {
    if constexpr (std::is_floating_point_v<Key>) {
      Key zero{};
      return std::memcmp(&key, &zero, sizeof(Key)) == 0;
    } else {
      return key == Key{};
    }
  }
};

/// Floats compared with == (as ClickHouse's groupUniqArray/topK do): -0 equals 0 and is kept
/// as the zero key, NaN never equals anything.
template <typename Key>
struct FloatValueHashTableTraits {
  static uint64_t hash(Key key) {
    if (key == 0) key = 0;
    if constexpr (sizeof(Key) == 4) {
      uint32_t bits;
      std::memcpy(&bits, &key, 4);
      return hashInt(bits);
    } else {
      uint64_t bits;
      std::memcpy(&bits, &key, 8);
      return hashInt(bits);
    }
  }
  static bool equals(Key a, Key b) { return a == b; }
  static bool isZero(Key key) { return key == 0; }
};

template <>
struct HashTableTraits<std::string_view> {
  static uint64_t hash(std::string_view key) { return hashBytes(key); }
  static bool equals(std::string_view a, std::string_view b) { return a == b; }
  static bool isZero(std::string_view key) { return key.empty(); }
};

struct HashTableNoMapped {};

template <typename Key, typename Mapped = HashTableNoMapped, typename Traits = HashTableTraits<Key>>
class HashTable {
 public:
  struct Cell {
    Key key;
    [[no_unique_address]] Mapped mapped;
  };
  static_assert(std::is_trivially_copyable_v<Cell>);

  HashTable() = default;
  HashTable(const HashTable&) = delete;
  HashTable& operator=(const HashTable&) = delete;

  size_t size() const { return size_ + has_zero_; }
  bool empty() const { return size() == 0; }
  size_t allocatedBytes() const { return cells_.allocatedBytes(); }

  /// Finds `key` or inserts it (mapped value-initialised). `inserted` tells which; on insertion
  /// the caller may overwrite cell->key with an equal key (e.g. its copy in an arena).
  Cell* emplace(const Key& key, bool& inserted) { return emplace(key, Traits::hash(key), inserted); }
  Cell* emplace(const Key& key, uint64_t hash, bool& inserted) {
    if (Traits::isZero(key)) {
      inserted = !has_zero_;
      if (inserted) {
        has_zero_ = true;
        zero_cell_ = Cell{Key{}, Mapped{}};  // -0 is kept as 0, as ClickHouse does
      }
      return &zero_cell_;
    }
    if ((size_ + 1) * 2 > cells_.size()) grow();
    size_t mask = cells_.size() - 1;
    size_t i = hash & mask;
    while (true) {
      Cell& c = cells_[i];
      if (Traits::isZero(c.key)) {
        c.key = key;
        c.mapped = Mapped{};
        ++size_;
        inserted = true;
        return &c;
      }
      if (Traits::equals(c.key, key)) {
        inserted = false;
        return &c;
      }
      i = (i + 1) & mask;
    }
  }
  /// Inserts; returns true if the key was new.
  bool insert(const Key& key) {
    bool inserted;
    emplace(key, inserted);
    return inserted;
  }

  Cell* find(const Key& key) { return const_cast<Cell*>(static_cast<const HashTable*>(this)->find(key)); }
  const Cell* find(const Key& key) const {
    if (Traits::isZero(key)) return has_zero_ ? &zero_cell_ : nullptr;
    if (cells_.empty()) return nullptr;
    size_t mask = cells_.size() - 1;
    size_t i = Traits::hash(key) & mask;
    while (true) {
      const Cell& c = cells_[i];
      if (Traits::isZero(c.key)) return nullptr;
      if (Traits::equals(c.key, key)) return &c;
      i = (i + 1) & mask;
    }
  }
  bool contains(const Key& key) const { return find(key) != nullptr; }

  /// Removes the cell `cell` (a pointer from emplace/find), keeping probe chains intact.
  void erase(Cell* cell) {
    if (cell == &zero_cell_) {
      has_zero_ = false;
      return;
    }
    size_t mask = cells_.size() - 1;
    size_t hole = size_t(cell - cells_.data());
    size_t i = hole;
    while (true) {
      i = (i + 1) & mask;
      Cell& c = cells_[i];
      if (Traits::isZero(c.key)) break;
      size_t home = Traits::hash(c.key) & mask;
      // Move c into the hole if its home slot is not in (hole, i] cyclically.
      bool in_range = hole <= i ? (home > hole && home <= i) : (home > hole || home <= i);
      if (!in_range) {
        cells_[hole] = c;
        hole = i;
      }
    }
    cells_[hole].key = Key{};
    --size_;
  }

  /// Calls f(const Cell&) for every cell.
  template <typename F>
  void forEach(F&& f) const {
    if (has_zero_) f(zero_cell_);
    if (size_ == 0) return;
    for (const Cell& c : cells_)
      if (!Traits::isZero(c.key)) f(c);
  }
  template <typename F>
  void forEachMutable(F&& f) {
    if (has_zero_) f(zero_cell_);
    if (size_ == 0) return;
    for (Cell& c : cells_)
      if (!Traits::isZero(c.key)) f(c);
  }

  void swap(HashTable& other) noexcept {
    cells_.swap(other.cells_);
    std::swap(size_, other.size_);
    std::swap(has_zero_, other.has_zero_);
    std::swap(zero_cell_, other.zero_cell_);
  }

  void clear() {
    cells_ = PODArray<Cell>();
    size_ = 0;
    has_zero_ = false;
  }

  /// Makes room for n keys without rehashing.
  void reserve(size_t n) {
    size_t need = 16;
    while (need < n * 2) need *= 2;
    if (need > cells_.size()) rehash(need);
  }

 private:
  void grow() { rehash(cells_.empty() ? 16 : cells_.size() * 2); }

  void rehash(size_t new_size) {
    PODArray<Cell> old;
    old.swap(cells_);
    cells_.resize(new_size);
    std::memset(static_cast<void*>(cells_.data()), 0, new_size * sizeof(Cell));
    size_t mask = new_size - 1;
    for (const Cell& c : old) {
      if (Traits::isZero(c.key)) continue;
      size_t i = Traits::hash(c.key) & mask;
      while (!Traits::isZero(cells_[i].key)) i = (i + 1) & mask;
      cells_[i] = c;
    }
  }

  PODArray<Cell> cells_;
  size_t size_ = 0;  // cells in the array (without the zero key)
  bool has_zero_ = false;
  Cell zero_cell_{};
};

template <typename Key, typename Traits = HashTableTraits<Key>>
using HashSet = HashTable<Key, HashTableNoMapped, Traits>;

template <typename Key, typename Mapped, typename Traits = HashTableTraits<Key>>
using HashMap = HashTable<Key, Mapped, Traits>;

}  // namespace tally
