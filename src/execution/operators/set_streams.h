#pragma once
// Operators over row identity: DISTINCT, LIMIT BY, and ARRAY JOIN.

#include <string>
#include <vector>

#include "execution/block_stream.h"

namespace tally {

/// Keeps the first occurrence of each distinct combination of `columns` (all columns if
/// empty). Sequential: the input is one stream.
BlockStreamPtr makeDistinctStream(BlockStreamPtr input, std::vector<std::string> columns, QueryContext& context);

/// LIMIT [offset,] limit BY columns: per distinct key, keeps rows offset..offset+limit-1.
BlockStreamPtr makeLimitByStream(BlockStreamPtr input, std::vector<std::string> columns, uint64_t limit, uint64_t offset,
                                 QueryContext& context);

struct ArrayJoinColumn {
  std::string source;  // column holding arrays
  std::string result;  // column of elements (== source to replace it)
};

/// [LEFT] ARRAY JOIN: one output row per array element; other columns are repeated. All
/// joined arrays of a row must have the same size (SIZES_OF_ARRAYS_DONT_MATCH otherwise).
/// LEFT keeps rows with empty arrays, with default elements.
/// Output header of an ARRAY JOIN over `input`.
Block arrayJoinHeader(const Block& input, const std::vector<ArrayJoinColumn>& columns);

BlockStreamPtr makeArrayJoinStream(BlockStreamPtr input, std::vector<ArrayJoinColumn> columns, bool left,
                                   QueryContext& context);

}  // namespace tally
