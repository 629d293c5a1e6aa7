#include "execution/process_list.h"

namespace tally {

ProcessList::Entry::~Entry() {
  if (!list_) return;
  std::lock_guard lock(list_->mutex_);
  list_->queries_.erase(it_);
}

ProcessList::Entry ProcessList::insert(std::shared_ptr<QueryContext> context) {
  std::lock_guard lock(mutex_);
  queries_.push_back(std::move(context));
  return Entry(this, std::prev(queries_.end()));
}

std::vector<ProcessList::Info> ProcessList::snapshot() const {
  std::lock_guard lock(mutex_);
  std::vector<Info> result;
  result.reserve(queries_.size());
  for (const auto& q : queries_) {
    Info info;
    info.query_id = q->query_id;
    info.user = q->function_context.current_user;
    info.current_database = q->function_context.current_database;
    info.query = q->query_text;
    info.elapsed_seconds = q->elapsedSeconds();
    info.progress = q->progress();
    info.memory_usage = q->memory_tracker.amount();
    info.is_cancelled = q->isCancelled();
    result.push_back(std::move(info));
  }
  return result;
}

bool ProcessList::cancel(const std::string& query_id) {
  std::lock_guard lock(mutex_);
  bool found = false;
  for (const auto& q : queries_) {
    if (q->query_id == query_id) {
      q->cancel();
      found = true;
    }
  }
  return found;
}

bool ProcessList::contains(const std::string& query_id) const {
  std::lock_guard lock(mutex_);
  for (const auto& q : queries_)
    if (q->query_id == query_id) return true;
  return false;
}

}  // namespace tally
