#include "types/data_type_low_cardinality.h"

#include "common/exception.h"
#include "io/write_buffer.h"
#include "types/data_type_nullable.h"

namespace tally {

DataTypeLowCardinality::DataTypeLowCardinality(DataTypePtr dictionary_type)
    : dictionary_type_(std::move(dictionary_type)),
      values_type_(removeNullable(dictionary_type_)),
      nullable_(dictionary_type_->isNullable()) {
  if (!values_type_->canBeInsideLowCardinality())
    throw Exception(ErrorCodes::ILLEGAL_TYPE_OF_ARGUMENT, "DataTypeLowCardinality is supported only for numbers, strings, "
                    "Date or DateTime, but got {}", dictionary_type_->name());
}

MutableColumnPtr DataTypeLowCardinality::createColumn() const {
  return ColumnLowCardinality::create(values_type_->createColumn(), nullable_);
}

template <typename Write>
void DataTypeLowCardinality::writeValue(const Column& column, size_t n, WriteBuffer& out, Write&& write,
                                        const char* null_text) const {
  const auto& lc = static_cast<const ColumnLowCardinality&>(column);
  uint32_t code = lc.getIndexAt(n);
  if (nullable_ && code == 0) {
    out.write(null_text);
    return;
  }
  write(lc.getDictionary().values(), size_t(code));
}

void DataTypeLowCardinality::serializeText(const Column& column, size_t n, WriteBuffer& out,
                                           const FormatSettings& settings) const {
  writeValue(column, n, out, [&](const Column& v, size_t i) { values_type_->serializeText(v, i, out, settings); }, "NULL");
}
void DataTypeLowCardinality::serializeTextEscaped(const Column& column, size_t n, WriteBuffer& out,
                                                  const FormatSettings& settings) const {
  writeValue(column, n, out, [&](const Column& v, size_t i) { values_type_->serializeTextEscaped(v, i, out, settings); },
             settings.tsv.null_representation.c_str());
}
void DataTypeLowCardinality::serializeTextQuoted(const Column& column, size_t n, WriteBuffer& out,
                                                 const FormatSettings& settings) const {
  writeValue(column, n, out, [&](const Column& v, size_t i) { values_type_->serializeTextQuoted(v, i, out, settings); }, "NULL");
}
void DataTypeLowCardinality::serializeTextJSON(const Column& column, size_t n, WriteBuffer& out,
                                               const FormatSettings& settings) const {
  writeValue(column, n, out, [&](const Column& v, size_t i) { values_type_->serializeTextJSON(v, i, out, settings); }, "null");
}
void DataTypeLowCardinality::serializeTextCSV(const Column& column, size_t n, WriteBuffer& out,
                                              const FormatSettings& settings) const {
  writeValue(column, n, out, [&](const Column& v, size_t i) { values_type_->serializeTextCSV(v, i, out, settings); },
             settings.csv.null_representation.c_str());
}
void DataTypeLowCardinality::serializeBinary(const Column& column, size_t n, WriteBuffer& out) const {
  const auto& lc = static_cast<const ColumnLowCardinality&>(column);
  uint32_t code = lc.getIndexAt(n);
  if (nullable_) {
    out.write(char(code == 0));
    if (code == 0) return;
  }
  values_type_->serializeBinary(lc.getDictionary().values(), code, out);
}

// Values are parsed with the dictionary type into a scratch column kept per thread and type,
// then interned into the dictionary.
template <typename Read>
void DataTypeLowCardinality::readValue(Column& column, Read&& read) const {
  thread_local std::shared_ptr<Column> scratch;
  thread_local const DataType* scratch_type = nullptr;
  if (scratch_type != dictionary_type_.get() || !scratch) {
    scratch = dictionary_type_->createColumn();
    scratch_type = dictionary_type_.get();
  }
  scratch->popBack(scratch->size());
  read(*scratch);
  static_cast<ColumnLowCardinality&>(column).insertFromFullColumn(*scratch, 0);
}

void DataTypeLowCardinality::deserializeWholeText(Column& column, ReadBuffer& in, const FormatSettings& settings) const {
  readValue(column, [&](Column& c) { dictionary_type_->deserializeWholeText(c, in, settings); });
}
void DataTypeLowCardinality::deserializeTextEscaped(Column& column, ReadBuffer& in, const FormatSettings& settings) const {
  readValue(column, [&](Column& c) { dictionary_type_->deserializeTextEscaped(c, in, settings); });
}
void DataTypeLowCardinality::deserializeTextQuoted(Column& column, ReadBuffer& in, const FormatSettings& settings) const {
  readValue(column, [&](Column& c) { dictionary_type_->deserializeTextQuoted(c, in, settings); });
}
void DataTypeLowCardinality::deserializeTextJSON(Column& column, ReadBuffer& in, const FormatSettings& settings) const {
  readValue(column, [&](Column& c) { dictionary_type_->deserializeTextJSON(c, in, settings); });
}
void DataTypeLowCardinality::deserializeTextCSV(Column& column, ReadBuffer& in, const FormatSettings& settings) const {
  readValue(column, [&](Column& c) { dictionary_type_->deserializeTextCSV(c, in, settings); });
}
void DataTypeLowCardinality::deserializeBinary(Column& column, ReadBuffer& in) const {
  readValue(column, [&](Column& c) { dictionary_type_->deserializeBinary(c, in); });
}

}  // namespace tally
