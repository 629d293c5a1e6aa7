#pragma once
// Human-readable numbers as ClickHouse prints them (formatReadableSize, formatReadableQuantity,
// formatReadableTimeDelta); shared by the functions of the same names, error messages and the CLI.

#include <string>

namespace tally {

/// 1536 -> "1.50 KiB" (binary units, two decimals).
std::string formatReadableSize(double bytes);
/// 1536 -> "1.54 thousand" (decimal units, two decimals).
std::string formatReadableQuantity(double value);
/// 3661 -> "1 hour, 1 minute and 1 second".
std::string formatReadableTimeDelta(double seconds, const std::string& maximum_unit = "years");

}  // namespace tally
