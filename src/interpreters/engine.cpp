#include "interpreters/engine.h"

#include <cstdio>
#include <filesystem>

#include "common/exception.h"
#include "dictionaries/dictionary_ddl.h"
#include "dictionaries/dictionary_definition_store.h"
#include "dictionaries/dictionary_registry.h"
#include "dictionaries/system_dictionaries.h"
#include "interpreters/execute_query.h"
#include "interpreters/values_expressions.h"
#include "io/path_confinement.h"
#include "storage/system/system_tables.h"

namespace tally {

Engine::Engine(EngineOptions options) : options_(std::move(options)) {
  installValuesExpressionEvaluator();
  attachSystemTables(catalog_);
  catalog_.createDatabase(options_.default_database, "Memory", true);
  if (options_.default_database != "default") catalog_.createDatabase("default", "Memory", true);
  for (const auto& db : options_.extra_databases) catalog_.createDatabase(db, "Memory", true);

  dictionaries_ = std::make_shared<DictionaryRegistry>();
  dictionary_store_ = std::make_shared<DictionaryDefinitionStore>(options_.data_path);
  catalog_.getDatabase("system")->addTable("dictionaries", createSystemDictionaries(dictionaries_), "");
  // Dictionary sources run as queries of this engine, in a session of their own. The session
  // refers to the engine without owning it: the registry (and its refresh thread) stops in
  // ~Engine before anything else goes away.
  dictionaries_->setQueryRunner([this](const std::string& query, const std::string& database, const std::string& query_id) {
    Session session(std::shared_ptr<Engine>(this, [](Engine*) {}));
    session.current_database = database;
    Block header;
    std::vector<Block> blocks;
    QueryIO io;
    io.query_id = query_id;
    io.on_header = [&](const Block& h) { header = h.cloneEmpty(); };
    io.on_block = [&](const Block& b) { blocks.push_back(b); };
    executeQuery(session, query, io);
    return blocks.empty() ? header : concatenateBlocks(blocks, header);
  });
  if (dictionary_store_->enabled())
    for (const auto& error : restoreDictionaries(DictionaryServices{catalog_, dictionaries_, dictionary_store_}))
      std::fprintf(stderr, "Cannot restore dictionary %s\n", error.c_str());
}

Engine::~Engine() { dictionaries_->shutdown(); }

Session::Session(std::shared_ptr<Engine> engine)
    : current_database(engine->options().default_database), engine_(std::move(engine)) {}

const Settings& SessionStorageContext::settings() const { return session_.effectiveSettings(); }

std::string SessionStorageContext::resolveUserPath(const std::string& path) const {
  const std::string& root = session_.engine().options().user_files_path;
  if (root.empty()) {
    std::filesystem::path p(path);
    if (p.is_relative()) p = std::filesystem::current_path() / p;
    return p.lexically_normal().string();
  }
  return resolvePathUnderRoot(path, root);
}

std::string SessionStorageContext::insertionTableStructure() const { return session_.insertion_table_structure; }

std::shared_ptr<DictionaryRegistry> SessionStorageContext::dictionaryRegistry() const { return session_.engine().dictionaries(); }

std::string SessionStorageContext::currentDatabase() const { return session_.current_database; }

std::string SessionStorageContext::userFilesRoot() const {
  const std::string& root = session_.engine().options().user_files_path;
  return root.empty() ? std::filesystem::current_path().string() : root;
}

}  // namespace tally
