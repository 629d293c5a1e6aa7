#pragma once
// Internal interface between the CAST core (cast.cpp: constants, Nullable, LowCardinality, scalar
// targets) and the casts to composite and named-value families (cast_families.cpp: Array, Tuple,
// Enum, FixedString).

#include "functions/conversion/cast.h"

namespace tally {

struct CastRequest {
  CastKind kind;
  const ConversionOptions& options;
};

/// Any column of `from` (Const, Nullable and LowCardinality included) to `to`.
ColumnPtr castAny(const ColumnPtr& column, const DataTypePtr& from, const DataTypePtr& to, const CastRequest& request);

/// Families; `column` is a full column of `from` (neither Nullable nor LowCardinality). Rows in
/// options.null_rows are NULL in the caller and are not converted.
ColumnPtr castToArray(const ColumnPtr& column, const DataTypePtr& from, const DataTypePtr& to, const CastRequest& request,
                      const ConversionOptions& options);
ColumnPtr castToTuple(const ColumnPtr& column, const DataTypePtr& from, const DataTypePtr& to, const CastRequest& request,
                      const ConversionOptions& options);
ColumnPtr castToEnum(const ColumnPtr& column, const DataTypePtr& from, const DataTypePtr& to, const CastRequest& request,
                     const ConversionOptions& options);
ColumnPtr castToFixedString(const ColumnPtr& column, const DataTypePtr& from, const DataTypePtr& to, bool null_on_error);

/// "Conversion from X to Y is not supported" (CANNOT_CONVERT_TYPE).
[[noreturn]] void throwConversionNotSupported(const DataTypePtr& from, const DataTypePtr& to);

}  // namespace tally
