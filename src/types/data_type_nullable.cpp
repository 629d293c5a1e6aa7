#include "types/data_type_nullable.h"

#include "common/exception.h"
#include "io/read_helpers.h"
#include "io/write_helpers.h"

namespace tally {

DataTypeNullable::DataTypeNullable(DataTypePtr nested) : nested_(std::move(nested)) {
  if (!nested_->canBeInsideNullable())
    throw Exception(ErrorCodes::ILLEGAL_TYPE_OF_ARGUMENT, "Nested type {} cannot be inside Nullable type", nested_->name());
}

static const ColumnNullable& asNullable(const Column& column) { return static_cast<const ColumnNullable&>(column); }

void DataTypeNullable::serializeText(const Column& column, size_t n, WriteBuffer& out, const FormatSettings& settings) const {
  const auto& c = asNullable(column);
  if (c.isNullAt(n))
    out.write("NULL");
  else
    nested_->serializeText(c.getNestedColumn(), n, out, settings);
}
void DataTypeNullable::serializeTextEscaped(const Column& column, size_t n, WriteBuffer& out,
                                            const FormatSettings& settings) const {
  const auto& c = asNullable(column);
  if (c.isNullAt(n))
    out.write(settings.tsv.null_representation);
  else
    nested_->serializeTextEscaped(c.getNestedColumn(), n, out, settings);
}
void DataTypeNullable::serializeTextQuoted(const Column& column, size_t n, WriteBuffer& out,
                                           const FormatSettings& settings) const {
  const auto& c = asNullable(column);
  if (c.isNullAt(n))
    out.write("NULL");
  else
    nested_->serializeTextQuoted(c.getNestedColumn(), n, out, settings);
}
void DataTypeNullable::serializeTextJSON(const Column& column, size_t n, WriteBuffer& out,
                                         const FormatSettings& settings) const {
  const auto& c = asNullable(column);
  if (c.isNullAt(n))
    out.write("null");
  else
    nested_->serializeTextJSON(c.getNestedColumn(), n, out, settings);
}
void DataTypeNullable::serializeTextCSV(const Column& column, size_t n, WriteBuffer& out,
                                        const FormatSettings& settings) const {
  const auto& c = asNullable(column);
  if (c.isNullAt(n))
    out.write(settings.csv.null_representation);
  else
    nested_->serializeTextCSV(c.getNestedColumn(), n, out, settings);
}

// Reads the nested value and then marks it non-NULL; if the nested read throws, nothing
// was appended to either part.
template <typename Read>
static void readNotNull(Column& column, Read&& read) {
  auto& c = static_cast<ColumnNullable&>(column);
  read(c.getNestedColumn());
  c.getNullMapData().push_back(0);
}

static void insertNull(Column& column) { column.insertDefault(); }

void DataTypeNullable::deserializeWholeText(Column& column, ReadBuffer& in, const FormatSettings& settings) const {
  std::string text;
  in.readAll(text);
  if (text == "\\N" || text == "NULL") {
    insertNull(column);
    return;
  }
  ReadBufferFromMemory buf(text);
  readNotNull(column, [&](Column& nested) { nested_->deserializeWholeText(nested, buf, settings); });
}

void DataTypeNullable::deserializeTextEscaped(Column& column, ReadBuffer& in, const FormatSettings& settings) const {
  if (!in.eof() && *in.position() == '\\' && in.available() >= 2 && in.position()[1] == 'N') {
    in.setPosition(in.position() + 2);
    insertNull(column);
    return;
  }
  readNotNull(column, [&](Column& nested) { nested_->deserializeTextEscaped(nested, in, settings); });
}

void DataTypeNullable::deserializeTextQuoted(Column& column, ReadBuffer& in, const FormatSettings& settings) const {
  if (checkStringCaseInsensitive("NULL", in)) {
    insertNull(column);
    return;
  }
  readNotNull(column, [&](Column& nested) { nested_->deserializeTextQuoted(nested, in, settings); });
}

void DataTypeNullable::deserializeTextJSON(Column& column, ReadBuffer& in, const FormatSettings& settings) const {
  if (checkString("null", in)) {
    insertNull(column);
    return;
  }
  readNotNull(column, [&](Column& nested) { nested_->deserializeTextJSON(nested, in, settings); });
}

void DataTypeNullable::deserializeTextCSV(Column& column, ReadBuffer& in, const FormatSettings& settings) const {
  if (in.eof()) {
    insertNull(column);
    return;
  }
  char c = *in.position();
  if (c == settings.csv.delimiter || c == '\n' || c == '\r') {
    insertNull(column);
    return;
  }
  if (c == '\\' && in.available() >= 2 && in.position()[1] == 'N') {
    in.setPosition(in.position() + 2);
    insertNull(column);
    return;
  }
  readNotNull(column, [&](Column& nested) { nested_->deserializeTextCSV(nested, in, settings); });
}

void DataTypeNullable::serializeBinary(const Column& column, size_t n, WriteBuffer& out) const {
  const auto& c = asNullable(column);
  bool null = c.isNullAt(n);
  out.write(char(null));
  if (!null) nested_->serializeBinary(c.getNestedColumn(), n, out);
}

void DataTypeNullable::deserializeBinary(Column& column, ReadBuffer& in) const {
  char flag;
  in.readStrict(&flag, 1);
  if (flag) {
    insertNull(column);
    return;
  }
  readNotNull(column, [&](Column& nested) { nested_->deserializeBinary(nested, in); });
}

}  // namespace tally
