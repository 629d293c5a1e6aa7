#include "formats/json_each_row_input.h"

#include "common/exception.h"
#include "formats/json_each_row_fast_reader.h"
#include "formats/prefixed_read_buffer.h"
#include "io/read_helpers.h"

namespace tally {

JSONEachRowRowReader::JSONEachRowRowReader(ReadBuffer& in, const Block& header, const FormatSettings& settings)
    : RowInputFormat(in, header, settings) {
  for (size_t i = 0; i < header_.columns(); ++i) positions_.emplace(header_[i].name, i);
  seen_.resize(header_.columns());
}

void JSONEachRowRowReader::readPrefix() {
  skipBOM(in_);
  skipWhitespaceIfAny(in_);
  if (!in_.eof() && *in_.position() == '[') {
    in_.setPosition(in_.position() + 1);
    in_array_ = true;
  }
}

bool JSONEachRowRowReader::readRow(MutableColumns& columns) {
  skipWhitespaceIfAny(in_);
  if (in_array_) {
    if (array_closed_) {
      if (in_.eof()) return false;
      if (*in_.position() == ';') {
        in_.setPosition(in_.position() + 1);
        skipWhitespaceIfAny(in_);
        if (in_.eof()) return false;
      }
      throw Exception(ErrorCodes::INCORRECT_DATA, "Unexpected data after end of JSON array: {}",
                      quoteForMessage(std::string_view(in_.position(), std::min<size_t>(in_.available(), 160))));
    }
    if (in_.eof()) throw Exception(ErrorCodes::INCORRECT_DATA, "Unexpected end of stream while parsing JSONEachRow format");
    if (*in_.position() == ']') {
      in_.setPosition(in_.position() + 1);
      array_closed_ = true;
      skipWhitespaceIfAny(in_);
      if (in_.eof()) return false;
      return readRow(columns);
    }
  }
  if (in_.eof()) return false;
  if (*in_.position() == ',' && currentRowNumber() > 1) {
    // Rows may be separated by commas; the separator can start the rest handed over by the fast path.
    in_.setPosition(in_.position() + 1);
    skipWhitespaceIfAny(in_);
    if (in_.eof()) return false;
  }
  expectChar('{', in_);
  std::fill(seen_.begin(), seen_.end(), 0);
  skipWhitespaceIfAny(in_);
  if (!in_.eof() && *in_.position() == '}') {
    in_.setPosition(in_.position() + 1);
  } else {
    while (true) {
      skipWhitespaceIfAny(in_);
      key_.clear();
      readJSONStringInto(key_, in_);
      skipWhitespaceIfAny(in_);
      expectChar(':', in_);
      skipWhitespaceIfAny(in_);
      auto it = positions_.find(key_);
      if (it == positions_.end()) {
        if (!settings_.skip_unknown_fields)
          throw Exception(ErrorCodes::INCORRECT_DATA, "Unknown field found while parsing JSONEachRow format: {}", key_);
        skipJSONValue(in_);
      } else {
        size_t index = it->second;
        if (seen_[index])
          throw Exception(ErrorCodes::INCORRECT_DATA, "Duplicate field found while parsing JSONEachRow format: {}", key_);
        seen_[index] = 1;
        try {
          readField(index, *columns[index]);
        } catch (Exception& e) {
          e.addMessage(": (while reading the value of key " + key_ + ")");
          throw;
        }
      }
      skipWhitespaceIfAny(in_);
      if (!in_.eof() && *in_.position() == ',') {
        in_.setPosition(in_.position() + 1);
        continue;
      }
      expectChar('}', in_);
      break;
    }
  }
  for (size_t i = 0; i < seen_.size(); ++i)
    if (!seen_[i]) columns[i]->insertDefault();
  skipWhitespaceIfAny(in_);
  if (!in_.eof() && *in_.position() == ',') in_.setPosition(in_.position() + 1);
  return true;
}

void JSONEachRowRowReader::readField(size_t index, Column& column) {
  const DataTypePtr& type = types()[index];
  bool nullable = type->isNullable() || removeLowCardinality(type)->isNullable();
  if (!nullable && settings_.null_as_default && !in_.eof() && *in_.position() == 'n' && checkString("null", in_)) {
    column.insertDefault();
    return;
  }
  type->deserializeTextJSON(column, in_, settings_);
}

void JSONEachRowRowReader::syncAfterError() { skipToNextLine(in_); }

namespace json_each_row_input {

/// The registered JSONEachRow input: the simdjson fast path while the input is plain
/// newline-delimited objects, the generic reader otherwise (and from the first row the fast
/// path does not take).
class JSONEachRowInputFormat final : public IInputFormat {
 public:
  JSONEachRowInputFormat(ReadBuffer& in, const Block& header, const FormatSettings& settings)
      : IInputFormat(in, header, settings) {}

  Block read(size_t max_rows) override {
    if (!started_) start();
    if (fast_) {
      Block result = header_.cloneEmpty();
      MutableColumns columns;
      for (const auto& c : header_) columns.push_back(c.type->createColumn());
      size_t rows = fast_->read(columns, max_rows);
      rows_read_ += rows;
      if (fast_->needsFallback()) switchToGeneric(fast_->takeUnparsed());
      if (rows > 0 || !generic_) {
        for (size_t i = 0; i < columns.size(); ++i) result[i].column = std::move(columns[i]);
        result.setRows(rows);
        return result;
      }
    }
    generic_->setAllowErrors(allow_errors_num_, allow_errors_ratio_);
    Block block = generic_->read(max_rows);
    rows_read_ = generic_->rowsRead();
    skipped_rows_ = generic_->skippedRows();
    return block;
  }

 private:
  void start() {
    started_ = true;
    skipBOM(in_);
    skipWhitespaceIfAny(in_);
    if (!in_.eof() && *in_.position() == '{') {
      fast_ = std::make_unique<JSONEachRowFastReader>(in_, header_, settings_);
      return;
    }
    generic_ = std::make_unique<JSONEachRowRowReader>(in_, header_, settings_);
    generic_->setFirstRowNumber(rows_read_ + 1);  // keeps a numbering set with setFirstRowNumber()
  }

  void switchToGeneric(std::string unparsed) {
    fast_.reset();
    rest_ = std::make_unique<PrefixedReadBuffer>(std::move(unparsed), in_);
    generic_ = std::make_unique<JSONEachRowRowReader>(*rest_, header_, settings_);
    generic_->continueFrom(rows_read_, skipped_rows_);
  }

  bool started_ = false;
  std::unique_ptr<JSONEachRowFastReader> fast_;
  std::unique_ptr<PrefixedReadBuffer> rest_;
  std::unique_ptr<JSONEachRowRowReader> generic_;
};

}  // namespace json_each_row_input

REGISTER_FORMAT(JSONEachRowInput) {
  auto create = [](ReadBuffer& in, const Block& header, const FormatSettings& settings) -> InputFormatPtr {
    return std::make_unique<json_each_row_input::JSONEachRowInputFormat>(in, header, settings);
  };
  factory.registerInputFormat("JSONEachRow", create);
  factory.registerAlias("JSONLines", "JSONEachRow");
  factory.registerAlias("NDJSON", "JSONEachRow");
  factory.registerAlias("JSONL", "JSONEachRow");
}

}  // namespace tally
