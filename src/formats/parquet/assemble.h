#pragma once
// Record assembly: turns the decoded chunks (levels + dense values) of the leaves of one
// top-level column into a tally column of its shape. Definition levels below the leaf's
// maximum are NULL (Nullable leaves) or the default value (required leaves under optional
// groups, and Tuple/Array levels, which cannot be NULL in tally); repetition levels build
// Array offsets, one level per repeated ancestor. Inconsistent levels (leaves of one Array
// disagreeing, a row count other than the row group's) throw INCORRECT_DATA.

#include <vector>

#include "formats/parquet/column_reader.h"
#include "formats/parquet/schema.h"

namespace tally::parquet {

/// `chunks` is indexed by leaf number; the leaves of `column` are consumed (moved from).
/// `type` gets the column's type: column.type, except that string leaves read as dictionary
/// indices (ChunkData::coded) are LowCardinality(leaf type).
ColumnPtr assembleColumn(const ShapeNode& column, std::vector<ChunkData>& chunks, size_t num_rows,
                         const std::string& what, DataTypePtr& type);

/// LowCardinality of a leaf's type (Nullable inside when the leaf is).
DataTypePtr lowCardinalityLeafType(const ShapeNode& leaf);

}  // namespace tally::parquet
