#pragma once
// tally's public embedding API. Everything a program needs to run SQL on tally: open a
// database, connect, run statements with formatted output (what the CLI and the HTTP server
// do) or read typed result columns (what an embedding application does).
//
//   auto db = tally::api::Database::open({});
//   auto conn = db->connect();
//   auto result = conn->query("SELECT number, toString(number) FROM numbers(3) WHERE number > {min:UInt8}",
//                             {{"min", "0"}});
//   while (result->next())
//     for (size_t row = 0; row < result->rows(); ++row)
//       std::cout << result->getUInt64(0, row) << ' ' << result->getString(1, row) << '\n';
//
// Errors are reported as tally::api::Error with ClickHouse's error code and message.
// Threading: a Database may be shared by any number of threads; a Connection (and its Result)
// is used by one thread at a time, except cancel(), which any thread may call.

#include <cstdint>
#include <exception>
#include <functional>
#include <map>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace tally::api {

/// An error with ClickHouse's numeric code and name (SYNTAX_ERROR 62, UNKNOWN_TABLE 60, ...).
class Error : public std::exception {
 public:
  Error(int code, std::string name, std::string message);
  int code() const noexcept { return code_; }
  const std::string& name() const noexcept { return name_; }
  const std::string& message() const noexcept { return message_; }
  /// "Code: 60. DB::Exception: <message>. (UNKNOWN_TABLE)"
  const std::string& displayText() const noexcept { return display_; }
  const char* what() const noexcept override { return display_.c_str(); }

 private:
  int code_;
  std::string name_, message_, display_;
};

struct Options {
  /// Directory for persistent data; empty keeps everything in memory.
  std::string data_path;
  /// Directory file() may read and write; empty allows any path (relative to the current
  /// directory), as clickhouse-local does.
  std::string user_files_path;
  std::string default_database = "default";
  std::vector<std::string> extra_databases;
  /// Password of the built-in `default` user (empty: none), set by the operator.
  std::string default_password;
  /// YAML users file (users, profiles, quotas; ClickHouse's users.xml shape); its entities
  /// are read-only. Empty: none.
  std::string users_file;
};

struct Progress {
  uint64_t read_rows = 0, read_bytes = 0, total_rows_to_read = 0;
  uint64_t written_rows = 0, written_bytes = 0;
  double elapsed_seconds = 0;
};

struct ExecuteOptions {
  /// Output format when the statement has no FORMAT clause.
  std::string default_format = "TabSeparated";
  bool output_is_terminal = false;
  /// Receives the formatted result bytes (may be called many times). Null: discard.
  std::function<void(std::string_view)> output;
  /// Provides data for an INSERT without inline data: fills the buffer, returns bytes
  /// written, 0 at the end. Null: no data.
  std::function<size_t(char* buffer, size_t size)> input;
  /// Format of `input` when the INSERT names none.
  std::string input_format;
  /// Settings for this statement only, by name (e.g. {"max_threads", "1"}).
  std::map<std::string, std::string> settings;
  /// Values of {name:Type} query parameters, in the type's text form.
  std::map<std::string, std::string> parameters;
  std::string query_id;
  /// Called about every 100 ms while the statement runs (from any thread).
  std::function<void(const Progress&)> on_progress;
  /// Called once the output format is known, before the first output byte.
  std::function<void(std::string_view format, std::string_view content_type)> on_format;
};

struct ExecuteResult {
  std::string kind;    // "Select", "Insert", "Create", ...
  std::string format;  // output format used; empty if the statement returns no rows
  bool has_result = false;
  uint64_t result_rows = 0, result_bytes = 0;
  Progress progress;
  std::string query_id;
  /// INSERT: the rows added to its table (its materialized views' rows not counted), and
  /// whether it was skipped as a repeat of its insert_deduplication_token.
  uint64_t inserted_rows = 0;
  bool insert_deduplicated = false;
};

/// Typed access to a query's result, chunk by chunk.
class Result {
 public:
  virtual ~Result() = default;
  virtual size_t columnCount() const = 0;
  virtual const std::string& columnName(size_t column) const = 0;
  /// ClickHouse type name, e.g. "UInt64", "Nullable(String)".
  virtual std::string columnType(size_t column) const = 0;
  /// Advances to the next chunk of rows; false at the end.
  virtual bool next() = 0;
  /// Rows in the current chunk.
  virtual size_t rows() const = 0;
  virtual bool isNull(size_t column, size_t row) const = 0;
  virtual int64_t getInt64(size_t column, size_t row) const = 0;
  virtual uint64_t getUInt64(size_t column, size_t row) const = 0;
  virtual double getDouble(size_t column, size_t row) const = 0;
  /// The value's plain text form (strings as they are, dates as YYYY-MM-DD, ...).
  virtual std::string getString(size_t column, size_t row) const = 0;
};

/// One statement of a script.
struct Statement {
  size_t begin = 0, end = 0;  // byte range in the script
  bool is_insert_with_inline_data = false;
  std::optional<Error> syntax_error;  // set when the statement does not parse (keep_going)
};

class Connection {
 public:
  virtual ~Connection() = default;
  /// Runs one statement, writing rows in the chosen format to options.output.
  virtual ExecuteResult execute(std::string_view sql, const ExecuteOptions& options) = 0;
  /// Runs one statement that returns rows and gives typed access to them.
  virtual std::unique_ptr<Result> query(std::string_view sql, const std::map<std::string, std::string>& parameters = {}) = 0;
  /// Cancels the statement running on this connection (callable from any thread).
  virtual void cancel() = 0;
  /// Session settings and state.
  virtual void setSetting(const std::string& name, const std::string& value) = 0;
  virtual std::string getSetting(const std::string& name) const = 0;
  virtual void setParameter(const std::string& name, const std::string& value) = 0;
  virtual std::string currentDatabase() const = 0;
  virtual void setCurrentDatabase(const std::string& database) = 0;
  /// Signs the connection in as `user` without a password (the embedder vouches for it): the
  /// user's settings profile, grants and quotas apply. Throws Error(AUTHENTICATION_FAILED) for
  /// an unknown user.
  virtual void setUser(const std::string& user) = 0;
  /// Signs the connection in as `user`. Throws Error(AUTHENTICATION_FAILED, 516) when the user
  /// does not exist or the password is wrong; the connection's user is unchanged then.
  virtual void authenticate(const std::string& user, const std::string& password) = 0;
  /// The user the connection runs as.
  virtual std::string currentUser() const = 0;
};

class Database {
 public:
  virtual ~Database() = default;
  static std::shared_ptr<Database> open(const Options& options);
  virtual std::unique_ptr<Connection> connect() = 0;
};

/// Splits a script into statements (';'-separated; INSERT ... FORMAT data runs to the end of
/// its line). Throws Error(SYNTAX_ERROR) if a statement does not parse, unless `keep_going`:
/// then that statement carries `syntax_error` and splitting resumes after its next ';'.
std::vector<Statement> splitStatements(std::string_view script, bool keep_going = false);

/// tally's version as ClickHouse-compatible "major.minor.patch.build".
std::string version();

/// ClickHouse's name of an error code ("UNKNOWN_TABLE" for 60); empty for a code it does not know.
std::string errorCodeName(int code);

}  // namespace tally::api
