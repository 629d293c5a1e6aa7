#pragma once
// Per-block loops over a date/time column. The column's kind and zone are dispatched once per
// block; UTC takes arithmetic fast paths (no offset lookups), other zones convert through
// TimeZone offsets. The per-row operation is an inlined callable:
//   mapDays:     fn(local_day)                 for all four kinds
//   mapInstants: fn(utc_seconds, local_seconds) for DateTime and DateTime64 (whole seconds)
//   mapSeconds:  fn(utc_seconds)               for DateTime and DateTime64, zone-independent

#include "columns/column_vector.h"
#include "common/civil_date.h"
#include "functions/datetime/date_time_arguments.h"

namespace tally::datetime {

/// UTC -> local conversion for one block: remembers the range over which the last offset holds,
/// so runs of nearby values cost one comparison instead of a transition lookup.
class LocalClock {
 public:
  explicit LocalClock(const TimeZone& zone) : zone_(&zone) {}
  int64_t offset(int64_t t) {
    if (t < from_ || t >= until_) [[unlikely]]
      offset_ = zone_->offsetAt(t, from_, until_);
    return offset_;
  }
  int64_t toLocal(int64_t t) { return t + offset(t); }
  int64_t toDayNum(int64_t t) { return floorDiv(toLocal(t), 86400); }
  /// UTC instant of local midnight of `day`; `t` is an instant of that day (its offset is the
  /// guess). Days with an offset change near midnight take the exact TimeZone path.
  int64_t dayStart(int64_t day, int64_t t) {
    const int64_t midnight = day * 86400;
    const int64_t guess = midnight - offset(t);
    if (offset(guess) + guess == midnight && guess - 86400 >= from_ && guess < until_) return guess;
    return zone_->fromDayNum(day);
  }

