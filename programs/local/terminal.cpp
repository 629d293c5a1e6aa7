#include "local/terminal.h"

#include <chrono>
#include <cstdio>
#include <mutex>

#include <unistd.h>

namespace tally::cli {

namespace {

std::string readable(double value, const char* const* units, size_t count, double base) {
  size_t i = 0;
  while (i + 1 < count && value >= base) {
    value /= base;
    ++i;
  }
  char buf[64];
  std::snprintf(buf, sizeof(buf), "%.2f%s", value, units[i]);
  return buf;
}

std::string readableRows(double v) {
  static const char* const units[] = {"", " thousand", " million", " billion", " trillion"};
  return readable(v, units, 5, 1000);
}

std::string readableBytes(double v) {
  static const char* const units[] = {" B", " KB", " MB", " GB", " TB"};
  return readable(v, units, 5, 1000);
}

void writeAll(int fd, std::string_view data) {
  while (!data.empty()) {
    ssize_t n = ::write(fd, data.data(), data.size());
    if (n <= 0) return;
    data.remove_prefix(size_t(n));
  }
}

}  // namespace

StatementRunner::StatementRunner(api::Connection& connection, std::string output_format, bool stdout_is_terminal,
                                 bool print_time, bool show_progress, bool echo)
    : connection_(connection),
      output_format_(std::move(output_format)),
      stdout_is_terminal_(stdout_is_terminal),
      print_time_(print_time),
      show_progress_(show_progress),
      echo_(echo) {}

int StatementRunner::run(const std::string& sql, bool print) {
  if (echo_ && print) {
    writeAll(2, sql);
    writeAll(2, "\n");
  }
  api::ExecuteOptions options;
  options.default_format = output_format_;
  options.output_is_terminal = stdout_is_terminal_;
  options.output = [](std::string_view data) { writeAll(1, data); };
  std::mutex progress_mutex;
  bool progress_shown = false;
  if (show_progress_ && print) {
    options.on_progress = [&](const api::Progress& p) {
      if (p.elapsed_seconds < 0.5) return;
      std::lock_guard lock(progress_mutex);
      double rate = p.elapsed_seconds > 0 ? p.read_rows / p.elapsed_seconds : 0;
      std::string line = "\r\033[KProgress: " + readableRows(double(p.read_rows)) + " rows, " +
                         readableBytes(double(p.read_bytes)) + " (" + readableRows(rate) + " rows/s.)";
      writeAll(2, line);
      progress_shown = true;
    };
  }
  auto start = std::chrono::steady_clock::now();
  try {
    api::ExecuteResult r = connection_.execute(sql, options);
    double elapsed = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
    if (progress_shown) writeAll(2, "\r\033[K");
    if (interactive_ && print) {
      char buf[128];
      if (r.has_result)
        std::snprintf(buf, sizeof(buf), "\n%llu row%s in set. Elapsed: %.3f sec.\n\n", (unsigned long long)r.result_rows,
                      r.result_rows == 1 ? "" : "s", elapsed);
      else
        std::snprintf(buf, sizeof(buf), "\nOk.\n\n");
      writeAll(2, buf);
    } else if (print_time_ && print) {
      char buf[64];
      std::snprintf(buf, sizeof(buf), "%.*f\n", time_precision_, elapsed);
      writeAll(2, buf);
    }
    return 0;
  } catch (const api::Error& e) {
    if (progress_shown) writeAll(2, "\r\033[K");
    return reportError(e);
  }
}

int StatementRunner::reportError(const api::Error& e) {
  if (interactive_)
    writeAll(2, "Received exception:\n" + e.displayText() + "\n\n");
  else
    writeAll(2, e.displayText() + "\n");
  int code = e.code() % 256;
  return code ? code : 1;
}

int StatementRunner::runScript(const std::string& script, bool ignore_error) {
  std::vector<api::Statement> statements;
  try {
    statements = api::splitStatements(script, /*keep_going=*/true);
  } catch (const api::Error& e) {
    writeAll(2, e.displayText() + "\n");
    int code = e.code() % 256;
    return code ? code : 1;
  }
  int result = 0;
  for (const auto& s : statements) {
    int rc = s.syntax_error ? reportError(*s.syntax_error) : run(script.substr(s.begin, s.end - s.begin));
    if (rc != 0) {
      result = rc;
      if (!ignore_error) return rc;
    }
  }
  return result;
}

}  // namespace tally::cli
