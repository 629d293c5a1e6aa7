#pragma once
// Running statements: text or AST in, formatted rows out. Used by the embedding API (and so by
// the CLI and the server). One call runs one statement on the calling thread (plus the
// query's worker threads); exceptions carry ClickHouse error codes.

#include <atomic>
#include <functional>
#include <map>
#include <memory>
#include <string>
#include <string_view>

#include "execution/query_context.h"
#include "interpreters/engine.h"
#include "io/read_buffer.h"
#include "io/write_buffer.h"
#include "parser/ast.h"
#include "types/block.h"

namespace tally {

struct QueryIO {
  /// Where result rows go, formatted. May be null for statements without results.
  WriteBuffer* output = nullptr;
  /// Format when the statement has no FORMAT clause.
  std::string default_format = "TabSeparated";
  bool output_is_terminal = false;
  /// Data for an INSERT that has none inline (stdin, an HTTP body).
  ReadBuffer* input = nullptr;
  /// Format of `input` when the INSERT names none.
  std::string input_format;
  /// Settings for this statement only (HTTP URL parameters, CLI flags).
  std::map<std::string, std::string> settings;
  /// {name:Type} values for this statement (on top of the session's).
  std::map<std::string, std::string> parameters;
  std::string query_id;
  /// Called with the query's context when it starts (to cancel it from another thread).
  std::function<void(QueryContext&)> on_start;
  std::function<void(const Progress&)> on_progress;
  /// Called once the output format is known, before any output is written.
  std::function<void(const std::string& format, const std::string& content_type)> on_format;
  /// When set, result blocks go here (with their header first) instead of being formatted.
  std::function<void(const Block& header)> on_header;
  std::function<void(const Block& block)> on_block;
};

struct QueryResultInfo {
  std::string query_kind;   // "Select", "Insert", "Create", ...
  std::string format;       // output format used (empty if no result)
  bool has_result = false;
  Progress progress;
  uint64_t result_rows = 0;
  uint64_t result_bytes = 0;
  std::string query_id;
  uint64_t inserted_rows = 0;        // INSERT: rows added to its table (not its views')
  bool insert_deduplicated = false;  // INSERT: skipped as a repeated insert_deduplication_token
};

/// Parses and runs one statement (the text must hold exactly one).
QueryResultInfo executeQuery(Session& session, std::string_view query, QueryIO& io);
/// Runs an already parsed statement; `query` is its text (for inline INSERT data and logs).
QueryResultInfo executeStatement(Session& session, const ASTPtr& ast, std::string_view query, QueryIO& io);

/// A running SELECT whose blocks the caller pulls (for the typed embedding API).
class QueryResultStream {
 public:
  virtual ~QueryResultStream() = default;
  virtual const Block& header() const = 0;
  /// Next block; false at the end.
  virtual bool next(Block& block) = 0;
};

/// Starts a statement that returns rows (SELECT, SHOW, DESCRIBE, ...) and returns its stream;
/// other statements run to completion and return an empty stream.
std::unique_ptr<QueryResultStream> executeQueryForBlocks(Session& session, std::string_view query,
                                                         const std::map<std::string, std::string>& parameters);

}  // namespace tally
