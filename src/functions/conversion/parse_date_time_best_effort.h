#pragma once
// parseDateTimeBestEffort: reads a date-time in any of the common textual forms, as ClickHouse's
// parseDateTimeBestEffort does — ISO 8601 ('2022-03-14T11:09:10.123+03:00', 'Z'), SQL
// ('2022-03-14 11:09:10'), RFC 2822 ('Mon, 14 Mar 2022 11:09:10 GMT'), syslog ('Mar 14 11:09:10',
// the year guessed), 'DD/MM/YYYY' (MM/DD/YYYY in the US variant), month names, AM/PM, YYYYMMDD,
// YYYYMMDDhhmmss, 'YYYY-MM', Unix timestamps of 9-10 digits (13 with milliseconds), time zone
// offsets and the names UTC, GMT, MSK, MSD.
//
// The parser reads a prefix of [begin, end) and stops at the first byte it cannot use; callers
// check that the whole value was read. Installed at static-initialisation time as the types
// library's best-effort hook (date_time_input_format = best_effort), which parses within the
// ReadBuffer's current window.

#include <cstdint>
#include <string>

namespace tally {

class TimeZone;

struct BestEffortDateTime {
  int64_t seconds = 0;          // UTC instant
  int64_t fraction = 0;         // sub-second digits as read
  uint32_t fraction_digits = 0; // how many (at most 18)
};

/// Parses a date-time starting at `begin`; `local_zone` applies when the text has no offset.
/// `us_style` reads 'AA/BB/YYYY' as month/day; `with_fraction` reads sub-seconds (the DateTime64
/// variants; otherwise a '.fraction' after a Unix timestamp is left unread). On success returns true
/// and sets `consumed`; on failure sets `error` to ClickHouse's message (code CANNOT_PARSE_DATETIME).
bool parseDateTimeBestEffort(const char* begin, const char* end, const TimeZone& local_zone, bool us_style,
                             bool with_fraction, BestEffortDateTime& result, size_t& consumed, std::string& error);

/// Ticks of a DateTime64 with `scale` from a parse result (fraction rounded down to the scale, as
/// ClickHouse does). False if the value does not fit Int64.
bool bestEffortToDateTime64(const BestEffortDateTime& value, uint32_t scale, int64_t& ticks);

}  // namespace tally
