#include "interpreters/async_insert_queue.h"

#include "common/exception.h"
#include "common/profile_events.h"
#include "interpreters/engine.h"
#include "interpreters/insert_with_views.h"

namespace tally {

AsyncInsertQueue::AsyncInsertQueue(Engine& engine) : engine_(engine) {
  thread_ = std::thread([this] { run(); });
}

AsyncInsertQueue::~AsyncInsertQueue() {
  {
    std::lock_guard lock(mutex_);
    stop_ = true;
  }
  cv_.notify_all();
  thread_.join();
}

std::shared_future<void> AsyncInsertQueue::push(const std::string& database, const std::string& table, std::vector<Block> blocks,
                                                const Settings& settings) {
  std::unique_lock lock(mutex_);
  std::string key = database + "." + table;
  auto it = pending_.find(key);
  if (it == pending_.end()) {
    Buffer b;
    b.database = database;
    b.table = table;
    b.deadline = std::chrono::steady_clock::now() + std::chrono::milliseconds(settings.async_insert_busy_timeout_ms);
    b.max_bytes = std::max<uint64_t>(settings.async_insert_max_data_size, 1);
    b.settings = settings;
    b.done = std::make_shared<std::promise<void>>();
    b.future = b.done->get_future().share();
    it = pending_.emplace(key, std::move(b)).first;
  }
  Buffer& buffer = it->second;
  for (auto& block : blocks) {
    buffer.bytes += block.bytes();
    buffer.blocks.push_back(std::move(block));
  }
  std::shared_future<void> future = buffer.future;
  if (buffer.bytes >= buffer.max_bytes) buffer.deadline = std::chrono::steady_clock::now();
  lock.unlock();
  cv_.notify_all();
  return future;
}

void AsyncInsertQueue::flushAll() {
  std::vector<std::shared_future<void>> waits;
  {
    std::lock_guard lock(mutex_);
    for (auto& [key, b] : pending_) {
      b.deadline = std::chrono::steady_clock::now();
      waits.push_back(b.future);
    }
  }
  cv_.notify_all();
  for (auto& w : waits) {
    try {
      w.get();
    } catch (...) {
      // The inserts that were waiting got the error.
    }
  }
}

void AsyncInsertQueue::run() {
  std::unique_lock lock(mutex_);
  while (true) {
    auto now = std::chrono::steady_clock::now();
    std::vector<Buffer> due;
    auto next = now + std::chrono::seconds(1);
    for (auto it = pending_.begin(); it != pending_.end();) {
      if (stop_ || it->second.deadline <= now) {
        due.push_back(std::move(it->second));
        it = pending_.erase(it);
      } else {
        next = std::min(next, it->second.deadline);
        ++it;
      }
    }
    if (!due.empty()) {
      lock.unlock();
      for (auto& b : due) flush(std::move(b));
      lock.lock();
      continue;
    }
    if (stop_) break;
    cv_.wait_until(lock, next);
  }
}

void AsyncInsertQueue::flush(Buffer buffer) {
  try {
    // The engine owns this queue: a non-owning pointer (the queue stops before the engine goes).
    Session session(std::shared_ptr<Engine>(&engine_, [](Engine*) {}));
    session.settings = buffer.settings;
    session.settings.async_insert = false;
    QueryContext context(session.settings);
    context.function_context.services = engine_.dictionaries();  // dictGet in views
    QueryIO io;
    QueryResultInfo info;
    std::map<std::string, std::string> parameters;
    StatementContext sc{session, context, io, info, parameters, ""};
    StoragePtr storage = session.catalog().getTable(buffer.database, buffer.table);
    insertWithViews(sc, storage, buffer.database, buffer.table, buffer.blocks);
    flushes_.fetch_add(1);
    ProfileEvents::increment(ProfileEvents::AsyncInsertFlushes);
    buffer.done->set_value();
  } catch (...) {
    buffer.done->set_exception(std::current_exception());
  }
}

}  // namespace tally
