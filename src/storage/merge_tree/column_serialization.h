#pragma once
// The bulk binary form of a range of rows of one column, as stored in a data part's granules
// (see docs/storage_format.md). Per kind, whole arrays at a time:
//   fixed-size values (numbers, dates, UUID, Enum, FixedString): the raw little-endian values;
//   String: `rows` UInt32 lengths, then the bytes of all values;
//   Nullable: `rows` null-map bytes, then the nested column;
//   Array: `rows` UInt32 sizes, then the elements (nested bulk form);
//   Tuple: each element's bulk form in turn;
//   LowCardinality (nested inside Array/Tuple): the full values in the dictionary type's form;
//   anything else (AggregateFunction states): each value's RowBinary form.
// A top-level LowCardinality column is stored by the part itself (dictionary + codes).

#include <string>

#include "columns/column.h"
#include "types/data_type.h"

namespace tally {

/// Appends rows [start, start + length) of `column` (of `type`) to `out`.
void serializeColumnRange(const DataType& type, const Column& column, size_t start, size_t length, std::string& out);

/// Appends `rows` values read from [pos, end) to `column`; returns the position after them.
/// Throws CORRUPTED_DATA if the bytes end early or are inconsistent.
const char* deserializeColumnRange(const DataType& type, Column& column, size_t rows, const char* pos, const char* end);

}  // namespace tally
