#include <algorithm>
#include <stdexcept>

#include "local/local.h"

namespace tally::cli {

namespace {
bool startsWith(const std::string& s, const std::string& p) { return s.compare(0, p.size(), p) == 0; }
}  // namespace

LocalOptions parseLocalOptions(int argc, char** argv) {
  LocalOptions o;
  auto value_of = [&](int& i, const std::string& arg, const std::string& name) -> std::string {
    // --name=value or --name value
    if (arg.size() > name.size() && arg[name.size()] == '=') return arg.substr(name.size() + 1);
    if (i + 1 >= argc) throw std::runtime_error("Option " + name + " requires a value");
    return argv[++i];
  };
  auto is = [](const std::string& arg, const std::string& name) {
    return arg == name || (startsWith(arg, name) && arg.size() > name.size() && arg[name.size()] == '=');
  };
  for (int i = 0; i < argc; ++i) {
    std::string arg = argv[i];
    if (arg == "-q" || is(arg, "--query")) {
      o.queries.push_back(arg == "-q" ? (i + 1 < argc ? argv[++i] : throw std::runtime_error("-q requires a value"))
                                      : value_of(i, arg, "--query"));
    } else if (is(arg, "--queries-file")) {
      o.queries_files.push_back(value_of(i, arg, "--queries-file"));
    } else if (arg == "-F" || is(arg, "--file")) {
      o.file = arg == "-F" ? (i + 1 < argc ? argv[++i] : throw std::runtime_error("-F requires a value")) : value_of(i, arg, "--file");
      o.file_given = true;
    } else if (is(arg, "--input-format")) {
      o.input_format = value_of(i, arg, "--input-format");
    } else if (is(arg, "--output-format")) {
      o.output_format = value_of(i, arg, "--output-format");
    } else if (arg == "-f" || is(arg, "--format")) {
      std::string v = arg == "-f" ? (i + 1 < argc ? argv[++i] : throw std::runtime_error("-f requires a value")) : value_of(i, arg, "--format");
      if (o.output_format.empty()) o.output_format = v;
      if (o.input_format.empty()) o.input_format = v;
    } else if (arg == "-S" || is(arg, "--structure")) {
      o.structure = arg == "-S" ? (i + 1 < argc ? argv[++i] : throw std::runtime_error("-S requires a value")) : value_of(i, arg, "--structure");
    } else if (arg == "-N" || is(arg, "--table")) {
      o.table = arg == "-N" ? (i + 1 < argc ? argv[++i] : throw std::runtime_error("-N requires a value")) : value_of(i, arg, "--table");
    } else if (arg == "-d" || is(arg, "--database")) {
      o.database = arg == "-d" ? (i + 1 < argc ? argv[++i] : throw std::runtime_error("-d requires a value")) : value_of(i, arg, "--database");
    } else if (is(arg, "--path")) {
      o.path = value_of(i, arg, "--path");
    } else if (arg == "-u" || is(arg, "--user")) {
      o.user = arg == "-u" ? (i + 1 < argc ? argv[++i] : throw std::runtime_error("-u requires a value")) : value_of(i, arg, "--user");
    } else if (is(arg, "--password")) {
      o.password = value_of(i, arg, "--password");
    } else if (is(arg, "--users-file")) {
      o.users_file = value_of(i, arg, "--users-file");
    } else if (arg == "--time" || arg == "-t") {
      o.time = true;
    } else if (is(arg, "--time-precision")) {
      // Digits after the point in --time's seconds (3, as clickhouse-local, by default).
      o.time = true;
      o.time_precision = std::clamp(std::stoi(value_of(i, arg, "--time-precision")), 0, 9);
    } else if (arg == "--vertical" || arg == "-E") {
      o.vertical = true;
    } else if (arg == "--copy") {
      o.copy = true;
    } else if (arg == "--ignore-error") {
      o.ignore_error = true;
    } else if (arg == "--progress") {
      o.progress = true;
    } else if (arg == "--interactive" || arg == "-i") {
      o.interactive = true;
    } else if (arg == "--echo") {
      o.echo = true;
    } else if (arg == "-n" || arg == "--multiquery") {
      // Several statements are always allowed.
    } else if (arg == "-m" || arg == "--multiline") {
      o.multiline = true;
    } else if (arg == "-h" || arg == "--help") {
      o.help = true;
    } else if (arg == "-V" || arg == "--version") {
      o.version = true;
    } else if (arg == "--no-system-tables" || arg == "--stacktrace" || arg == "--verbose") {
      // Accepted for compatibility.
    } else if (startsWith(arg, "--param_")) {
      std::string rest = arg.substr(8);
      size_t eq = rest.find('=');
      if (eq != std::string::npos) {
        o.parameters[rest.substr(0, eq)] = rest.substr(eq + 1);
      } else {
        if (i + 1 >= argc) throw std::runtime_error("Option --param_" + rest + " requires a value");
        o.parameters[rest] = argv[++i];
      }
    } else if (startsWith(arg, "--")) {
      // Any setting: --name=value or --name value.
      std::string rest = arg.substr(2);
      size_t eq = rest.find('=');
      if (eq != std::string::npos) {
        o.settings[rest.substr(0, eq)] = rest.substr(eq + 1);
      } else {
        if (i + 1 >= argc) throw std::runtime_error("Unrecognized option '" + arg + "'");
        o.settings[rest] = argv[++i];
      }
    } else if (!startsWith(arg, "-") && o.queries.empty()) {
      o.queries.push_back(arg);  // the query as a positional argument
    } else {
      throw std::runtime_error("Unrecognized option '" + arg + "'");
    }
  }
  return o;
}

}  // namespace tally::cli
