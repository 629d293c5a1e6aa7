#pragma once
// Argument scanning shared by `tally pypi reconcile` and `tally pypi repair`: `--name value`
// and `--name=value`, ClickHouse-style BAD_ARGUMENTS errors.

#include <string>

#include "tally/tally.h"

namespace tally::cli {

[[noreturn]] inline void pypiBadArguments(const std::string& message) {
  throw api::Error(36, "BAD_ARGUMENTS", message);
}

/// Reads option argv[i] (advancing i past a separate value). `name` gets the option's name.
struct ArgScanner {
  int argc;
  char** argv;
  int i = 1;
  std::string arg, name;
  bool next() {
    if (i >= argc) return false;
    arg = argv[i];
    name = arg.substr(0, arg.find('='));
    return true;
  }
  std::string value() {
    size_t eq = arg.find('=');
    if (arg.rfind("--", 0) == 0 && eq != std::string::npos) return arg.substr(eq + 1);
    if (i + 1 >= argc) pypiBadArguments("Option " + arg + " requires a value");
    return argv[++i];
  }
  bool isOption() const { return arg.size() > 1 && arg[0] == '-'; }
};

/// Runs `body`, printing an api::Error as ClickHouse does; exit status 36 for BAD_ARGUMENTS.
template <class F>
int runPypiTool(F&& body) {
  try {
    return body();
  } catch (const api::Error& e) {
    std::fprintf(stderr, "%s\n", e.displayText().c_str());
    return e.code() == 36 ? 36 : 2;
  } catch (const std::exception& e) {
    std::fprintf(stderr, "Code: 1001. DB::Exception: %s. (STD_EXCEPTION)\n", e.what());
    return 2;
  }
}

}  // namespace tally::cli
