// Input formats CSV, CSVWithNames, CSVWithNamesAndTypes.
//
// Fields separated by format_csv_delimiter, quoted ("a ""b""") or unquoted; rows end with LF,
// CRLF or LF CR, and may carry one extra delimiter at the end. Empty fields are defaults
// (input_format_csv_empty_as_default), \N is NULL, spaces and tabs around unquoted values are
// trimmed. Headers map fields to columns by name; a plain CSV input whose first row equals the
// column names is taken as a header (input_format_csv_detect_header).

#include <string>

#include "columns/column_low_cardinality.h"
#include "columns/column_string.h"
#include "common/exception.h"
#include "formats/char_scan.h"
#include "formats/csv_text.h"
#include "formats/row_input_format.h"
#include "formats/text_field.h"
#include "io/read_helpers.h"
#include "types/data_type_factory.h"

namespace tally {

namespace csv_input {

class CSVInputFormat final : public RowInputFormat {
 public:
  CSVInputFormat(ReadBuffer& in, const Block& header, const FormatSettings& settings, bool with_names,
                 bool with_types)
      : RowInputFormat(in, header, settings), with_names_(with_names), with_types_(with_types) {
    for (const auto& type : types()) fields_.push_back(classifyTextField(type, settings_));
    mapping_.setIdentity(fields_.size());
    delimiter_ = settings_.csv.delimiter;
    trim_ = settings_.csv.trim_whitespaces;
  }

 protected:
  void readPrefix() override {
    skipBOM(in_);
    if (with_names_) {
      std::vector<std::string> names = readHeaderRow();
      if (settings_.with_names_use_header) mapping_.setFromNames(names, header_, settings_.skip_unknown_fields);
      if (with_types_) {
        std::vector<std::string> type_names = readHeaderRow();
        if (settings_.with_types_use_header) mapping_.checkTypes(type_names, header_);
      }
      return;
    }
    if (settings_.csv.detect_header) detectHeader();
  }

  void startBlock() override {
    for (auto& field : fields_)
      if (field.lc_cache) field.lc_cache->reset();
  }

  bool readRow(MutableColumns& columns) override {
    if (in_.eof()) return false;
    size_t num_fields = mapping_.field_to_column.size();
    for (size_t i = 0; i < num_fields; ++i) {
      if (i) readDelimiter();
      int column = mapping_.field_to_column[i];
      if (column < 0) {
        skipField();
      } else {
        readField(size_t(column), *columns[size_t(column)]);
      }
    }
    readRowEnd();
    for (size_t column : mapping_.missing_columns) columns[column]->insertDefault();
    return true;
  }

  bool allowSyncAfterError() const override { return true; }
  void syncAfterError() override { skipToNextLine(in_); }

  bool hasDiagnosticInfo() const override { return true; }
  bool parseRowAndPrintDiagnosticInfo(MutableColumns& columns, std::string& out) override {
    size_t num_fields = mapping_.field_to_column.size();
    for (size_t i = 0; i < num_fields; ++i) {
      if (i && !delimiterWithDiagnostic(out)) return false;
      int column = mapping_.field_to_column[i];
      if (column < 0) {
        static const DataTypePtr nothing = dataTypeFromString("Nothing");
        if (!printFieldDiagnostic(i, "<SKIPPED COLUMN>", nothing, [&] { skipField(); }, out)) return false;
        continue;
      }
      const auto& type = types()[size_t(column)];
      if (!printFieldDiagnostic(i, names()[size_t(column)], type,
                                [&] { readField(size_t(column), *columns[size_t(column)]); }, out))
        return false;
      if (type->haveMaximumSizeOfValue() && !atCSVFieldEnd(in_, delimiter_) && *in_.position() != ' ' &&
          *in_.position() != '\t') {
        out += "ERROR: garbage after " + type->name() + ": ";
        verbosePrintString(in_.position(), std::min(in_.position() + 10, in_.bufferEnd()), out);
        out += "\n";
        if (type->name() == "DateTime")
          out += "ERROR: DateTime must be in YYYY-MM-DD hh:mm:ss or NNNNNNNNNN (unix timestamp, exactly 10 digits) "
                 "format.\n";
        else if (type->name() == "Date")
          out += "ERROR: Date must be in YYYY-MM-DD format.\n";
        return false;
      }
    }
    return rowEndWithDiagnostic(out);
  }

