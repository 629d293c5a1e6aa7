#pragma once
// The types ClickHouse gives literals: the narrowest unsigned/signed integer that holds the
// value, Float64 for fractions, String, Bool, Nullable(Nothing) for NULL, and arrays/tuples of
// the least supertype of their elements.

#include "common/field.h"
#include "types/data_type.h"

namespace tally {

DataTypePtr literalType(const Field& value);
/// A one-row column of `type` holding `value` (converted to the type).
ColumnPtr literalColumn(const Field& value, const DataTypePtr& type);

}  // namespace tally
