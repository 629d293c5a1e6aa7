#pragma once
// What a MergeTree-family engine does to rows with equal sorting keys when parts merge (and
// under FINAL): keep them all (MergeTree), sum numeric columns (SummingMergeTree), merge
// aggregate states (AggregatingMergeTree), keep the newest (ReplacingMergeTree) or cancel
// sign pairs (CollapsingMergeTree).

#include <string>
#include <vector>

#include "types/block.h"

namespace tally {

struct MergingMode {
  enum class Kind { Ordinary, Summing, Aggregating, Replacing, Collapsing };
  Kind kind = Kind::Ordinary;
  std::vector<std::string> columns_to_sum;  // Summing: empty = every numeric column outside the key
  std::string version_column;               // Replacing: optional
  std::string sign_column;                  // Collapsing

  std::string engineName() const;
};

/// Applies `mode` to `block`, whose rows are sorted by the columns `key` (names in `block`)
/// with equal keys in insertion order. Returns the block unchanged for Ordinary. `for_final`:
/// the rows are a query's result (SELECT ... FINAL), so CollapsingMergeTree outputs no "cancel"
/// rows, as ClickHouse.
Block applyMergingMode(const Block& block, const std::vector<std::string>& key, const MergingMode& mode, bool for_final = false);

}  // namespace tally
