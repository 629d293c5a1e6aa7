#include "server/session_registry.h"

namespace tally::server {

SessionRegistry::Lease SessionRegistry::acquire(const std::string& id, const std::string& user,
                                                uint32_t timeout_seconds, bool must_exist) {
  auto now = std::chrono::steady_clock::now();
  std::string key = user + '\0' + id;
  std::lock_guard lock(mutex_);
  if (now >= next_sweep_) {
    closeExpiredLocked(now);
    next_sweep_ = now + std::chrono::seconds(1);
  }
  auto it = sessions_.find(key);
  if (it != sessions_.end() && !it->second.in_use && it->second.expires <= now) {
    sessions_.erase(it);
    it = sessions_.end();
  }
  if (it == sessions_.end()) {
    if (must_exist) throw api::Error(372, "SESSION_NOT_FOUND", "Session " + id + " not found");
    Entry entry;
    entry.connection = database_->connect();
    entry.connection->setUser(user);
    it = sessions_.emplace(key, std::move(entry)).first;
  } else if (it->second.in_use) {
    throw api::Error(373, "SESSION_IS_LOCKED", "Session " + id + " is locked by a concurrent client");
  }
  it->second.in_use = true;
  it->second.timeout = std::chrono::seconds(timeout_seconds);
  return Lease(this, key, it->second.connection.get());
}

void SessionRegistry::release(const std::string& key, bool close) {
  std::lock_guard lock(mutex_);
  auto it = sessions_.find(key);
  if (it == sessions_.end()) return;
  if (close) {
    sessions_.erase(it);
    return;
  }
  it->second.in_use = false;
  it->second.expires = std::chrono::steady_clock::now() + it->second.timeout;
}

void SessionRegistry::closeExpiredLocked(std::chrono::steady_clock::time_point now) {
  for (auto it = sessions_.begin(); it != sessions_.end();) {
    if (!it->second.in_use && it->second.expires <= now)
      it = sessions_.erase(it);
    else
      ++it;
  }
}

size_t SessionRegistry::size() const {
  std::lock_guard lock(mutex_);
  return sessions_.size();
}

}  // namespace tally::server
