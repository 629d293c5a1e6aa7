#include "dictionaries/dictionary_ddl.h"

#include <mutex>

#include "common/exception.h"
#include "dictionaries/storage_dictionary.h"
#include "parser/format_helpers.h"
#include "parser/parser.h"

namespace tally {

namespace {

/// SOURCE / LAYOUT parameters: NAME(KEY value ...), keys upper-case as ClickHouse prints them.
std::string formatKeyValueFunction(const IAST& ast) {
  const auto& f = ast.as<ASTFunction>();
  std::string out = upperCaseAscii(f.name) + "(";
  bool first = true;
  for (const auto& arg : f.args()) {
    if (!first) out += ' ';
    first = false;
    const auto& pair = arg->as<ASTFunction>();
    if (pair.name != "equals" || pair.args().size() != 2) {
      out += formatKeyValueFunction(*arg);
      continue;
    }
    std::string key = upperCaseAscii(pair.args()[0]->as<ASTIdentifier>().name());
    const IAST& value = *pair.args()[1];
    out += key + " ";
    if (value.kind == ASTKind::Function) out += formatKeyValueFunction(value);
    else out += formatAST(value);
  }
  return out + ")";
}

}  // namespace

std::string formatCreateDictionary(const ASTCreateQuery& create, const std::string& database) {
  const auto& d = *create.dictionary;
  std::string s = "CREATE DICTIONARY " + backQuoteIfNeed(database) + "." + backQuoteIfNeed(create.table) + "\n(\n";
  for (size_t i = 0; i < d.attributes.size(); ++i) {
    const auto& a = d.attributes[i];
    s += "    " + backQuote(a.name) + " " + a.type;
    if (a.default_value) s += " DEFAULT " + formatAST(*a.default_value);
    if (a.expression) s += " EXPRESSION " + formatAST(*a.expression);
    if (a.hierarchical) s += " HIERARCHICAL";
    if (a.injective) s += " INJECTIVE";
    if (a.is_object_id) s += " IS_OBJECT_ID";
    s += i + 1 < d.attributes.size() ? ",\n" : "\n";
  }
  s += ")\nPRIMARY KEY ";
  for (size_t i = 0; i < d.primary_key.size(); ++i) s += (i ? ", " : "") + backQuoteIfNeed(d.primary_key[i]);
  if (d.source) s += "\nSOURCE(" + formatKeyValueFunction(*d.source) + ")";
  s += "\nLIFETIME(MIN " + std::to_string(d.lifetime_min) + " MAX " + std::to_string(d.lifetime_max) + ")";
  if (d.layout) s += "\nLAYOUT(" + formatKeyValueFunction(*d.layout) + ")";
  if (d.range) {
    const auto& r = d.range->as<ASTFunction>().args();
    s += "\nRANGE(MIN " + formatAST(*r[0]) + " MAX " + formatAST(*r[1]) + ")";
  }
  if (!create.comment.empty()) s += "\nCOMMENT " + quoteString(create.comment);
  return s;
}

namespace {

/// Dictionary DDL runs one statement at a time: the check that a name is free, the stored file
/// and the registration happen as one step.
std::mutex& ddlMutex() {
  static std::mutex mutex;
  return mutex;
}

void createDictionaryLocked(const DictionaryServices& services, const ASTCreateQuery& create, const std::string& database,
                            bool persist) {
  DatabasePtr db = services.catalog.getDatabase(database);
  StoragePtr existing = db->tryGetTable(create.table);
  const bool is_dictionary = existing && existing->engineName() == "Dictionary";
  if (existing) {
    if (create.if_not_exists) return;
    if (!is_dictionary) throw Exception(ErrorCodes::TABLE_ALREADY_EXISTS, "Table {}.{} already exists", database, create.table);
    if (!create.or_replace) throw Exception(ErrorCodes::DICTIONARY_ALREADY_EXISTS, "Dictionary {}.{} already exists.", database, create.table);
  }
  DictionaryStructure structure = dictionaryStructureFromAST(create, database);
  std::string text = formatCreateDictionary(create, database);
  // The definition is durable before the dictionary is visible; a new one that then fails to
  // register leaves no file behind.
  if (persist) services.store->save(database, create.table, text);
  auto storage = std::make_shared<StorageDictionary>(services.registry, services.store, structure);
  bool added = false;
  try {
    services.registry->add(std::move(structure), text, /*replace=*/existing != nullptr);
    added = true;
    if (existing)
      db->replaceTable(create.table, storage, text);
    else
      db->addTable(create.table, storage, text);
  } catch (...) {
    if (!existing) {
      if (added) services.registry->remove(database, create.table);
      if (persist) services.store->remove(database, create.table);
    }
    throw;
  }
}

}  // namespace

void createDictionary(const DictionaryServices& services, const ASTCreateQuery& create, const std::string& database,
                      bool persist) {
  std::lock_guard lock(ddlMutex());
  createDictionaryLocked(services, create, database, persist);
}

void dropDictionary(const DictionaryServices& services, const std::string& database, const std::string& name, bool if_exists) {
  std::lock_guard lock(ddlMutex());
  DatabasePtr db = services.catalog.tryGetDatabase(database);
  if (!db) {
    if (if_exists) return;
    throw Exception(ErrorCodes::UNKNOWN_DATABASE, "Database {} does not exist", database);
  }
  StoragePtr storage = db->tryGetTable(name);
  if (!storage) {
    if (if_exists) return;
    throw Exception(ErrorCodes::UNKNOWN_TABLE, "Dictionary {}.{} does not exist", database, name);
  }
  if (storage->engineName() != "Dictionary")
    throw Exception(ErrorCodes::BAD_ARGUMENTS, "{}.{} is not a dictionary; use DROP TABLE", database, name);
  db->removeTable(name);
  storage->drop();
}

void renameDictionary(const DictionaryServices& services, const std::string& from_database, const std::string& from_name,
                      const std::string& to_database, const std::string& to_name) {
  std::lock_guard lock(ddlMutex());
  DatabasePtr from = services.catalog.getDatabase(from_database);
  DatabasePtr to = services.catalog.getDatabase(to_database);
  StoragePtr storage = from->tryGetTable(from_name);
  if (!storage || storage->engineName() != "Dictionary")
    throw Exception(ErrorCodes::UNKNOWN_TABLE, "Dictionary {}.{} does not exist", from_database, from_name);
  if (StoragePtr existing = to->tryGetTable(to_name)) {
    if (existing->engineName() == "Dictionary")
      throw Exception(ErrorCodes::DICTIONARY_ALREADY_EXISTS, "Dictionary {}.{} already exists.", to_database, to_name);
    throw Exception(ErrorCodes::TABLE_ALREADY_EXISTS, "Table {}.{} already exists", to_database, to_name);
  }
  ASTPtr ast = parseQuery(services.registry->createQuery(from_database, from_name));
  auto& create = ast->as<ASTCreateQuery>();
  create.database = to_database;
  create.table = to_name;
  createDictionaryLocked(services, create, to_database, /*persist=*/true);
  from->removeTable(from_name);
  storage->drop();
}

std::vector<std::string> restoreDictionaries(const DictionaryServices& services) {
  std::vector<std::string> errors;
  for (const auto& def : services.store->loadAll()) {
    try {
      ASTPtr ast = parseQuery(def.create_query);
      if (ast->kind != ASTKind::CreateQuery || !ast->as<ASTCreateQuery>().is_dictionary)
        throw Exception(ErrorCodes::INCORRECT_DICTIONARY_DEFINITION, "not a CREATE DICTIONARY statement");
      auto& create = ast->as<ASTCreateQuery>();
      create.table = def.name;
      services.catalog.createDatabase(def.database, "", /*if_not_exists=*/true);
      createDictionary(services, create, def.database, /*persist=*/false);
    } catch (const std::exception& e) {
      errors.push_back(def.database + "." + def.name + ": " + e.what());
    }
  }
  return errors;
}

}  // namespace tally
