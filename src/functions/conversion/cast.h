#pragma once
// CAST: converts a column (or a constant) from one type to another with ClickHouse's semantics.
// The query engine uses it for CAST(x AS T), CAST(x, 'T'), x::T, implicit conversions on INSERT
// and query parameters; the conversion functions of this folder are built on it.
//
//   castColumn({column, from_type, name}, to_type, context)
//
// Covers every pair ClickHouse allows among numbers, Bool, String, FixedString, Date, Date32,
// DateTime[(tz)], DateTime64(p[, tz]), UUID, Enum8/16, Nullable, LowCardinality, Array and Tuple
// (elementwise), and String to anything by parsing its text form. Constants stay constant; a
// LowCardinality source is converted through its dictionary (only the values its rows use).
// Errors are ClickHouse's (CANNOT_PARSE_TEXT, CANNOT_CONVERT_TYPE, TYPE_MISMATCH,
// CANNOT_INSERT_NULL_IN_ORDINARY_COLUMN, ...).

#include "common/field.h"
#include "functions/conversion/conversion_options.h"
#include "functions/function.h"
#include "types/block.h"

namespace tally {

enum class CastKind : uint8_t {
  Ordinary,        // CAST: numbers wrap, String parse failures throw
  Accurate,        // accurateCast: values that do not convert exactly throw
  AccurateOrNull,  // accurateCastOrNull: such values (and unparsable strings) become NULL
};

/// Converts `from` to type `to`. Throws ClickHouse's conversion errors.
ColumnPtr castColumn(const ColumnWithTypeAndName& from, const DataTypePtr& to, const FunctionContext& context);
ColumnPtr castColumn(const ColumnWithTypeAndName& from, const DataTypePtr& to, const FunctionContext& context,
                     CastKind kind);

/// Converts one constant value of `from_type` to `to` (same semantics as castColumn).
Field convertFieldToType(const Field& value, const DataTypePtr& from_type, const DataTypePtr& to);

/// Options derived from the query context: session zone, text-form settings.
ConversionOptions conversionOptionsFor(const FunctionContext& context);

/// castColumn with explicit options (used by the to<Type> functions: OrZero modes, time zone
/// arguments, their own names in messages).
ColumnPtr castColumnWithOptions(const ColumnPtr& column, const DataTypePtr& from, const DataTypePtr& to, CastKind kind,
                                const ConversionOptions& options);

/// toFixedString semantics for a String/FixedString column: values longer than n throw
/// "String too long for type FixedString(n)" or, with null_on_error, become NULL (Nullable result).
ColumnPtr convertToFixedString(const Column& src, size_t n, bool null_on_error);

}  // namespace tally
