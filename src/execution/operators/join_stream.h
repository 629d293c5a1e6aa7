#pragma once
// Hash join: the right side is drained (all threads) into one block and a hash table on its
// keys; each left stream then probes it in parallel. INNER, LEFT, RIGHT, FULL and CROSS
// kinds; ALL, ANY, SEMI and ANTI strictness. Rows whose key has a NULL never match. Right rows
// not matched by any left row (RIGHT/FULL) are emitted by the last left stream to finish.

#include <memory>
#include <string>
#include <vector>

#include "execution/block_stream.h"
#include "parser/ast.h"

namespace tally {

struct JoinColumn {
  std::string source;  // column name in its side's block
  std::string output;  // name in the join's output
  DataTypePtr type;    // output type (Nullable when filling non-matched rows with NULL)
};

struct JoinParams {
  JoinKind kind = JoinKind::Inner;
  JoinStrictness strictness = JoinStrictness::All;
  std::vector<std::string> left_keys;   // names in the left block
  std::vector<std::string> right_keys;  // names in the right block (same count and types)
  std::vector<JoinColumn> left_columns;   // left columns to output
  std::vector<JoinColumn> right_columns;  // right columns to output
};

/// Builds the shared build-side state once (drains `right`), then wraps each left stream.
/// Returns one output stream per left stream.
BlockStreams makeJoinStreams(BlockStreams left, BlockStreams right, JoinParams params, QueryContext& context);

}  // namespace tally
