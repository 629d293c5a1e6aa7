#include "server/server_main.h"

#include <unistd.h>

#include <cstdio>
#include <filesystem>
#include <stdexcept>
#include <string>
#include <vector>

#include "pypi_app.h"
#include "server/http_server.h"
#include "server/server_config.h"
#include "tally/tally.h"

extern char** environ;

namespace tally::cli {

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
      pypi::createPypiSchema(*database);
      pypi::PypiAppOptions app_options;
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
