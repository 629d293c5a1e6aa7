#pragma once
// Which parts of a partition a background merge combines: a run of consecutive parts whose
// largest is a small share of their total (size-tiered, like ClickHouse's SimpleMergeSelector).
// Merging a big part with a small one rewrites the big one for little gain; requiring the
// total to be `base` times the largest part bounds how often a row is rewritten to about
// log_base(parts) times. The requirement relaxes (base lowers to `lowered_base`) as parts age
// and as a partition collects many parts, so small leftovers still merge once inserts stop.
// Pure function; no locking.

#include <cstddef>
#include <cstdint>
#include <functional>
#include <utility>
#include <vector>

namespace tally {

struct MergeSelectorSettings {
  size_t max_parts = 30;                        // parts merged at once at most
  uint64_t max_bytes = uint64_t(16) << 30;      // total size merged at once at most
  double base = 4;                              // total / largest needed for fresh parts
  double lowered_base = 3;                      // ... for old parts or crowded partitions
  int64_t lower_base_after_seconds = 120;       // age at which base is fully lowered
  size_t min_parts_to_lower_base = 10;          // partition size where lowering starts
  size_t max_parts_to_lower_base = 60;          // ... and where base is fully lowered
  uint64_t fixed_cost_bytes = uint64_t(1) << 20;  // added to every part: tiny parts merge readily
};

struct MergeSelectorPart {
  uint64_t bytes = 0;
  int64_t age_seconds = 0;
};

/// The best range [first, second) of consecutive `parts` (one partition, in block order) to
/// merge now, or {0, 0} when no range qualifies. `can_merge(begin, end)` may veto a range (an
/// insert in flight between its parts). Among qualifying ranges, the one with the least bytes
/// per part removed wins.
std::pair<size_t, size_t> selectMergeRange(const std::vector<MergeSelectorPart>& parts,
                                           const MergeSelectorSettings& settings,
                                           const std::function<bool(size_t, size_t)>& can_merge);

}  // namespace tally
