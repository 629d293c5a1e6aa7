#pragma once
// Sorting rows by a table's sorting key, the hot step of every insert and merge. Each key
// column becomes a dense rank per row (integers as they are, strings and LowCardinality
// dictionaries by the order of their distinct values); the ranks are packed into one 128-bit
// integer per row, so the sort compares integers instead of values. Keys that do not fit, or
// columns of other types, use the generic comparison sort.

#include <string>
#include <vector>

#include "columns/column.h"
#include "types/block.h"

namespace tally {

/// The stable ascending permutation of `block` by the columns `keys` (names in `block`).
/// `runs`, when given, are the sizes of consecutive already-sorted runs that make up the block
/// (a merge's batch): they are merged instead of sorted.
void sortByKey(const Block& block, const std::vector<std::string>& keys, Permutation& perm,
               const std::vector<size_t>* runs = nullptr);

}  // namespace tally
