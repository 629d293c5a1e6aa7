#pragma once
// Running statements from the CLI: output to stdout, errors and timing to stderr, progress on
// a terminal.

#include <string>

#include "tally/tally.h"

namespace tally::cli {

class StatementRunner {
 public:
  StatementRunner(api::Connection& connection, std::string output_format, bool stdout_is_terminal, bool print_time,
                  bool show_progress, bool echo);

  /// Runs one statement; returns 0 or the exit code for its error (code % 256, or 1).
  /// `print` is false for the internal statements (no echo, no timing).
  int run(const std::string& sql, bool print = true);
  /// Runs every statement of a script; stops at the first error unless `ignore_error`.
  int runScript(const std::string& script, bool ignore_error);
  /// Prints an error as clickhouse-local does; returns the exit code (code % 256, never 0).
  int reportError(const api::Error& e);

  /// In the interactive prompt: report rows and time after each statement.
  void setInteractive(bool interactive) { interactive_ = interactive; }
  void setTimePrecision(int digits) { time_precision_ = digits; }
  void setOutputFormat(std::string format) { output_format_ = std::move(format); }
  const std::string& outputFormat() const { return output_format_; }

 private:
  api::Connection& connection_;
  std::string output_format_;
  bool stdout_is_terminal_;
  bool print_time_;
  int time_precision_ = 3;
  bool show_progress_;
  bool echo_;
  bool interactive_ = false;
};

}  // namespace tally::cli
