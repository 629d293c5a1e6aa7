#include "types/data_type_array.h"

#include "common/exception.h"
#include "io/read_helpers.h"
#include "io/write_helpers.h"
#include "types/data_type_string.h"

namespace tally {

// ---- Array ----

void DataTypeArray::serializeText(const Column& column, size_t n, WriteBuffer& out, const FormatSettings& settings) const {
  const auto& a = static_cast<const ColumnArray&>(column);
  out.write('[');
  for (size_t i = a.offsetAt(n); i < a.getOffsets()[n]; ++i) {
    if (i != a.offsetAt(n)) out.write(',');
    nested_->serializeTextQuoted(a.getData(), i, out, settings);
  }
  out.write(']');
}

void DataTypeArray::serializeTextJSON(const Column& column, size_t n, WriteBuffer& out, const FormatSettings& settings) const {
  const auto& a = static_cast<const ColumnArray&>(column);
  out.write('[');
  for (size_t i = a.offsetAt(n); i < a.getOffsets()[n]; ++i) {
    if (i != a.offsetAt(n)) out.write(',');
    nested_->serializeTextJSON(a.getData(), i, out, settings);
  }
  out.write(']');
}

// Reads `[e, e, ...]` with elements in the form `read_element` parses; on error, elements
// already appended are removed so the column stays consistent.
template <typename ReadElement>
static void readArray(Column& column, ReadBuffer& in, ReadElement&& read_element) {
  auto& a = static_cast<ColumnArray&>(column);
  Column& data = a.getData();
  size_t old_size = data.size();
  try {
    skipWhitespaceIfAny(in);
    assertChar('[', in);
    skipWhitespaceIfAny(in);
    size_t count = 0;
    if (!checkChar(']', in)) {
      while (true) {
        skipWhitespaceIfAny(in);
        read_element(data);
        ++count;
        skipWhitespaceIfAny(in);
        if (checkChar(']', in)) break;
        if (!checkChar(',', in))
          throw Exception(ErrorCodes::CANNOT_READ_ARRAY_FROM_TEXT, "Cannot read array from text, expected comma or end of array, found '{}'",
                          describePosition(in));
      }
    }
    a.getOffsets().push_back(old_size + count);
  } catch (...) {
    data.popBack(data.size() - old_size);
    throw;
  }
}

void DataTypeArray::deserializeTextQuoted(Column& column, ReadBuffer& in, const FormatSettings& settings) const {
  readArray(column, in, [&](Column& data) { nested_->deserializeTextQuoted(data, in, settings); });
}
void DataTypeArray::deserializeTextEscaped(Column& column, ReadBuffer& in, const FormatSettings& settings) const {
  deserializeTextQuoted(column, in, settings);
}
void DataTypeArray::deserializeWholeText(Column& column, ReadBuffer& in, const FormatSettings& settings) const {
  deserializeTextQuoted(column, in, settings);
  skipWhitespaceIfAny(in);
  if (!in.eof()) {
    column.popBack(1);
    throw Exception(ErrorCodes::CANNOT_PARSE_TEXT, "Cannot parse {}: unexpected data after the array: '{}'", name(),
                    describePosition(in));
  }
}
void DataTypeArray::deserializeTextJSON(Column& column, ReadBuffer& in, const FormatSettings& settings) const {
  readArray(column, in, [&](Column& data) { nested_->deserializeTextJSON(data, in, settings); });
}
void DataTypeArray::deserializeTextCSV(Column& column, ReadBuffer& in, const FormatSettings& settings) const {
  std::string text;
  readCSVStringInto(text, in, settings.csv.delimiter, settings.csv.allow_single_quotes);
  ReadBufferFromMemory buf(text);
  deserializeTextQuoted(column, buf, settings);
}
void DataTypeArray::serializeBinary(const Column& column, size_t n, WriteBuffer& out) const {
  const auto& a = static_cast<const ColumnArray&>(column);
  writeVarUInt(a.sizeAt(n), out);
  for (size_t i = a.offsetAt(n); i < a.getOffsets()[n]; ++i) nested_->serializeBinary(a.getData(), i, out);
}
void DataTypeArray::deserializeBinary(Column& column, ReadBuffer& in) const {
  auto& a = static_cast<ColumnArray&>(column);
  uint64_t size = readVarUInt(in);
  if (size > (uint64_t(1) << 30)) throw Exception(ErrorCodes::TOO_LARGE_ARRAY_SIZE, "Too large array size: {}", size);
  Column& data = a.getData();
  size_t old = data.size();
  try {
    for (uint64_t i = 0; i < size; ++i) nested_->deserializeBinary(data, in);
  } catch (...) {
    data.popBack(data.size() - old);
    throw;
  }
  a.getOffsets().push_back(old + size);
}

// ---- Tuple ----

DataTypeTuple::DataTypeTuple(DataTypes elements, std::vector<std::string> names)
    : elements_(std::move(elements)), names_(std::move(names)) {
  if (!names_.empty() && names_.size() != elements_.size())
    throw Exception(ErrorCodes::BAD_ARGUMENTS, "Wrong number of names passed to constructor of DataTypeTuple");
}

bool DataTypeTuple::tryGetPositionByName(std::string_view name, size_t& position) const {
  for (size_t i = 0; i < names_.size(); ++i)
    if (names_[i] == name) {
      position = i;
      return true;
    }
  return false;
}

std::string DataTypeTuple::name() const {
  std::string s = "Tuple(";
  for (size_t i = 0; i < elements_.size(); ++i) {
    if (i) s += ", ";
    if (!names_.empty()) {
      std::string n;
      {
        WriteBufferFromString out(n);
        writeProbablyBackQuotedIdentifier(names_[i], out);
        out.finalize();
      }
      s += n + " ";
    }
    s += elements_[i]->name();
  }
  return s + ")";
}

MutableColumnPtr DataTypeTuple::createColumn() const {
  MutableColumns columns;
  for (const auto& e : elements_) columns.push_back(e->createColumn());
  return ColumnTuple::create(std::move(columns));
}

Field DataTypeTuple::defaultValue() const {
  FieldTuple t;
  for (const auto& e : elements_) t.push_back(e->defaultValue());
  return Field(std::move(t));
}

bool DataTypeTuple::haveMaximumSizeOfValue() const {
  for (const auto& e : elements_)
    if (!e->haveMaximumSizeOfValue()) return false;
  return true;
}

void DataTypeTuple::serializeText(const Column& column, size_t n, WriteBuffer& out, const FormatSettings& settings) const {
  const auto& t = static_cast<const ColumnTuple&>(column);
  out.write('(');
  for (size_t i = 0; i < elements_.size(); ++i) {
    if (i) out.write(',');
    elements_[i]->serializeTextQuoted(t.getColumn(i), n, out, settings);
  }
  out.write(')');
}

void DataTypeTuple::serializeTextJSON(const Column& column, size_t n, WriteBuffer& out, const FormatSettings& settings) const {
  const auto& t = static_cast<const ColumnTuple&>(column);
  bool as_object = settings.json.named_tuples_as_objects && hasExplicitNames();
  out.write(as_object ? '{' : '[');
  for (size_t i = 0; i < elements_.size(); ++i) {
    if (i) out.write(',');
    if (as_object) {
      writeJSONString(names_[i], out, settings.json.escape_forward_slashes);
      out.write(':');
    }
    elements_[i]->serializeTextJSON(t.getColumn(i), n, out, settings);
  }
  out.write(as_object ? '}' : ']');
}

void DataTypeTuple::serializeTextCSV(const Column& column, size_t n, WriteBuffer& out, const FormatSettings& settings) const {
  const auto& t = static_cast<const ColumnTuple&>(column);
  for (size_t i = 0; i < elements_.size(); ++i) {
    if (i) out.write(settings.csv.delimiter);
    elements_[i]->serializeTextCSV(t.getColumn(i), n, out, settings);
  }
}

// Reads all elements, then commits; on error the elements already appended are removed.
template <typename ReadElement>
static void readTuple(Column& column, size_t count, ReadElement&& read_element) {
  auto& t = static_cast<ColumnTuple&>(column);
  size_t done = 0;
  try {
    for (; done < count; ++done) read_element(t.getColumn(done), done);
  } catch (...) {
    for (size_t i = 0; i < done; ++i) t.getColumn(i).popBack(1);
    throw;
  }
  // ColumnTuple counts rows through its first element; nothing else to update.
}

void DataTypeTuple::deserializeTextQuoted(Column& column, ReadBuffer& in, const FormatSettings& settings) const {
  skipWhitespaceIfAny(in);
  assertChar('(', in);
  readTuple(column, elements_.size(), [&](Column& c, size_t i) {
    skipWhitespaceIfAny(in);
    if (i) {
      assertChar(',', in);
      skipWhitespaceIfAny(in);
    }
    elements_[i]->deserializeTextQuoted(c, in, settings);
  });
  skipWhitespaceIfAny(in);
  if (!checkChar(')', in)) {
    for (size_t i = 0; i < elements_.size(); ++i) static_cast<ColumnTuple&>(column).getColumn(i).popBack(1);
    assertChar(')', in);
  }
}
void DataTypeTuple::deserializeTextEscaped(Column& column, ReadBuffer& in, const FormatSettings& settings) const {
  deserializeTextQuoted(column, in, settings);
}
void DataTypeTuple::deserializeWholeText(Column& column, ReadBuffer& in, const FormatSettings& settings) const {
  deserializeTextQuoted(column, in, settings);
}
void DataTypeTuple::deserializeTextJSON(Column& column, ReadBuffer& in, const FormatSettings& settings) const {
  skipWhitespaceIfAny(in);
  if (checkChar('{', in)) {
    // Named object: elements by name, in any order.
    auto& t = static_cast<ColumnTuple&>(column);
    std::vector<bool> seen(elements_.size(), false);
    const size_t old_size = column.size();
    struct Rollback {  // on error, elements already read are removed again
      ColumnTuple& t;
      size_t size;
      bool done = false;
      ~Rollback() {
        if (done) return;
        for (size_t i = 0; i < t.tupleSize(); ++i)
          if (t.getColumn(i).size() > size) t.getColumn(i).popBack(t.getColumn(i).size() - size);
      }
    } rollback{t, old_size};
    skipWhitespaceIfAny(in);
    if (!checkChar('}', in)) {
      while (true) {
        skipWhitespaceIfAny(in);
        std::string key;
        readJSONStringInto(key, in);
        skipWhitespaceIfAny(in);
        assertChar(':', in);
        skipWhitespaceIfAny(in);
        size_t pos;
        if (tryGetPositionByName(key, pos) && !seen[pos]) {
          elements_[pos]->deserializeTextJSON(t.getColumn(pos), in, settings);
          seen[pos] = true;
        } else {
          skipJSONValue(in);
        }
        skipWhitespaceIfAny(in);
        if (checkChar('}', in)) break;
        assertChar(',', in);
      }
    }
    for (size_t i = 0; i < elements_.size(); ++i)
      if (!seen[i]) t.getColumn(i).insertDefault();
    rollback.done = true;
    return;
  }
  assertChar('[', in);
  readTuple(column, elements_.size(), [&](Column& c, size_t i) {
    skipWhitespaceIfAny(in);
    if (i) {
      assertChar(',', in);
      skipWhitespaceIfAny(in);
    }
    elements_[i]->deserializeTextJSON(c, in, settings);
  });
  skipWhitespaceIfAny(in);
  assertChar(']', in);
}
void DataTypeTuple::deserializeTextCSV(Column& column, ReadBuffer& in, const FormatSettings& settings) const {
  readTuple(column, elements_.size(), [&](Column& c, size_t i) {
    if (i) assertChar(settings.csv.delimiter, in);
    elements_[i]->deserializeTextCSV(c, in, settings);
  });
}
void DataTypeTuple::serializeBinary(const Column& column, size_t n, WriteBuffer& out) const {
  const auto& t = static_cast<const ColumnTuple&>(column);
  for (size_t i = 0; i < elements_.size(); ++i) elements_[i]->serializeBinary(t.getColumn(i), n, out);
}
void DataTypeTuple::deserializeBinary(Column& column, ReadBuffer& in) const {
  readTuple(column, elements_.size(), [&](Column& c, size_t i) { elements_[i]->deserializeBinary(c, in); });
}

}  // namespace tally
