#pragma once
// The least common type of several types, as ClickHouse computes it for if/multiIf, array
// literals, UNION, coalesce and similar: numbers widen (mixed signedness goes to a wider
// signed type, integers with floats to Float32/Float64), dates widen to the richer type,
// String and FixedString meet at String, Nullable is kept if any input is Nullable or NULL.
// Throws NO_COMMON_TYPE when there is none.

#include "types/data_type.h"

namespace tally {

DataTypePtr getLeastSupertype(const DataTypes& types);

/// Like getLeastSupertype but returns nullptr instead of throwing.
DataTypePtr tryGetLeastSupertype(const DataTypes& types);

}  // namespace tally
