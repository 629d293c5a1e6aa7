#include "types/data_type_string.h"

#include "common/exception.h"
#include "io/read_helpers.h"
#include "io/write_helpers.h"

namespace tally {

DataTypePtr typeString() {
  static const DataTypePtr type = std::make_shared<DataTypeString>();
  return type;
}

void writeVarUInt(uint64_t x, WriteBuffer& out) {
  while (x >= 0x80) {
    out.write(char(uint8_t(x) | 0x80));
    x >>= 7;
  }
  out.write(char(x));
}

uint64_t readVarUInt(ReadBuffer& in) {
  uint64_t x = 0;
  for (int i = 0; i < 10; ++i) {
    char c;
    if (!in.read(c)) throw Exception(ErrorCodes::ATTEMPT_TO_READ_AFTER_EOF, "Attempt to read after eof");
    x |= uint64_t(uint8_t(c) & 0x7F) << (7 * i);
    if (!(uint8_t(c) & 0x80)) return x;
  }
  return x;
}

static std::string_view stringAt(const Column& column, size_t n) {
  return static_cast<const ColumnString&>(column).at(n);
}

void DataTypeString::serializeText(const Column& column, size_t n, WriteBuffer& out, const FormatSettings&) const {
  out.write(stringAt(column, n));
}
void DataTypeString::serializeTextEscaped(const Column& column, size_t n, WriteBuffer& out, const FormatSettings&) const {
  writeEscapedString(stringAt(column, n), out);
}
void DataTypeString::serializeTextQuoted(const Column& column, size_t n, WriteBuffer& out, const FormatSettings&) const {
  writeQuotedString(stringAt(column, n), out);
}
void DataTypeString::serializeTextJSON(const Column& column, size_t n, WriteBuffer& out, const FormatSettings& settings) const {
  writeJSONString(stringAt(column, n), out, settings.json.escape_forward_slashes);
}
void DataTypeString::serializeTextCSV(const Column& column, size_t n, WriteBuffer& out, const FormatSettings&) const {
  writeCSVString(stringAt(column, n), out);
}

// Readers append straight into the column's buffer and close the row with an offset, so a
// failed read (exception) rolls back by truncating the chars to the last offset.
template <typename Reader>
static void readIntoStringColumn(Column& column, Reader&& reader) {
  auto& col = static_cast<ColumnString&>(column);
  auto& chars = col.getChars();
  size_t old = chars.size();
  try {
    reader(chars);
  } catch (...) {
    chars.resize(old);
    throw;
  }
  col.getOffsets().push_back(chars.size());
}

void DataTypeString::deserializeWholeText(Column& column, ReadBuffer& in, const FormatSettings&) const {
  readIntoStringColumn(column, [&](PODArray<char>& chars) {
    while (!in.eof()) {
      chars.insert(in.position(), in.bufferEnd());
      in.setPosition(in.bufferEnd());
    }
  });
}
void DataTypeString::deserializeTextEscaped(Column& column, ReadBuffer& in, const FormatSettings&) const {
  readIntoStringColumn(column, [&](PODArray<char>& chars) { readEscapedStringInto(chars, in); });
}
void DataTypeString::deserializeTextQuoted(Column& column, ReadBuffer& in, const FormatSettings&) const {
  readIntoStringColumn(column, [&](PODArray<char>& chars) { readQuotedStringInto(chars, in); });
}
void DataTypeString::deserializeTextJSON(Column& column, ReadBuffer& in, const FormatSettings& settings) const {
  if (!in.eof() && *in.position() != '"' && settings.json.read_numbers_as_strings) {
    // Numbers, booleans and nested values are taken as their raw text.
    std::string raw;
    skipJSONValue(in, &raw);
    if (raw == "null") raw.clear();
    static_cast<ColumnString&>(column).insertData(raw);
    return;
  }
  readIntoStringColumn(column, [&](PODArray<char>& chars) { readJSONStringInto(chars, in); });
}
void DataTypeString::deserializeTextCSV(Column& column, ReadBuffer& in, const FormatSettings& settings) const {
  readIntoStringColumn(column, [&](PODArray<char>& chars) {
    readCSVStringInto(chars, in, settings.csv.delimiter, settings.csv.allow_single_quotes);
  });
}
void DataTypeString::serializeBinary(const Column& column, size_t n, WriteBuffer& out) const {
  std::string_view s = stringAt(column, n);
  writeVarUInt(s.size(), out);
  out.write(s);
}
void DataTypeString::deserializeBinary(Column& column, ReadBuffer& in) const {
  uint64_t size = readVarUInt(in);
  if (size > (uint64_t(1) << 30))
    throw Exception(ErrorCodes::TOO_LARGE_STRING_SIZE, "Too large string size: {}. The maximum is: 1073741824", size);
  readIntoStringColumn(column, [&](PODArray<char>& chars) {
    size_t old = chars.size();
    chars.resize(old + size);
    in.readStrict(chars.data() + old, size);
  });
}

// ---- FixedString ----

static std::string_view fixedAt(const Column& column, size_t n) {
  return static_cast<const ColumnFixedString&>(column).at(n);
}

void DataTypeFixedString::insertChecked(Column& column, std::string_view value) const {
  if (value.size() > n_)
    throw Exception(ErrorCodes::TOO_LARGE_STRING_SIZE, "Too large value for FixedString({})", n_);
  column.insertData(value.data(), value.size());
}

void DataTypeFixedString::serializeText(const Column& column, size_t n, WriteBuffer& out, const FormatSettings&) const {
  out.write(fixedAt(column, n));
}
void DataTypeFixedString::serializeTextEscaped(const Column& column, size_t n, WriteBuffer& out, const FormatSettings&) const {
  writeEscapedString(fixedAt(column, n), out);
}
void DataTypeFixedString::serializeTextQuoted(const Column& column, size_t n, WriteBuffer& out, const FormatSettings&) const {
  writeQuotedString(fixedAt(column, n), out);
}
void DataTypeFixedString::serializeTextJSON(const Column& column, size_t n, WriteBuffer& out,
                                            const FormatSettings& settings) const {
  writeJSONString(fixedAt(column, n), out, settings.json.escape_forward_slashes);
}
void DataTypeFixedString::serializeTextCSV(const Column& column, size_t n, WriteBuffer& out, const FormatSettings&) const {
  writeCSVString(fixedAt(column, n), out);
}
void DataTypeFixedString::deserializeWholeText(Column& column, ReadBuffer& in, const FormatSettings&) const {
  std::string s;
  in.readAll(s);
  insertChecked(column, s);
}
void DataTypeFixedString::deserializeTextEscaped(Column& column, ReadBuffer& in, const FormatSettings&) const {
  std::string s;
  readEscapedStringInto(s, in);
  insertChecked(column, s);
}
void DataTypeFixedString::deserializeTextQuoted(Column& column, ReadBuffer& in, const FormatSettings&) const {
  std::string s;
  readQuotedStringInto(s, in);
  insertChecked(column, s);
}
void DataTypeFixedString::deserializeTextJSON(Column& column, ReadBuffer& in, const FormatSettings&) const {
  std::string s;
  readJSONStringInto(s, in);
  insertChecked(column, s);
}
void DataTypeFixedString::deserializeTextCSV(Column& column, ReadBuffer& in, const FormatSettings& settings) const {
  std::string s;
  readCSVStringInto(s, in, settings.csv.delimiter, settings.csv.allow_single_quotes);
  insertChecked(column, s);
}
void DataTypeFixedString::serializeBinary(const Column& column, size_t n, WriteBuffer& out) const {
  out.write(fixedAt(column, n));
}
void DataTypeFixedString::deserializeBinary(Column& column, ReadBuffer& in) const {
  std::string s(n_, '\0');
  in.readStrict(s.data(), n_);
  column.insertData(s.data(), n_);
}

}  // namespace tally
