#include "common/time_zone.h"

#include <algorithm>
#include <cctype>
#include <fstream>
#include <map>
#include <memory>
#include <mutex>

#include "common/exception.h"

namespace tally {

class TimeZoneRegistry {
 public:
  static TimeZoneRegistry& instance() {
    static TimeZoneRegistry registry;
    return registry;
  }

  const TimeZone& get(std::string_view name) {
    std::lock_guard lock(mutex_);
    auto it = zones_.find(std::string(name));
    if (it != zones_.end()) return *it->second;
    std::string key(name);
    if (key == "UTC" || key == "Etc/UTC" || key == "UCT" || key == "Universal" || key == "Zulu" || key == "GMT" ||
        key == "Etc/GMT" || key == "Etc/Universal" || key == "Etc/Zulu" || key == "Etc/UCT") {
      auto zone = std::unique_ptr<TimeZone>(new TimeZone(key, true));
      return *(zones_[key] = std::move(zone));
    }
    if (key.empty() || key.find("..") != std::string::npos || key[0] == '/')
      throw Exception(ErrorCodes::BAD_ARGUMENTS, "Invalid time zone: {}", key);
    auto zone = std::unique_ptr<TimeZone>(new TimeZone(key, false));
    if (!zone->load("/usr/share/zoneinfo/" + key))
      throw Exception(ErrorCodes::BAD_ARGUMENTS, "Cannot load time zone {}", key);
    return *(zones_[key] = std::move(zone));
  }

  const TimeZone* default_zone = nullptr;

 private:
  std::mutex mutex_;
  std::map<std::string, std::unique_ptr<TimeZone>> zones_;
};

const TimeZone& TimeZone::get(std::string_view name) { return TimeZoneRegistry::instance().get(name); }

const TimeZone& TimeZone::utc() {
  static const TimeZone& zone = get("UTC");
  return zone;
}

const TimeZone& TimeZone::defaultZone() {
  auto& reg = TimeZoneRegistry::instance();
  return reg.default_zone ? *reg.default_zone : utc();
}

void TimeZone::setDefaultZone(std::string_view name) { TimeZoneRegistry::instance().default_zone = &get(name); }

namespace {
int64_t readBE(const unsigned char* p, int bytes) {
  uint64_t v = 0;
  for (int i = 0; i < bytes; ++i) v = (v << 8) | p[i];
  if (bytes == 4) return int32_t(uint32_t(v));
  return int64_t(v);
}
/// A POSIX TZ string (the footer of TZif v2+ files): "CET-1CEST,M3.5.0,M10.5.0/3",
/// "EST5EDT,M3.2.0,M11.1.0", "<+0330>-3:30". Only the Mm.w.d rule form is supported (what
/// the IANA database uses for current rules).
struct PosixRule {
  int32_t std_offset = 0, dst_offset = 0;  // seconds east of UTC
  bool has_dst = false;
  struct When {
    unsigned month = 0, week = 0, weekday = 0;
    int32_t time = 7200;  // local seconds after midnight
  } start, end;

