#pragma once
// DatabaseOnDisk (ENGINE = Atomic): a database whose definitions survive restarts. Each table,
// view and dictionary is a file <root>/metadata/<db>/<name>.sql holding its CREATE statement
// (written atomically); the object's name comes from the file name, so RENAME moves the file.
// Table data lives in <root>/data/<db>/<name>/. The database itself is <root>/metadata/<db>.sql.

#include <string>
#include <utility>
#include <vector>

#include "storage/catalog.h"

namespace tally {

class DatabaseOnDisk final : public Database {
 public:
  /// Creates the directories and the database's metadata file if missing.
  DatabaseOnDisk(std::string name, std::string root);

  void addTable(const std::string& name, StoragePtr storage, std::string create_query) override;
  void replaceTable(const std::string& name, StoragePtr storage, std::string create_query) override;
  TableEntry removeTable(const std::string& name) override;
  std::string tableDataPath(const std::string& table) const override;
  void dropFiles() override;

  /// (name, CREATE text) of every object stored in the database's metadata directory.
  std::vector<std::pair<std::string, std::string>> storedDefinitions() const;
  /// Adds a table loaded from its metadata file without rewriting the file.
  void attachTable(const std::string& name, StoragePtr storage, std::string create_query);

  /// Names of the databases stored under `root` (from <root>/metadata/*.sql).
  static std::vector<std::string> storedDatabases(const std::string& root);

 private:
  std::string metadataFile(const std::string& table) const;
  std::string root_;
  std::string metadata_dir_;
  std::string data_dir_;
};

}  // namespace tally
