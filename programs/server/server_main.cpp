#include "server/server_main.h"

#include <unistd.h>

#include <cstdio>
#include <filesystem>
#include <stdexcept>
#include <string>
#include <vector>

#include "client/remote_connection.h"
#include "pypi_app.h"
#include "server/http_server.h"
#include "server/server_config.h"
#include "tally/tally.h"

extern char** environ;

namespace tally::cli {

namespace {

/// With --pypi_clickhouse: the app's queries go to that server. Its version decides how query
/// parameters travel (ClickHouse before 19: written as checked literals). Throws when the
/// server cannot be reached or rejects the credentials, so a bad setting fails at start.
void useRemotePypiDatabase(const server::ServerConfig& config, pypi::PypiAppOptions& options) {
  RemoteEndpoint endpoint = parseEndpointUrl(config.pypi_clickhouse);
  std::string version;
  {
    RemoteConnection probe(endpoint);
    auto result = probe.query("SELECT version()", {});
    if (result->next() && result->rows() > 0) version = result->getString(0, 0);
  }
  endpoint.inline_parameters = std::atoi(version.c_str()) < 19;
  endpoint.session = false;
  options.connect = [endpoint]() -> std::unique_ptr<api::Connection> { return std::make_unique<RemoteConnection>(endpoint); };
  options.play_url = config.pypi_play_url;
  std::fprintf(stderr, "tally server: the PyPI app reads database %s of the server at %s:%s (version %s%s)\n",
               options.database.c_str(), endpoint.host.c_str(), endpoint.port.c_str(), version.c_str(),
               endpoint.inline_parameters ? ", query parameters written as literals" : "");
}

}  // namespace

int runServer(int argc, char** argv) {
  std::vector<std::string> args(argv, argv + argc);
  for (const auto& a : args) {
    if (a == "--help" || a == "-h") {
      std::fputs(server::serverConfigHelp().c_str(), stdout);
      return 0;
    }
  }
  std::vector<std::string> environment;
  for (char** e = environ; *e; ++e) environment.emplace_back(*e);
  try {
    server::ServerConfig config = server::loadServerConfig(args, environment);
    std::filesystem::create_directories(config.path);
    if (config.user_files_path.empty()) {
      config.user_files_path = (std::filesystem::path(config.path) / "user_files").string();
      std::filesystem::create_directories(config.user_files_path);
    }
    api::Options options;
    options.data_path = config.path;
    options.user_files_path = config.user_files_path;
    options.default_password = config.default_password;
    auto database = api::Database::open(options);
    std::shared_ptr<server::HttpApp> app;
    if (config.pypi_app) {
      pypi::PypiAppOptions app_options;
      if (config.pypi_clickhouse.empty())
        pypi::createPypiSchema(*database);
      else
        useRemotePypiDatabase(config, app_options);
      app_options.web_dir = config.pypi_web_dir;
      if (app_options.web_dir.empty()) {
        std::error_code ec;
        auto exe = std::filesystem::read_symlink("/proc/self/exe", ec);
        if (!ec) app_options.web_dir = (exe.parent_path() / "web").string();
      }
      app = pypi::makePypiApp(database, app_options);
    }
    server::HttpServer http(config, database, app);
    http.listen();
    std::fprintf(stderr, "tally server %s: listening on http://%s:%u (data in %s)\n", api::version().c_str(),
                 config.listen_host.c_str(), unsigned(http.port()), config.path.c_str());
    http.run();
    return 0;
  } catch (const api::Error& e) {
    std::fprintf(stderr, "%s\n", e.displayText().c_str());
    return 1;
  } catch (const std::exception& e) {
    std::fprintf(stderr, "tally server: %s\n", e.what());
    return 1;
  }
}

}  // namespace tally::cli
