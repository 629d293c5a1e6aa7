#pragma once
// Merging sorted runs window by window: the step under every MergeTree merge. Each run (the
// rows of one source part) is read a chunk at a time; all rows below the smallest last key
// buffered by a run that still has rows on disk are handed over as one batch, so a merge holds
// a few chunks per source in memory, never whole parts.

#include <functional>

#include "types/block.h"

namespace tally {

/// Reads the next rows of run `run` into `block` (sorted by the key); false when the run is over.
using ReadRunChunk = std::function<bool(size_t run, Block& block)>;
/// The sorting-key columns (in key order, ascending) of `block`'s rows.
using KeyOfRows = std::function<Block(const Block& block)>;
/// Receives a batch: the rows of every run up to some key, runs in order and each run's rows in
/// its order, with every row of a given key in the same batch (so equal keys can be merged and a
/// stable sort keeps the runs' order). `run_rows`: how many rows each contributing run gave, in
/// batch order (each such slice is sorted).
using EmitBatch = std::function<void(Block& batch, const std::vector<size_t>& run_rows)>;

void mergeSortedRuns(size_t runs, const ReadRunChunk& read, const KeyOfRows& key, const EmitBatch& emit);

}  // namespace tally
