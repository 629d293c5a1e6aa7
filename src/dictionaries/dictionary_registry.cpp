#include "dictionaries/dictionary_registry.h"

#include <atomic>
#include <random>

#include "common/exception.h"
#include "common/memory_tracker.h"

namespace tally {

namespace {

int64_t nowSeconds() {
  return std::chrono::duration_cast<std::chrono::seconds>(std::chrono::system_clock::now().time_since_epoch()).count();
}

std::string currentExceptionText() {
  try {
    throw;
  } catch (const Exception& e) {
    return e.displayText();
  } catch (const std::exception& e) {
    return e.what();
  } catch (...) {
    return "Unknown exception";
  }
}

}  // namespace

DictionaryRegistry::~DictionaryRegistry() { shutdown(); }

void DictionaryRegistry::setQueryRunner(QueryRunner runner) {
  std::lock_guard lock(mutex_);
  runner_ = std::move(runner);
}

void DictionaryRegistry::shutdown() {
  {
    std::lock_guard lock(mutex_);
    stopping_ = true;
  }
  wake_.notify_all();
  if (refresher_.joinable()) {
    if (refresher_.get_id() == std::this_thread::get_id())
      refresher_.detach();
    else
      refresher_.join();
  }
}

void DictionaryRegistry::add(DictionaryStructure structure, std::string create_query, bool replace) {
  auto entry = std::make_shared<Entry>();
  std::string key = structure.fullName();
  entry->structure = std::make_shared<const DictionaryStructure>(std::move(structure));
  entry->create_query = std::move(create_query);
  std::lock_guard lock(mutex_);
  auto it = entries_.find(key);
  if (it != entries_.end()) {
    if (!replace) throw Exception(ErrorCodes::DICTIONARY_ALREADY_EXISTS, "Dictionary {} already exists.", key);
    it->second->removed = true;
    it->second = entry;
  } else {
    entries_.emplace(key, entry);
  }
}

bool DictionaryRegistry::remove(const std::string& database, const std::string& name) {
  std::lock_guard lock(mutex_);
  auto it = entries_.find(database + "." + name);
  if (it == entries_.end()) return false;
  it->second->removed = true;
  entries_.erase(it);
  return true;
}

bool DictionaryRegistry::has(const std::string& database, const std::string& name) const {
  std::lock_guard lock(mutex_);
  return entries_.count(database + "." + name) > 0;
}

std::string DictionaryRegistry::createQuery(const std::string& database, const std::string& name) const {
  std::lock_guard lock(mutex_);
  auto it = entries_.find(database + "." + name);
  return it == entries_.end() ? std::string() : it->second->create_query;
}

DictionaryRegistry::EntryPtr DictionaryRegistry::find(const std::string& name, const std::string& current_database) const {
  std::lock_guard lock(mutex_);
  auto it = entries_.find(current_database + "." + name);
  if (it == entries_.end()) it = entries_.find(name);
  if (it == entries_.end()) throw Exception(ErrorCodes::BAD_ARGUMENTS, "external dictionary '{}' not found", name);
  return it->second;
}

std::shared_ptr<const DictionaryStructure> DictionaryRegistry::structure(const std::string& name,
                                                                         const std::string& current_database) const {
  return find(name, current_database)->structure;
}

DictionaryPtr DictionaryRegistry::get(const std::string& name, const std::string& current_database, const std::string& query_id) {
  EntryPtr entry = find(name, current_database);
  {
    std::lock_guard lock(mutex_);
    if (entry->loaded) return entry->loaded;
    if (!query_id.empty() && entry->loading_query_id == query_id)
      throw Exception(ErrorCodes::BAD_ARGUMENTS, "Dictionary {} is used by the query that loads it", entry->structure->fullName());
  }
  std::lock_guard load_lock(entry->load_mutex);
  {
    std::lock_guard lock(mutex_);
    if (entry->loaded) return entry->loaded;  // loaded by another thread meanwhile
  }
  return load(entry);
}

void DictionaryRegistry::reload(const std::string& name, const std::string& current_database) {
  EntryPtr entry = find(name, current_database);
  std::lock_guard load_lock(entry->load_mutex);
  load(entry);
}

void DictionaryRegistry::reloadAll() {
  std::vector<EntryPtr> all;
  {
    std::lock_guard lock(mutex_);
    for (const auto& [key, entry] : entries_) all.push_back(entry);
  }
  std::exception_ptr first_error;
  for (const auto& entry : all) {
    try {
      std::lock_guard load_lock(entry->load_mutex);
      load(entry);
    } catch (...) {
      if (!first_error) first_error = std::current_exception();
    }
  }
  if (first_error) std::rethrow_exception(first_error);
}

DictionaryPtr DictionaryRegistry::load(const EntryPtr& entry) {
  static std::atomic<uint64_t> load_number{0};
  const std::string query_id = "dictionary-load-" + std::to_string(++load_number);
  QueryRunner runner;
  const auto start = std::chrono::steady_clock::now();
  {
    std::lock_guard lock(mutex_);
    runner = runner_;
    entry->loading_start_time = nowSeconds();
    entry->loading_query_id = query_id;
    if (!entry->loaded) entry->status = Status::Loading;
  }
  const DictionaryStructure& s = *entry->structure;
  try {
    if (!runner) throw Exception(ErrorCodes::LOGICAL_ERROR, "Dictionaries cannot be loaded: no query runner installed");
    Block data = runner(s.loadQuery(), s.database, query_id);
    std::string defaults_query = s.defaultsQuery();
    Block defaults = defaults_query.empty() ? Block() : runner(defaults_query, s.database, query_id);
    // The dictionary outlives the query that triggered the load: its memory is nobody's query's.
    MemoryTrackerGuard untracked(nullptr);
    auto dictionary = std::make_shared<const Dictionary>(s, data, defaults);
    std::lock_guard lock(mutex_);
    entry->loading_query_id.clear();
    entry->loaded = dictionary;
    entry->status = Status::Loaded;
    entry->last_exception.clear();
    entry->last_successful_update_time = nowSeconds();
    entry->loading_duration = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
    schedule(*entry);
    return dictionary;
  } catch (...) {
    std::string text = currentExceptionText();
    std::lock_guard lock(mutex_);
    entry->loading_query_id.clear();
    entry->last_exception = text;
    entry->loading_duration = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
    entry->status = entry->loaded ? Status::Loaded : Status::Failed;
    if (entry->loaded) schedule(*entry);
    throw;
  }
}

void DictionaryRegistry::schedule(Entry& entry) {
  const auto& s = *entry.structure;
  if (s.lifetime_max == 0 || entry.removed || stopping_) {
    entry.scheduled = false;
    return;
  }
  static thread_local std::mt19937_64 rng{std::random_device{}()};
  std::uniform_int_distribution<uint64_t> seconds_ms(s.lifetime_min * 1000, s.lifetime_max * 1000);
  entry.next_update = std::chrono::steady_clock::now() + std::chrono::milliseconds(seconds_ms(rng));
  entry.scheduled = true;
  if (!refresher_.joinable()) refresher_ = std::thread([this] { refreshLoop(); });
  wake_.notify_all();
}

void DictionaryRegistry::refreshLoop() {
  std::unique_lock lock(mutex_);
  while (!stopping_) {
    auto now = std::chrono::steady_clock::now();
    auto next = now + std::chrono::hours(1);
    std::vector<EntryPtr> due;
    for (const auto& [key, entry] : entries_) {
      if (!entry->scheduled) continue;
      if (entry->next_update <= now) {
        entry->scheduled = false;
        due.push_back(entry);
      } else {
        next = std::min(next, entry->next_update);
      }
    }
    if (due.empty()) {
      wake_.wait_until(lock, next);
      continue;
    }
    lock.unlock();
    for (const auto& entry : due) {
      try {
        std::lock_guard load_lock(entry->load_mutex);
        load(entry);
      } catch (...) {
        // Recorded in the entry (last_exception); the old data stays and the next refresh is scheduled.
      }
    }
    lock.lock();
  }
}

std::vector<DictionaryRegistry::Info> DictionaryRegistry::list() const {
  std::lock_guard lock(mutex_);
  std::vector<Info> res;
  for (const auto& [key, e] : entries_) {
    Info info;
    info.structure = e->structure;
    info.status = e->status;
    info.loaded = e->loaded;
    info.last_exception = e->last_exception;
    info.loading_start_time = e->loading_start_time;
    info.last_successful_update_time = e->last_successful_update_time;
    info.loading_duration = e->loading_duration;
    res.push_back(std::move(info));
  }
  return res;
}

}  // namespace tally
