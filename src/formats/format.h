#pragma once
// Input and output formats: the contracts every format implements (TabSeparated, CSV,
// JSONEachRow, Pretty, ...), and the FormatFactory that finds them by name or file extension.
//
// Output: the caller constructs the format over a WriteBuffer with the result header, calls
// writePrefix(), write() per block, optional writeTotals()/writeExtremes(), setStatistics(),
// then finalize() (which writes the suffix and flushes). Formats keep what they need between
// blocks (row counters, column widths for Pretty) but hold no data after write() returns,
// except "MonoBlock" formats which buffer up to their row limit.
//
// Input: the caller constructs the format over a ReadBuffer with the header of the columns to
// fill (names and types of the target), then calls read() until it returns an empty block.
// Malformed rows throw an Exception naming the row number (1-based, counted over the whole
// input) and the column, e.g.
//   Cannot parse input: expected '\t' before: 'abc': (at row 3)
//   Row 3: Column 1, name: x, type: UInt8, ERROR: text "abc" is not like UInt8
// When settings allow errors (input_format_allow_errors_num / _ratio), bad rows are skipped and
// counted instead, and the rows already appended for them are removed: a block never holds a
// partial row.

#include <functional>
#include <map>
#include <memory>
#include <optional>
#include <set>
#include <string>
#include <vector>

#include "common/settings.h"
#include "io/read_buffer.h"
#include "io/write_buffer.h"
#include "types/block.h"
#include "types/format_settings.h"

namespace tally {

/// Statistics some output formats print (JSON "statistics", Pretty footers).
struct OutputStatistics {
  double elapsed_seconds = 0;
  uint64_t rows_read = 0;
  uint64_t bytes_read = 0;
  /// Rows the query would have returned without LIMIT; set when the query had LIMIT.
  std::optional<uint64_t> rows_before_limit;
};

class IOutputFormat {
 public:
  IOutputFormat(WriteBuffer& out, Block header, const FormatSettings& settings)
      : out_(out), header_(std::move(header)), settings_(settings) {}
  virtual ~IOutputFormat() = default;

  virtual void writePrefix() {}
  virtual void write(const Block& block) = 0;
  virtual void writeTotals(const Block&) {}
  virtual void writeExtremes(const Block& /*min*/, const Block& /*max*/) {}
  void setStatistics(const OutputStatistics& statistics) { statistics_ = statistics; }
  /// Writes the suffix and flushes the buffer. Called once.
  virtual void finalize() {
    writeSuffix();
    out_.next();
  }
  /// Flushes what is buffered so far (streaming over HTTP / to a terminal).
  virtual void flush() { out_.next(); }
  /// HTTP Content-Type of this format.
  virtual std::string contentType() const { return "text/plain; charset=UTF-8"; }
  const Block& header() const { return header_; }

 protected:
  virtual void writeSuffix() {}

  WriteBuffer& out_;
  Block header_;
  FormatSettings settings_;
  OutputStatistics statistics_;
};

class IInputFormat {
 public:
  IInputFormat(ReadBuffer& in, Block header, const FormatSettings& settings)
      : in_(in), header_(std::move(header)), settings_(settings) {}
  virtual ~IInputFormat() = default;

  /// Reads up to max_rows rows; an empty block (0 rows) means end of input.
  virtual Block read(size_t max_rows) = 0;
  const Block& header() const { return header_; }
  /// Bad rows skipped so far (with allow_errors settings).
  size_t skippedRows() const { return skipped_rows_; }
  /// Total rows read (including skipped).
  size_t rowsRead() const { return rows_read_; }

  /// Error tolerance (input_format_allow_errors_num / _ratio).
  void setAllowErrors(uint64_t num, double ratio) {
    allow_errors_num_ = num;
    allow_errors_ratio_ = ratio;
  }

  /// For an input that is a later chunk of a larger one (parallel parsing of a file): the
  /// 1-based number of its first row, so that row numbers in messages count over the whole
  /// input. Default 1; call before the first read(). rowsRead() then includes the rows before.
  void setFirstRowNumber(size_t row) { rows_read_ = row > 0 ? row - 1 : 0; }

