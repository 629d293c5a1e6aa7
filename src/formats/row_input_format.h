#pragma once
// RowInputFormat: the read loop shared by the row-oriented input formats (TabSeparated, CSV,
// JSONEachRow, Values, RowBinary, ...). A format appends one row at a time to the block's
// columns; a row that fails is removed from every column (a block never holds a partial row)
// and is either skipped, while input_format_allow_errors_num / _ratio allow it and the format
// can find the next row, or reported with its 1-based row number over the whole input and,
// for formats that can re-parse it, a per-column diagnostic:
//   Cannot parse input: expected '\t' before: 'abc\n': (at row 3)
//   : \nRow 3:\nColumn 0,   name: x, type: UInt8, ERROR: text "abc<LINE FEED>" is not like UInt8
//
// ColumnMapping maps the fields of an input header (WithNames formats, detected headers) to
// the target columns.

#include <functional>
#include <string>
#include <string_view>
#include <vector>

#include "formats/format.h"

namespace tally {

/// Error codes that mean "this row is malformed" (skippable with allow_errors).
bool isParseError(int code);

/// ClickHouse's diagnostic form of raw bytes: "a<TAB>b", <EMPTY> for nothing.
void verbosePrintString(const char* begin, const char* end, std::string& out);
/// 'text' with backslash escapes, as ClickHouse quotes input in "before: ..." messages.
std::string quoteForMessage(std::string_view text);
/// Throws CANNOT_PARSE_INPUT_ASSERTION_FAILED "Cannot parse input: expected '<what>' before: '...'"
/// (or "... at end of stream.").
[[noreturn]] void throwExpectedBefore(std::string_view what, ReadBuffer& in);
/// Consumes `c` or throws as above.
inline void expectChar(char c, ReadBuffer& in) {
  if (in.eof() || *in.position() != c) throwExpectedBefore(std::string_view(&c, 1), in);
  in.setPosition(in.position() + 1);
}

/// Skips a UTF-8 byte order mark at the start of text input.
void skipBOM(ReadBuffer& in);

/// Header detection (input_format_csv/tsv_detect_header): the values of a first row are a
/// subset of the column names, or the column names are a subset of them.
bool namesLookLikeHeader(const std::vector<std::string>& values, const std::vector<std::string>& names);

/// Which target column each input field fills (-1: the field is skipped).
struct ColumnMapping {
  std::vector<int> field_to_column;
  /// Target columns no field fills (they get default values).
  std::vector<size_t> missing_columns;

  void setIdentity(size_t columns);
  /// Maps header names to the columns of `header`; unknown names are skipped when
  /// skip_unknown, otherwise INCORRECT_DATA. A name given twice is INCORRECT_DATA.
  void setFromNames(const std::vector<std::string>& names, const Block& header, bool skip_unknown);
  /// Checks the types header of WithNamesAndTypes formats against the target types.
  void checkTypes(const std::vector<std::string>& type_names, const Block& header) const;
};

/// Splits the row starting at `pos` into its values; false when the row is not complete in
/// the buffer window. Sets `after` to the start of the next row.
using SplitRowInWindow = std::function<bool(char* pos, std::vector<std::string>& values, char*& after)>;

/// Header detection of CSV and TSV (input_format_*_detect_header): a first row whose values
/// look like the column names is consumed and maps the columns; a second row of valid type
/// names after it is consumed too (and checked against the columns when
/// with_types_use_header). Only rows already in the buffer window are considered.
void detectTextHeader(ReadBuffer& in, const Block& header, const std::vector<std::string>& names,
                      const FormatSettings& settings, ColumnMapping& mapping, const SplitRowInWindow& split);

class RowInputFormat : public IInputFormat {
 public:
  RowInputFormat(ReadBuffer& in, Block header, const FormatSettings& settings);

  Block read(size_t max_rows) final;

  /// Continues the row numbering (and error count) of a reader that handed over the rest of
  /// the input; the prefix is then taken as already read.
  void continueFrom(size_t rows_already_read, size_t skipped_rows) {
    rows_read_ = rows_already_read;
    skipped_rows_ = skipped_rows;
    errors_ = skipped_rows;
    prefix_read_ = true;
  }