 private:
  const TimeZone* zone_;
  int64_t from_ = 1, until_ = 0, offset_ = 0;
};

template <typename Out, typename Fn>
void mapDays(const Column& column, const TimeArg& arg, Out* out, size_t rows, Fn&& fn) {
  const TimeZone& zone = *arg.zone;
  switch (arg.kind) {
    case TimeKind::Date: {
      const UInt16* in = typedAs<ColumnUInt16>(column).getData().data();
      for (size_t i = 0; i < rows; ++i) out[i] = static_cast<Out>(fn(int64_t(in[i])));
      break;
    }
    case TimeKind::Date32: {
      const Int32* in = typedAs<ColumnInt32>(column).getData().data();
      for (size_t i = 0; i < rows; ++i) out[i] = static_cast<Out>(fn(int64_t(in[i])));
      break;
    }
    case TimeKind::DateTime: {
      const UInt32* in = typedAs<ColumnUInt32>(column).getData().data();
      if (zone.isUTC()) {
        for (size_t i = 0; i < rows; ++i) out[i] = static_cast<Out>(fn(int64_t(in[i] / 86400)));
      } else {
        LocalClock clock(zone);
        for (size_t i = 0; i < rows; ++i) out[i] = static_cast<Out>(fn(clock.toDayNum(in[i])));
      }
      break;
    }
    case TimeKind::DateTime64: {
      const Int64* in = typedAs<ColumnInt64>(column).getData().data();
      const int64_t m = arg.ticks_per_second;
      if (zone.isUTC()) {
        for (size_t i = 0; i < rows; ++i) out[i] = static_cast<Out>(fn(floorDiv(floorDiv(in[i], m), 86400)));
      } else {
        LocalClock clock(zone);
        for (size_t i = 0; i < rows; ++i) out[i] = static_cast<Out>(fn(clock.toDayNum(floorDiv(in[i], m))));
      }
      break;
    }
  }
}

template <typename Out, typename Fn>
void mapInstants(const Column& column, const TimeArg& arg, Out* out, size_t rows, Fn&& fn) {
  const TimeZone& zone = *arg.zone;
  if (arg.kind == TimeKind::DateTime) {
    const UInt32* in = typedAs<ColumnUInt32>(column).getData().data();
    if (zone.isUTC()) {
      for (size_t i = 0; i < rows; ++i) out[i] = static_cast<Out>(fn(int64_t(in[i]), int64_t(in[i])));
    } else {
      LocalClock clock(zone);
      for (size_t i = 0; i < rows; ++i) out[i] = static_cast<Out>(fn(int64_t(in[i]), clock.toLocal(in[i])));
    }
  } else {
    const Int64* in = typedAs<ColumnInt64>(column).getData().data();
    const int64_t m = arg.ticks_per_second;
    if (zone.isUTC()) {
      for (size_t i = 0; i < rows; ++i) {
        int64_t t = floorDiv(in[i], m);
        out[i] = static_cast<Out>(fn(t, t));
      }
    } else {
      LocalClock clock(zone);
      for (size_t i = 0; i < rows; ++i) {
        int64_t t = floorDiv(in[i], m);
        out[i] = static_cast<Out>(fn(t, clock.toLocal(t)));
      }
    }
  }
}

template <typename Out, typename Fn>
void mapSeconds(const Column& column, const TimeArg& arg, Out* out, size_t rows, Fn&& fn) {
  if (arg.kind == TimeKind::DateTime) {
    const UInt32* in = typedAs<ColumnUInt32>(column).getData().data();
    for (size_t i = 0; i < rows; ++i) out[i] = static_cast<Out>(fn(int64_t(in[i])));
  } else {
    const Int64* in = typedAs<ColumnInt64>(column).getData().data();
    const int64_t m = arg.ticks_per_second;
    for (size_t i = 0; i < rows; ++i) out[i] = static_cast<Out>(fn(floorDiv(in[i], m)));
  }
}

/// Seconds since midnight of local wall-clock seconds.
inline int64_t secondOfDay(int64_t local) { return local - floorDiv(local, 86400) * 86400; }

/// UTC instant of the first second of local day `day` (fast path for UTC).
inline int64_t dayStart(const TimeZone& zone, int64_t day) { return zone.isUTC() ? day * 86400 : zone.fromDayNum(day); }

/// ClickHouse's rounding of instant t down to a multiple of `seconds` (hours, second intervals):
/// multiples since the epoch in zones with whole-hour offsets, else elapsed time since local midnight.
inline int64_t roundDownInZone(const TimeZone& zone, bool whole_hours, int64_t t, int64_t seconds) {
  if (whole_hours) return floorDiv(t, seconds) * seconds;
  int64_t date = zone.fromDayNum(zone.toDayNum(t));
  return date + (t - date) / seconds * seconds;
}

/// UTC instant of local wall-clock seconds as ClickHouse's calendar arithmetic resolves them: the
/// earlier instant when ambiguous; in a gap (clocks moved forward) the offset after the change.
inline int64_t instantOfLocal(const TimeZone& zone, int64_t local) {
  if (zone.isUTC()) return local;
  int64_t t = zone.fromLocal(local);
  if (zone.toLocal(t) != local) t = local - zone.offsetAt(t);
  return t;
}

/// Seconds of a row of any kind as an instant: dates map to their local midnight.
inline int64_t rowInstant(const Column& column, const TimeArg& arg, size_t i) {
  switch (arg.kind) {
    case TimeKind::Date: return dayStart(*arg.zone, typedAs<ColumnUInt16>(column).getData()[i]);
    case TimeKind::Date32: return dayStart(*arg.zone, typedAs<ColumnInt32>(column).getData()[i]);
    case TimeKind::DateTime: return typedAs<ColumnUInt32>(column).getData()[i];
    case TimeKind::DateTime64: return floorDiv(typedAs<ColumnInt64>(column).getData()[i], arg.ticks_per_second);
  }
  return 0;
}

}  // namespace tally::datetime
