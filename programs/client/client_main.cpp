#include "client/client_main.h"

#include <unistd.h>

#include <csignal>
#include <cstdio>
#include <iostream>
#include <iterator>
#include <stdexcept>
#include <string>

#include "client/remote_connection.h"
#include "local/interactive.h"
#include "local/terminal.h"
#include "tally/tally.h"

namespace tally::cli {

namespace {

const char* kClientHelp =
    "Usage: tally client [options]\n\n"
    "Sends queries to a tally server (or ClickHouse) over its HTTP interface.\n\n"
    "  --host HOST              server host (default localhost; also TALLY_HOST)\n"
    "  --port PORT              HTTP port (default 8123; also TALLY_PORT)\n"
    "  -u, --user USER          user (default default)\n"
    "  --password PASSWORD      password (also TALLY_PASSWORD)\n"
    "  -d, --database DB        default database\n"
    "  -q, --query SQL          statements to run (';'-separated; may repeat); INSERT data comes from stdin\n"
    "  -f, --format FMT         output format (default TSV; PrettyCompact at a terminal)\n"
    "  -E, --vertical           Vertical output\n"
    "  --param_NAME=VALUE       value of the query parameter {NAME:Type}\n"
    "  --SETTING=VALUE          any setting, sent with every query\n"
    "  --time                   print each query's execution time to stderr\n"
    "  --ignore-error           continue after a failed statement\n"
    "  -m, --multiline          in the prompt, statements end with ';'\n"
    "  -n, --multiquery         accepted for clickhouse-client compatibility (always on)\n"
    "  -h, --help\n\n"
    "Without --query, statements are read from stdin, or from a prompt when stdin is a terminal.\n";

RemoteConnection* g_connection = nullptr;

void onInterrupt(int) {
  if (g_connection) g_connection->cancel();
}

}  // namespace

int runClient(int argc, char** argv) {
  RemoteEndpoint endpoint;
  if (const char* v = std::getenv("TALLY_HOST")) endpoint.host = v;
  if (const char* v = std::getenv("TALLY_PORT")) endpoint.port = v;
  if (const char* v = std::getenv("TALLY_PASSWORD")) endpoint.password = v;
  std::string database, format;
  std::vector<std::string> queries;
  std::map<std::string, std::string> parameters, settings;
  bool print_time = false, ignore_error = false, multiline = false;
  try {
    for (int i = 0; i < argc; ++i) {
      std::string arg = argv[i];
      auto value = [&](const std::string& name) -> std::string {
        size_t eq = arg.find('=');
        if (arg.rfind("--", 0) == 0 && eq != std::string::npos) return arg.substr(eq + 1);
        if (i + 1 >= argc) throw std::runtime_error("Option " + name + " requires a value");
        return argv[++i];
      };
      auto is = [&](const char* name) { return arg == name || arg.rfind(std::string(name) + "=", 0) == 0; };
      if (arg == "-h" || arg == "--help") {
        std::fputs(kClientHelp, stdout);
        return 0;
      } else if (is("--host")) endpoint.host = value("--host");
      else if (is("--port")) endpoint.port = value("--port");
      else if (arg == "-u" || is("--user")) endpoint.user = value("--user");
      else if (is("--password")) endpoint.password = value("--password");
      else if (arg == "-d" || is("--database")) database = value("--database");
      else if (arg == "-q" || is("--query")) queries.push_back(value("--query"));
      else if (arg == "-f" || is("--format") || is("--output-format")) format = value("--format");
      else if (arg == "-E" || arg == "--vertical") format = "Vertical";
      else if (arg == "--time" || arg == "-t") print_time = true;
      else if (arg == "--ignore-error") ignore_error = true;
      else if (arg == "-m" || arg == "--multiline") multiline = true;
      else if (arg == "-n" || arg == "--multiquery") {
        // clickhouse-client's flag; tally client always splits ';'-separated statements.
      }
      else if (arg.rfind("--param_", 0) == 0) {
        size_t eq = arg.find('=');
        if (eq == std::string::npos) throw std::runtime_error("Expected --param_NAME=VALUE, got " + arg);
        parameters[arg.substr(8, eq - 8)] = arg.substr(eq + 1);
      } else if (arg.rfind("--", 0) == 0 && arg.find('=') != std::string::npos) {
        size_t eq = arg.find('=');
        settings[arg.substr(2, eq - 2)] = arg.substr(eq + 1);
      } else {
        throw std::runtime_error("Unknown option " + arg + " (see tally client --help)");
      }
    }
  } catch (const std::exception& e) {
    std::fprintf(stderr, "tally client: %s\n", e.what());
    return 36;
  }

  RemoteConnection connection(endpoint);
  g_connection = &connection;
  if (!database.empty()) connection.setCurrentDatabase(database);
  for (const auto& [k, v] : settings) connection.setSetting(k, v);
  for (const auto& [k, v] : parameters) connection.setParameter(k, v);
  std::signal(SIGINT, onInterrupt);

  const bool stdin_tty = isatty(0), stdout_tty = isatty(1);
  if (format.empty()) format = stdout_tty ? "PrettyCompact" : "TabSeparated";
  StatementRunner runner(connection, format, stdout_tty, print_time, false, false);

  if (!queries.empty()) {
    int rc = 0;
    for (const auto& script : queries) {
      // A single INSERT without inline data takes its rows from stdin.
      std::vector<api::Statement> statements;
      try {
        statements = api::splitStatements(script, true);
      } catch (const api::Error& e) {
        return runner.reportError(e);
      }
      for (const auto& s : statements) {
        std::string sql = script.substr(s.begin, s.end - s.begin);
        int result;
        if (s.syntax_error) {
          result = runner.reportError(*s.syntax_error);
        } else if (!stdin_tty && !s.is_insert_with_inline_data && statements.size() == 1 &&
                   sql.find_first_not_of(" \t\n") != std::string::npos &&
                   (sql.compare(sql.find_first_not_of(" \t\n"), 6, "INSERT") == 0 ||
                    sql.compare(sql.find_first_not_of(" \t\n"), 6, "insert") == 0)) {
          api::ExecuteOptions options;
          options.input = [](char* buffer, size_t size) -> size_t {
            ssize_t n;
            do n = ::read(0, buffer, size);
            while (n < 0 && errno == EINTR);
            return n > 0 ? size_t(n) : 0;
          };
          try {
            connection.execute(sql, options);
            result = 0;
          } catch (const api::Error& e) {
            result = runner.reportError(e);
          }
        } else {
          result = runner.run(sql);
        }
        if (result) {
          rc = result;
          if (!ignore_error) return rc;
        }
      }
    }
    return rc;
  }
  if (stdin_tty) return runInteractive(connection, runner, multiline, "client");
  std::string script((std::istreambuf_iterator<char>(std::cin)), std::istreambuf_iterator<char>());
  return runner.runScript(script, ignore_error);
}

}  // namespace tally::cli
