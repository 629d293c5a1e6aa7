#pragma once
// Window functions: OVER (PARTITION BY ... ORDER BY ... ROWS|RANGE BETWEEN ...). The input is
// gathered (all threads), then for each window the rows are sorted by (partition, order) keys
// and every function of that window is computed partition by partition over its frame.
// Functions: row_number, rank, dense_rank, percent_rank, cume_dist, ntile, lagInFrame,
// leadInFrame, lag, lead, first_value, last_value, nth_value, and every aggregate function.

#include <string>
#include <vector>

#include "execution/block_stream.h"
#include "execution/operators/sorting_stream.h"
#include "functions/aggregate/aggregate_function.h"
#include "parser/ast.h"

namespace tally {

struct WindowFrameBoundary {
  WindowBoundType type = WindowBoundType::Unbounded;
  bool preceding = true;
  Field offset;  // for Offset: a non-negative number
};

struct WindowFrame {
  WindowFrameType type = WindowFrameType::Range;
  WindowFrameBoundary begin{WindowBoundType::Unbounded, true, Field()};
  WindowFrameBoundary end{WindowBoundType::Current, false, Field()};
};

struct WindowFunctionDescription {
  std::string name;           // output column
  std::string function_name;  // row_number, lagInFrame, ... or an aggregate's name
  AggregateFunctionPtr aggregate;  // set for aggregates
  std::vector<std::string> arguments;  // input columns
  Fields parameters;          // constant parameters (ntile's n, nth_value's n, lag offsets)
  DataTypePtr result_type;
};

struct WindowDescription {
  std::vector<std::string> partition_by;
  SortDescription order_by;
  WindowFrame frame;
  std::vector<WindowFunctionDescription> functions;
};

BlockStreamPtr makeWindowStream(BlockStreams inputs, std::vector<WindowDescription> windows, QueryContext& context);

/// Window-only functions (not aggregates): is `name` one, and what it returns.
bool isWindowOnlyFunction(const std::string& name);
DataTypePtr windowOnlyFunctionReturnType(const std::string& name, const DataTypes& arguments);

}  // namespace tally
