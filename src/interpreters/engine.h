#pragma once
// Engine: one database instance — the catalog and what all sessions share. Session: the state
// of one client connection or CLI run (settings, current database, temporary tables, query
// parameters). An Engine is thread-safe; a Session is used by one thread at a time.

#include <map>
#include <memory>
#include <string>

#include "common/settings.h"
#include "storage/catalog.h"
#include "storage/table_function.h"

namespace tally {

class DictionaryRegistry;
class DictionaryDefinitionStore;

struct EngineOptions {
  /// Directory for persistent data; empty: everything in memory.
  std::string data_path;
  /// Directory that file() and File tables may use. Empty: any path (relative to the
  /// current directory), as clickhouse-local allows.
  std::string user_files_path;
  std::string default_database = "default";
  /// Extra databases to create at start (clickhouse-local has "_local").
  std::vector<std::string> extra_databases;
  /// Password of the built-in `default` user; empty: no password.
  std::string default_password;
};

class Engine {
 public:
  /// With options.data_path, stored dictionary definitions are replayed here (see
  /// DictionaryDefinitionStore); their data loads lazily, on first use.
  explicit Engine(EngineOptions options);
  /// Stops background work (dictionary refresh) before the catalog goes away.
  ~Engine();
  Catalog& catalog() { return catalog_; }
  const EngineOptions& options() const { return options_; }
  const std::shared_ptr<DictionaryRegistry>& dictionaries() const { return dictionaries_; }
  const std::shared_ptr<DictionaryDefinitionStore>& dictionaryStore() const { return dictionary_store_; }

 private:
  EngineOptions options_;
  Catalog catalog_;
  std::shared_ptr<DictionaryRegistry> dictionaries_;
  std::shared_ptr<DictionaryDefinitionStore> dictionary_store_;
};

class Session;

/// The storage-facing view of a session: settings and file access.
class SessionStorageContext final : public StorageContext {
 public:
  explicit SessionStorageContext(Session& session) : session_(session) {}
  const Settings& settings() const override;
  std::string resolveUserPath(const std::string& path) const override;
  std::string userFilesRoot() const override;
  std::string insertionTableStructure() const override;
  std::shared_ptr<DictionaryRegistry> dictionaryRegistry() const override;
  std::string currentDatabase() const override;

 private:
  Session& session_;
};

class Session {
 public:
  explicit Session(std::shared_ptr<Engine> engine);
  Session(const Session&) = delete;
  Session& operator=(const Session&) = delete;

  Engine& engine() { return *engine_; }
  const std::shared_ptr<Engine>& enginePtr() const { return engine_; }
  Catalog& catalog() { return engine_->catalog(); }

  Settings settings;
  std::string current_database;
  std::string user = "default";
  std::map<std::string, StoragePtr> temporary_tables;
  std::map<std::string, std::string> temporary_create_queries;
  /// {name:Type} values set for the session (SET param_x = ..., CLI --param_x).
  std::map<std::string, std::string> query_parameters;
  /// Set while an INSERT ... SELECT * FROM table_function(...) is analysed (see
  /// StorageContext::insertionTableStructure).
  std::string insertion_table_structure;

  const StorageContext& storageContext() const { return storage_context_; }
  /// While a query runs, storages see its settings (SETTINGS clause applied).
  void setQuerySettings(const Settings* s) { settings_view_ = s; }
  const Settings& effectiveSettings() const { return settings_view_ ? *settings_view_ : settings; }

 private:
  std::shared_ptr<Engine> engine_;
  const Settings* settings_view_ = nullptr;
  SessionStorageContext storage_context_{*this};
};

}  // namespace tally
