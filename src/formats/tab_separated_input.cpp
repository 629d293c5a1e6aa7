// Input formats TabSeparated (TSV), TabSeparatedRaw (TSVRaw), TabSeparatedWithNames
// (TSVWithNames), TabSeparatedWithNamesAndTypes (TSVWithNamesAndTypes).
//
// One row per line, fields separated by '\t', values in the escaped text form (\t \n \\ ...,
// \N for NULL); Raw variants take field text verbatim. An empty number field is 0, as
// ClickHouse reads it. Headers map fields to columns by name; a plain TabSeparated input whose
// first line equals the column names is taken as a header (input_format_tsv_detect_header).

#include <string>

#include "columns/column_low_cardinality.h"
#include "columns/column_string.h"
#include "common/exception.h"
#include "formats/char_scan.h"
#include "formats/row_input_format.h"
#include "formats/tab_separated_variants.h"
#include "formats/tab_separated_text.h"
#include "formats/text_field.h"
#include "io/read_helpers.h"
#include "types/data_type_factory.h"

namespace tally {

namespace tab_separated_input {

class TabSeparatedInputFormat final : public RowInputFormat {
 public:
  TabSeparatedInputFormat(ReadBuffer& in, const Block& header, const FormatSettings& settings, bool with_names,
                          bool with_types, bool raw)
      : RowInputFormat(in, header, settings), with_names_(with_names), with_types_(with_types), raw_(raw) {
    for (const auto& type : types()) fields_.push_back(classifyTextField(type, settings_));
    mapping_.setIdentity(fields_.size());
  }

 protected:
  void readPrefix() override {
    skipBOM(in_);
    if (with_names_) {
      std::vector<std::string> names = readHeaderLine();
      if (settings_.with_names_use_header)
        mapping_.setFromNames(names, header_, settings_.skip_unknown_fields);
      else if (names.size() != fields_.size())
        mapping_.setIdentity(fields_.size());
      if (with_types_) {
        std::vector<std::string> type_names = readHeaderLine();
        if (settings_.with_types_use_header) mapping_.checkTypes(type_names, header_);
      }
      return;
    }
    if (settings_.tsv.detect_header) detectHeader();
  }

  void startBlock() override {
    for (auto& field : fields_)
      if (field.lc_cache) field.lc_cache->reset();
  }