 protected:
  ReadBuffer& in_;
  Block header_;
  FormatSettings settings_;
  size_t rows_read_ = 0;
  size_t skipped_rows_ = 0;
  uint64_t allow_errors_num_ = 0;
  double allow_errors_ratio_ = 0;
};

using OutputFormatPtr = std::unique_ptr<IOutputFormat>;
using InputFormatPtr = std::unique_ptr<IInputFormat>;

/// Schema inference result: column names and types, in order.
using InferredSchema = std::vector<std::pair<std::string, DataTypePtr>>;

/// Finds the end of the last complete row in [begin, end) so that input can be cut into
/// chunks parsed independently (in parallel). Returns the position just after the last row
/// boundary, or `begin` if there is none in the range.
using RowBoundaryFinder = std::function<const char*(const char* begin, const char* end)>;

class FormatFactory {
 public:
  using OutputCreator = std::function<OutputFormatPtr(WriteBuffer&, const Block& header, const FormatSettings&)>;
  using InputCreator = std::function<InputFormatPtr(ReadBuffer&, const Block& header, const FormatSettings&)>;
  /// Reads a prefix of the input and returns the columns it found (names and types).
  using SchemaReader = std::function<InferredSchema(ReadBuffer&, const FormatSettings&, size_t max_rows)>;

  static FormatFactory& instance();

  void registerOutputFormat(const std::string& name, OutputCreator creator);
  void registerInputFormat(const std::string& name, InputCreator creator);
  void registerSchemaReader(const std::string& name, SchemaReader reader);
  void registerRowBoundaryFinder(const std::string& name, RowBoundaryFinder finder);
  /// Alias name -> canonical format name (e.g. TSV -> TabSeparated, JSONLines -> JSONEachRow).
  void registerAlias(const std::string& alias, const std::string& target);
  /// Input formats that decode only the columns of their header (columnar ones, like Parquet):
  /// readers pass them just the columns a query uses instead of the whole structure.
  void markSupportsSubsetOfColumns(const std::string& name);
  bool supportsSubsetOfColumns(const std::string& name) const;
  /// File extension (lower case, without dot) -> format name (e.g. jsonl -> JSONEachRow).
  void registerFileExtension(const std::string& extension, const std::string& format);

  /// Canonical name of a format name or alias; throws UNKNOWN_FORMAT (73).
  std::string canonicalName(const std::string& name) const;
  bool hasOutputFormat(const std::string& name) const;
  bool hasInputFormat(const std::string& name) const;

  OutputFormatPtr getOutput(const std::string& name, WriteBuffer& out, const Block& header,
                            const FormatSettings& settings) const;
  InputFormatPtr getInput(const std::string& name, ReadBuffer& in, const Block& header,
                          const FormatSettings& settings) const;
  /// nullptr if the format has no schema inference.
  const SchemaReader* schemaReader(const std::string& name) const;
  /// nullptr if rows of this format cannot be found by scanning (no parallel parsing).
  const RowBoundaryFinder* rowBoundaryFinder(const std::string& name) const;

  /// Format named by a file's extension (compression extensions stripped first); "" if none.
  std::string formatFromFileName(const std::string& path) const;

  struct FormatInfo {
    std::string name;
    bool is_input = false, is_output = false;
  };
  std::vector<FormatInfo> formats() const;

 private:
  std::map<std::string, OutputCreator> outputs_;
  std::map<std::string, InputCreator> inputs_;
  std::map<std::string, SchemaReader> schema_readers_;
  std::map<std::string, RowBoundaryFinder> boundary_finders_;
  std::map<std::string, std::string> aliases_;
  std::map<std::string, std::string> lower_names_;
  std::map<std::string, std::string> extensions_;
  std::set<std::string> subset_of_columns_;
};

/// FormatSettings from query settings (and whether output goes to a terminal, for colour).
FormatSettings makeFormatSettings(const Settings& settings, bool output_is_terminal = false);

#define REGISTER_FORMAT(NAME)                                                             \
  static void TALLY_FORMAT_CONCAT(registerFormat, NAME)(::tally::FormatFactory & factory); \
  namespace {                                                                             \
  struct TALLY_FORMAT_CONCAT(FormatRegistrar, NAME) {                                     \
    TALLY_FORMAT_CONCAT(FormatRegistrar, NAME)() {                                        \
      TALLY_FORMAT_CONCAT(registerFormat, NAME)(::tally::FormatFactory::instance());      \
    }                                                                                     \
  } TALLY_FORMAT_CONCAT(format_registrar_, NAME);                                         \
  }                                                                                       \
  static void TALLY_FORMAT_CONCAT(registerFormat, NAME)(::tally::FormatFactory & factory)
#define TALLY_FORMAT_CONCAT_IMPL(a, b) a##b
#define TALLY_FORMAT_CONCAT(a, b) TALLY_FORMAT_CONCAT_IMPL(a, b)

}  // namespace tally
