#include "interpreters/engine.h"

#include <filesystem>

#include "access/access_store.h"
#include "common/exception.h"
#include "interpreters/values_expressions.h"
#include "io/path_confinement.h"
#include "parser/format_helpers.h"
#include "storage/system/system_tables.h"

namespace tally {

Engine::Engine(EngineOptions options) : options_(std::move(options)) {
  installValuesExpressionEvaluator();
  access_ = std::make_shared<AccessStore>(
      AccessStoreOptions{options_.data_path, options_.users_file, options_.default_password});
  attachSystemTables(catalog_);
  attachAccessSystemTables(catalog_, access_);
  catalog_.createDatabase(options_.default_database, "Memory", true);
  if (options_.default_database != "default") catalog_.createDatabase("default", "Memory", true);
  for (const auto& db : options_.extra_databases) catalog_.createDatabase(db, "Memory", true);
}

Session::Session(std::shared_ptr<Engine> engine)
    : current_database(engine->options().default_database), engine_(std::move(engine)) {
  login(user);
}

void Session::login(const std::string& user_name) {
  auto us = std::make_shared<UserSettings>(engine_->access().settingsFor(user_name));
  Settings fresh;
  for (const auto& [name, value] : us->values) {
    if (value.which() == Field::Which::String)
      fresh.setFromString(name, value.get<std::string>());
    else
      fresh.set(name, value);
  }
  settings = std::move(fresh);
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

std::string SessionStorageContext::userFilesRoot() const {
  const std::string& root = session_.engine().options().user_files_path;
  return root.empty() ? std::filesystem::current_path().string() : root;
}

}  // namespace tally
