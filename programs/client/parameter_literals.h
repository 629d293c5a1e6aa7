#pragma once
// Query parameters for servers without them (ClickHouse before 19.x, e.g. Debian's 18.16): each
// {name:Type} placeholder of a statement becomes a literal of its value. The value is read in
// the type's text form and checked against the type first, so the literal can only ever be one
// value of that type (never SQL): strings are quoted and escaped, numbers and dates validated.

#include <map>
#include <string>
#include <string_view>

namespace tally::cli {

/// `sql` with every {name:Type} placeholder outside string literals, quoted identifiers and
/// comments replaced by a literal of `parameters[name]`. Supported types: String,
/// FixedString(N), (U)Int8..64, Float32/64, Date, DateTime, and Array(T) of those, whose value
/// is the array's text form ("['a','b']"); an array right after IN is written as a tuple
/// ("('a','b')"), which is what IN takes everywhere.
/// Throws api::Error: UNKNOWN_QUERY_PARAMETER (456) for a name without a value,
/// BAD_QUERY_PARAMETER (457) for a value that is not of its type or an unsupported type.
std::string inlineQueryParameters(std::string_view sql, const std::map<std::string, std::string>& parameters);

}  // namespace tally::cli
