#pragma once
// Human-readable numbers as ClickHouse prints them (formatReadableSize, formatReadableQuantity,
// formatReadableTimeDelta); shared by the functions of the same names, error messages and the CLI.

#include <string>
#include <string_view>

namespace tally {

/// 1536 -> "1.50 KiB" (binary units, two decimals, ties rounded away from zero).
std::string formatReadableSize(double bytes);
/// 1500 -> "1.50 KB" (decimal units, two decimals).
std::string formatReadableDecimalSize(double bytes);
/// 1536 -> "1.54 thousand" (decimal units, two decimals).
std::string formatReadableQuantity(double value);
/// 3661 -> "1 hour, 1 minute and 1 second". Units: "years", "months", "days", "hours", "minutes",
/// "seconds", "milliseconds", "microseconds", "nanoseconds" (empty = default: years / seconds);
/// an unknown unit or minimum > maximum throws BAD_ARGUMENTS.
std::string formatReadableTimeDelta(double seconds, std::string_view maximum_unit, std::string_view minimum_unit);
std::string formatReadableTimeDelta(double seconds, const std::string& maximum_unit = "years");

/// value with `precision` decimals, exact decimal expansion rounded half away from zero
/// (double-conversion's ToFixed, as ClickHouse prints readable numbers); "nan", "inf", "-inf".
std::string formatFixed(double value, int precision);

}  // namespace tally
