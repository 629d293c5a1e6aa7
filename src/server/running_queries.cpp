#include "server/running_queries.h"

#include <poll.h>

#include <vector>

namespace tally::server {

RunningQueries::RunningQueries(size_t max_concurrent) : max_concurrent_(max_concurrent) {
  watcher_ = std::thread([this] { watch(); });
}

RunningQueries::~RunningQueries() {
  {
    std::lock_guard lock(mutex_);
    stop_ = true;
  }
  stop_cv_.notify_all();
  watcher_.join();
}

bool RunningQueries::tryReserve() {
  std::lock_guard lock(mutex_);
  if (reserved_ >= max_concurrent_) return false;
  ++reserved_;
  return true;
}

void RunningQueries::unreserve() {
  std::lock_guard lock(mutex_);
  --reserved_;
}

RunningQueries::Handle RunningQueries::add(int socket_fd, api::Connection* connection, const std::string& query_id) {
  std::lock_guard lock(mutex_);
  entries_.push_back(Entry{socket_fd, connection, query_id, false});
  return std::prev(entries_.end());
}

bool RunningQueries::remove(Handle handle) {
  std::lock_guard lock(mutex_);
  bool cancelled = handle->cancelled;
  entries_.erase(handle);
  --reserved_;
  return cancelled;
}

void RunningQueries::watch() {
  std::vector<pollfd> fds;
  std::vector<Entry*> owners;
  std::unique_lock lock(mutex_);
  while (!stop_) {
    stop_cv_.wait_for(lock, std::chrono::milliseconds(100));
    if (stop_) break;
    fds.clear();
    owners.clear();
    for (auto& e : entries_) {
      // A query already marked is cancelled again on every tick: a cancel() that arrived before
      // the statement started running would otherwise be lost.
      if (e.socket_fd < 0) continue;
      fds.push_back(pollfd{e.socket_fd, POLLRDHUP, 0});
      owners.push_back(&e);
    }
    if (fds.empty()) continue;
    // poll with timeout 0 only inspects the sockets; holding the lock keeps the entries alive.
    if (::poll(fds.data(), fds.size(), 0) <= 0) continue;
    for (size_t i = 0; i < fds.size(); ++i) {
      if (fds[i].revents & (POLLRDHUP | POLLHUP | POLLERR)) {
        owners[i]->cancelled = true;
        owners[i]->connection->cancel();
      }
    }
  }
}

}  // namespace tally::server
