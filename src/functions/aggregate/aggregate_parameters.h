#pragma once
// Checking the arguments and parameters of aggregate functions, with ClickHouse's error codes.

#include <string>
#include <vector>

#include "common/field.h"
#include "types/data_type.h"

namespace tally {

/// ILLEGAL_TYPE_OF_ARGUMENT: "Illegal type T of argument for aggregate function name".
[[noreturn]] void throwIllegalAggregateArgument(const std::string& name, const DataTypePtr& type);

/// Quantile level in [0, 1] (PARAMETER_OUT_OF_BOUND otherwise; CANNOT_CONVERT_TYPE for non-numbers).
double quantileLevelParameter(const Field& parameter);
/// Levels of quantile(level) / quantiles(l1, ...); `plural` allows several. Default 0.5.
std::vector<double> quantileLevelsParameters(const std::string& name, const Fields& parameters, bool plural);

/// A parameter that must be a positive integer (groupArray(N), topK(N)); `code` is the error
/// code ClickHouse uses for a bad value of this parameter.
uint64_t positiveIntegerParameter(const std::string& name, const Field& parameter, int code);

/// The text of a parameter as ClickHouse prints it inside a function name: 0.5, 10, 'a', [1, 2].
std::string parameterToString(const Field& parameter);
/// "name" or "name(p1, p2)".
std::string functionNameWithParameters(const std::string& name, const Fields& parameters);

/// Number of arguments for functions that take at least one (uniq, count...).
void checkAtLeastOneArgument(const std::string& name, const DataTypes& arguments);

}  // namespace tally
