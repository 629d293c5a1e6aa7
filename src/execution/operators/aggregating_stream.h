#pragma once
// Hash aggregation (GROUP BY): drains its input streams on parallel threads into thread-local
// hash tables of aggregate states, merges them, and outputs one row per group. The hash table
// layout is chosen from the shape of the keys (no keys; one 8/16-bit key: direct array; one
// fixed key up to 64 bits; several fixed keys packed in 128 bits; one String; one
// LowCardinality key: dictionary codes mapped to groups once per dictionary; anything else:
// keys serialised into the arena).

#include <memory>
#include <string>
#include <vector>

#include "execution/block_stream.h"
#include "functions/aggregate/aggregate_function.h"

namespace tally {

struct AggregateDescription {
  AggregateFunctionPtr function;
  std::vector<std::string> arguments;  // input column names
  std::string name;                    // output column name
};

struct AggregationParams {
  std::vector<std::string> keys;
  std::vector<AggregateDescription> aggregates;
  /// Also compute the totals row (aggregates over all rows, keys default).
  bool with_totals = false;
  /// Output the states themselves (AggregateFunction columns) instead of final values.
  bool final = true;
};

/// Where an aggregating stream leaves its totals row when with_totals is set.
struct TotalsHolder {
  Block totals;
};

BlockStreamPtr makeAggregatingStream(BlockStreams inputs, AggregationParams params, QueryContext& context,
                                     std::shared_ptr<TotalsHolder> totals = nullptr);

}  // namespace tally
