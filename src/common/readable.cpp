#include "common/readable.h"

#include <cmath>
#include <cstdio>
#include <vector>

#include <fmt/format.h>

#include "common/exception.h"

namespace tally {

std::string formatFixed(double value, int precision) {
  if (std::isnan(value)) return "nan";
  if (std::isinf(value)) return value < 0 ? "-inf" : "inf";
  // glibc prints the exact binary value; take 30 more digits and round half up by hand, so
  // that exact ties (0.125 -> "0.13") round away from zero as double-conversion does.
  char buf[512];
  int n = std::snprintf(buf, sizeof(buf), "%.*f", precision + 30, std::fabs(value));
  std::string digits(buf, size_t(n));
  size_t point = digits.find('.');
  size_t keep = point + 1 + size_t(precision);
  bool round_up = digits[keep] >= '5';
  digits.resize(precision > 0 ? keep : point);
  if (round_up) {
    int i = int(digits.size()) - 1;
    for (; i >= 0; --i) {
      if (digits[size_t(i)] == '.') continue;
      if (digits[size_t(i)] == '9') {
        digits[size_t(i)] = '0';
      } else {
        ++digits[size_t(i)];
        break;
      }
    }
    if (i < 0) digits.insert(digits.begin(), '1');
  }
  if (value < 0) digits.insert(digits.begin(), '-');
  return digits;
}

namespace readable_impl {

std::string formatWithUnits(double value, double base, const char* const* units, size_t count) {
  size_t i = 0;
  for (; i + 1 < count && std::fabs(value) >= base; ++i) value /= base;
  return formatFixed(value, 2) + units[i];
}

enum TimeUnit { Nanoseconds = 1, Microseconds, Milliseconds, Seconds, Minutes, Hours, Days, Months, Years };

TimeUnit parseTimeUnit(std::string_view text, TimeUnit default_unit, const char* bound) {
  if (text.empty()) return default_unit;
  static const std::pair<std::string_view, TimeUnit> names[] = {
      {"years", Years},     {"months", Months},   {"days", Days},
      {"hours", Hours},     {"minutes", Minutes}, {"seconds", Seconds},
      {"milliseconds", Milliseconds}, {"microseconds", Microseconds}, {"nanoseconds", Nanoseconds}};
  for (const auto& [name, unit] : names)
    if (text == name) return unit;
  throw Exception(ErrorCodes::BAD_ARGUMENTS,
                  "Unexpected value of {} unit argument ({}) for function formatReadableTimeDelta, "
                  "the only allowed values "
                  "are: 'nanoseconds', 'microseconds', 'nanoseconds', 'seconds', 'minutes', 'hours', 'days', 'months', "
                  "'years'.",
                  bound, text);
}

uint64_t pow10(uint32_t n) {
  uint64_t r = 1;
  while (n--) r *= 10;
  return r;
}

/// One unit of formatReadableTimeDelta, as ClickHouse's processUnit.
void processUnit(uint64_t multiplier, uint32_t scale, const char* name, double& whole, std::string& fraction,
                 std::string& out, bool& has_output, TimeUnit min_unit, bool is_minimum) {
  if (whole + 1.0 == whole) {
    double units = std::floor(whole * double(pow10(scale)) / double(multiplier));
    std::string text = units < 1e21 ? fmt::format("{:.0f}", units) : fmt::format("{}", units);
    if (size_t plus = text.find("e+"); plus != std::string::npos) text.erase(plus + 1, 1);
    out += text;
    out += name;
    out += 's';
    has_output = true;
    whole = 0;
    return;
  }
  uint64_t units = 0;
  if (scale == 0) {
    units = uint64_t(std::floor(whole / double(multiplier)));
    if (!units && (multiplier != 1 || has_output)) return;
    whole -= double(units * multiplier);
  } else {
    if (whole >= 1) {
      units += uint64_t(whole) * pow10(scale);
      whole = 0;
    }
    for (uint32_t i = 0; i < scale; ++i) {
      units += uint64_t(fraction[i] - '0') * pow10(scale - i - 1);
      fraction[i] = '0';
    }
    if (!units && (!is_minimum || has_output)) return;
  }
  if (has_output) {
    size_t tail = size_t(4 - int(min_unit)) * 3;
    bool rest_is_zero = whole < 1 && (int(min_unit) >= 4 || fraction.compare(0, tail, std::string(tail, '0')) == 0);
    out += (is_minimum || rest_is_zero) ? " and " : ", ";
  }
  out += std::to_string(units);
  out += name;
  if (units != 1) out += 's';
  has_output = true;
}

}  // namespace readable_impl

std::string formatReadableSize(double bytes) {
  static const char* const units[] = {" B", " KiB", " MiB", " GiB", " TiB", " PiB", " EiB", " ZiB", " YiB"};
  return readable_impl::formatWithUnits(bytes, 1024, units, std::size(units));
}

std::string formatReadableDecimalSize(double bytes) {
  static const char* const units[] = {" B", " KB", " MB", " GB", " TB", " PB", " EB", " ZB", " YB"};
  return readable_impl::formatWithUnits(bytes, 1000, units, std::size(units));
}

std::string formatReadableQuantity(double value) {
  static const char* const units[] = {"", " thousand", " million", " billion", " trillion", " quadrillion"};
  return readable_impl::formatWithUnits(value, 1000, units, std::size(units));
}

std::string formatReadableTimeDelta(double value, std::string_view maximum_unit, std::string_view minimum_unit) {
  readable_impl::TimeUnit max_unit = readable_impl::parseTimeUnit(maximum_unit, readable_impl::Years, "maximum");
  readable_impl::TimeUnit min_unit = readable_impl::parseTimeUnit(minimum_unit, readable_impl::Seconds, "minimum");
  if (min_unit > max_unit) {
    if (minimum_unit.empty())
      min_unit = readable_impl::Nanoseconds;
    else
      throw Exception(ErrorCodes::BAD_ARGUMENTS,
                      "Explicitly specified value of minimum unit argument ({}) for function "
                      "formatReadableTimeDelta must "
                      "not be greater than maximum unit value ({}).",
                      minimum_unit, maximum_unit);
  }
  if (!std::isfinite(value)) return formatFixed(value, 0);
  std::string out;
  if (value < 0) {
    out += '-';
    value = -value;
  }
  bool has_output = false;
  double whole = 0;
  std::string fraction = formatFixed(std::modf(value, &whole), 9).substr(2);
  struct Step {
    readable_impl::TimeUnit unit;
    uint64_t multiplier;
    uint32_t scale;
    const char* name;
  };
  static const Step steps[] = {{readable_impl::Years, 365 * 24 * 3600, 0, " year"},
                               {readable_impl::Months, uint64_t(30.5 * 24 * 3600), 0, " month"},
                               {readable_impl::Days, 24 * 3600, 0, " day"},
                               {readable_impl::Hours, 3600, 0, " hour"},
                               {readable_impl::Minutes, 60, 0, " minute"},
                               {readable_impl::Seconds, 1, 0, " second"},
                               {readable_impl::Milliseconds, 1, 3, " millisecond"},
                               {readable_impl::Microseconds, 1, 6, " microsecond"},
                               {readable_impl::Nanoseconds, 1, 9, " nanosecond"}};
  for (const auto& step : steps) {
    if (step.unit > max_unit) continue;
    bool is_minimum = step.unit == min_unit || step.unit == readable_impl::Nanoseconds;
    readable_impl::processUnit(step.multiplier, step.scale, step.name, whole, fraction, out, has_output, min_unit,
                               is_minimum);
    if (step.unit == min_unit) break;
  }
  return out;
}

std::string formatReadableTimeDelta(double seconds, const std::string& maximum_unit) {
  return formatReadableTimeDelta(seconds, std::string_view(maximum_unit), std::string_view());
}

}  // namespace tally
