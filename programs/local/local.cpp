#include "local/local.h"

#include <atomic>
#include <chrono>
#include <csignal>
#include <cstdio>
#include <fstream>
#include <sstream>
#include <stdexcept>
#include <thread>

#include <sys/stat.h>
#include <unistd.h>

#include "local/interactive.h"
#include "local/terminal.h"
#include "tally/tally.h"

namespace tally::cli {

namespace {

const char* kHelp =
    "Usage: tally local [options] [query]\n\n"
    "Runs SQL over local files, like clickhouse-local.\n\n"
    "  -q, --query SQL          statements to run (';'-separated; may repeat)\n"
    "  --queries-file PATH      read statements from a file (may repeat)\n"
    "  -F, --file PATH          data of the initial table (- = stdin)\n"
    "  --input-format FMT       format of the initial table's data\n"
    "  -S, --structure COLS     structure of the initial table, e.g. 'a UInt8, b String'\n"
    "  -N, --table NAME         name of the initial table (default: table, in database _local)\n"
    "  --output-format FMT      result format (default TSV; PrettyCompact when interactive)\n"
    "  -f, --format FMT         input and output format\n"
    "  -E, --vertical           Vertical output\n"
    "  --copy                   same as --query 'SELECT * FROM table'\n"
    "  -d, --database DB        default database\n"
    "  --param_NAME=VALUE       value of the query parameter {NAME:Type}\n"
    "  --time                   print each query's execution time to stderr\n"
    "  --progress               show progress on stderr\n"
    "  --ignore-error           continue after a failed statement\n"
    "  --echo                   print each statement before running it\n"
    "  -i, --interactive        start the prompt after running --query\n"
    "  -m, --multiline          in the prompt, statements end with ';'\n"
    "  --SETTING=VALUE          any setting, e.g. --max_threads=1\n"
    "  -V, --version, -h, --help\n";

std::string readFile(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) throw api::Error(76, "CANNOT_OPEN_FILE", "Cannot open file " + path);
  std::stringstream s;
  s << in.rdbuf();
  return s.str();
}

bool isRegularFile(int fd) {
  struct stat st;
  return fstat(fd, &st) == 0 && S_ISREG(st.st_mode);
}

std::string fileNameOfFd(int fd) {
  char buf[4096];
  std::string link = "/proc/self/fd/" + std::to_string(fd);
  ssize_t n = readlink(link.c_str(), buf, sizeof(buf) - 1);
  if (n <= 0) return {};
  return std::string(buf, size_t(n));
}

std::string extensionFormat(const std::string& path) {
  std::string name = path;
  size_t slash = name.find_last_of('/');
  if (slash != std::string::npos) name = name.substr(slash + 1);
  static const char* compressions[] = {".gz", ".gzip", ".zst", ".zstd", ".xz", ".lz4", ".bz2"};
  for (const char* c : compressions) {
    std::string s = c;
    if (name.size() > s.size() && name.compare(name.size() - s.size(), s.size(), s) == 0) name.resize(name.size() - s.size());
  }
  size_t dot = name.find_last_of('.');
  if (dot == std::string::npos) return {};
  std::string ext = name.substr(dot + 1);
  for (auto& ch : ext) ch = char(std::tolower(static_cast<unsigned char>(ch)));
  static const std::pair<const char*, const char*> known[] = {
      {"csv", "CSV"}, {"tsv", "TabSeparated"}, {"json", "JSON"}, {"jsonl", "JSONEachRow"}, {"ndjson", "JSONEachRow"},
      {"md", "Markdown"}, {"values", "Values"}, {"parquet", "Parquet"}, {"native", "Native"}, {"xml", "XML"}};
  for (const auto& [e, f] : known)
    if (ext == e) return f;
  return {};
}

std::string quote(const std::string& s) {
  std::string r = "'";
  for (char c : s) {
    if (c == '\'' || c == '\\') r += '\\';
    r += c;
  }
  return r + "'";
}

std::atomic<bool> g_interrupted{false};
void onSigint(int) { g_interrupted.store(true); }

}  // namespace

