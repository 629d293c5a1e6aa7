#include "interpreters/engine.h"

#include <fcntl.h>
#include <sys/file.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>
#include <cstdio>
#include <filesystem>

#include "access/access_store.h"
#include "common/exception.h"
#include "interpreters/execute_query.h"
#include "interpreters/query_log.h"
#include "dictionaries/dictionary_ddl.h"
#include "dictionaries/dictionary_definition_store.h"
#include "dictionaries/dictionary_registry.h"
#include "dictionaries/system_dictionaries.h"
#include "interpreters/execute_query.h"
#include "interpreters/values_expressions.h"
#include "parser/parser.h"
#include "storage/databases/database_on_disk.h"
#include "storage/insert_transaction.h"
#include "io/path_confinement.h"
#include "parser/format_helpers.h"
#include "storage/system/system_tables.h"

namespace tally {

Engine::Engine(EngineOptions options) : options_(std::move(options)) {
  installValuesExpressionEvaluator();
  access_ = std::make_shared<AccessStore>(
      AccessStoreOptions{options_.data_path, options_.users_file, options_.default_password});
  attachSystemTables(catalog_);
  if (!options_.data_path.empty()) {
    std::filesystem::create_directories(options_.data_path);
    lockDataPath();
    std::filesystem::create_directories(options_.data_path + "/metadata");
    std::filesystem::create_directories(options_.data_path + "/data");
    recoverRenameJournals(options_.data_path + "/journal");
    std::string root = options_.data_path;
    catalog_.setDatabaseFactory([root](const std::string& name, const std::string&) -> DatabasePtr {
      return std::make_shared<DatabaseOnDisk>(name, root);
    });
    for (const auto& db : DatabaseOnDisk::storedDatabases(root)) catalog_.createDatabase(db, "Atomic", true);
  }
  attachAccessSystemTables(catalog_, access_);
  attachSystemProcesses(catalog_, processes_);
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

AsyncInsertQueue& Engine::asyncInserts() {
  std::lock_guard lock(async_mutex_);
  if (!async_inserts_) async_inserts_ = std::make_unique<AsyncInsertQueue>(*this);
  return *async_inserts_;
}

Engine::~Engine() {
  async_inserts_.reset();
  dictionaries_->shutdown();
}

Engine::StatusFile::~StatusFile() {
  if (fd >= 0) ::close(fd);  // releases the lock
}

void Engine::lockDataPath() {
  std::string path = options_.data_path + "/status";
  status_.fd = ::open(path.c_str(), O_RDWR | O_CREAT | O_CLOEXEC, 0644);
  if (status_.fd < 0) throw Exception(ErrorCodes::CANNOT_OPEN_FILE, "Cannot open file {}: {}", path, std::strerror(errno));
  if (::flock(status_.fd, LOCK_EX | LOCK_NB) != 0) {
    ::close(status_.fd);
    status_.fd = -1;
    throw Exception(ErrorCodes::CANNOT_OPEN_FILE,
                    "Cannot lock file {}. Another server instance in same directory is already running.", path);
  }
  std::string pid = "PID: " + std::to_string(::getpid()) + "\n";
  if (::ftruncate(status_.fd, 0) != 0 || ::write(status_.fd, pid.data(), pid.size()) != ssize_t(pid.size()))
    throw Exception(ErrorCodes::CANNOT_WRITE_TO_FILE_DESCRIPTOR, "Cannot write {}", path);
}

std::shared_ptr<Engine> Engine::open(EngineOptions options) {
  auto engine = std::make_shared<Engine>(std::move(options));
  if (!engine->options_.data_path.empty()) {
    engine->loadMetadata(engine);
    // system.query_log lives with the data (its definition is built in, not stored).
    engine->catalog_.getDatabase("system")->setDataRoot(engine->options_.data_path + "/data/system");
    Session session(engine);
    session.loading_metadata = true;
    QueryIO io;
    executeQuery(session, queryLogCreateQuery(), io);
  }
  return engine;
}

void Engine::loadMetadata(const std::shared_ptr<Engine>& self) {
  // Tables first, then plain views, then materialized views (which need their source and target
  // tables). Dictionaries were restored by the constructor; their data loads on first use.
  struct Definition {
    int order;
    std::string database, name, text;
    ASTPtr ast;
  };
  std::vector<Definition> definitions;
  for (const auto& db : catalog_.databases()) {
    auto* on_disk = dynamic_cast<DatabaseOnDisk*>(db.get());
    if (!on_disk) continue;
    for (auto& [name, text] : on_disk->storedDefinitions()) {
      ASTPtr ast;
      try {
        ast = parseQuery(text);
      } catch (Exception& e) {
        e.addMessage("while loading metadata of " + db->name() + "." + name);
        throw;
      }
      auto& create = ast->as<ASTCreateQuery>();
      create.database = db->name();
      create.table = name;
      if (create.is_dictionary) continue;  // restored by the dictionary store (DictionaryDefinitionStore)
      int order = create.is_materialized_view ? 2 : create.is_view ? 1 : 0;
      definitions.push_back({order, db->name(), name, text, ast});
    }
  }
  std::stable_sort(definitions.begin(), definitions.end(), [](const auto& a, const auto& b) { return a.order < b.order; });
  Session session(self);
  session.loading_metadata = true;
  for (const auto& d : definitions) {
    QueryIO io;
    session.current_database = d.database;
    try {
      executeStatement(session, d.ast, d.text, io);
    } catch (Exception& e) {
      e.addMessage("while loading " + d.database + "." + d.name + " from its metadata");
      throw;
    }
  }
}

Session::Session(std::shared_ptr<Engine> engine)
    : current_database(engine->options().default_database), engine_(std::move(engine)) {
  login(user);
}

void Session::login(const std::string& user_name) {
  // The same user signing in again (each HTTP request of a session) keeps the session's state.
  if (user_settings && user == user_name) return;
  auto us = std::make_shared<UserSettings>(engine_->access().settingsFor(user_name));
  // The user's profile applies on top of what the session was opened with (server defaults).
  for (const auto& [name, value] : us->values) {
    if (value.which() == Field::Which::String)
      settings.setFromString(name, value.get<std::string>());
    else
      settings.set(name, value);
  }
  user = user_name;
  user_settings = std::move(us);
}

void Session::checkSettingChange(const std::string& name, const Field& value) const {
  Settings changed = settings;
  if (value.which() == Field::Which::String && Settings::has(name))
    changed.setFromString(name, value.get<std::string>());
  else
    changed.set(name, value);
  if (!Settings::has(name) || changed.getString(name) == settings.getString(name)) return;
  if (settings.readonly == 1)
    throw Exception(ErrorCodes::READONLY, "Cannot modify '{}' setting in readonly mode", name);
  if (name == "readonly" && settings.readonly && changed.readonly < settings.readonly)
    throw Exception(ErrorCodes::READONLY, "Cannot modify 'readonly' setting in readonly mode");
  if (!user_settings) return;
  auto it = user_settings->constraints.find(name);
  if (it == user_settings->constraints.end()) return;
  const SettingsProfileElement& c = it->second;
  if (c.writability == "CONST")
    throw Exception(ErrorCodes::SETTING_CONSTRAINT_VIOLATION, "Setting {} should not be changed", name);
  Field v = changed.get(name);
  auto number = [](const Field& f) { return f.which() == Field::Which::String ? 0.0 : f.as<double>(); };
  if (c.min && number(v) < number(*c.min))
    throw Exception(ErrorCodes::SETTING_CONSTRAINT_VIOLATION, "Setting {} shouldn't be less than {}", name, fieldToString(*c.min));
  if (c.max && number(v) > number(*c.max))
    throw Exception(ErrorCodes::SETTING_CONSTRAINT_VIOLATION, "Setting {} shouldn't be greater than {}", name, fieldToString(*c.max));
}

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
