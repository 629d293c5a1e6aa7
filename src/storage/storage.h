#pragma once
// IStorage: a table — where rows come from and go to (Memory, File, system tables, table
// functions, and later MergeTree). Storages are shared (StoragePtr) between the catalog and
// running queries; a dropped table stays alive until its last query finishes.
//
// Reading: read() returns up to request.max_streams streams that together produce every row
// once (parallel readers pull work from a shared queue, so no stream idles while another has
// work). Blocks carry exactly the requested columns, in request order.
// Writing: insert() receives a block with every physical column of the table (defaults
// already filled in, types already converted). It is all-or-nothing: on exception nothing of
// the block is visible. Thread-safe.

#include <map>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "execution/block_stream.h"
#include "execution/expression.h"
#include "parser/ast.h"
#include "types/block.h"

namespace tally {

struct ColumnDescription {
  std::string name;
  DataTypePtr type;
  std::string default_kind;   // "", "DEFAULT", "MATERIALIZED", "ALIAS", "EPHEMERAL"
  ASTPtr default_expression;  // as written (may be null)
  std::string comment;
  std::string codec;          // CODEC(...) text, if any
};

class ColumnsDescription {
 public:
  ColumnsDescription() = default;
  explicit ColumnsDescription(std::vector<ColumnDescription> columns) : columns_(std::move(columns)) {}
  /// Columns from a header (names and types only).
  static ColumnsDescription fromBlock(const Block& header);

  const std::vector<ColumnDescription>& all() const { return columns_; }
  /// Columns stored in the table (not ALIAS / EPHEMERAL).
  std::vector<ColumnDescription> physical() const;
  /// Columns SELECT * returns (not MATERIALIZED / ALIAS / EPHEMERAL).
  std::vector<ColumnDescription> ordinary() const;
  const ColumnDescription* find(const std::string& name) const;
  bool has(const std::string& name) const { return find(name) != nullptr; }
  void add(ColumnDescription column) { columns_.push_back(std::move(column)); }
  size_t size() const { return columns_.size(); }
  /// Header of the physical columns.
  Block physicalHeader() const;

 private:
  std::vector<ColumnDescription> columns_;
};

struct ReadRequest {
  std::vector<std::string> columns;  // may be empty when only the row count matters
  size_t max_streams = 1;
  size_t max_block_size = 65536;
  /// A filter the storage may use to skip data (it is still applied afterwards). May be null.
  ExprPtr filter_hint;
  /// The filter's column names -> storage column names (columns not listed are not the table's).
  std::map<std::string, std::string> filter_hint_columns;
  /// The query only needs this many rows (0 = all), e.g. LIMIT without ORDER BY.
  uint64_t limit_hint = 0;
  /// SELECT ... FINAL: rows as they will be after every merge (MergeTree family).
  bool final = false;
};

/// The first phase of an atomic insert: everything is written and durable but not yet
/// visible. Destroying it without publish() discards it. The insert coordinator
/// (storage/insert_transaction.h) records renames() in its journal, performs them, then calls
/// publish() on every prepared insert of the transaction.
class PreparedInsert {
 public:
  virtual ~PreparedInsert() = default;
  /// Directory renames (from, to) that make the insert durable; empty for in-memory storages.
  virtual std::vector<std::pair<std::string, std::string>> renames() const { return {}; }
  /// Makes the rows visible (after the renames were done). Must not fail for valid data.
  virtual void publish() = 0;
  /// Records the insert's insert_deduplication_token with its rows (before the commit), so the
  /// storage's hasDeduplicationToken() answers true once they are published. Default: ignored.
  virtual void setDeduplicationToken(const std::string& /*token*/) {}
};

class IStorage : public std::enable_shared_from_this<IStorage> {
 public:
  virtual ~IStorage() = default;

  virtual std::string engineName() const = 0;
  /// ENGINE clause as SHOW CREATE prints it, e.g. "Memory", "File(CSV, 'x.csv')".
  virtual std::string engineFull() const { return engineName(); }
  const ColumnsDescription& columns() const { return columns_; }
  void setColumns(ColumnsDescription columns) { columns_ = std::move(columns); }
  /// Columns that exist only when named (File's _path, _file).
  virtual std::vector<ColumnDescription> virtualColumns() const { return {}; }
  /// Header of the named columns (physical or virtual); throws NO_SUCH_COLUMN_IN_TABLE.
  Block header(const std::vector<std::string>& names) const;

  virtual BlockStreams read(const ReadRequest& request, QueryContext& context) = 0;

  virtual bool supportsInsert() const { return false; }
  virtual void insert(const Block& block, QueryContext& context);
  /// Inserts several blocks as one unit: all of them or (on exception) none. The default
  /// inserts them one by one; storages that can make it atomic override it.
  virtual void insert(const std::vector<Block>& blocks, QueryContext& context) {
    for (const auto& b : blocks) insert(b, context);
  }

  /// Atomic inserts: writes `blocks` without making them visible (see PreparedInsert). The
  /// default prepares an insert that calls insert(blocks) on publish.
  virtual std::unique_ptr<PreparedInsert> prepareInsert(const std::vector<Block>& blocks, QueryContext& context);
  virtual bool supportsFinal() const { return false; }
  /// Whether rows of an insert with this insert_deduplication_token are stored (MergeTree).
  virtual bool hasDeduplicationToken(const std::string& /*token*/) const { return false; }

  /// Exact row count when known cheaply (count() without filters uses it).
  virtual std::optional<uint64_t> totalRows() const { return std::nullopt; }
  virtual std::optional<uint64_t> totalBytes() const { return std::nullopt; }
  /// The smallest and largest value of each of `columns` over every stored row, when statistics
  /// give them exactly without reading (min()/max() without filters use them); nullopt when any
  /// column lacks them or there are no rows. Fields are those the column's insert(Field) takes.
  virtual std::optional<std::vector<std::pair<Field, Field>>> columnsMinMax(const std::vector<std::string>& /*columns*/) const {
    return std::nullopt;
  }

  virtual void truncate();
  /// Called when the table is dropped (release files, ...).
  virtual void drop() {}
  /// Called when the table is renamed: its data moves to `new_data_path` (persistent engines).
  virtual void moveData(const std::string& new_data_path) {}
  /// For views: the query behind it.
  virtual ASTPtr viewQuery() const { return nullptr; }
  virtual bool isSystemTable() const { return false; }

 protected:
  ColumnsDescription columns_;
};

using StoragePtr = std::shared_ptr<IStorage>;

}  // namespace tally
