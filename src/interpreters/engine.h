#pragma once
// Engine: one database instance — the catalog and what all sessions share. Session: the state
// of one client connection or CLI run (settings, current database, temporary tables, query
// parameters). An Engine is thread-safe; a Session is used by one thread at a time.

#include <map>
#include <memory>
#include <mutex>
#include <string>

#include "common/settings.h"
#include "interpreters/async_insert_queue.h"
#include "execution/process_list.h"
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
  /// YAML users file (src/access/users_file.h); empty: none.
  std::string users_file;
};

class AccessStore;
struct UserSettings;

class Engine {
 public:
  /// An engine over options.data_path: creates the directory layout or loads every database,
  /// table, view and dictionary stored there (completing inserts a crash interrupted).
  static std::shared_ptr<Engine> open(EngineOptions options);
  /// With options.data_path, stored dictionary definitions are replayed here (see
  /// DictionaryDefinitionStore); their data loads lazily, on first use.
  explicit Engine(EngineOptions options);
  /// Flushes pending asynchronous inserts and stops background work (dictionary refresh)
  /// before the catalog goes away.
  ~Engine();
  Catalog& catalog() { return catalog_; }
  /// The buffer of asynchronous inserts (created on first use).
  AsyncInsertQueue& asyncInserts();
  const EngineOptions& options() const { return options_; }
  /// Users, roles, settings profiles and quotas.
  AccessStore& access() { return *access_; }
  /// The running queries of every session (system.processes, KILL QUERY).
  ProcessList& processes() { return processes_; }
  const std::shared_ptr<DictionaryRegistry>& dictionaries() const { return dictionaries_; }
  const std::shared_ptr<DictionaryDefinitionStore>& dictionaryStore() const { return dictionary_store_; }

 private:
  void loadMetadata(const std::shared_ptr<Engine>& self);
  /// Takes <data_path>/status with an exclusive lock: one process per data directory.
  void lockDataPath();

  EngineOptions options_;
  /// <data_path>/status, locked. Released last, once the catalog (and the background merges of
  /// its tables) are gone: another process must not open the data while they still write.
  struct StatusFile {
    int fd = -1;
    ~StatusFile();
  } status_;
  std::mutex async_mutex_;
  ProcessList processes_;
  Catalog catalog_;
  std::shared_ptr<AccessStore> access_;
  // Last: destroyed first, flushing pending inserts while the catalog is still there.
  std::unique_ptr<AsyncInsertQueue> async_inserts_;
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
  /// The user's settings from its profiles, with the constraints on changing them.
  std::shared_ptr<const UserSettings> user_settings;
  /// Signs the session in as `user` (already authenticated): the user's profile settings apply
  /// on top of the session's. Signing in again as the same user changes nothing.
  void login(const std::string& user_name);
  /// Throws READONLY / SETTING_CONSTRAINT_VIOLATION when the session may not set `name` to
  /// `value` (readonly = 1, a CONST setting, outside MIN/MAX).
  void checkSettingChange(const std::string& name, const Field& value) const;
  std::map<std::string, StoragePtr> temporary_tables;
  std::map<std::string, std::string> temporary_create_queries;
  /// Set while the engine re-creates objects from their metadata files at start.
  bool loading_metadata = false;
  /// See AnalyzerContext::table_overrides.
  std::map<std::string, StoragePtr> table_overrides;
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
