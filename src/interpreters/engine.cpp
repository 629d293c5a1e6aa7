#include "interpreters/engine.h"

#include <filesystem>

#include "common/exception.h"
#include "interpreters/values_expressions.h"
#include "io/path_confinement.h"
#include "storage/system/system_tables.h"

namespace tally {

Engine::Engine(EngineOptions options) : options_(std::move(options)) {
  installValuesExpressionEvaluator();
  attachSystemTables(catalog_);
  attachSystemProcesses(catalog_, processes_);
  catalog_.createDatabase(options_.default_database, "Memory", true);
  if (options_.default_database != "default") catalog_.createDatabase("default", "Memory", true);
  for (const auto& db : options_.extra_databases) catalog_.createDatabase(db, "Memory", true);
}

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

std::string SessionStorageContext::userFilesRoot() const {
  const std::string& root = session_.engine().options().user_files_path;
  return root.empty() ? std::filesystem::current_path().string() : root;
}

}  // namespace tally
