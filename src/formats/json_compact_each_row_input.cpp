// Input formats JSONCompactEachRow[WithNames[AndTypes]] and
// JSONCompactStringsEachRow[WithNames[AndTypes]]: one JSON array of values per row,
// [1, "a", null], separated by whitespace; the WithNames variants start with an array of
// column names (mapped like the other WithNames formats), WithNamesAndTypes with a second
// array of type names. The Strings variants hold every value as a JSON string of its text.

#include "common/exception.h"
#include "formats/row_input_format.h"
#include "io/read_helpers.h"
#include "types/data_type_factory.h"

namespace tally {

namespace json_compact_each_row_input {

class JSONCompactEachRowInputFormat final : public RowInputFormat {
 public:
  JSONCompactEachRowInputFormat(ReadBuffer& in, const Block& header, const FormatSettings& settings, bool strings,
                                bool with_names, bool with_types)
      : RowInputFormat(in, header, settings), strings_(strings), with_names_(with_names), with_types_(with_types) {
    mapping_.setIdentity(header_.columns());
  }

 protected:
  void readPrefix() override {
    skipBOM(in_);
    if (with_names_) {
      std::vector<std::string> names = readStringArray();
      if (settings_.with_names_use_header) mapping_.setFromNames(names, header_, settings_.skip_unknown_fields);
    }
    if (with_types_) {
      std::vector<std::string> type_names = readStringArray();
      if (settings_.with_types_use_header) mapping_.checkTypes(type_names, header_);
    }
  }

  bool readRow(MutableColumns& columns) override {
    skipWhitespaceIfAny(in_);
    if (in_.eof()) return false;
    expectChar('[', in_);
    size_t num_fields = mapping_.field_to_column.size();
    for (size_t i = 0; i < num_fields; ++i) {
      skipWhitespaceIfAny(in_);
      if (i) {
        expectChar(',', in_);
        skipWhitespaceIfAny(in_);
      }
      int column = mapping_.field_to_column[i];
      if (column < 0)
        skipJSONValue(in_);
      else
        readField(size_t(column), *columns[size_t(column)]);
    }
    skipWhitespaceIfAny(in_);
    expectChar(']', in_);
    for (size_t column : mapping_.missing_columns) columns[column]->insertDefault();
    return true;
  }

  bool allowSyncAfterError() const override { return true; }
  void syncAfterError() override { skipToNextLine(in_); }

  bool hasDiagnosticInfo() const override { return true; }
  bool parseRowAndPrintDiagnosticInfo(MutableColumns& columns, std::string& out) override {
    skipWhitespaceIfAny(in_);
    if (!checkChar('[', in_)) {
      out += "ERROR: There is no '[' before the row.\n";
      return false;
    }
    size_t num_fields = mapping_.field_to_column.size();
    for (size_t i = 0; i < num_fields; ++i) {
      skipWhitespaceIfAny(in_);
      if (i) {
        if (!checkChar(',', in_)) {
          out += "ERROR: There is no comma. ";
          verbosePrintString(in_.position(), std::min(in_.position() + 1, in_.bufferEnd()), out);
          out += " found instead.\n";
          return false;
        }
        skipWhitespaceIfAny(in_);
      }
      int column = mapping_.field_to_column[i];
      if (column < 0) {
        static const DataTypePtr nothing = dataTypeFromString("Nothing");
        if (!printFieldDiagnostic(i, "<SKIPPED COLUMN>", nothing, [&] { skipJSONValue(in_); }, out)) return false;
        continue;
      }
      if (!printFieldDiagnostic(i, names()[size_t(column)], types()[size_t(column)],
                                [&] { readField(size_t(column), *columns[size_t(column)]); }, out))
        return false;
    }
    skipWhitespaceIfAny(in_);
    if (!checkChar(']', in_)) {
      out += "ERROR: There is no ']' at the end of the row. ";
      verbosePrintString(in_.position(), std::min(in_.position() + 1, in_.bufferEnd()), out);
      out += " found instead.\n";
      return false;
    }
    return true;
  }

 private:
  std::vector<std::string> readStringArray() {
    std::vector<std::string> values;
    skipWhitespaceIfAny(in_);
    expectChar('[', in_);
    skipWhitespaceIfAny(in_);
    if (checkChar(']', in_)) return values;
    while (true) {
      skipWhitespaceIfAny(in_);
      std::string value;
      readJSONStringInto(value, in_);
      values.push_back(std::move(value));
      skipWhitespaceIfAny(in_);
      if (checkChar(']', in_)) break;
      expectChar(',', in_);
    }
    return values;
  }

  void readField(size_t index, Column& column) {
    const DataTypePtr& type = types()[index];
    bool nullable = type->isNullable() || removeLowCardinality(type)->isNullable();
    if (!nullable && settings_.null_as_default && !in_.eof() && *in_.position() == 'n' && checkString("null", in_)) {
      column.insertDefault();
      return;
    }
    if (strings_) {
      if (nullable && !in_.eof() && *in_.position() == 'n' && checkString("null", in_)) {
        column.insertDefault();
        return;
      }
      std::string text;
      readJSONStringInto(text, in_);
      if (nullable && text == "ᴺᵁᴸᴸ") {  // how the Strings formats write NULL
        column.insertDefault();
        return;
      }
      ReadBufferFromMemory buf(text);
      type->deserializeWholeText(column, buf, settings_);
      return;
    }
    type->deserializeTextJSON(column, in_, settings_);
  }

  bool strings_, with_names_, with_types_;
  ColumnMapping mapping_;
};

}  // namespace json_compact_each_row_input

REGISTER_FORMAT(JSONCompactEachRowInput) {
  using json_compact_each_row_input::JSONCompactEachRowInputFormat;
  struct Variant {
    const char* name;
    bool strings, with_names, with_types;
  };
  static const Variant variants[] = {
      {"JSONCompactEachRow", false, false, false},
      {"JSONCompactEachRowWithNames", false, true, false},
      {"JSONCompactEachRowWithNamesAndTypes", false, true, true},
      {"JSONCompactStringsEachRow", true, false, false},
      {"JSONCompactStringsEachRowWithNames", true, true, false},
      {"JSONCompactStringsEachRowWithNamesAndTypes", true, true, true},
  };
  for (const auto& v : variants) {
    factory.registerInputFormat(v.name, [v](ReadBuffer& in, const Block& header, const FormatSettings& settings) {
      return std::make_unique<JSONCompactEachRowInputFormat>(in, header, settings, v.strings, v.with_names,
                                                             v.with_types);
    });
  }
}

}  // namespace tally
