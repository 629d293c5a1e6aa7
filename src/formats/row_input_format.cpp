#include "formats/row_input_format.h"

#include <cstdint>
#include <cstring>
#include <unordered_map>
#include <unordered_set>

#include "common/exception.h"
#include "io/write_helpers.h"
#include "types/data_type_factory.h"

namespace tally {

bool isParseError(int code) {
  switch (code) {
    case ErrorCodes::CANNOT_PARSE_TEXT:
    case ErrorCodes::CANNOT_PARSE_INPUT_ASSERTION_FAILED:
    case ErrorCodes::CANNOT_PARSE_QUOTED_STRING:
    case ErrorCodes::CANNOT_PARSE_DATE:
    case ErrorCodes::CANNOT_PARSE_DATETIME:
    case ErrorCodes::CANNOT_PARSE_NUMBER:
    case ErrorCodes::CANNOT_PARSE_UUID:
    case ErrorCodes::CANNOT_PARSE_BOOL:
    case ErrorCodes::CANNOT_PARSE_ESCAPE_SEQUENCE:
    case ErrorCodes::CANNOT_READ_ARRAY_FROM_TEXT:
    case ErrorCodes::CANNOT_READ_ALL_DATA:
    case ErrorCodes::CANNOT_PARSE_DOMAIN_VALUE_FROM_STRING:
    case ErrorCodes::INCORRECT_DATA:
    case ErrorCodes::ATTEMPT_TO_READ_AFTER_EOF:
    case ErrorCodes::TOO_LARGE_STRING_SIZE:
    case ErrorCodes::TOO_LARGE_ARRAY_SIZE:
    case ErrorCodes::UNKNOWN_ELEMENT_OF_ENUM:
    case ErrorCodes::ARGUMENT_OUT_OF_BOUND:
      return true;
    default:
      return false;
  }
}

void verbosePrintString(const char* begin, const char* end, std::string& out) {
  if (begin == end) {
    out += "<EMPTY>";
    return;
  }
  out += '"';
  static const char* hex = "0123456789ABCDEF";
  for (const char* p = begin; p < end; ++p) {
    switch (*p) {
      case '\0': out += "<ASCII NUL>"; break;
      case '\b': out += "<BACKSPACE>"; break;
      case '\f': out += "<FORM FEED>"; break;
      case '\n': out += "<LINE FEED>"; break;
      case '\r': out += "<CARRIAGE RETURN>"; break;
      case '\t': out += "<TAB>"; break;
      case '\\': out += "<BACKSLASH>"; break;
      case '"': out += "<DOUBLE QUOTE>"; break;
      case '\'': out += "<SINGLE QUOTE>"; break;
      default: {
        auto c = static_cast<unsigned char>(*p);
        if (c < 32) {
          out += "<0x";
          out += hex[c / 16];
          out += hex[c % 16];
          out += '>';
        } else {
          out += *p;
        }
      }
    }
  }
  out += '"';
}

std::string quoteForMessage(std::string_view text) {
  std::string s;
  {
    WriteBufferFromString buf(s);
    writeQuotedString(text, buf);
    buf.finalize();
  }
  return s;
}

void throwExpectedBefore(std::string_view what, ReadBuffer& in) {
  std::string message = "Cannot parse input: expected " + quoteForMessage(what);
  if (in.eof()) {
    message += " at end of stream.";
  } else {
    size_t n = std::min<size_t>(in.available(), 160);
    message += " before: " + quoteForMessage(std::string_view(in.position(), n));
  }
  throw Exception(ErrorCodes::CANNOT_PARSE_INPUT_ASSERTION_FAILED, std::move(message));
}

void skipBOM(ReadBuffer& in) {
  if (in.available() >= 3 && std::memcmp(in.position(), "\xEF\xBB\xBF", 3) == 0) in.setPosition(in.position() + 3);
}

void detectTextHeader(ReadBuffer& in, const Block& header, const std::vector<std::string>& names,
                      const FormatSettings& settings, ColumnMapping& mapping, const SplitRowInWindow& split) {
  if (in.eof()) return;
  std::vector<std::string> first;
  char* after_first = nullptr;
  if (!split(in.position(), first, after_first)) return;
  if (!namesLookLikeHeader(first, names)) return;
  in.setPosition(after_first);
  mapping.setFromNames(first, header, settings.skip_unknown_fields);
  if (in.eof()) return;
  std::vector<std::string> second;
  char* after_second = nullptr;
  if (!split(in.position(), second, after_second)) return;
  for (const auto& type_name : second) {
    try {
      dataTypeFromString(type_name);
    } catch (const Exception&) {
      return;
    }
  }
  in.setPosition(after_second);
  if (settings.with_types_use_header) mapping.checkTypes(second, header);
}

bool namesLookLikeHeader(const std::vector<std::string>& values, const std::vector<std::string>& names) {
  if (values.empty() || names.empty()) return false;
  std::unordered_set<std::string_view> value_set(values.begin(), values.end());
  std::unordered_set<std::string_view> name_set(names.begin(), names.end());
  auto subset = [](const auto& a, const auto& b) {
    for (const auto& x : a)
      if (!b.count(x)) return false;
    return true;
  };
  return subset(value_set, name_set) || subset(name_set, value_set);
}

// ---- ColumnMapping ----

void ColumnMapping::setIdentity(size_t columns) {
  field_to_column.resize(columns);
  for (size_t i = 0; i < columns; ++i) field_to_column[i] = int(i);
  missing_columns.clear();
}

void ColumnMapping::setFromNames(const std::vector<std::string>& names, const Block& header, bool skip_unknown) {
  std::unordered_map<std::string_view, size_t> by_name;
  for (size_t i = 0; i < header.columns(); ++i) by_name.emplace(header[i].name, i);
  std::vector<bool> seen(header.columns(), false);
  field_to_column.clear();
  for (const auto& name : names) {
    auto it = by_name.find(name);
    if (it == by_name.end()) {
      if (skip_unknown) {
        field_to_column.push_back(-1);
        continue;
      }
      throw Exception(ErrorCodes::INCORRECT_DATA,
                      "Unknown field found in format header: '{}' at position {}\nSet the "
                      "'input_format_skip_unknown_fields' parameter explicitly to ignore and skip unknown data.",
                      name, field_to_column.size());
    }
    if (seen[it->second])
      throw Exception(ErrorCodes::INCORRECT_DATA, "Duplicate field found while parsing format header: {}", name);
    seen[it->second] = true;
    field_to_column.push_back(int(it->second));
  }
  missing_columns.clear();
  for (size_t i = 0; i < seen.size(); ++i)
    if (!seen[i]) missing_columns.push_back(i);
}

void ColumnMapping::checkTypes(const std::vector<std::string>& type_names, const Block& header) const {
  if (type_names.size() != field_to_column.size())
    throw Exception(ErrorCodes::INCORRECT_DATA,
                    "The number of data types differs from the number of column names in input data");
  for (size_t i = 0; i < type_names.size(); ++i) {
    int column = field_to_column[i];
    if (column < 0) continue;
    const auto& target = header[size_t(column)];
    if (target.type->name() != type_names[i])
      throw Exception(ErrorCodes::INCORRECT_DATA, "Type of '{}' must be {}, not {}", target.name, target.type->name(),
                      type_names[i]);
  }
}

// ---- RowInputFormat ----

RowInputFormat::RowInputFormat(ReadBuffer& in, Block header, const FormatSettings& settings)
    : IInputFormat(in, std::move(header), settings) {
  for (const auto& c : header_) {
    types_.push_back(c.type);
    names_.push_back(c.name);
    max_name_length_ = std::max(max_name_length_, c.name.size());
    max_type_length_ = std::max(max_type_length_, c.type->name().size());
  }
}

size_t RowInputFormat::windowKey() const {
  auto& in = const_cast<ReadBuffer&>(in_);
  return in.offset() - size_t(reinterpret_cast<uintptr_t>(in.position()));
}

bool RowInputFormat::inCurrentWindow(const RowStart& row) const {
  return row.valid && row.window_key == windowKey() && row.ptr <= const_cast<ReadBuffer&>(in_).position();
}

void RowInputFormat::markRowStart() {
  previous_row_ = current_row_;
  current_row_.ptr = in_.position();
  current_row_.window_key = windowKey();
  current_row_.valid = true;
}

Block RowInputFormat::read(size_t max_rows) {
  Block result = header_.cloneEmpty();
  if (finished_ || max_rows == 0) return result;

  MutableColumns columns;
  columns.reserve(types_.size());
  for (const auto& type : types_) columns.push_back(type->createColumn());

  if (!prefix_read_) {
    prefix_read_ = true;
    readPrefix();
  }
  startBlock();

  size_t rows = 0;
  while (rows < max_rows) {
    ++rows_read_;
    try {
      markRowStart();
      if (!readRow(columns)) {
        --rows_read_;
        finished_ = true;
        break;
      }
      ++rows;
      previous_row_was_error_ = false;
    } catch (Exception& e) {
      if (!isParseError(e.code())) throw;
      // A row is all-or-nothing: drop what this row appended to any column.
      for (auto& column : columns)
        if (column->size() > rows) column->popBack(column->size() - rows);

      bool skip = allow_errors_num_ > 0 || allow_errors_ratio_ > 0;
      if (skip) {
        ++errors_;
        double ratio = double(errors_) / double(rows_read_);
        if (errors_ > allow_errors_num_ && ratio > allow_errors_ratio_) {
          std::string ratio_text = toText(ratio);
          e.addMessage(": (Already have " + std::to_string(errors_) + " errors out of " + std::to_string(rows_read_) +
                       " rows, which is " + ratio_text + " of all rows)");
          skip = false;
        } else if (!allowSyncAfterError()) {
          e.addMessage(": (Input format doesn't allow to skip errors)");
          skip = false;
        }
      }
      if (skip) {
        ++skipped_rows_;
        previous_row_was_error_ = true;
        syncAfterError();
        continue;
      }
      std::string diagnostic;
      try {
        diagnostic = diagnosticInfo();
      } catch (...) {
        diagnostic.clear();
      }
      e.addMessage(": (at row " + std::to_string(rows_read_) + ")\n");
      if (!diagnostic.empty()) e.addMessage(": " + diagnostic);
      finished_ = true;
      throw;
    }
  }

  for (size_t i = 0; i < columns.size(); ++i) result.at(i).column = std::move(columns[i]);
  result.setRows(rows);
  return result;
}

std::string RowInputFormat::parseRowForDiagnostics() {
  MutableColumns columns;
  for (const auto& type : types_) columns.push_back(type->createColumn());
  std::string out;
  parseRowAndPrintDiagnosticInfo(columns, out);
  return out;
}

std::string RowInputFormat::diagnosticInfo() {
  if (!hasDiagnosticInfo()) return {};
  if (in_.eof() && !current_row_.valid) return "Buffer has gone, cannot extract information about what has been parsed.";
  if (!inCurrentWindow(current_row_))
    return "Could not print diagnostic info because two last rows aren't in buffer (rare case)\n";

  std::string out;
  if (!previous_row_was_error_ && inCurrentWindow(previous_row_) && rows_read_ > 1) {
    in_.setPosition(previous_row_.ptr);
    out += "\nRow " + std::to_string(rows_read_ - 1) + ":\n";
    MutableColumns columns;
    for (const auto& type : types_) columns.push_back(type->createColumn());
    if (!parseRowAndPrintDiagnosticInfo(columns, out)) return out;
  }
  in_.setPosition(current_row_.ptr);
  out += "\nRow " + std::to_string(rows_read_) + ":\n";
  out += parseRowForDiagnostics();
  out += "\n";
  return out;
}

}  // namespace tally
