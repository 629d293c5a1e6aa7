#pragma once
// Type inference for schema readers of text formats, following ClickHouse's rules
// (docs: "Automatic schema inference from input data"):
//   - integers are Int64 (UInt64 when a positive value overflows Int64), other numbers Float64
//     (in CSV/TSV only without an exponent), true/false Bool;
//   - strings that are dates (YYYY-MM-DD) are Date, date-times DateTime, date-times with a
//     fraction DateTime64(9) (input_format_try_infer_dates / _datetimes), other strings String;
//   - JSON arrays and [..] literals are Array of the merged element type, JSON objects named
//     Tuples with the keys of all rows in name order, (..) literals unnamed Tuples;
//   - values of a column merge across rows: Int64 + Float64 -> Float64, Bool + numbers ->
//     the number, Date + DateTime -> DateTime(64), anything else that differs -> String;
//   - scalars end up Nullable(T), arrays Array(Nullable(T)); a column of only NULLs, empty
//     arrays or objects is String where the format allows it.

#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "types/data_type.h"
#include "types/format_settings.h"

namespace tally {

struct InferredType {
  enum class Kind : uint8_t {
    Unknown,  // only NULLs / nothing seen yet
    Bool,
    Int64,
    UInt64,
    Float64,
    Date,
    DateTime,
    DateTime64,
    String,
    Array,       // children[0] is the element (Unknown for empty arrays)
    Tuple,       // unnamed, children in order
    NamedTuple,  // names[i] -> children[i], kept sorted by name
  };
  Kind kind = Kind::Unknown;
  std::vector<InferredType> children;
  std::vector<std::string> names;

  bool known() const;
};

/// Merges b into a (the type of a column over several rows, or of array elements).
void mergeInferredTypes(InferredType& a, const InferredType& b);

/// Scalar kinds of unquoted text: Int64/UInt64/Float64 (exponents only when allowed), Bool for
/// true/false, Date/DateTime/DateTime64 when enabled; String otherwise.
InferredType inferTextScalar(std::string_view text, const FormatSettings& settings, bool allow_exponent);
/// Date/DateTime/DateTime64 of a string, or String.
InferredType inferStringContent(std::string_view text, const FormatSettings& settings);
/// A value in SQL literal syntax ([..], (..), 'str', numbers, NULL, true/false) spanning the
/// whole text; false if it is not one.
bool inferLiteral(std::string_view text, const FormatSettings& settings, InferredType& out);
/// The type of one JSON value (the text of exactly one value).
InferredType inferJSONValue(std::string_view json, const FormatSettings& settings);

/// The keys of one JSON object in order with the types of their values; false if the text is
/// not one JSON object.
bool inferJSONObjectFields(std::string_view json, const FormatSettings& settings,
                           std::vector<std::pair<std::string, InferredType>>& fields);
/// The types of the elements of one JSON array, by position; false if the text is not one array.
bool inferJSONArrayElements(std::string_view json, const FormatSettings& settings, std::vector<InferredType>& elements);

/// The final column type; `unknown_as_string` turns unresolved parts into String, otherwise an
/// unresolved column is ONLY_NULLS_WHILE_READING_SCHEMA.
DataTypePtr inferredToDataType(const InferredType& type, bool unknown_as_string, const std::string& column,
                               size_t rows);

}  // namespace tally
