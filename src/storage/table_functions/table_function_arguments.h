#pragma once
// Reading the evaluated arguments of table functions and engines (TableFunctionArgument) as the
// C++ values they stand for, with ClickHouse's errors for wrong types.

#include <cstdint>
#include <string>
#include <string_view>

#include "storage/table_function.h"

namespace tally {

/// A String argument; an identifier that was not evaluated (`file(x.csv, CSV)`) counts as its
/// text. Throws BAD_ARGUMENTS otherwise, naming `function` and the argument `what`.
std::string stringArgument(const TableFunctionArgument& argument, std::string_view function, std::string_view what);

/// A number argument converted to UInt64 exactly. Throws ILLEGAL_TYPE_OF_ARGUMENT for a
/// non-numeric type or a value that UInt64 cannot represent (negative, fractional, too big).
uint64_t unsignedArgument(const TableFunctionArgument& argument, std::string_view function);

/// True for an argument that is the NULL literal.
bool isNullArgument(const TableFunctionArgument& argument);

}  // namespace tally
