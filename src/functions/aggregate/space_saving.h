#pragma once
// Filtered Space-Saving (Homem & Carvalho) with the parallel merge of Cafaro et al., as
// ClickHouse's topK runs it: `capacity` counters kept in descending (count, -error) order by
// bubbling a counter up when it grows, an alpha table of 6 * capacity (rounded up to a power
// of two) cells that filters new keys while the table is full. While there are at most
// `capacity` distinct keys the counts are exact and the order matches ClickHouse's (ties keep
// the order in which keys reached their count).

#include <cstdint>

#include "common/pod_array.h"
#include "functions/aggregate/hash_set.h"

namespace tally {

template <typename Key, typename Traits = HashTableTraits<Key>>
class SpaceSaving {
 public:
  struct Counter {
    Key key;
    uint64_t count;
    uint64_t error;
    uint32_t slot;  // position in order_
  };

  explicit SpaceSaving(size_t capacity = 0) { setCapacity(capacity); }

  void setCapacity(size_t capacity) {
    capacity_ = capacity;
    size_t alpha = 1;
    while (alpha < capacity * 6) alpha *= 2;
    alpha_.resizeFill(capacity ? alpha : 0, 0);
  }
  size_t capacity() const { return capacity_; }
  size_t size() const { return order_.size(); }

  /// Adds `increment` occurrences of `key`. When the key starts being monitored it is stored
  /// as copy_key(key) (e.g. a copy in an arena), in the counter and in the index alike.
  template <typename CopyKey>
  void insert(const Key& key, uint64_t increment, uint64_t error, CopyKey&& copy_key) {
    if (auto* cell = map_.find(key)) {
      Counter& c = counters_[cell->mapped];
      c.count += increment;
      c.error += error;
      percolate(cell->mapped);
      return;
    }
    uint64_t hash = Traits::hash(key);
    if (size() < capacity_) {
      uint32_t index = uint32_t(counters_.size());
      Key stored = copy_key(key);
      counters_.push_back(Counter{stored, increment, error, uint32_t(order_.size())});
      order_.push_back(index);
      bool inserted;
      map_.emplace(stored, hash, inserted)->mapped = index;
      percolate(index);
      return;
    }
    uint32_t min_index = order_.back();
    Counter& min = counters_[min_index];
    size_t alpha_slot = hash & (alpha_.size() - 1);
    if (alpha_[alpha_slot] + increment < min.count) {
      alpha_[alpha_slot] += increment;
      return;
    }
    if (auto* cell = map_.find(min.key)) map_.erase(cell);  // NaN keys are never found
    alpha_[Traits::hash(min.key) & (alpha_.size() - 1)] = min.count;
    uint64_t alpha = alpha_[alpha_slot];
    min.key = copy_key(key);
    min.count = alpha + increment;
    min.error = alpha + error;
    bool inserted;
    map_.emplace(min.key, hash, inserted)->mapped = min_index;
    percolate(min_index);
  }
  void insert(const Key& key, uint64_t increment = 1) {
    insert(key, increment, 0, [](const Key& k) { return k; });
  }

  /// Merges rhs (with the same capacity); keys new to this table are stored as copy_key(key).
  template <typename CopyKey>
  void merge(const SpaceSaving& rhs, CopyKey&& copy_key) {
    uint64_t m1 = size() == capacity_ && size() ? counters_[order_.back()].count : 0;
    uint64_t m2 = rhs.size() == rhs.capacity_ && rhs.size() ? rhs.counters_[rhs.order_.back()].count : 0;
    if (m2 > 0)
      for (auto& c : counters_) {
        c.count += m2;
        c.error += m2;
      }
    for (size_t i = rhs.order_.size(); i-- > 0;) {
      const Counter& c = rhs.counters_[rhs.order_[i]];
      if (map_.find(c.key))
        insert(c.key, c.count - m2, c.error - m2, copy_key);
      else
        insert(c.key, c.count + m1, c.error + m1, copy_key);
    }
  }

  /// Calls f(const Counter&) for the first `limit` counters in descending order.
  template <typename F>
  void forEachTop(size_t limit, F&& f) const {
    for (size_t i = 0; i < order_.size() && i < limit; ++i) f(counters_[order_[i]]);
  }

  const PODArray<uint64_t>& alpha() const { return alpha_; }
  PODArray<uint64_t>& alpha() { return alpha_; }

  /// Appends a counter read from a state (keeps the descending order).
  void pushCounter(const Key& key, uint64_t count, uint64_t error) {
    uint32_t index = uint32_t(counters_.size());
    counters_.push_back(Counter{key, count, error, uint32_t(order_.size())});
    order_.push_back(index);
    bool inserted;
    map_.emplace(key, inserted)->mapped = index;
    percolate(index);
  }

 private:
  static bool greater(const Counter& a, const Counter& b) {
    return a.count > b.count || (a.count == b.count && a.error < b.error);
  }

  void percolate(uint32_t index) {
    Counter& c = counters_[index];
    while (c.slot > 0) {
      uint32_t prev_index = order_[c.slot - 1];
      Counter& prev = counters_[prev_index];
      if (!greater(c, prev)) break;
      std::swap(order_[c.slot - 1], order_[c.slot]);
      std::swap(prev.slot, c.slot);
    }
  }

  size_t capacity_ = 0;
  PODArray<Counter> counters_;
  PODArray<uint32_t> order_;
  HashMap<Key, uint32_t, Traits> map_;
  PODArray<uint64_t> alpha_;
};

}  // namespace tally
