#include "response_cache.h"

namespace tally::pypi {

ResponseCache::ResponseCache(QueryRunner& runner, std::string database, std::string raw_table, size_t max_entries)
    : runner_(runner), database_(std::move(database)), raw_table_(std::move(raw_table)), max_entries_(max_entries) {}

void ResponseCache::refreshLocked() {
  auto now = std::chrono::steady_clock::now();
  if (now - checked_ < std::chrono::seconds(1)) return;
  std::string version;
  try {
    version = runner_.scalar(
        "SELECT concat(toString(sum(rows)), ':', toString(max(max_block_number))) "
        "FROM system.parts WHERE database = {db:String} AND table = {raw:String} AND active",
        {{"db", database_}, {"raw", raw_table_}});
  } catch (const api::Error&) {
    version.clear();  // unknown: nothing is served from the cache
  }
  checked_ = now;
  if (version != version_ || version.empty()) entries_.clear();
  version_ = std::move(version);
}

std::optional<server::AppResponse> ResponseCache::get(const std::string& key, std::string& version) {
  std::lock_guard lock(mutex_);
  refreshLocked();
  version = version_;
  auto it = entries_.find(key);
  if (it == entries_.end()) return std::nullopt;
  return it->second;
}

void ResponseCache::put(const std::string& key, const server::AppResponse& response, const std::string& version) {
  std::lock_guard lock(mutex_);
  if (version_.empty() || version != version_ || response.status != 200) return;
  if (entries_.size() >= max_entries_) entries_.clear();
  entries_.emplace(key, response);
}

}  // namespace tally::pypi
