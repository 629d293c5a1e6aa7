#include "storage/catalog.h"

#include "common/exception.h"

namespace tally {

StoragePtr Database::tryGetTable(const std::string& name) const {
  std::lock_guard lock(mutex_);
  auto it = tables_.find(name);
  return it == tables_.end() ? nullptr : it->second.storage;
}

void Database::addTable(const std::string& name, StoragePtr storage, std::string create_query) {
  std::lock_guard lock(mutex_);
  if (tables_.count(name))
    throw Exception(ErrorCodes::TABLE_ALREADY_EXISTS, "Table {}.{} already exists", name_, name);
  tables_[name] = TableEntry{std::move(storage), std::move(create_query)};
}

void Database::replaceTable(const std::string& name, StoragePtr storage, std::string create_query) {
  std::lock_guard lock(mutex_);
  tables_[name] = TableEntry{std::move(storage), std::move(create_query)};
}

TableEntry Database::removeTable(const std::string& name) {
  std::lock_guard lock(mutex_);
  auto it = tables_.find(name);
  if (it == tables_.end()) throw Exception(ErrorCodes::UNKNOWN_TABLE, "Table {}.{} does not exist", name_, name);
  TableEntry entry = std::move(it->second);
  tables_.erase(it);
  return entry;
}

std::vector<std::pair<std::string, TableEntry>> Database::tables() const {
  std::lock_guard lock(mutex_);
  return {tables_.begin(), tables_.end()};
}

std::string Database::createQuery(const std::string& name) const {
  std::lock_guard lock(mutex_);
  auto it = tables_.find(name);
  if (it == tables_.end()) throw Exception(ErrorCodes::UNKNOWN_TABLE, "Table {}.{} does not exist", name_, name);
  return it->second.create_query;
}

Catalog::Catalog() = default;

DatabasePtr Catalog::tryGetDatabase(const std::string& name) const {
  std::lock_guard lock(mutex_);
  auto it = databases_.find(name);
  return it == databases_.end() ? nullptr : it->second;
}

DatabasePtr Catalog::getDatabase(const std::string& name) const {
  if (auto db = tryGetDatabase(name)) return db;
  throw Exception(ErrorCodes::UNKNOWN_DATABASE, "Database {} does not exist", name);
}

DatabasePtr Catalog::createDatabase(const std::string& name, const std::string& engine, bool if_not_exists) {
  std::lock_guard lock(mutex_);
  auto it = databases_.find(name);
  if (it != databases_.end()) {
    if (if_not_exists) return it->second;
    throw Exception(ErrorCodes::DATABASE_ALREADY_EXISTS, "Database {} already exists", name);
  }
  auto db = factory_ ? factory_(name, engine) : std::make_shared<Database>(name, engine.empty() ? "Memory" : engine);
  databases_[name] = db;
  return db;
}

void Catalog::addDatabase(DatabasePtr database) {
  std::lock_guard lock(mutex_);
  databases_[database->name()] = std::move(database);
}

void Catalog::dropDatabase(const std::string& name, bool if_exists) {
  DatabasePtr db;
  {
    std::lock_guard lock(mutex_);
    auto it = databases_.find(name);
    if (it == databases_.end()) {
      if (if_exists) return;
      throw Exception(ErrorCodes::UNKNOWN_DATABASE, "Database {} does not exist", name);
    }
    if (name == "system") throw Exception(ErrorCodes::BAD_ARGUMENTS, "Cannot drop the system database");
    db = it->second;
    databases_.erase(it);
  }
  for (auto& [table, entry] : db->tables()) {
    db->removeTable(table);
    entry.storage->drop();
  }
  db->dropFiles();
}

std::vector<DatabasePtr> Catalog::databases() const {
  std::lock_guard lock(mutex_);
  std::vector<DatabasePtr> res;
  for (const auto& [n, db] : databases_) res.push_back(db);
  return res;
}

StoragePtr Catalog::tryGetTable(const std::string& database, const std::string& table) const {
  auto db = tryGetDatabase(database);
  return db ? db->tryGetTable(table) : nullptr;
}

StoragePtr Catalog::getTable(const std::string& database, const std::string& table) const {
  auto db = getDatabase(database);
  if (auto t = db->tryGetTable(table)) return t;
  throw Exception(ErrorCodes::UNKNOWN_TABLE, "Table {}.{} does not exist", database, table);
}

}  // namespace tally
