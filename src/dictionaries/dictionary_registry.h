#pragma once
// DictionaryRegistry: the dictionaries of one Engine, by "database.name". Owns each
// dictionary's definition, its loaded version and load status, and the background thread that
// refreshes dictionaries with a LIFETIME.
//
// Loading runs the structure's load query through the engine (the QueryRunner the engine
// installs) and builds a Dictionary. Dictionaries load lazily, on first use (ClickHouse's
// dictionaries_lazy_load), or on SYSTEM RELOAD. A loaded dictionary with LIFETIME(MIN a MAX b),
// b > 0, is reloaded at a random time in [a, b] seconds after each load; LIFETIME(0) never
// refreshes. A failed reload keeps the previous data and records the exception.
//
// Thread-safe. shutdown() (also run by the destructor) stops and joins the refresh thread.

#include <chrono>
#include <condition_variable>
#include <exception>
#include <functional>
#include <map>
#include <memory>
#include <mutex>
#include <string>
#include <thread>
#include <vector>

#include "dictionaries/dictionary.h"

namespace tally {

class DictionaryRegistry {
 public:
  /// Runs a SELECT with `database` as the current database and `query_id` as its id, and
  /// returns all its rows in one block.
  using QueryRunner = std::function<Block(const std::string& query, const std::string& database, const std::string& query_id)>;

  enum class Status : uint8_t { NotLoaded, Loaded, Failed, Loading };

  /// One row of system.dictionaries.
  struct Info {
    std::shared_ptr<const DictionaryStructure> structure;
    Status status = Status::NotLoaded;
    DictionaryPtr loaded;               // null unless loaded
    std::string last_exception;         // empty if the last load succeeded
    int64_t loading_start_time = 0;     // seconds since epoch
    int64_t last_successful_update_time = 0;
    double loading_duration = 0;        // seconds
  };

  DictionaryRegistry() = default;
  ~DictionaryRegistry();
  DictionaryRegistry(const DictionaryRegistry&) = delete;
  DictionaryRegistry& operator=(const DictionaryRegistry&) = delete;

  void setQueryRunner(QueryRunner runner);
  /// Stops the refresh thread (idempotent).
  void shutdown();

  /// Adds a dictionary (not loaded yet). Throws DICTIONARY_ALREADY_EXISTS unless `replace`.
  void add(DictionaryStructure structure, std::string create_query, bool replace);
  /// Removes a dictionary; false if absent.
  bool remove(const std::string& database, const std::string& name);
  bool has(const std::string& database, const std::string& name) const;
  /// The CREATE DICTIONARY text, or empty if absent.
  std::string createQuery(const std::string& database, const std::string& name) const;

  /// Structure of the dictionary `name` ("db.dict", or "dict" in `current_database`) without
  /// loading it. Throws BAD_ARGUMENTS "external dictionary 'name' not found".
  std::shared_ptr<const DictionaryStructure> structure(const std::string& name, const std::string& current_database) const;
  /// The loaded dictionary, loading it on first use; throws the load error if it has never loaded.
  /// `query_id`: the calling query's; a dictionary used by its own loading query (its source
  /// refers to it) fails with BAD_ARGUMENTS instead of waiting for itself.
  DictionaryPtr get(const std::string& name, const std::string& current_database, const std::string& query_id = {});
  /// SYSTEM RELOAD DICTIONARY: loads now, synchronously; throws the load error.
  void reload(const std::string& name, const std::string& current_database);
  /// SYSTEM RELOAD DICTIONARIES: reloads every dictionary; throws the first error after trying all.
  void reloadAll();

  std::vector<Info> list() const;

 private:
  struct Entry {
    std::shared_ptr<const DictionaryStructure> structure;
    std::string create_query;
    std::mutex load_mutex;  // one load at a time
    // Guarded by DictionaryRegistry::mutex_:
    Status status = Status::NotLoaded;
    DictionaryPtr loaded;
    std::string last_exception;
    int64_t loading_start_time = 0;
    int64_t last_successful_update_time = 0;
    double loading_duration = 0;
    std::chrono::steady_clock::time_point next_update{};
    bool scheduled = false;
    bool removed = false;
    std::string loading_query_id;  // id of the running load query, if any
  };
  using EntryPtr = std::shared_ptr<Entry>;

  EntryPtr find(const std::string& name, const std::string& current_database) const;
  /// Loads (or reloads) `entry`; rethrows the error after recording it.
  DictionaryPtr load(const EntryPtr& entry);
  void schedule(Entry& entry);  // under mutex_
  void refreshLoop();

  mutable std::mutex mutex_;
  std::map<std::string, EntryPtr> entries_;
  QueryRunner runner_;
  std::condition_variable wake_;
  std::thread refresher_;
  bool stopping_ = false;
};

}  // namespace tally
