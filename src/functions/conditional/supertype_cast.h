#pragma once
// Converting a column to a wider type chosen by getLeastSupertype: what if, multiIf, coalesce,
// greatest, transform and the comparison functions need to bring arguments to one type.
// Supported: identical types (no copy), Nothing/NULL literals, Nullable and LowCardinality
// wrappers, numbers and Bool between each other, Date/Date32/DateTime/DateTime64 widening
// (in the target's time zone), FixedString -> String, Array and Tuple element-wise, and
// String -> a type parsed from text (dates, UUID, enums, numbers) for comparisons with string
// constants. Constants stay constants. Other pairs throw CANNOT_CONVERT_TYPE.

#include "columns/column.h"
#include "types/data_type.h"

namespace tally {

ColumnPtr castColumnToSupertype(const ColumnPtr& column, const DataTypePtr& from, const DataTypePtr& to);

}  // namespace tally