 private:
  std::vector<std::string> readHeaderRow() {
    std::vector<std::string> values;
    if (in_.eof()) return values;
    while (true) {
      skipCSVWhitespace(in_, delimiter_);
      std::string value;
      readCSVField(value, in_, settings_.csv);
      values.push_back(std::move(value));
      skipCSVWhitespace(in_, delimiter_);
      if (in_.eof()) break;
      if (*in_.position() == delimiter_) {
        in_.setPosition(in_.position() + 1);
        continue;
      }
      readRowEnd();
      break;
    }
    return values;
  }

  /// Splits a row lying entirely in the buffer window (no quoted line feeds) into its values.
  bool splitRowInWindow(char* begin, std::vector<std::string>& values, char*& after) {
    char* end = in_.bufferEnd();
    char* nl = findFirstOf<'\n'>(begin, end);
    if (nl == end) return false;
    ReadBufferFromMemory row(begin, size_t(nl - begin));
    try {
      while (true) {
        skipCSVWhitespace(row, delimiter_);
        std::string value;
        readCSVField(value, row, settings_.csv);
        values.push_back(std::move(value));
        skipCSVWhitespace(row, delimiter_);
        if (row.eof() || *row.position() == '\r') break;
        if (*row.position() != delimiter_) return false;
        row.setPosition(row.position() + 1);
      }
    } catch (const Exception&) {
      return false;
    }
    after = nl + 1;
    return true;
  }

  void detectHeader() {
    detectTextHeader(in_, header_, names(), settings_, mapping_,
                     [&](char* pos, std::vector<std::string>& values, char*& after) {
                       return splitRowInWindow(pos, values, after);
                     });
  }

  void readDelimiter() {
    if (trim_) skipCSVWhitespace(in_, delimiter_);
    expectChar(delimiter_, in_);
  }

  void skipField() {
    if (trim_) skipCSVWhitespace(in_, delimiter_);
    scratch_.clear();
    readCSVField(scratch_, in_, settings_.csv);
  }

  bool quoteAt() {
    if (in_.eof()) return false;
    char c = *in_.position();
    return (c == '"' && settings_.csv.allow_double_quotes) || (c == '\'' && settings_.csv.allow_single_quotes);
  }

  void readField(size_t index, Column& column) {
    const TextField& field = fields_[index];
    if (trim_) skipCSVWhitespace(in_, delimiter_);
    if (settings_.csv.empty_as_default && atCSVFieldEnd(in_, delimiter_)) {
      // An empty unquoted field is the default (NULL for Nullable).
      column.insertDefault();
      return;
    }
    char* p = in_.position();
    if (in_.available() >= 2 && p[0] == '\\' && p[1] == 'N' &&
        (in_.available() == 2 || p[2] == delimiter_ || p[2] == '\n' || p[2] == '\r' || p[2] == ' ' || p[2] == '\t')) {
      if (field.type->isNullable() || settings_.null_as_default) {
        in_.setPosition(p + 2);
        column.insertDefault();
        return;
      }
    }
    if (field.kind == TextFieldKind::Generic) {
      field.type->deserializeTextCSV(column, in_, settings_);
      return;
    }
    Column& values = valuesColumn(field, column);
    switch (field.kind) {
      case TextFieldKind::String: readCSVField(static_cast<ColumnString&>(values), in_, settings_.csv); break;
      case TextFieldKind::LowCardinalityString:
        scratch_.clear();
        readCSVField(scratch_, in_, settings_.csv);
        field.lc_cache->insert(static_cast<ColumnLowCardinality&>(values), scratch_);
        break;
      default: {
        char quote = 0;
        if (quoteAt()) {
          quote = *in_.position();
          in_.setPosition(in_.position() + 1);
        }
        bool ok = field.isDateOrDateTime() ? readDateField(field, values, in_) : readNumberField(field.kind, values, in_);
        if (!ok) {
          if (quote) in_.setPosition(in_.position() - 1);
          removeNullable(field.type)->deserializeTextCSV(values, in_, settings_);
        } else if (quote) {
          expectChar(quote, in_);
        }
        break;
      }
    }
    if (field.nullable) pushNotNull(column);
  }

