#pragma once
// Streaming (non-breaking) operators: expression evaluation, filtering, limits, array join.
// Each wraps one input stream; a query applies them to each of its parallel streams.

#include <atomic>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "execution/block_stream.h"
#include "execution/expression_evaluator.h"

namespace tally {

/// Evaluates expressions over each block and outputs the evaluator's header.
BlockStreamPtr makeExpressionStream(BlockStreamPtr input, ExpressionEvaluatorPtr evaluator, QueryContext& context);

/// Keeps the rows where the column `filter_column` (computed by `evaluator`, which also keeps
/// the input columns) is non-zero; drops the filter column from the output when `remove_filter`.
/// With `keep_columns`, only those columns (by name, in the evaluator's header order) are passed
/// on and filtered, e.g. not the columns only the filter read; an empty list (nothing downstream
/// reads a column, e.g. count()) passes on only row counts.
/// Positions in `evaluated` (the evaluator's header) of the columns such a filter passes on.
std::vector<size_t> filterOutputPositions(const Block& evaluated, const std::string& filter_column, bool remove_filter,
                                          const std::optional<std::vector<std::string>>& keep_columns);
BlockStreamPtr makeFilterStream(BlockStreamPtr input, ExpressionEvaluatorPtr evaluator, std::string filter_column,
                                bool remove_filter, QueryContext& context,
                                const std::optional<std::vector<std::string>>& keep_columns = std::nullopt);

/// Shared row budget of a LIMIT applied to several parallel streams: each stream takes rows
/// until the budget is spent, so the union returns at most offset+limit rows overall.
struct LimitState {
  std::atomic<uint64_t> taken{0};
};

/// LIMIT n OFFSET m on one stream. Once done, sets `stop_sources` (when given): the token the
/// sources under this LIMIT watch (see QueryContext::readStopToken).
BlockStreamPtr makeLimitStream(BlockStreamPtr input, uint64_t limit, uint64_t offset,
                               QueryContext::ReadStopToken stop_sources);

/// Keeps only the columns of `header` (by name, in its order), e.g. the final SELECT list.
BlockStreamPtr makeProjectionStream(BlockStreamPtr input, const Block& header);

/// Renames columns positionally to the names of `header` (types must already match).
BlockStreamPtr makeRenameStream(BlockStreamPtr input, const Block& header);

/// Casts each column to the type of the same column in `header` (by position).
BlockStreamPtr makeConvertingStream(BlockStreamPtr input, const Block& header, QueryContext& context);

/// Counts rows and bytes going through, for max_result_rows/bytes and the result statistics.
BlockStreamPtr makeResultLimitsStream(BlockStreamPtr input, QueryContext& context, std::atomic<uint64_t>* result_rows,
                                      std::atomic<uint64_t>* result_bytes);

}  // namespace tally
