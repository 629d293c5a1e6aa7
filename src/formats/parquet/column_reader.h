#pragma once
// Reads one column chunk (one leaf of one row group) page by page: dictionary page, Data Page
// V1 and V2, with PLAIN, PLAIN_DICTIONARY/RLE_DICTIONARY, RLE (booleans) and
// DELTA_BINARY_PACKED (integers) values. The result is the chunk's definition and repetition
// levels and its non-NULL values appended densely to a column of the leaf's base type; values
// are converted on the way (INT96 to nanoseconds, DECIMAL to Float64, narrower integers).
// Whole pages are decoded at once into typed arrays; nothing is virtual per value.
// Every size, offset and index is checked against the chunk's bytes: corrupt data throws
// INCORRECT_DATA / CANNOT_DECOMPRESS naming the column, row group and file position.

#include <string_view>
#include <vector>

#include "columns/column.h"
#include "formats/parquet/metadata.h"
#include "formats/parquet/schema.h"

namespace tally::parquet {

struct ChunkData {
  std::vector<uint16_t> def;  // one per value slot; empty when max_def == 0
  std::vector<uint16_t> rep;  // empty when max_rep == 0
  size_t num_slots = 0;       // values including NULLs (level entries)
  MutableColumnPtr values;    // the non-NULL values, leaf.base_type (empty when `coded`)
  /// With `keep_codes`, a string chunk whose pages are all dictionary-encoded keeps its values
  /// as indices (`codes`, checked against the dictionary) into `dictionary`.
  bool coded = false;
  std::vector<uint32_t> codes;
  MutableColumnPtr dictionary;
};

/// Decodes the chunk `chunk` of `leaf` from `file`. `row_group` (0-based) and `path` are for
/// messages; a leaf outside arrays may not hold more than `num_rows` values (the row group's).
/// `keep_codes`: a string leaf read as LowCardinality keeps dictionary indices (see ChunkData).
ChunkData readColumnChunk(std::string_view file, const ColumnChunk& chunk, const ShapeNode& leaf,
                          const std::string& path, size_t row_group, size_t num_rows, bool keep_codes = false);

}  // namespace tally::parquet
