#pragma once
// Columns of any type as their text form — what toString() and CAST(x AS String) give:
// numbers as ClickHouse prints them, dates as YYYY-MM-DD, date-times in their zone, Enum names,
// FixedString without its zero padding, arrays and tuples in their quoted literal form.

#include "columns/column.h"
#include "functions/conversion/conversion_options.h"
#include "types/data_type.h"

namespace tally {

/// Text of every row of a full (non-Const) column of `from`, as a ColumnString. DateTime and
/// DateTime64 values are written in options.explicit_zone if set, else in their type's zone.
ColumnPtr formatColumnAsText(const Column& src, const DataType& from, const ConversionOptions& options);

}  // namespace tally