  bool readRow(MutableColumns& columns) override {
    if (in_.eof()) return false;
    size_t num_fields = mapping_.field_to_column.size();
    for (size_t i = 0; i < num_fields; ++i) {
      if (i) expectChar('\t', in_);
      int column = mapping_.field_to_column[i];
      if (column < 0)
        skipTabSeparatedField(in_, raw_);
      else
        readField(size_t(column), *columns[size_t(column)]);
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
        if (!printFieldDiagnostic(i, "<SKIPPED COLUMN>", nothing, [&] { skipTabSeparatedField(in_, raw_); }, out))
          return false;
        continue;
      }
      const auto& type = types()[size_t(column)];
      if (!printFieldDiagnostic(i, names()[size_t(column)], type,
                                [&] { readField(size_t(column), *columns[size_t(column)]); }, out))
        return false;
      if (type->haveMaximumSizeOfValue() && !in_.eof() && *in_.position() != '\t' && *in_.position() != '\n') {
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
  std::vector<std::string> readHeaderLine() {
    std::vector<std::string> values;
    if (in_.eof()) return values;
    while (true) {
      std::string value;
      readEscapedStringInto(value, in_);
      values.push_back(std::move(value));
      if (in_.eof()) break;
      char c = *in_.position();
      in_.setPosition(in_.position() + 1);
      if (c == '\n') break;
    }
    return values;
  }

  /// A first line whose values are a subset (or superset) of the column names is a header;
  /// a second line of valid type names after it is a types header. Only lines already in the
  /// buffer window are considered.
  void detectHeader() {
    detectTextHeader(in_, header_, names(), settings_, mapping_,
                     [&](char* pos, std::vector<std::string>& values, char*& after) {
                       return splitLineInWindow(pos, values, after);
                     });
  }

  bool splitLineInWindow(char* begin, std::vector<std::string>& values, char*& after) {
    char* end = in_.bufferEnd();
    char* nl = findFirstOf<'\n'>(begin, end);
    if (nl == end) return false;
    ReadBufferFromMemory line(begin, size_t(nl - begin));
    while (true) {
      std::string value;
      try {
        readEscapedStringInto(value, line);
      } catch (const Exception&) {
        return false;
      }
      values.push_back(std::move(value));
      if (line.eof()) break;
      line.setPosition(line.position() + 1);  // '\t'
    }
    after = nl + 1;
    return true;
  }

  void readField(size_t index, Column& column) {
    const TextField& field = fields_[index];
    char* p = in_.position();
    bool null_literal = in_.available() >= 2 && p[0] == '\\' && p[1] == 'N';
    bool at_delimiter = in_.eof() || *p == '\t' || *p == '\n';
    if (field.kind == TextFieldKind::Generic) {
      if (null_literal && settings_.null_as_default && !field.type->isNullable() &&
          !isLowCardinalityNullable(*field.type)) {
        in_.setPosition(p + 2);
        column.insertDefault();
        return;
      }
      if (at_delimiter && settings_.tsv.empty_as_default) {
        column.insertDefault();
        return;
      }
      if (raw_ && field.type->typeId() == TypeIndex::String) {
        readRawTabSeparatedString(static_cast<ColumnString&>(column), in_);
        return;
      }
      field.type->deserializeTextEscaped(column, in_, settings_);
      return;
    }
    if (null_literal && (field.nullable || settings_.null_as_default)) {
      in_.setPosition(p + 2);
      column.insertDefault();
      return;
    }
    if (at_delimiter && settings_.tsv.empty_as_default) {
      column.insertDefault();
      return;
    }
    Column& values = valuesColumn(field, column);
    switch (field.kind) {
      case TextFieldKind::String:
        if (raw_)
          readRawTabSeparatedString(static_cast<ColumnString&>(values), in_);
        else
          readEscapedTabSeparatedString(static_cast<ColumnString&>(values), in_);
        break;
      case TextFieldKind::LowCardinalityString:
        scratch_.clear();
        if (raw_)
          readRawTabSeparatedString(scratch_, in_);
        else
          readEscapedTabSeparatedString(scratch_, in_);
        field.lc_cache->insert(static_cast<ColumnLowCardinality&>(values), scratch_);
        break;
      case TextFieldKind::Date:
      case TextFieldKind::DateTime:
        if (!readDateField(field, values, in_))
          removeNullable(field.type)->deserializeTextEscaped(values, in_, settings_);
        break;
      default:
        if (!readNumberField(field.kind, values, in_)) {
          // ClickHouse reads an empty or non-numeric integer field as 0 and then checks the
          // delimiter; floats report the bad number.
          if (field.isInteger())
            values.insertDefault();
          else
            removeNullable(field.type)->deserializeTextEscaped(values, in_, settings_);
        }
        break;
    }
    if (field.nullable) pushNotNull(column);
  }

  static bool isLowCardinalityNullable(const DataType& type) {
    return type.typeId() == TypeIndex::LowCardinality && removeLowCardinality(type.getPtr())->isNullable();
  }

  void readRowEnd() {
    if (in_.eof()) return;
    char c = *in_.position();
    if (c == '\n') {
      in_.setPosition(in_.position() + 1);
      return;
    }
    if (c == '\r' && currentRowNumber() == 1 && in_.available() >= 2 && in_.position()[1] == '\n')
      throw Exception(ErrorCodes::INCORRECT_DATA,
                      "\nYou have carriage return (\\r, 0x0D, ASCII 13) at end of first row.\nIt's like your input "
                      "data has DOS/Windows style line separators, that are illegal in TabSeparated format. You must "
                      "transform your file to Unix format.\nBut if you really need carriage return at end of string "
                      "value of last column, you need to escape it as \\r.");
    throwExpectedBefore("\n", in_);
  }

  bool delimiterWithDiagnostic(std::string& out) {
    if (!in_.eof() && *in_.position() == '\t') {
      in_.setPosition(in_.position() + 1);
      return true;
    }
    if (in_.eof() || *in_.position() == '\n') {
      out += "ERROR: Line feed found where tab is expected. It's like your file has less columns than expected.\n"
             "And if your file has the right number of columns, maybe it has an unescaped backslash in value before "
             "tab, which causes the tab to be escaped.\n";
    } else if (*in_.position() == '\r') {
      out += "ERROR: Carriage return found where tab is expected.\n";
    } else {
      out += "ERROR: There is no tab. ";
      verbosePrintString(in_.position(), in_.position() + 1, out);
      out += " found instead.\n";
    }
    return false;
  }

  bool rowEndWithDiagnostic(std::string& out) {
    if (in_.eof()) return true;
    char c = *in_.position();
    if (c == '\n') {
      in_.setPosition(in_.position() + 1);
      return true;
    }
    if (c == '\t') {
      out += "ERROR: Tab found where line feed is expected. It's like your file has more columns than expected.\n"
             "And if your file has the right number of columns, maybe it has an unescaped tab in a value.\n";
    } else if (c == '\r') {
      out += "ERROR: Carriage return found where line feed is expected. It's like your file has DOS/Windows style "
             "line separators, that is illegal in TabSeparated format.\n";
    } else {
      out += "ERROR: There is no line feed. ";
      verbosePrintString(in_.position(), in_.position() + 1, out);
      out += " found instead.\n";
    }
    return false;
  }

  bool with_names_, with_types_, raw_;
  std::vector<TextField> fields_;
  ColumnMapping mapping_;
  std::string scratch_;
};

}  // namespace tab_separated_input

REGISTER_FORMAT(TabSeparatedInput) {
  using tab_separated_input::TabSeparatedInputFormat;
  for (const auto& v : kTabSeparatedVariants) {
    factory.registerInputFormat(v.name, [v](ReadBuffer& in, const Block& header, const FormatSettings& settings) {
      return std::make_unique<TabSeparatedInputFormat>(in, header, settings, v.with_names, v.with_types, v.raw);
    });
  }
  factory.registerAlias("TSV", "TabSeparated");
  factory.registerAlias("TSVRaw", "TabSeparatedRaw");
  factory.registerAlias("Raw", "TabSeparatedRaw");
  factory.registerAlias("TSVWithNames", "TabSeparatedWithNames");
  factory.registerAlias("TSVWithNamesAndTypes", "TabSeparatedWithNamesAndTypes");
  factory.registerAlias("TSVRawWithNames", "TabSeparatedRawWithNames");
  factory.registerAlias("TSVRawWithNamesAndTypes", "TabSeparatedRawWithNamesAndTypes");
  factory.registerAlias("RawWithNames", "TabSeparatedRawWithNames");
  factory.registerAlias("RawWithNamesAndTypes", "TabSeparatedRawWithNamesAndTypes");
  factory.registerFileExtension("tsv", "TabSeparated");
  factory.registerFileExtension("tab", "TabSeparated");
}

}  // namespace tally