 protected:
  /// Called once before the first row: headers, a leading '[' and the like.
  virtual void readPrefix() {}
  /// Called when a new block's columns are created, before rows are appended to them.
  virtual void startBlock() {}
  /// Appends exactly one value to every column, or returns false at the end of the data with
  /// nothing appended.
  virtual bool readRow(MutableColumns& columns) = 0;
  /// Whether the format can find the start of the next row after a bad one.
  virtual bool allowSyncAfterError() const { return false; }
  /// Moves the input to the start of the next row after a bad one.
  virtual void syncAfterError() {}
  /// Re-parses the row starting at the current position into `columns`, describing each field
  /// ("Column 0,   name: x, type: UInt8, parsed text: ..."). Returns false at the first bad
  /// field. Formats without diagnostics return false and write nothing.
  virtual bool parseRowAndPrintDiagnosticInfo(MutableColumns& columns, std::string& out) { return false; }
  virtual bool hasDiagnosticInfo() const { return false; }

  /// Diagnostic helper: reads one field with `read` (which parses from in_), printing its text.
  /// Returns false if the field is bad.
  template <typename Read>
  bool printFieldDiagnostic(size_t file_column, const std::string& name, const DataTypePtr& type, Read&& read,
                            std::string& out);

  /// Number of the row being read (1-based, over the whole input).
  size_t currentRowNumber() const { return rows_read_; }
  /// Marks the start of the row about to be read (for diagnostics and error recovery).
  void markRowStart();

  const DataTypes& types() const { return types_; }
  const std::vector<std::string>& names() const { return names_; }

 private:
  std::string diagnosticInfo();
  std::string parseRowForDiagnostics();

  struct RowStart {
    char* ptr = nullptr;
    size_t window_key = 0;
    bool valid = false;
  };
  size_t windowKey() const;
  bool inCurrentWindow(const RowStart& row) const;

  DataTypes types_;
  std::vector<std::string> names_;
  bool prefix_read_ = false;
  bool finished_ = false;
  size_t errors_ = 0;
  RowStart current_row_, previous_row_;
  bool previous_row_was_error_ = false;
  size_t max_name_length_ = 0, max_type_length_ = 0;
};

template <typename Read>
bool RowInputFormat::printFieldDiagnostic(size_t file_column, const std::string& name, const DataTypePtr& type,
                                          Read&& read, std::string& out) {
  out += "Column " + std::to_string(file_column) + ", ";
  out.append(file_column < 10 ? 2 : (file_column < 100 ? 1 : 0), ' ');
  out += "name: " + name + ", ";
  out.append(max_name_length_ > name.size() ? max_name_length_ - name.size() : 0, ' ');
  std::string type_name = type->name();
  out += "type: " + type_name + ", ";
  out.append(max_type_length_ > type_name.size() ? max_type_length_ - type_name.size() : 0, ' ');

  char* before = in_.position();
  std::string error;
  bool failed = false;
  try {
    read();
  } catch (const std::exception& e) {
    failed = true;
    error = e.what();
  }
  char* after = in_.position();
  if (after < before) after = before;
  auto id = removeNullable(removeLowCardinality(type))->typeId();
  bool value_is_number_like = (type->isNumber() || id == TypeIndex::Date || id == TypeIndex::DateTime ||
                               id == TypeIndex::DateTime64 || removeNullable(type)->isNumber());
  if (value_is_number_like && after == before) {
    out += "ERROR: text ";
    verbosePrintString(before, std::min(before + 10, in_.bufferEnd()), out);
    out += " is not like " + type_name + "\n";
    return false;
  }
  out += "parsed text: ";
  verbosePrintString(before, after, out);
  if (failed) {
    if (type_name == "DateTime")
      out += "ERROR: DateTime must be in YYYY-MM-DD hh:mm:ss or NNNNNNNNNN (unix timestamp, exactly 10 digits) format.\n";
    else if (type_name == "Date")
      out += "ERROR: Date must be in YYYY-MM-DD format.\n";
    else
      out += "ERROR\n";
    out += error + "\n";
    return false;
  }
  out += "\n";
  return true;
}

}  // namespace tally
