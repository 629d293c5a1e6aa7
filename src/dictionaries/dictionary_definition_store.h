#pragma once
// DictionaryDefinitionStore: the CREATE DICTIONARY statements of an engine with a data
// directory, one file per dictionary: <data_path>/metadata/<database>/<name>.sql, written
// atomically (temporary file, fsync, rename, fsync of the directory). The engine replays them
// at start (Engine constructor -> restoreDictionaries), so dictionaries survive restarts.
//
// The layout is the one of the persistent catalog's table metadata; files whose statement is
// not CREATE/ATTACH DICTIONARY belong to the catalog and are skipped by loadAll().

#include <string>
#include <vector>

namespace tally {

class DictionaryDefinitionStore {
 public:
  /// `data_path`: the engine's data directory; empty disables persistence (all calls no-ops).
  explicit DictionaryDefinitionStore(std::string data_path) : data_path_(std::move(data_path)) {}

  bool enabled() const { return !data_path_.empty(); }
  /// Writes (or replaces) the definition. Throws CANNOT_WRITE_TO_FILE_DESCRIPTOR / CANNOT_FSYNC
  /// style errors on I/O failure, leaving any previous file intact.
  void save(const std::string& database, const std::string& name, const std::string& create_query) const;
  void remove(const std::string& database, const std::string& name) const;

  struct Definition {
    std::string database, name, create_query;
  };
  /// Every stored dictionary definition, databases and names in sorted order.
  std::vector<Definition> loadAll() const;

 private:
  std::string fileFor(const std::string& database, const std::string& name) const;
  std::string data_path_;
};

}  // namespace tally
