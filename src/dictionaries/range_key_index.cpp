// RANGE_HASHED layout: UInt64 key -> the key's ranges [range_min, range_max] (inclusive),
// sorted by (range_min, range_max). A lookup scans the key's ranges for those containing the
// point: strategy 'min' takes the first (smallest range_min, then smallest range_max),
// strategy 'max' the one with the largest range_min (then the largest range_max).

#include <algorithm>
#include <numeric>

#include "columns/column_vector.h"
#include "dictionaries/dictionary_key_index.h"
#include "execution/hash_map.h"

namespace tally {

namespace {

class RangeKeyIndex final : public DictionaryKeyIndex {
 public:
  explicit RangeKeyIndex(const DictionaryStructure& s) : lookup_max_(s.range_lookup_max) {}

  void build(const Columns& keys, const Columns& range, size_t rows) override {
    PODArray<UInt64> buffer;
    const auto& k = simpleKeyValues(*keys[0], buffer);
    const auto& lo = typedAs<ColumnInt64>(*range[0]).getData();
    const auto& hi = typedAs<ColumnInt64>(*range[1]).getData();
    std::vector<uint64_t> order(rows);
    std::iota(order.begin(), order.end(), 0);
    std::stable_sort(order.begin(), order.end(), [&](uint64_t a, uint64_t b) {
      if (k[a] != k[b]) return k[a] < k[b];
      if (lo[a] != lo[b]) return lo[a] < lo[b];
      return hi[a] < hi[b];
    });
    entries_.resize(rows);
    for (size_t i = 0; i < rows; ++i) entries_[i] = Entry{lo[order[i]], hi[order[i]], order[i]};
    groups_.clear();
    for (size_t i = 0; i < rows; ++i)
      if (i == 0 || k[order[i]] != k[order[i - 1]]) groups_.push_back(Group{i, 0});
    for (size_t g = 0; g < groups_.size(); ++g)
      groups_[g].end = g + 1 < groups_.size() ? groups_[g + 1].begin : rows;
    map_ = Map(groups_.size() * 2);
    for (size_t g = 0; g < groups_.size(); ++g) {
      bool inserted;
      map_.emplace(k[order[groups_[g].begin]], inserted) = &groups_[g];
    }
  }

  void find(const Columns& keys, const Column* range, uint64_t missing, PODArray<UInt64>& rows) const override {
    const auto& k = typedAs<ColumnUInt64>(*keys[0]).getData();
    const auto& points = typedAs<ColumnInt64>(*range).getData();
    const size_t n = k.size();
    rows.resize(n);
    const Entry* entries = entries_.data();
    for (size_t i = 0; i < n; ++i) {
      uint64_t found = missing;
      if (const Group* g = map_.find(k[i])) {
        const Int64 p = points[i];
        for (size_t e = g->begin; e < g->end; ++e) {
          if (entries[e].min > p) break;
          if (p > entries[e].max) continue;
          found = entries[e].row;
          if (!lookup_max_) break;
        }
      }
      rows[i] = found;
    }
  }

  bool keepsDuplicates() const override { return true; }
  size_t bytesAllocated() const override {
    return entries_.allocatedBytes() + groups_.capacity() * sizeof(Group) + map_.capacity() * sizeof(Map::Cell);
  }
  double loadFactor() const override { return map_.capacity() ? double(map_.size()) / double(map_.capacity()) : 0; }

 private:
  struct Entry {
    Int64 min, max;
    uint64_t row;
  };
  struct Group {
    size_t begin, end;
  };
  using Map = HashMap<HashMapUInt64Traits, const Group>;

  bool lookup_max_;
  PODArray<Entry> entries_;
  std::vector<Group> groups_;
  Map map_;
};

}  // namespace

std::unique_ptr<DictionaryKeyIndex> makeRangeKeyIndex(const DictionaryStructure& structure) {
  return std::make_unique<RangeKeyIndex>(structure);
}

}  // namespace tally
