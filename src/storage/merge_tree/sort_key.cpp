#include "storage/merge_tree/sort_key.h"

#include <algorithm>
#include <bit>
#include <cstring>
#include <memory>
#include <string_view>

#include "columns/column_const.h"
#include "columns/column_low_cardinality.h"
#include "columns/column_string.h"
#include "columns/column_vector.h"
#include "execution/hash_map.h"
#include "execution/operators/sorting_stream.h"

namespace tally {

namespace {

using Ranks = std::vector<uint64_t>;

/// Ranks of distinct strings in sorted order, for `values` (size n) of a string-like column.
template <typename GetValue>
bool rankStrings(size_t rows, GetValue get, Ranks& ranks, uint64_t& max_rank) {
  StringIdMap index;
  std::vector<std::string_view> distinct;
  std::vector<uint32_t> ids(rows);
  for (size_t i = 0; i < rows; ++i) {
    std::string_view v = get(i);
    bool inserted;
    ids[i] = index.idOf(v, inserted);
    if (inserted) distinct.push_back(v);
  }
  std::vector<uint32_t> order(distinct.size());
  for (uint32_t i = 0; i < order.size(); ++i) order[i] = i;
  std::sort(order.begin(), order.end(), [&](uint32_t a, uint32_t b) { return distinct[a] < distinct[b]; });
  std::vector<uint32_t> rank_of(distinct.size());
  for (uint32_t r = 0; r < order.size(); ++r) rank_of[order[r]] = r;
  ranks.resize(rows);
  for (size_t i = 0; i < rows; ++i) ranks[i] = rank_of[ids[i]];
  max_rank = distinct.empty() ? 0 : distinct.size() - 1;
  return true;
}

template <typename T>
bool rankVector(const Column& column, Ranks& ranks, uint64_t& max_rank) {
  const auto* v = dynamic_cast<const ColumnVector<T>*>(&column);
  if (!v) return false;
  const auto& data = v->getData();
  ranks.resize(data.size());
  uint64_t mx = 0;
  for (size_t i = 0; i < data.size(); ++i) {
    uint64_t r;
    if constexpr (std::is_signed_v<T>) {
      r = uint64_t(int64_t(data[i])) ^ (uint64_t(1) << 63);  // order-preserving
    } else {
      r = uint64_t(data[i]);
    }
    ranks[i] = r;
    mx = std::max(mx, r);
  }
  // Signed values: shift to start at the minimum so small ranges pack into few bits.
  if constexpr (std::is_signed_v<T>) {
    uint64_t mn = UINT64_MAX;
    for (auto r : ranks) mn = std::min(mn, r);
    mx = 0;
    for (auto& r : ranks) {
      r -= mn;
      mx = std::max(mx, r);
    }
  }
  max_rank = mx;
  return true;
}

bool rankColumn(const Column& column, Ranks& ranks, uint64_t& max_rank) {
  switch (column.kind()) {
    case ColumnKind::Vector:
      return rankVector<UInt8>(column, ranks, max_rank) || rankVector<UInt16>(column, ranks, max_rank) ||
             rankVector<UInt32>(column, ranks, max_rank) || rankVector<UInt64>(column, ranks, max_rank) ||
             rankVector<Int8>(column, ranks, max_rank) || rankVector<Int16>(column, ranks, max_rank) ||
             rankVector<Int32>(column, ranks, max_rank) || rankVector<Int64>(column, ranks, max_rank);
    case ColumnKind::String: {
      const auto& s = static_cast<const ColumnString&>(column);
      return rankStrings(s.size(), [&](size_t i) { return s.at(i); }, ranks, max_rank);
    }
    case ColumnKind::LowCardinality: {
      const auto& lc = static_cast<const ColumnLowCardinality&>(column);
      if (lc.isNullableDictionary()) return false;
      const Column& values = lc.getDictionary().values();
      if (values.kind() != ColumnKind::String) return false;
      const auto& strings = static_cast<const ColumnString&>(values);
      // Ranks of the dictionary's values, kept with the dictionary (it only grows: recomputed
      // when it has), then each row's code mapped.
      auto cached = lc.getDictionary().derived("sort_key ranks");
      std::lock_guard lock(cached->mutex);
      if (cached->computed != strings.size()) {
        std::vector<uint32_t> order(strings.size());
        for (uint32_t i = 0; i < order.size(); ++i) order[i] = i;
        std::sort(order.begin(), order.end(), [&](uint32_t a, uint32_t b) { return strings.at(a) < strings.at(b); });
        cached->remap.resize(strings.size());
        uint32_t rank = 0;
        for (size_t r = 0; r < order.size(); ++r) {
          if (r > 0 && strings.at(order[r]) != strings.at(order[r - 1])) ++rank;
          cached->remap[order[r]] = rank;
        }
        cached->computed = strings.size();
        cached->result = nullptr;
      }
      const uint32_t* dict_ranks = cached->remap.data();
      uint64_t dict_max = 0;
      for (size_t i = 0; i < cached->computed; ++i) dict_max = std::max<uint64_t>(dict_max, dict_ranks[i]);
      ranks.resize(lc.size());
      lc.visitIndexes([&](const auto& codes) {
        for (size_t i = 0; i < ranks.size(); ++i) ranks[i] = dict_ranks[codes[i]];
      });
      max_rank = dict_max;
      return true;
    }
    default:
      return false;
  }
}

/// A row's packed key; sorted arrays of these give the permutation.
struct KeyRow {
  uint64_t key;
  uint64_t row;
};

/// n entries, left uninitialized (no zeroing pass over arrays of millions).
std::unique_ptr<KeyRow[]> keyRows(size_t n) { return std::unique_ptr<KeyRow[]>(new KeyRow[n]); }

/// Stable LSD radix sort of `a` (rows entries, keys below 2^bits), 11 bits per pass.
void radixSortPermutation(std::unique_ptr<KeyRow[]> a, size_t rows, unsigned bits, Permutation& perm) {
  constexpr unsigned kDigit = 11;
  constexpr size_t kBuckets = size_t(1) << kDigit;
  auto b = keyRows(rows);
  std::vector<size_t> count(kBuckets);
  for (unsigned shift = 0; shift < bits; shift += kDigit) {
    std::fill(count.begin(), count.end(), 0);
    for (size_t i = 0; i < rows; ++i) ++count[(a[i].key >> shift) & (kBuckets - 1)];
    if (count[(a[0].key >> shift) & (kBuckets - 1)] == rows) continue;  // one bucket: nothing moves
    size_t sum = 0;
    for (auto& c : count) {
      size_t n = c;
      c = sum;
      sum += n;
    }
    for (size_t i = 0; i < rows; ++i) b[count[(a[i].key >> shift) & (kBuckets - 1)]++] = a[i];
    a.swap(b);
  }
  for (size_t i = 0; i < rows; ++i) perm[i] = a[i].row;
}

/// Stable permutation of `a` (rows entries in consecutive ascending runs of sizes `runs`):
/// adjacent runs are merged pairwise (ties keep the earlier run first), log2(runs) passes.
void mergeRunsPermutation(std::unique_ptr<KeyRow[]> a, size_t rows, const std::vector<size_t>& runs, Permutation& perm) {
  auto b = keyRows(rows);
  std::vector<size_t> bounds{0};
  for (size_t r : runs) bounds.push_back(bounds.back() + r);
  auto less = [](const KeyRow& x, const KeyRow& y) { return x.key < y.key; };
  while (bounds.size() > 2) {
    std::vector<size_t> next{0};
    for (size_t i = 0; i + 1 < bounds.size(); i += 2) {
      size_t lo = bounds[i], mid = bounds[i + 1];
      size_t hi = i + 2 < bounds.size() ? bounds[i + 2] : mid;
      std::merge(a.get() + lo, a.get() + mid, a.get() + mid, a.get() + hi, b.get() + lo, less);
      next.push_back(hi);
    }
    a.swap(b);
    bounds.swap(next);
  }
  for (size_t i = 0; i < rows; ++i) perm[i] = a[i].row;
}

}  // namespace

void sortByKey(const Block& block, const std::vector<std::string>& keys, Permutation& perm,
               const std::vector<size_t>* runs) {
  size_t rows = block.rows();
  if (rows == 0) {
    perm.clear();
    return;
  }
  std::vector<Ranks> ranks(keys.size());
  std::vector<unsigned> bits(keys.size());
  unsigned total_bits = 0;
  bool fast = true;
  for (size_t k = 0; k < keys.size() && fast; ++k) {
    int pos = block.position(keys[k]);
    if (pos < 0) {
      fast = false;
      break;
    }
    ColumnPtr col = materialize(block.at(size_t(pos)).column);
    uint64_t max_rank = 0;
    fast = rankColumn(*col, ranks[k], max_rank);
    bits[k] = max_rank == 0 ? 0 : unsigned(64 - std::countl_zero(max_rank));
    total_bits += bits[k];
  }
  if (!fast || total_bits > 128) {
    SortDescription description;
    for (const auto& k : keys) description.push_back({k, 1, 1});
    sortBlockPermutation(block, description, 0, perm);
    return;
  }
  perm.resize(rows);
  if (total_bits <= 64) {
    auto packed = keyRows(rows);
    for (size_t i = 0; i < rows; ++i) {
      uint64_t key = 0;
      for (size_t k = 0; k < keys.size(); ++k)
        if (bits[k]) key = (key << bits[k]) | ranks[k][i];
      packed[i] = {key, i};
    }
    size_t run_rows = 0;
    if (runs) for (size_t r : *runs) run_rows += r;
    if (runs && run_rows == rows) mergeRunsPermutation(std::move(packed), rows, *runs, perm);
    else radixSortPermutation(std::move(packed), rows, total_bits, perm);
    return;
  }
  using U128 = unsigned __int128;
  struct Entry {
    U128 key;
    uint64_t row;
  };
  std::vector<Entry> entries(rows);
  for (size_t i = 0; i < rows; ++i) {
    U128 key = 0;
    for (size_t k = 0; k < keys.size(); ++k)
      if (bits[k]) key = (key << bits[k]) | ranks[k][i];
    entries[i] = {key, i};
  }
  std::sort(entries.begin(), entries.end(), [](const Entry& a, const Entry& b) {
    return a.key < b.key || (a.key == b.key && a.row < b.row);
  });
  for (size_t i = 0; i < rows; ++i) perm[i] = entries[i].row;
}

}  // namespace tally
