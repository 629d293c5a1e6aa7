// Input formats that turn raw pieces of the input into String rows of a single-column table:
//   JSONAsString — each top-level JSON object, as its exact text; objects may be separated by
//                  whitespace or commas, or all sit inside one top-level [...] array.
//   LineAsString — each line (without its line feed).

#include "columns/column_nullable.h"
#include "columns/column_string.h"
#include "common/exception.h"
#include "formats/char_scan.h"
#include "formats/json_object_text.h"
#include "formats/row_input_format.h"
#include "io/read_helpers.h"

namespace tally {

namespace as_string_input {

void checkSingleStringColumn(const Block& header, const char* format) {
  if (header.columns() != 1 || removeNullable(removeLowCardinality(header[0].type))->typeId() != TypeIndex::String)
    throw Exception(ErrorCodes::BAD_ARGUMENTS,
                    "This input format is only suitable for tables with a single column of type String but the number "
                    "of columns is {} (format {})",
                    header.columns(), format);
}

/// Appends `text` as one String value to a String, Nullable(String) or LowCardinality column.
void insertText(Column& column, std::string_view text) {
  if (column.kind() == ColumnKind::Nullable) {
    auto& nullable = static_cast<ColumnNullable&>(column);
    nullable.getNestedColumn().insertData(text.data(), text.size());
    nullable.getNullMapData().push_back(0);
    return;
  }
  column.insertData(text.data(), text.size());
}

class JSONAsStringInputFormat final : public RowInputFormat {
 public:
  JSONAsStringInputFormat(ReadBuffer& in, const Block& header, const FormatSettings& settings)
      : RowInputFormat(in, header, settings) {
    checkSingleStringColumn(header_, "JSONAsString");
  }

 protected:
  void readPrefix() override {
    skipBOM(in_);
    skipWhitespaceIfAny(in_);
    if (!in_.eof() && *in_.position() == '[') {
      in_.setPosition(in_.position() + 1);
      in_array_ = true;
    }
  }

  bool readRow(MutableColumns& columns) override {
    skipWhitespaceIfAny(in_);
    if (in_array_) {
      if (in_.eof()) throw Exception(ErrorCodes::INCORRECT_DATA, "Unexpected end of stream while parsing JSONAsString format");
      if (*in_.position() == ']') {
        in_.setPosition(in_.position() + 1);
        skipWhitespaceIfAny(in_);
        if (!in_.eof() && *in_.position() == ';') in_.setPosition(in_.position() + 1);
        skipWhitespaceIfAny(in_);
        if (!in_.eof())
          throw Exception(ErrorCodes::INCORRECT_DATA, "Unexpected data after end of JSON array: {}",
                          quoteForMessage(std::string_view(in_.position(), std::min<size_t>(in_.available(), 160))));
        return false;
      }
    }
    if (in_.eof()) return false;
    if (*in_.position() != '{') throw Exception(ErrorCodes::INCORRECT_DATA, "JSON object must begin with '{'.");
    text_.clear();
    try {
      readJSONObjectText(in_, text_);
    } catch (const Exception&) {
      throw Exception(ErrorCodes::INCORRECT_DATA, "Unexpected end of stream while parsing JSONAsString format");
    }
    insertText(*columns[0], text_);
    skipWhitespaceIfAny(in_);
    if (!in_.eof() && *in_.position() == ',') in_.setPosition(in_.position() + 1);
    return true;
  }

 private:
  bool in_array_ = false;
  std::string text_;
};

class LineAsStringInputFormat final : public RowInputFormat {
 public:
  LineAsStringInputFormat(ReadBuffer& in, const Block& header, const FormatSettings& settings)
      : RowInputFormat(in, header, settings) {
    checkSingleStringColumn(header_, "LineAsString");
    string_column_ = header_[0].type->typeId() == TypeIndex::String;
  }

 protected:
  bool readRow(MutableColumns& columns) override {
    if (in_.eof()) return false;
    if (string_column_) {
      auto& column = static_cast<ColumnString&>(*columns[0]);
      auto& chars = column.getChars();
      readLine([&](const char* from, const char* to) { chars.insert(from, to); });
      column.getOffsets().push_back(chars.size());
      return true;
    }
    text_.clear();
    readLine([&](const char* from, const char* to) { text_.append(from, to); });
    insertText(*columns[0], text_);
    return true;
  }

 private:
  template <typename Append>
  void readLine(Append&& append) {
    while (!in_.eof()) {
      char* p = in_.position();
      char* end = in_.bufferEnd();
      char* nl = findFirstOf<'\n'>(p, end);
      append(p, nl);
      if (nl != end) {
        in_.setPosition(nl + 1);
        return;
      }
      in_.setPosition(end);
    }
  }

  bool string_column_ = false;
  std::string text_;
};

}  // namespace as_string_input

REGISTER_FORMAT(AsStringInput) {
  factory.registerInputFormat("JSONAsString", [](ReadBuffer& in, const Block& header, const FormatSettings& settings) {
    return std::make_unique<as_string_input::JSONAsStringInputFormat>(in, header, settings);
  });
  factory.registerInputFormat("LineAsString", [](ReadBuffer& in, const Block& header, const FormatSettings& settings) {
    return std::make_unique<as_string_input::LineAsStringInputFormat>(in, header, settings);
  });
}

}  // namespace tally
