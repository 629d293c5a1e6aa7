#include "server/server_config.h"

#include <yaml-cpp/yaml.h>

#include <charconv>
#include <functional>
#include <map>
#include <stdexcept>

namespace tally::server {

namespace {

using Setter = std::function<void(ServerConfig&, const std::string&)>;

template <typename T>
T parseNumber(const std::string& name, const std::string& value) {
  T result{};
  auto [end, ec] = std::from_chars(value.data(), value.data() + value.size(), result);
  if (ec != std::errc() || end != value.data() + value.size() || value.empty())
    throw std::runtime_error("Option " + name + ": '" + value + "' is not a valid number");
  return result;
}

struct Option {
  const char* name;
  const char* help;
  Setter set;
};

#define STRING_OPTION(field, help) Option{#field, help, [](ServerConfig& c, const std::string& v) { c.field = v; }}
#define NUMBER_OPTION(field, help) \
  Option{#field, help, [](ServerConfig& c, const std::string& v) { c.field = parseNumber<decltype(c.field)>(#field, v); }}

const std::vector<Option>& options() {
  static const std::vector<Option> list = {
      STRING_OPTION(path, "data directory (default ./tally-data)"),
      STRING_OPTION(listen_host, "address to listen on (default 127.0.0.1)"),
      NUMBER_OPTION(http_port, "HTTP port (default 8123)"),
      STRING_OPTION(user_files_path, "directory file() may use (default <path>/user_files)"),
      STRING_OPTION(default_password, "password of the default user (default none)"),
      STRING_OPTION(display_name, "X-ClickHouse-Server-Display-Name (default the host name)"),
      STRING_OPTION(log_file, "query log, one JSON line per query (default stderr; 'none' disables)"),
      STRING_OPTION(timezone, "server time zone: every session's default session_timezone (default UTC)"),
      NUMBER_OPTION(max_concurrent_queries, "queries running at once before 202 TOO_MANY_SIMULTANEOUS_QUERIES (100)"),
      NUMBER_OPTION(io_threads, "network threads (default: one per core)"),
      NUMBER_OPTION(keep_alive_timeout, "seconds an idle keep-alive connection stays open (10)"),
      NUMBER_OPTION(default_session_timeout, "default session_timeout in seconds (60)"),
      NUMBER_OPTION(max_session_timeout, "largest session_timeout accepted (3600)"),
      NUMBER_OPTION(http_max_uri_size, "largest request line in bytes (1 MiB)"),
      NUMBER_OPTION(http_max_header_size, "largest request header in bytes (1 MiB)"),
      NUMBER_OPTION(http_max_body_size, "largest request body in bytes (4 GiB)"),
      NUMBER_OPTION(pypi_app, "serve the PyPI downloads app (1, the default) or not (0)"),
      STRING_OPTION(pypi_web_dir, "the app's built front end (default <directory of tally>/web)"),
      STRING_OPTION(pypi_clickhouse, "the app reads this ClickHouse (http://[user[:password]@]host[:port]) instead of the embedded data"),
      STRING_OPTION(pypi_play_url, "with pypi_clickhouse: where widgets' Play links go (default: no links)"),
  };
  return list;
}

const Option* findOption(const std::string& name) {
  for (const auto& o : options())
    if (name == o.name) return &o;
  return nullptr;
}

std::string upper(std::string s) {
  for (char& c : s) c = char(std::toupper(static_cast<unsigned char>(c)));
  return s;
}

void applyFile(ServerConfig& config, const std::string& file) {
  YAML::Node root;
  try {
    root = YAML::LoadFile(file);
  } catch (const std::exception& e) {
    throw std::runtime_error("Cannot read config file " + file + ": " + e.what());
  }
  if (!root.IsDefined() || root.IsNull()) return;
  if (!root.IsMap()) throw std::runtime_error("Config file " + file + " must be a mapping of option: value");
  for (const auto& entry : root) {
    std::string name = entry.first.as<std::string>();
    const Option* option = findOption(name);
    if (!option) throw std::runtime_error("Unknown option '" + name + "' in config file " + file);
    if (!entry.second.IsScalar()) throw std::runtime_error("Option '" + name + "' in " + file + " must be a scalar");
    option->set(config, entry.second.as<std::string>());
  }
}

}  // namespace

std::string serverConfigHelp() {
  std::string text =
      "Usage: tally server [--config FILE] [--option value ...]\n\n"
      "Every option may also be set in the YAML config file (option: value) or the environment\n"
      "(TALLY_<OPTION>, e.g. TALLY_HTTP_PORT); flags win over the environment, which wins over the file.\n\n";
  for (const auto& o : options()) {
    std::string flag = std::string("  --") + o.name;
    if (flag.size() < 28) flag.resize(28, ' ');
    text += flag + " " + o.help + "\n";
  }
  text += "  --config                   YAML config file (also TALLY_CONFIG)\n";
  return text;
}

ServerConfig loadServerConfig(const std::vector<std::string>& args, const std::vector<std::string>& environment) {
  std::map<std::string, std::string> env;
  for (const auto& kv : environment) {
    size_t eq = kv.find('=');
    if (eq != std::string::npos && kv.compare(0, 6, "TALLY_") == 0) env[kv.substr(6, eq - 6)] = kv.substr(eq + 1);
  }

  std::vector<std::pair<const Option*, std::string>> flags;
  std::string config_file = env.count("CONFIG") ? env["CONFIG"] : "";
  for (size_t i = 0; i < args.size(); ++i) {
    const std::string& arg = args[i];
    if (arg.compare(0, 2, "--") != 0) throw std::runtime_error("Unexpected argument '" + arg + "'");
    std::string name = arg.substr(2), value;
    size_t eq = name.find('=');
    if (eq != std::string::npos) {
      value = name.substr(eq + 1);
      name.resize(eq);
    } else {
      if (i + 1 >= args.size()) throw std::runtime_error("Option --" + name + " requires a value");
      value = args[++i];
    }
    for (char& c : name)
      if (c == '-') c = '_';
    if (name == "config") {
      config_file = value;
      continue;
    }
    const Option* option = findOption(name);
    if (!option) throw std::runtime_error("Unknown option --" + name + " (see tally server --help)");
    flags.emplace_back(option, value);
  }

  ServerConfig config;
  if (!config_file.empty()) applyFile(config, config_file);
  for (const auto& o : options()) {
    auto it = env.find(upper(o.name));
    if (it != env.end()) o.set(config, it->second);
  }
  for (const auto& [option, value] : flags) option->set(config, value);
  return config;
}

}  // namespace tally::server
