#pragma once
// ORDER BY: each input thread sorts what it read (keeping only the first `limit` rows when a
// LIMIT follows), then the sorted runs are merged. Stable: equal rows keep input order within
// a run. NULLs and NaNs go where nulls_direction says (ClickHouse: last by default).

#include <string>
#include <vector>

#include "execution/block_stream.h"

namespace tally {

struct SortColumn {
  std::string name;
  int direction = 1;        // 1 ascending, -1 descending
  int nulls_direction = 1;  // as ClickHouse's nulls_direction_hint (1: NULLs after values in ascending order)
};
using SortDescription = std::vector<SortColumn>;

/// limit == 0: no limit.
BlockStreamPtr makeSortingStream(BlockStreams inputs, SortDescription description, uint64_t limit, QueryContext& context);

/// The row order that sorts `block` by `description` (first `limit` rows if limit > 0).
void sortBlockPermutation(const Block& block, const SortDescription& description, uint64_t limit, Permutation& perm);

}  // namespace tally
