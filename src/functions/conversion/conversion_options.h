#pragma once
// The knobs one conversion runs with: what a value that does not parse or does not fit becomes,
// which time zones apply, and which rows to leave alone. Shared by CAST, the to<Type> family and
// the internal castColumn() entry point.

#include <cstdint>
#include <string>

#include "common/pod_array.h"
#include "types/format_settings.h"

namespace tally {

class TimeZone;

/// What a String that does not parse as the target type becomes.
enum class ParseFailureMode : uint8_t {
  Throw,  // CANNOT_PARSE_* error (toT, CAST)
  Zero,   // the type's zero value (toTOrZero)
  Null,   // NULL (toTOrNull, CAST to Nullable, accurateCastOrNull)
};

/// How numbers that do not fit the target type are treated.
enum class NumericAccuracy : uint8_t {
  Wrap,       // C++ static_cast semantics (toT, CAST)
  Throw,      // CANNOT_CONVERT_TYPE (accurateCast)
  Null,       // NULL (accurateCastOrNull)
};

struct ConversionOptions {
  /// The function whose name appears in type errors ("Illegal type ... of argument of function toUInt8").
  /// Empty: the to<Type> function of the target type, as CAST reports it.
  std::string function_name;
  ParseFailureMode parse_failure = ParseFailureMode::Throw;
  NumericAccuracy accuracy = NumericAccuracy::Wrap;
  /// Zone given as an explicit argument (toDate(x, 'tz'), toString(t, 'tz')); overrides the source type's.
  const TimeZone* explicit_zone = nullptr;
  /// Zone of the session, for sources without one (numbers as Unix timestamps); default zone if null.
  const TimeZone* session_zone = nullptr;
  /// Text forms used when values are printed or parsed generically (Bool names, ...).
  FormatSettings format;
  /// Rows that are NULL in a Nullable source: their (default) values are not converted and never fail.
  const PODArray<UInt8>* null_rows = nullptr;

  bool rowIsNull(size_t i) const { return null_rows && (*null_rows)[i]; }
};

}  // namespace tally
