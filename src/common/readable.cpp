#include "common/readable.h"

#include <cmath>
#include <vector>

#include <fmt/format.h>

namespace tally {

namespace {
std::string formatWithUnits(double value, double base, const char* const* units, size_t count) {
  size_t i = 0;
  double abs_value = std::fabs(value);
  while (i + 1 < count && abs_value >= base) {
    abs_value /= base;
    value /= base;
    ++i;
  }
  return fmt::format("{:.2f}{}", value, units[i]);
}
}  // namespace

std::string formatReadableSize(double bytes) {
  static const char* const units[] = {" B", " KiB", " MiB", " GiB", " TiB", " PiB", " EiB", " ZiB", " YiB"};
  return formatWithUnits(bytes, 1024, units, std::size(units));
}

std::string formatReadableQuantity(double value) {
  static const char* const units[] = {"", " thousand", " million", " billion", " trillion", " quadrillion"};
  return formatWithUnits(value, 1000, units, std::size(units));
}

std::string formatReadableTimeDelta(double seconds, const std::string& maximum_unit) {
  struct Unit {
    const char* name;
    double seconds;
  };
  static const Unit units[] = {{"year", 365 * 86400.0}, {"month", 30.5 * 86400.0}, {"day", 86400.0},
                               {"hour", 3600.0},         {"minute", 60.0},          {"second", 1.0}};
  size_t start = 0;
  for (size_t i = 0; i < std::size(units); ++i) {
    std::string plural = std::string(units[i].name) + "s";
    if (maximum_unit == plural) {
      start = i;
      break;
    }
  }
  std::vector<std::string> parts;
  bool negative = seconds < 0;
  double rest = std::fabs(seconds);
  for (size_t i = start; i < std::size(units); ++i) {
    double amount = std::floor(rest / units[i].seconds);
    if (i + 1 == std::size(units)) amount = std::floor(rest);
    rest -= amount * units[i].seconds;
    if (amount > 0)
      parts.push_back(fmt::format("{} {}{}", uint64_t(amount), units[i].name, amount == 1 ? "" : "s"));
  }
  std::string text;
  if (parts.empty()) return "0 seconds";
  for (size_t i = 0; i < parts.size(); ++i) {
    if (i > 0) text += (i + 1 == parts.size()) ? " and " : ", ";
    text += parts[i];
  }
  return negative ? "-" + text : text;
}

}  // namespace tally
