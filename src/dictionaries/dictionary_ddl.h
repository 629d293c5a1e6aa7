#pragma once
// The dictionary statements' effects on an engine's catalog, registry and definition store,
// shared by the interpreters (CREATE / DROP DICTIONARY) and the engine start (replaying stored
// definitions). A dictionary is registered in the DictionaryRegistry and also appears as a
// `Dictionary` table of its database (system.tables, SHOW DICTIONARIES, SELECT * FROM db.dict).

#include <memory>
#include <string>

#include "dictionaries/dictionary_definition_store.h"
#include "dictionaries/dictionary_registry.h"
#include "parser/ast.h"
#include "storage/catalog.h"

namespace tally {

struct DictionaryServices {
  Catalog& catalog;
  std::shared_ptr<DictionaryRegistry> registry;
  std::shared_ptr<const DictionaryDefinitionStore> store;
};

/// CREATE [OR REPLACE] DICTIONARY [IF NOT EXISTS] in `database` (the statement's or the current
/// one). Throws DICTIONARY_ALREADY_EXISTS / TABLE_ALREADY_EXISTS (a table of that name) and
/// definition errors. `persist`: write the definition to the store (false when replaying it).
void createDictionary(const DictionaryServices& services, const ASTCreateQuery& create, const std::string& database,
                      bool persist);

/// DROP DICTIONARY [IF EXISTS]. Throws UNKNOWN_DATABASE / UNKNOWN_TABLE when absent without
/// IF EXISTS, and BAD_ARGUMENTS when the name is a table rather than a dictionary.
void dropDictionary(const DictionaryServices& services, const std::string& database, const std::string& name, bool if_exists);

/// RENAME DICTIONARY (or RENAME TABLE of a dictionary): re-registers the definition under the
/// new name (its data reloads lazily) and moves the stored definition. Throws
/// DICTIONARY_ALREADY_EXISTS / TABLE_ALREADY_EXISTS when the new name is taken.
void renameDictionary(const DictionaryServices& services, const std::string& from_database, const std::string& from_name,
                      const std::string& to_database, const std::string& to_name);

/// The CREATE DICTIONARY text as SHOW CREATE DICTIONARY prints it.
std::string formatCreateDictionary(const ASTCreateQuery& create, const std::string& database);

/// Re-creates every dictionary of the store (at engine start); a database named by a stored
/// definition is created if missing. A definition that fails to parse is skipped and returned
/// in the error list ("db.name: message") rather than stopping the engine.
std::vector<std::string> restoreDictionaries(const DictionaryServices& services);

}  // namespace tally