int runLocal(int argc, char** argv) {
  LocalOptions opts;
  try {
    opts = parseLocalOptions(argc, argv);
  } catch (const std::exception& e) {
    std::fprintf(stderr, "Code: 552. DB::Exception: %s. (UNRECOGNIZED_ARGUMENTS)\n", e.what());
    return 552 % 256;
  }
  if (opts.help) {
    std::fputs(kHelp, stdout);
    return 0;
  }
  if (opts.version) {
    std::printf("tally local version %s\n", api::version().c_str());
    return 0;
  }

  bool stdin_tty = isatty(0);
  bool stdout_tty = isatty(1);
  bool stderr_tty = isatty(2);
  for (const auto& f : opts.queries_files) {
    try {
      opts.queries.push_back(readFile(f));
    } catch (const api::Error& e) {
      std::fprintf(stderr, "%s\n", e.displayText().c_str());
      return e.code() % 256 ? e.code() % 256 : 1;
    }
  }
  if (opts.copy) opts.queries.push_back("SELECT * FROM " + opts.table);
  bool interactive = opts.interactive || (stdin_tty && opts.queries.empty() && !opts.file_given && opts.structure.empty());

  // Output format: explicit, Vertical, from a redirected stdout's file name, PrettyCompact when
  // interactive, else TSV.
  std::string output_format = opts.output_format;
  if (output_format.empty() && opts.vertical) output_format = "Vertical";
  if (output_format.empty() && isRegularFile(1)) output_format = extensionFormat(fileNameOfFd(1));
  if (output_format.empty()) output_format = interactive ? "PrettyCompact" : "TabSeparated";

  api::Options db_options;
  db_options.default_database = opts.database.empty() ? "_local" : opts.database;
  db_options.extra_databases = {"_local"};
  db_options.data_path = opts.path;
  db_options.users_file = opts.users_file;
  std::shared_ptr<api::Database> db;
  std::unique_ptr<api::Connection> conn;
  try {
    db = api::Database::open(db_options);
    conn = db->connect();
    if (!opts.user.empty() || !opts.password.empty())
      conn->authenticate(opts.user.empty() ? "default" : opts.user, opts.password);
    for (const auto& [name, value] : opts.settings) conn->setSetting(name, value);
    for (const auto& [name, value] : opts.parameters) conn->setParameter(name, value);
  } catch (const api::Error& e) {
    std::fprintf(stderr, "%s\n", e.displayText().c_str());
    return e.code() % 256 ? e.code() % 256 : 1;
  }

  // Ctrl-C cancels the running statement; a watcher thread turns the signal into cancel().
  std::signal(SIGINT, onSigint);
  std::atomic<bool> stop_watcher{false};
  std::thread watcher([&] {
    while (!stop_watcher.load()) {
      if (g_interrupted.exchange(false)) conn->cancel();
      std::this_thread::sleep_for(std::chrono::milliseconds(20));
    }
  });
  struct JoinWatcher {
    std::atomic<bool>& stop;
    std::thread& t;
    ~JoinWatcher() {
      stop.store(true);
      t.join();
    }
  } join_watcher{stop_watcher, watcher};

  StatementRunner runner(*conn, output_format, stdout_tty, opts.time, opts.progress || (stderr_tty && interactive),
                         opts.echo);
  runner.setTimePrecision(opts.time_precision);

  // The initial table over --file or a redirected stdin.
  // Data on stdin: a redirected file or a pipe (not a terminal, not /dev/null).
  struct stat stdin_stat;
  bool stdin_is_data = fstat(0, &stdin_stat) == 0 && (S_ISREG(stdin_stat.st_mode) || S_ISFIFO(stdin_stat.st_mode));
  bool stdin_has_data = !stdin_tty && stdin_is_data && !opts.queries.empty();
  if (opts.file_given || !opts.structure.empty() || !opts.input_format.empty() || stdin_has_data) {
    std::string source = (!opts.file_given || opts.file == "-") ? "stdin" : quote(opts.file);
    std::string format = opts.input_format;
    if (format.empty() && opts.file_given && opts.file != "-") format = extensionFormat(opts.file);
    if (format.empty() && source == "stdin") format = extensionFormat(fileNameOfFd(0));
    if (format.empty()) format = "TabSeparated";
    std::string create = "CREATE TABLE _local." + opts.table;
    if (!opts.structure.empty()) create += " (" + opts.structure + ")";
    create += " ENGINE = File(" + format + ", " + source + ")";
    int rc = runner.run(create, /*print=*/false);
    if (rc != 0 && !opts.ignore_error) return rc;
  }

  int exit_code = 0;
  for (const auto& text : opts.queries) {
    int rc = runner.runScript(text, opts.ignore_error);
    if (rc != 0) {
      exit_code = rc;
      if (!opts.ignore_error) return rc;
    }
  }
  if (interactive) return runInteractive(*conn, runner, opts.multiline);
  return exit_code;
}

}  // namespace tally::cli