  static bool parse(std::string_view s, PosixRule& rule) {
    size_t i = 0;
    auto name = [&]() {
      if (i < s.size() && s[i] == '<') {
        size_t close = s.find('>', i);
        if (close == std::string_view::npos) return false;
        i = close + 1;
        return true;
      }
      size_t begin = i;
      while (i < s.size() && std::isalpha(static_cast<unsigned char>(s[i]))) ++i;
      return i - begin >= 3;
    };
    auto number = [&](int32_t& out) {  // [+-]hh[:mm[:ss]] in seconds
      int sign = 1;
      if (i < s.size() && (s[i] == '+' || s[i] == '-')) sign = s[i++] == '-' ? -1 : 1;
      int32_t parts[3] = {0, 0, 0};
      for (int k = 0; k < 3; ++k) {
        if (k && (i >= s.size() || s[i] != ':')) break;
        if (k) ++i;
        size_t begin = i;
        while (i < s.size() && std::isdigit(static_cast<unsigned char>(s[i]))) parts[k] = parts[k] * 10 + (s[i++] - '0');
        if (i == begin) return false;
      }
      out = sign * (parts[0] * 3600 + parts[1] * 60 + parts[2]);
      return true;
    };
    auto when = [&](When& w) {
      if (i >= s.size() || s[i] != 'M') return false;  // Jn and n forms are not supported
      ++i;
      int32_t values[3];
      for (int k = 0; k < 3; ++k) {
        if (k && (i >= s.size() || s[i++] != '.')) return false;
        size_t begin = i;
        values[k] = 0;
        while (i < s.size() && std::isdigit(static_cast<unsigned char>(s[i]))) values[k] = values[k] * 10 + (s[i++] - '0');
        if (i == begin) return false;
      }
      if (values[0] < 1 || values[0] > 12 || values[1] < 1 || values[1] > 5 || values[2] > 6) return false;
      w.month = unsigned(values[0]);
      w.week = unsigned(values[1]);
      w.weekday = unsigned(values[2]);
      if (i < s.size() && s[i] == '/') {
        ++i;
        if (!number(w.time)) return false;
      }
      return true;
    };
    int32_t std_west = 0;
    if (!name() || !number(std_west)) return false;
    rule.std_offset = -std_west;
    if (i == s.size()) return true;  // no daylight saving time
    if (!name()) return false;
    rule.dst_offset = rule.std_offset + 3600;
    if (i < s.size() && s[i] != ',') {
      int32_t dst_west = 0;
      if (!number(dst_west)) return false;
      rule.dst_offset = -dst_west;
    }
    if (i >= s.size() || s[i++] != ',' || !when(rule.start) || i >= s.size() || s[i++] != ',' || !when(rule.end))
      return false;
    rule.has_dst = i == s.size();
    return rule.has_dst;
  }

