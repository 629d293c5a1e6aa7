#include "common/time_zone.h"

#include <algorithm>
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
}  // namespace

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
