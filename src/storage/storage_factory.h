#pragma once
// Table engines by name (ENGINE = Memory, File(CSV), Null, ...). Each engine registers itself
// from its own .cpp with REGISTER_STORAGE.

#include <functional>
#include <map>
#include <string>

#include "parser/ast.h"
#include "storage/storage.h"
#include "storage/table_function.h"

namespace tally {

struct StorageCreateArguments {
  std::string database, table;
  ColumnsDescription columns;
  const ASTStorage* storage = nullptr;           // ENGINE clause (may be null for defaults)
  std::vector<TableFunctionArgument> engine_args;  // evaluated engine arguments
  const StorageContext* context = nullptr;
  /// Directory for the table's data (persistent engines); empty for in-memory catalogs.
  std::string data_path;
  /// MergeTree family: ORDER BY / PRIMARY KEY / PARTITION BY resolved over the physical
  /// columns (each tuple element is one expression); null/empty when absent.
  Exprs sorting_key, primary_key;
  ExprPtr partition_key;
};

class StorageFactory {
 public:
  using Creator = std::function<StoragePtr(const StorageCreateArguments&)>;
  static StorageFactory& instance();
  void registerStorage(const std::string& engine, Creator creator);
  /// Throws UNKNOWN_STORAGE (56).
  StoragePtr create(const std::string& engine, const StorageCreateArguments& args) const;
  bool has(const std::string& engine) const { return creators_.count(engine) > 0; }
  std::vector<std::string> engines() const;

 private:
  std::map<std::string, Creator> creators_;
};

#define REGISTER_STORAGE(NAME)                                                           \
  static void TALLY_SF_CONCAT(registerStorage, NAME)(::tally::StorageFactory & factory); \
  namespace {                                                                            \
  struct TALLY_SF_CONCAT(StorageRegistrar, NAME) {                                       \
    TALLY_SF_CONCAT(StorageRegistrar, NAME)() {                                          \
      TALLY_SF_CONCAT(registerStorage, NAME)(::tally::StorageFactory::instance());       \
    }                                                                                    \
  } TALLY_SF_CONCAT(storage_registrar_, NAME);                                           \
  }                                                                                      \
  static void TALLY_SF_CONCAT(registerStorage, NAME)(::tally::StorageFactory & factory)
#define TALLY_SF_CONCAT_IMPL(a, b) a##b
#define TALLY_SF_CONCAT(a, b) TALLY_SF_CONCAT_IMPL(a, b)

}  // namespace tally
