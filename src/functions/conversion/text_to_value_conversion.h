#pragma once
// String / FixedString columns parsed into other types, as ClickHouse's to<Type>(String) and CAST
// from String do it: a whole value per row, nothing left over (FixedString's zero padding and a
// time part after a Date excepted), with ClickHouse's error codes and messages.

#include "columns/column.h"
#include "functions/conversion/conversion_options.h"
#include "types/data_type.h"

namespace tally {

/// True for the targets parseStringColumn handles with its dedicated parsers: numbers, Date,
/// Date32, DateTime, DateTime64, UUID.
bool hasDedicatedTextParser(TypeIndex id);

/// Parses every row of `src` (a full String or FixedString column of type `from`) as `to`.
/// `mode` says what unparsable rows become; `check_overflow` makes out-of-range integers fail (the
/// try-parsing of OrZero/OrNull/Nullable targets) instead of wrapping. With `accurate`, integer
/// parse failures raise "Cannot parse string to type T" (accurateCast). Rows listed in
/// options.null_rows are not parsed. Returns Nullable(to) in ParseFailureMode::Null.
ColumnPtr parseStringColumn(const Column& src, const DataType& from, const DataType& to, ParseFailureMode mode,
                            bool check_overflow, bool accurate, const ConversionOptions& options);

/// Parses every row through to.deserializeWholeText (Array, Tuple, Enum, Bool, ...). Failed rows
/// throw, become defaults (Zero) or NULL (Null: the result is then Nullable(to)).
ColumnPtr parseStringColumnGeneric(const Column& src, const DataType& to, ParseFailureMode mode,
                                   const ConversionOptions& options);

}  // namespace tally
