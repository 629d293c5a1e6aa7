// AccessStore's quota counters: per quota, key and interval, in memory.

#include <chrono>
#include <ctime>

#include "access/access_store.h"
#include "common/exception.h"
#include "parser/format_helpers.h"

namespace tally {

namespace {

std::string formatTime(int64_t unix_seconds) {
  std::time_t t = std::time_t(unix_seconds);
  std::tm tm{};
  localtime_r(&t, &tm);
  char buf[32];
  std::strftime(buf, sizeof(buf), "%Y-%m-%d %H:%M:%S", &tm);
  return buf;
}

std::string valueText(const std::string& what, double v) {
  if (what == "execution_time") return formatFloatLiteral(v);
  return std::to_string(uint64_t(v));
}

}  // namespace

std::vector<const Quota*> AccessStore::quotasOf(const std::string& user) const {
  std::vector<const Quota*> res;
  std::set<std::string> roles = enabledRoles(user);
  for (const auto& [name, q] : quotas_)
    if (roleListMatches(q.to, user, roles)) res.push_back(&q);
  return res;
}

void AccessStore::quotaBeginQuery(const std::string& user) {
  std::shared_lock lock(mutex_);
  std::vector<const Quota*> quotas = quotasOf(user);
  if (quotas.empty()) return;
  std::lock_guard usage_lock(usage_mutex_);
  int64_t now = std::chrono::duration_cast<std::chrono::seconds>(std::chrono::system_clock::now().time_since_epoch()).count();
  std::vector<Counters*> to_count;
  for (const Quota* q : quotas) {
    std::string key = q->key_type == "none" ? "" : user;
    for (size_t i = 0; i < q->intervals.size(); ++i) {
      const auto& iv = q->intervals[i];
      Counters& c = usage_[{q->name, key, i}];
      if (c.end <= now) {
        int64_t d = int64_t(iv.duration_seconds);
        c.end = (now / d + 1) * d;
        c.used.clear();
      }
      for (const auto& [what, max] : iv.max) {
        double used = c.used[what];
        double would = what == "queries" ? used + 1 : used;
        bool over = would > max;
        if (over)
          throw Exception(ErrorCodes::QUOTA_EXCEEDED,
                          "Quota for user `{}` for {}s has been exceeded: {} = {}/{}. Interval will end at {}. Name of quota template: `{}`",
                          user, iv.duration_seconds, what, valueText(what, what == "queries" ? would : used),
                          valueText(what, max), formatTime(c.end), q->name);
      }
      to_count.push_back(&c);
    }
  }
  for (Counters* c : to_count) c->used["queries"] += 1;
}

void AccessStore::quotaEndQuery(const std::string& user, const QueryQuotaUsage& usage) {
  std::shared_lock lock(mutex_);
  std::vector<const Quota*> quotas = quotasOf(user);
  if (quotas.empty()) return;
  std::lock_guard usage_lock(usage_mutex_);
  for (const Quota* q : quotas) {
    std::string key = q->key_type == "none" ? "" : user;
    for (size_t i = 0; i < q->intervals.size(); ++i) {
      Counters& c = usage_[{q->name, key, i}];
      c.used[usage.is_insert ? "query_inserts" : "query_selects"] += 1;
      if (usage.failed) c.used["errors"] += 1;
      c.used["result_rows"] += double(usage.result_rows);
      c.used["result_bytes"] += double(usage.result_bytes);
      c.used["read_rows"] += double(usage.read_rows);
      c.used["read_bytes"] += double(usage.read_bytes);
      c.used["written_bytes"] += double(usage.written_bytes);
      c.used["execution_time"] += usage.execution_seconds;
    }
  }
}

std::vector<QuotaUsageRow> AccessStore::quotaUsage(const std::string& user) const {
  std::vector<QuotaUsageRow> res;
  for (auto& row : allQuotaUsage()) {
    if (row.quota_key == user || row.quota_key.empty()) res.push_back(std::move(row));
  }
  return res;
}

std::vector<QuotaUsageRow> AccessStore::allQuotaUsage() const {
  std::shared_lock lock(mutex_);
  std::lock_guard usage_lock(usage_mutex_);
  std::vector<QuotaUsageRow> res;
  for (const auto& [key, c] : usage_) {
    const auto& [quota, quota_key, index] = key;
    auto it = quotas_.find(quota);
    if (it == quotas_.end() || index >= it->second.intervals.size()) continue;
    QuotaUsageRow row;
    row.quota_name = quota;
    row.quota_key = quota_key;
    row.duration_seconds = it->second.intervals[index].duration_seconds;
    row.end_time = c.end;
    row.used = c.used;
    row.max = it->second.intervals[index].max;
    res.push_back(std::move(row));
  }
  return res;
}

}  // namespace tally
