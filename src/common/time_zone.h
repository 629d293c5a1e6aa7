#pragma once
// TimeZone: UTC offsets of an IANA zone read from the system's TZif files
// (/usr/share/zoneinfo). UTC is the default and has a fast path: isUTC() lets kernels skip
// offset lookups entirely. Zones are loaded once and live for the process.
// Thread-safe: get() may be called from any thread; TimeZone objects are immutable.

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "common/civil_date.h"

namespace tally {

class TimeZone {
 public:
  /// The zone named `name` ("UTC", "Europe/Amsterdam"); throws BAD_ARGUMENTS if unknown.
  static const TimeZone& get(std::string_view name);
  static const TimeZone& utc();
  /// The process default zone (UTC unless changed at start-up).
  static const TimeZone& defaultZone();
  static void setDefaultZone(std::string_view name);

  const std::string& name() const { return name_; }
  bool isUTC() const { return utc_; }

  /// Offset from UTC in seconds at UTC instant t.
  int64_t offsetAt(int64_t t) const;
  /// The same, also giving the UTC range [from, until) over which that offset holds (kernels cache
  /// it and skip lookups while consecutive values stay inside).
  int64_t offsetAt(int64_t t, int64_t& from, int64_t& until) const;
  /// Local wall-clock seconds of UTC instant t.
  int64_t toLocal(int64_t t) const { return utc_ ? t : t + offsetAt(t); }
  /// UTC instant of a local wall-clock time (earlier offset when ambiguous; shifted forward
  /// when it falls in a gap).
  int64_t fromLocal(int64_t local) const;

  /// Local day number (days since 1970-01-01) of UTC instant t.
  int64_t toDayNum(int64_t t) const { return floorDiv(toLocal(t), 86400); }
  /// UTC instant of local midnight of day d.
  int64_t fromDayNum(int64_t d) const { return fromLocal(d * 86400); }

 private:
  TimeZone(std::string name, bool utc) : name_(std::move(name)), utc_(utc) {}
  friend class TimeZoneRegistry;
  bool load(const std::string& path);
  /// Appends the transitions a POSIX TZ rule gives after the last loaded one, up to 2299.
  void extendWithRule(std::string_view posix);

  std::string name_;
  bool utc_;
  std::vector<int64_t> transitions_;  // UTC instants where the offset changes
  std::vector<int32_t> offsets_;      // offsets_[i] applies from transitions_[i-1] (offsets_[0] before the first)
};

}  // namespace tally
