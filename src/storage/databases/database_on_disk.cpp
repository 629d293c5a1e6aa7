#include "storage/databases/database_on_disk.h"

#include <filesystem>

#include "common/exception.h"
#include "io/durable_file.h"

namespace tally {

namespace fs = std::filesystem;

namespace {

/// File names for object names: '%' escapes of characters other than letters, digits, '_'.
std::string escapeForFileName(const std::string& s) {
  std::string r;
  for (unsigned char c : s) {
    if (std::isalnum(c) || c == '_') {
      r += char(c);
    } else {
      char buf[4];
      std::snprintf(buf, sizeof(buf), "%%%02X", c);
      r += buf;
    }
  }
  return r;
}

std::string unescapeFileName(const std::string& s) {
  std::string r;
  for (size_t i = 0; i < s.size(); ++i) {
    if (s[i] == '%' && i + 2 < s.size()) {
      r += char(std::stoi(s.substr(i + 1, 2), nullptr, 16));
      i += 2;
    } else {
      r += s[i];
    }
  }
  return r;
}

}  // namespace

DatabaseOnDisk::DatabaseOnDisk(std::string name, std::string root)
    : Database(name, "Atomic"), root_(std::move(root)) {
  metadata_dir_ = root_ + "/metadata/" + escapeForFileName(name);
  data_dir_ = root_ + "/data/" + escapeForFileName(name);
  fs::create_directories(metadata_dir_);
  fs::create_directories(data_dir_);
  std::string db_file = root_ + "/metadata/" + escapeForFileName(name) + ".sql";
  if (!fs::exists(db_file)) writeFileDurably(db_file, "CREATE DATABASE " + name + " ENGINE = Atomic\n");
}

std::string DatabaseOnDisk::metadataFile(const std::string& table) const {
  return metadata_dir_ + "/" + escapeForFileName(table) + ".sql";
}

std::string DatabaseOnDisk::tableDataPath(const std::string& table) const { return data_dir_ + "/" + escapeForFileName(table); }

void DatabaseOnDisk::addTable(const std::string& name, StoragePtr storage, std::string create_query) {
  if (hasTable(name)) throw Exception(ErrorCodes::TABLE_ALREADY_EXISTS, "Table {}.{} already exists", name_, name);
  writeFileDurably(metadataFile(name), create_query + "\n");
  Database::addTable(name, std::move(storage), std::move(create_query));
}

void DatabaseOnDisk::attachTable(const std::string& name, StoragePtr storage, std::string create_query) {
  Database::addTable(name, std::move(storage), std::move(create_query));
}

void DatabaseOnDisk::replaceTable(const std::string& name, StoragePtr storage, std::string create_query) {
  writeFileDurably(metadataFile(name), create_query + "\n");
  Database::replaceTable(name, std::move(storage), std::move(create_query));
}

TableEntry DatabaseOnDisk::removeTable(const std::string& name) {
  TableEntry entry = Database::removeTable(name);
  std::error_code ec;
  fs::remove(metadataFile(name), ec);
  fsyncDirectory(metadata_dir_);
  return entry;
}

void DatabaseOnDisk::dropFiles() {
  std::error_code ec;
  fs::remove_all(metadata_dir_, ec);
  fs::remove_all(data_dir_, ec);
  fs::remove(root_ + "/metadata/" + escapeForFileName(name_) + ".sql", ec);
  fsyncDirectory(root_ + "/metadata");
}

std::vector<std::pair<std::string, std::string>> DatabaseOnDisk::storedDefinitions() const {
  std::vector<std::pair<std::string, std::string>> res;
  for (const auto& entry : fs::directory_iterator(metadata_dir_)) {
    std::string file = entry.path().filename().string();
    if (file.ends_with(".sql.tmp")) {
      fs::remove(entry.path());  // a definition whose write never completed
      continue;
    }
    if (!file.ends_with(".sql")) continue;
    res.emplace_back(unescapeFileName(file.substr(0, file.size() - 4)), readWholeFile(entry.path().string()));
  }
  std::sort(res.begin(), res.end());
  return res;
}

std::vector<std::string> DatabaseOnDisk::storedDatabases(const std::string& root) {
  std::vector<std::string> res;
  std::error_code ec;
  if (!fs::is_directory(root + "/metadata", ec)) return res;
  for (const auto& entry : fs::directory_iterator(root + "/metadata")) {
    std::string file = entry.path().filename().string();
    if (entry.is_regular_file() && file.ends_with(".sql")) res.push_back(unescapeFileName(file.substr(0, file.size() - 4)));
  }
  std::sort(res.begin(), res.end());
  return res;
}

}  // namespace tally
