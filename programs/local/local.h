#pragma once
// `tally local`: SQL over local files, with clickhouse-local's options.

#include <map>
#include <string>
#include <vector>

namespace tally::cli {

struct LocalOptions {
  std::vector<std::string> queries;       // -q/--query (in order), queries files contents appended
  std::vector<std::string> queries_files; // --queries-file
  std::string file;                       // --file (- = stdin)
  bool file_given = false;
  std::string input_format;
  std::string output_format;
  std::string structure;
  std::string table = "table";
  std::string database;
  std::map<std::string, std::string> parameters;  // --param_x
  std::map<std::string, std::string> settings;    // --any_setting=value
  bool time = false;
  int time_precision = 3;
  bool vertical = false;
  bool copy = false;
  bool ignore_error = false;
  bool progress = false;
  bool interactive = false;
  bool echo = false;
  bool multiline = false;
  bool help = false;
  bool version = false;
  std::string path;  // --path (persistent data directory)
  std::string user;        // --user/-u: run as this user (authenticated with --password)
  std::string password;    // --password
  std::string users_file;  // --users-file: YAML users file
};

/// Parses argv; throws std::runtime_error with a message for bad options.
LocalOptions parseLocalOptions(int argc, char** argv);

/// Runs `tally local`; returns the process exit code.
int runLocal(int argc, char** argv);

}  // namespace tally::cli