  void readRowEnd() {
    if (trim_) skipCSVWhitespace(in_, delimiter_);
    if (in_.eof()) return;
    if (*in_.position() == delimiter_) {
      in_.setPosition(in_.position() + 1);
      if (trim_) skipCSVWhitespace(in_, delimiter_);
      if (in_.eof()) return;
    }
    char c = *in_.position();
    if (c == '\n') {
      in_.setPosition(in_.position() + 1);
      if (!in_.eof() && *in_.position() == '\r') in_.setPosition(in_.position() + 1);
      return;
    }
    if (c == '\r') {
      in_.setPosition(in_.position() + 1);
      if (!in_.eof() && *in_.position() == '\n') {
        in_.setPosition(in_.position() + 1);
        return;
      }
      throw Exception(ErrorCodes::INCORRECT_DATA,
                      "Cannot parse CSV format: found \\r (CR) not followed by \\n (LF). Line must end by \\n (LF) or "
                      "\\r\\n (CR LF) or \\n\\r.");
    }
    throw Exception(ErrorCodes::INCORRECT_DATA, "Expected end of line");
  }

  bool delimiterWithDiagnostic(std::string& out) {
    if (trim_) skipCSVWhitespace(in_, delimiter_);
    if (!in_.eof() && *in_.position() == delimiter_) {
      in_.setPosition(in_.position() + 1);
      return true;
    }
    std::string d(1, delimiter_);
    if (in_.eof() || *in_.position() == '\n' || *in_.position() == '\r') {
      out += "ERROR: Line feed found where delimiter (" + d +
             ") is expected. It's like your file has less columns than expected.\nAnd if your file has the right "
             "number of columns, maybe it has unescaped quotes in values.\n";
    } else {
      out += "ERROR: There is no delimiter (" + d + "). ";
      verbosePrintString(in_.position(), in_.position() + 1, out);
      out += " found instead.\n";
    }
    return false;
  }

  bool rowEndWithDiagnostic(std::string& out) {
    if (trim_) skipCSVWhitespace(in_, delimiter_);
    if (in_.eof()) return true;
    if (*in_.position() == delimiter_) {
      in_.setPosition(in_.position() + 1);
      if (trim_) skipCSVWhitespace(in_, delimiter_);
      if (in_.eof()) return true;
    }
    if (*in_.position() != '\n' && *in_.position() != '\r') {
      out += "ERROR: There is no line feed. ";
      verbosePrintString(in_.position(), in_.position() + 1, out);
      out += " found instead.\n It's like your file has more columns than expected.\nAnd if your file has the right "
             "number of columns, maybe it has an unquoted string value with a comma.\n";
      return false;
    }
    readRowEnd();
    return true;
  }

  bool with_names_, with_types_;
  bool trim_ = true;
  char delimiter_ = ',';
  std::vector<TextField> fields_;
  ColumnMapping mapping_;
  std::string scratch_;
};

}  // namespace csv_input

REGISTER_FORMAT(CSVInput) {
  using csv_input::CSVInputFormat;
  struct Variant {
    const char* name;
    bool with_names, with_types;
  };
  static const Variant variants[] = {
      {"CSV", false, false}, {"CSVWithNames", true, false}, {"CSVWithNamesAndTypes", true, true}};
  for (const auto& v : variants) {
    factory.registerInputFormat(v.name, [v](ReadBuffer& in, const Block& header, const FormatSettings& settings) {
      return std::make_unique<CSVInputFormat>(in, header, settings, v.with_names, v.with_types);
    });
  }
  factory.registerFileExtension("csv", "CSV");
}

}  // namespace tally
