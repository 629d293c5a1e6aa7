#pragma once
// Table functions (numbers(10), file('x.csv'), values(...), generateRandom(...)): given their
// evaluated arguments they return a storage to read from. Registered with
// REGISTER_TABLE_FUNCTION in their own .cpp; looked up by the analyzer.

#include <functional>
#include <map>
#include <memory>
#include <string>
#include <vector>

#include "common/field.h"
#include "storage/storage.h"

namespace tally {

class StorageContext;
class DictionaryRegistry;

/// An argument of a table function: a constant value (with its type), or — for arguments
/// such as `structure` that may be written as identifiers — its text.
struct TableFunctionArgument {
  Field value;
  DataTypePtr type;
  std::string text;  // the argument as written (formatAST)
};

class TableFunctionFactory {
 public:
  /// Builds the storage. `context` gives settings and the file access policy.
  using Creator = std::function<StoragePtr(const std::vector<TableFunctionArgument>& args, const StorageContext& context)>;

  static TableFunctionFactory& instance();
  void registerFunction(const std::string& name, Creator creator, const std::string& description,
                        bool case_insensitive = false);
  /// Throws UNKNOWN_FUNCTION with "Unknown table function" message.
  StoragePtr create(const std::string& name, const std::vector<TableFunctionArgument>& args,
                    const StorageContext& context) const;
  bool has(const std::string& name) const;
  std::vector<std::pair<std::string, std::string>> list() const;  // name, description

 private:
  struct Entry {
    Creator creator;
    std::string description;
  };
  std::map<std::string, Entry> functions_;
  std::map<std::string, std::string> lower_names_;
};

/// What storages and table functions may know about the session: settings and where files
/// may be read from and written to.
class StorageContext {
 public:
  virtual ~StorageContext() = default;
  virtual const Settings& settings() const = 0;
  /// Resolves a path given by a user to an absolute path allowed for file access; throws
  /// DATABASE_ACCESS_DENIED (291) when the session confines files to a directory and the path
  /// leaves it. Relative paths are relative to that directory (or the current directory).
  virtual std::string resolveUserPath(const std::string& path) const = 0;
  /// Directory globs are resolved against (same rule as resolveUserPath).
  virtual std::string userFilesRoot() const = 0;
  /// While `INSERT INTO t SELECT * FROM table_function(...)` is analysed: the structure of the
  /// inserted columns ("name Type, ..."), which a table function without a structure argument
  /// uses instead of inferring one (ClickHouse's use_structure_from_insertion_table_in_table_functions).
  /// Empty otherwise.
  virtual std::string insertionTableStructure() const { return {}; }
  /// The engine's dictionaries (for the dictionary() table function); null without an engine.
  virtual std::shared_ptr<DictionaryRegistry> dictionaryRegistry() const { return nullptr; }
  /// The session's current database (unqualified dictionary names resolve in it).
  virtual std::string currentDatabase() const { return "default"; }
};

#define REGISTER_TABLE_FUNCTION(NAME)                                                               \
  static void TALLY_TF_CONCAT(registerTableFunction, NAME)(::tally::TableFunctionFactory & factory); \
  namespace {                                                                                       \
  struct TALLY_TF_CONCAT(TableFunctionRegistrar, NAME) {                                            \
    TALLY_TF_CONCAT(TableFunctionRegistrar, NAME)() {                                               \
      TALLY_TF_CONCAT(registerTableFunction, NAME)(::tally::TableFunctionFactory::instance());      \
    }                                                                                               \
  } TALLY_TF_CONCAT(table_function_registrar_, NAME);                                               \
  }                                                                                                 \
  static void TALLY_TF_CONCAT(registerTableFunction, NAME)(::tally::TableFunctionFactory & factory)
#define TALLY_TF_CONCAT_IMPL(a, b) a##b
#define TALLY_TF_CONCAT(a, b) TALLY_TF_CONCAT_IMPL(a, b)

}  // namespace tally
