#include "local/interactive.h"

#include <cstdio>
#include <cstdlib>
#include <string>

#include <editline/readline.h>

namespace tally::cli {

namespace {

std::string historyPath() {
  if (const char* p = std::getenv("TALLY_HISTORY_FILE")) return p;
  if (const char* home = std::getenv("HOME")) return std::string(home) + "/.tally-history";
  return ".tally-history";
}

std::string trim(const std::string& s) {
  size_t b = s.find_first_not_of(" \t\r\n");
  if (b == std::string::npos) return {};
  size_t e = s.find_last_not_of(" \t\r\n");
  return s.substr(b, e - b + 1);
}

bool isExitCommand(std::string s) {
  s = trim(s);
  if (!s.empty() && s.back() == ';') s.pop_back();
  s = trim(s);
  return s == "exit" || s == "quit" || s == "logout" || s == "q" || s == "Q" || s == ":q" || s == "\\q";
}

}  // namespace

int runInteractive(api::Connection& connection, StatementRunner& runner, bool multiline, const char* tool) {
  std::fprintf(stderr, "tally %s version %s.\n\n", tool, api::version().c_str());
  std::string history = historyPath();
  read_history(history.c_str());
  runner.setInteractive(true);
  std::string pending;
  while (true) {
    const char* prompt = pending.empty() ? ":) " : ":-] ";
    char* line = readline(prompt);
    if (!line) {
      std::fputs("\n", stderr);
      break;
    }
    std::string text = line;
    std::free(line);
    if (pending.empty() && isExitCommand(text)) break;
    if (!pending.empty()) pending += "\n";
    pending += text;
    std::string statement = trim(pending);
    if (statement.empty()) {
      pending.clear();
      continue;
    }
    bool complete = !multiline || statement.back() == ';' || (statement.size() >= 2 && statement.substr(statement.size() - 2) == "\\G");
    if (!complete) continue;
    add_history(statement.c_str());
    write_history(history.c_str());
    pending.clear();
    std::string saved_format = runner.outputFormat();
    if (statement.size() >= 2 && statement.substr(statement.size() - 2) == "\\G") {
      statement = statement.substr(0, statement.size() - 2);
      runner.setOutputFormat("Vertical");
    }
    runner.runScript(statement, /*ignore_error=*/true);
    runner.setOutputFormat(saved_format);
  }
  (void)connection;
  return 0;
}

}  // namespace tally::cli