  /// Local midnight (as a day number) of the rule's day in `year`.
  static int64_t day(int64_t year, const When& w) {
    int64_t first = daysFromCivil(year, w.month, 1);
    unsigned first_weekday = dayOfWeek(first) % 7;  // 0 = Sunday
    int64_t d = first + int64_t((w.weekday + 7 - first_weekday) % 7) + int64_t(w.week - 1) * 7;
    int64_t last = first + daysInMonth(year, w.month) - 1;
    while (d > last) d -= 7;  // week 5 = the last such weekday
    return d;
  }
};

}  // namespace

void TimeZone::extendWithRule(std::string_view posix) {
  PosixRule rule;
  if (!PosixRule::parse(posix, rule) || !rule.has_dst || transitions_.empty()) return;
  // Transitions the TZif file does not list (they end when its table ends, often 2037): from
  // the year of the last listed one to 2299 (the end of DateTime64 and Date32).
  int64_t first_year = civilFromDays(floorDiv(transitions_.back(), 86400)).year;
  for (int64_t year = first_year; year <= 2299; ++year) {
    int64_t start = PosixRule::day(year, rule.start) * 86400 + rule.start.time - rule.std_offset;
    int64_t end = PosixRule::day(year, rule.end) * 86400 + rule.end.time - rule.dst_offset;
    std::pair<int64_t, int32_t> changes[2] = {{start, rule.dst_offset}, {end, rule.std_offset}};
    if (end < start) std::swap(changes[0], changes[1]);
    for (const auto& [at, offset] : changes) {
      if (at <= transitions_.back()) continue;
      transitions_.push_back(at);
      offsets_.push_back(offset);
    }
  }
}

bool TimeZone::load(const std::string& path) {
  std::ifstream file(path, std::ios::binary);
  if (!file) return false;
  std::string data((std::istreambuf_iterator<char>(file)), std::istreambuf_iterator<char>());
  const auto* p = reinterpret_cast<const unsigned char*>(data.data());
  size_t size = data.size();
  if (size < 44 || data.compare(0, 4, "TZif") != 0) return false;

  auto parse_block = [&](size_t start, int time_size, size_t& block_end) -> bool {
    if (start + 44 > size) return false;
    const unsigned char* h = p + start;
    int64_t isutcnt = readBE(h + 20, 4), isstdcnt = readBE(h + 24, 4), leapcnt = readBE(h + 28, 4),
            timecnt = readBE(h + 32, 4), typecnt = readBE(h + 36, 4), charcnt = readBE(h + 40, 4);
    size_t pos = start + 44;
    size_t need = size_t(timecnt) * time_size + size_t(timecnt) + size_t(typecnt) * 6 + size_t(charcnt) +
                  size_t(leapcnt) * (time_size + 4) + size_t(isstdcnt) + size_t(isutcnt);
    if (pos + need > size || typecnt <= 0) return false;
    std::vector<int64_t> times{}; times.resize(size_t(timecnt));
    for (int64_t i = 0; i < timecnt; ++i) times[i] = readBE(p + pos + i * time_size, time_size);
    pos += size_t(timecnt) * time_size;
    std::vector<uint8_t> idx(p + pos, p + pos + timecnt);
    pos += size_t(timecnt);
    std::vector<int32_t> utoff{}; utoff.resize(size_t(typecnt));
    std::vector<uint8_t> isdst{}; isdst.resize(size_t(typecnt));
    for (int64_t i = 0; i < typecnt; ++i) {
      utoff[i] = int32_t(readBE(p + pos + i * 6, 4));
      isdst[i] = p[pos + i * 6 + 4];
    }
    block_end = pos + size_t(typecnt) * 6 + size_t(charcnt) + size_t(leapcnt) * (time_size + 4) + size_t(isstdcnt) +
                size_t(isutcnt);
    transitions_ = std::move(times);
    offsets_.clear();
    int32_t initial = utoff[0];
    for (int64_t i = 0; i < typecnt; ++i)
      if (!isdst[i]) {
        initial = utoff[i];
        break;
      }
    offsets_.push_back(initial);
    for (uint8_t i : idx) offsets_.push_back(i < utoff.size() ? utoff[i] : initial);
    return true;
  };

  size_t end = 0;
  if (!parse_block(0, 4, end)) return false;
  char version = data[4];
  if (version >= '2') {
    size_t end2 = 0;
    if (!parse_block(end, 8, end2)) return false;
    // Footer: "\n<POSIX TZ string>\n", the rule after the last listed transition.
    if (end2 < size && data[end2] == '\n') {
      size_t close = data.find('\n', end2 + 1);
      if (close != std::string::npos) extendWithRule(std::string_view(data).substr(end2 + 1, close - end2 - 1));
    }
  }
  return true;
}

int64_t TimeZone::offsetAt(int64_t t) const {
  if (utc_) return 0;
  auto it = std::upper_bound(transitions_.begin(), transitions_.end(), t);
  return offsets_[size_t(it - transitions_.begin())];
}

int64_t TimeZone::offsetAt(int64_t t, int64_t& from, int64_t& until) const {
  if (utc_) {
    from = INT64_MIN;
    until = INT64_MAX;
    return 0;
  }
  size_t i = size_t(std::upper_bound(transitions_.begin(), transitions_.end(), t) - transitions_.begin());
  from = i ? transitions_[i - 1] : INT64_MIN;
  until = i < transitions_.size() ? transitions_[i] : INT64_MAX;
  return offsets_[i];
}

int64_t TimeZone::fromLocal(int64_t local) const {
  if (utc_) return local;
  // Try the offsets in effect around the guess; prefer the earliest instant that maps back.
  int64_t guess = local - offsetAt(local);
  int64_t best = INT64_MAX;
  for (int64_t probe : {guess - 86400, guess, guess + 86400}) {
    int64_t candidate = local - offsetAt(probe);
    if (toLocal(candidate) == local) best = std::min(best, candidate);
  }
  if (best != INT64_MAX) return best;
  // In a gap (clocks jumped forward): use the offset before the jump.
  return local - offsetAt(guess - 86400);
}

}  // namespace tally
