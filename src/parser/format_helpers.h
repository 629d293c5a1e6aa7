#pragma once
// Text forms shared by the parser and the formatters, matching ClickHouse's: quoted strings
// ('a\'b'), backquoted identifiers, shortest round-trip floats (1., 0.1, 1e100) and literal
// values as they appear in column names.

#include <string>
#include <string_view>

#include "common/field.h"

namespace tally {

/// 'text' with ClickHouse escaping (\b \f \n \r \t \0 \\ \').
std::string quoteString(std::string_view s);
/// `text` with backslash escaping.
std::string backQuote(std::string_view s);
/// The name as is when it is a plain word ([a-zA-Z_][a-zA-Z0-9_]*), backquoted otherwise.
std::string backQuoteIfNeed(std::string_view s);
/// ClickHouse's float text: shortest round trip, decimal notation for exponents in [-6, 21)
/// with a trailing '.' for integral values (1e10 -> "10000000000."), else 1e100 / 1.5e-7.
std::string formatFloatLiteral(double x);
/// A literal value as SQL text and column name: 1, -1, 1.5, 'a', NULL, true, [1, 2], (1, 'a').
std::string fieldToString(const Field& f);

}  // namespace tally
