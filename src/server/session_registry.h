#pragma once
// Named HTTP sessions (`session_id`): a connection whose SET settings, temporary tables and
// current database outlive one request. One request at a time per session (SESSION_IS_LOCKED);
// a session unused for its timeout is closed.

#include <chrono>
#include <memory>
#include <mutex>
#include <string>
#include <unordered_map>
#include <utility>

#include "tally/tally.h"

namespace tally::server {

class SessionRegistry {
 public:
  explicit SessionRegistry(std::shared_ptr<api::Database> database) : database_(std::move(database)) {}

  class Lease;

  /// Takes the session `id` of `user` for one request, creating it unless `must_exist`
  /// (SESSION_NOT_FOUND 372). Throws SESSION_IS_LOCKED 373 when a request is using it.
  /// `timeout_seconds` becomes the session's idle timeout.
  Lease acquire(const std::string& id, const std::string& user, uint32_t timeout_seconds, bool must_exist);

  size_t size() const;

 private:
  struct Entry {
    std::unique_ptr<api::Connection> connection;
    bool in_use = false;
    std::chrono::steady_clock::time_point expires;
    std::chrono::seconds timeout{60};
  };
  void release(const std::string& key, bool close);
  void closeExpiredLocked(std::chrono::steady_clock::time_point now);

  std::shared_ptr<api::Database> database_;
  mutable std::mutex mutex_;
  std::unordered_map<std::string, Entry> sessions_;  // by user + '\0' + id
  std::chrono::steady_clock::time_point next_sweep_{};
};

/// A session taken for one request; gives it back (or closes it) when destroyed.
class SessionRegistry::Lease {
 public:
  Lease(SessionRegistry* registry, std::string key, api::Connection* connection)
      : registry_(registry), key_(std::move(key)), connection_(connection) {}
  Lease(Lease&& other) noexcept
      : registry_(std::exchange(other.registry_, nullptr)), key_(std::move(other.key_)), connection_(other.connection_) {}
  Lease& operator=(Lease&&) = delete;
  ~Lease() {
    if (registry_) registry_->release(key_, close_);
  }
  api::Connection& connection() { return *connection_; }
  /// Close the session when the request ends (close_session=1).
  void closeOnRelease() { close_ = true; }

 private:
  SessionRegistry* registry_;
  std::string key_;
  api::Connection* connection_;
  bool close_ = false;
};

}  // namespace tally::server
