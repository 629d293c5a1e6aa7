#pragma once
// Column kernels between the types stored as one number per row — UInt8..Float64, Bool, Date,
// Date32, DateTime, DateTime64 and (as sources) Enum8/16 — with ClickHouse's rules:
//   - numbers narrow like C++ static_cast (toUInt8(300) = 44); floats truncate toward zero, and
//     out-of-range floats give what x86's cvttsd2si gives; NaN/Inf to an integer is an error;
//   - dates convert as days, date-times as seconds, numbers to dates with the "> 65535 is a
//     Unix timestamp" rule, DateTime64 by its scale;
//   - accurate modes reject (or NULL) values that do not convert exactly.
// One type dispatch per block; the loops run on raw arrays.

#include "columns/column.h"
#include "functions/conversion/conversion_options.h"
#include "types/data_type.h"

namespace tally {

/// Numbers, Bool, Date, Date32, DateTime, DateTime64, Enum8, Enum16.
bool isStoredAsNumber(TypeIndex id);

/// Converts a full column of `from` (stored as numbers) into `to` (a number, Bool, Date, Date32,
/// DateTime or DateTime64 type). Returns a column of `to`, or Nullable(to) with NULL where a value
/// failed and options.accuracy == NumericAccuracy::Null.
ColumnPtr convertStoredNumbers(const Column& src, const DataType& from, const DataType& to,
                               const ConversionOptions& options);

}  // namespace tally
