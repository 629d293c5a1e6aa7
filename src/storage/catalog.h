#pragma once
// Catalog: the databases and their tables, by name. Thread-safe. Persistence (metadata files)
// is a concern of the database engine behind each Database; in-memory databases keep tables
// only for the life of the process.

#include <functional>
#include <map>
#include <memory>
#include <mutex>
#include <string>
#include <vector>

#include "storage/storage.h"

namespace tally {

struct TableEntry {
  StoragePtr storage;
  std::string create_query;  // the CREATE statement, for SHOW CREATE and system.tables
};

class Database {
 public:
  Database(std::string name, std::string engine) : name_(std::move(name)), engine_(std::move(engine)) {}
  virtual ~Database() = default;

  const std::string& name() const { return name_; }
  const std::string& engine() const { return engine_; }

  /// nullptr if absent.
  StoragePtr tryGetTable(const std::string& name) const;
  bool hasTable(const std::string& name) const { return tryGetTable(name) != nullptr; }
  /// Throws TABLE_ALREADY_EXISTS.
  virtual void addTable(const std::string& name, StoragePtr storage, std::string create_query);
  /// Replaces or adds.
  virtual void replaceTable(const std::string& name, StoragePtr storage, std::string create_query);
  /// Removes and returns the entry; throws UNKNOWN_TABLE.
  virtual TableEntry removeTable(const std::string& name);
  std::vector<std::pair<std::string, TableEntry>> tables() const;
  std::string createQuery(const std::string& name) const;

  /// Directory for a table's data; empty for databases kept in memory (unless a data root was
  /// set: the system database keeps system.query_log on disk).
  virtual std::string tableDataPath(const std::string& table) const {
    return data_root_.empty() ? std::string() : data_root_ + "/" + table;
  }
  void setDataRoot(std::string root) { data_root_ = std::move(root); }
  /// Removes the database's files (DROP DATABASE), after its tables were dropped.
  virtual void dropFiles() {}

 protected:
  std::string name_;
  std::string engine_;
  std::string data_root_;
  mutable std::mutex mutex_;
  std::map<std::string, TableEntry> tables_;
};

using DatabasePtr = std::shared_ptr<Database>;

class Catalog {
 public:
  Catalog();
  /// Makes the databases CREATE DATABASE creates (persistent ones when the engine has a data
  /// path). Set once, before any database is created.
  using DatabaseFactory = std::function<DatabasePtr(const std::string& name, const std::string& engine)>;
  void setDatabaseFactory(DatabaseFactory factory) { factory_ = std::move(factory); }

  DatabasePtr tryGetDatabase(const std::string& name) const;
  /// Throws UNKNOWN_DATABASE (81).
  DatabasePtr getDatabase(const std::string& name) const;
  /// Throws DATABASE_ALREADY_EXISTS (82) unless if_not_exists.
  DatabasePtr createDatabase(const std::string& name, const std::string& engine, bool if_not_exists);
  void addDatabase(DatabasePtr database);
  /// Throws UNKNOWN_DATABASE / DATABASE_NOT_EMPTY rules as ClickHouse (DROP DATABASE drops tables).
  void dropDatabase(const std::string& name, bool if_exists);
  std::vector<DatabasePtr> databases() const;

  /// Table in a database; throws UNKNOWN_TABLE (60) / UNKNOWN_DATABASE (81).
  StoragePtr getTable(const std::string& database, const std::string& table) const;
  StoragePtr tryGetTable(const std::string& database, const std::string& table) const;

 private:
  mutable std::mutex mutex_;
  std::map<std::string, DatabasePtr> databases_;
  DatabaseFactory factory_;
};

}  // namespace tally
