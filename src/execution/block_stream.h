#pragma once
// BlockStream: a sequential source of blocks — the physical operator interface. A query runs
// as several streams in parallel (one per thread); pipeline breakers (aggregation, sort, join
// build, window) drain their input streams on all threads, merge, and then serve output.
//
// Contract: read() returns the next block with at least one row, or false at the end; blocks
// always match header() (names, types, order). A stream is driven by one thread at a time.
// Streams check QueryContext::checkAlive() once per block, so cancellation and timeouts end
// the query promptly; an exception in any stream ends the whole query.

#include <functional>
#include <memory>
#include <string>
#include <vector>

#include "execution/query_context.h"
#include "types/block.h"

namespace tally {

class BlockStream {
 public:
  virtual ~BlockStream() = default;
  virtual const Block& header() const = 0;
  virtual bool read(Block& block) = 0;
  /// Operator name for EXPLAIN PIPELINE.
  virtual std::string name() const = 0;
  /// Inputs, for EXPLAIN PIPELINE.
  virtual std::vector<const BlockStream*> children() const { return {}; }
};

using BlockStreamPtr = std::unique_ptr<BlockStream>;
using BlockStreams = std::vector<BlockStreamPtr>;

/// Drives every stream on its own thread (the calling thread takes the first), calling
/// consume(stream_index, block) for each block from that stream's thread. Rethrows the first
/// exception after all threads stopped. Installs the query's memory tracker on each thread.
void drainInParallel(BlockStreams& streams, const std::function<void(size_t, Block&)>& consume, QueryContext& context);

/// Runs fn(i) for i in [0, count) on up to `threads` threads; rethrows the first exception.
void runInParallel(size_t count, size_t threads, const std::function<void(size_t)>& fn, QueryContext& context);

/// Merges several streams into one (blocks in any order) by reading them on parallel threads
/// through a bounded queue. With one input it is that input.
BlockStreamPtr unionStreams(BlockStreams streams, QueryContext& context);

/// A stream over blocks already in memory.
BlockStreamPtr makeBlocksStream(Block header, std::vector<Block> blocks, std::string name = "Blocks");

/// Reads all blocks of a stream.
std::vector<Block> readAll(BlockStream& stream);

/// Concatenates blocks with equal headers into one (columns materialised, constants expanded).
Block concatenateBlocks(const std::vector<Block>& blocks, const Block& header);

/// Makes the column of each block full (no ColumnConst) — needed before storing or merging.
Block materializeBlock(const Block& block);

/// Serves a block computed whole (sort, window) in slices: cuts the next at most `block_size`
/// rows of `result` from `position` (advanced) into `out`; false once all rows were served.
bool readResultSlice(const Block& result, size_t& position, size_t block_size, Block& out);

/// BlockStream::children() of a stream over several inputs.
std::vector<const BlockStream*> streamPointers(const BlockStreams& inputs);

}  // namespace tally
