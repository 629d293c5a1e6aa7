#include "types/data_type.h"

#include "columns/column_const.h"
#include "io/write_buffer.h"
#include "io/write_helpers.h"
#include "types/data_type_low_cardinality.h"
#include "types/data_type_nullable.h"

namespace tally {

MutableColumnPtr DataType::createColumnWithDefaults(size_t n) const {
  auto column = createColumn();
  column->insertManyDefaults(n);
  return column;
}

ColumnPtr DataType::createColumnConst(size_t n, const Field& value) const {
  auto column = createColumn();
  column->insert(value);
  return ColumnConst::create(std::move(column), n);
}

void DataType::serializeTextJSON(const Column& column, size_t n, WriteBuffer& out, const FormatSettings& settings) const {
  std::string text;
  {
    WriteBufferFromString buf(text);
    serializeText(column, n, buf, settings);
    buf.finalize();
  }
  writeJSONString(text, out, settings.json.escape_forward_slashes);
}

void DataType::serializeTextCSV(const Column& column, size_t n, WriteBuffer& out, const FormatSettings& settings) const {
  std::string text;
  {
    WriteBufferFromString buf(text);
    serializeText(column, n, buf, settings);
    buf.finalize();
  }
  writeCSVString(text, out);
}

std::string serializeToString(const DataType& type, const Column& column, size_t n, const FormatSettings& settings) {
  std::string text;
  WriteBufferFromString buf(text);
  type.serializeText(column, n, buf, settings);
  buf.finalize();
  return text;
}

DataTypePtr removeNullable(const DataTypePtr& type) {
  if (type->typeId() == TypeIndex::Nullable) return static_cast<const DataTypeNullable&>(*type).getNestedType();
  return type;
}

DataTypePtr makeNullable(const DataTypePtr& type) {
  if (type->isNullable() || !type->canBeInsideNullable()) return type;
  if (type->typeId() == TypeIndex::LowCardinality) {
    const auto& lc = static_cast<const DataTypeLowCardinality&>(*type);
    if (lc.getDictionaryType()->isNullable()) return type;
    return std::make_shared<DataTypeLowCardinality>(makeNullable(lc.getDictionaryType()));
  }
  return std::make_shared<DataTypeNullable>(type);
}

DataTypePtr removeLowCardinality(const DataTypePtr& type) {
  if (type->typeId() == TypeIndex::LowCardinality)
    return static_cast<const DataTypeLowCardinality&>(*type).getDictionaryType();
  return type;
}

DataTypePtr removeNullableAndLowCardinality(const DataTypePtr& type) { return removeNullable(removeLowCardinality(type)); }

bool isString(const DataTypePtr& type) { return type->typeId() == TypeIndex::String; }
bool isStringOrFixedString(const DataTypePtr& type) {
  return type->typeId() == TypeIndex::String || type->typeId() == TypeIndex::FixedString;
}
bool isDateOrDate32(const DataTypePtr& type) {
  return type->typeId() == TypeIndex::Date || type->typeId() == TypeIndex::Date32;
}
bool isDateTimeOrDateTime64(const DataTypePtr& type) {
  return type->typeId() == TypeIndex::DateTime || type->typeId() == TypeIndex::DateTime64;
}
bool isInteger(const DataTypePtr& type) { return type->isInteger(); }
bool isNumber(const DataTypePtr& type) { return type->isNumber(); }
bool isNothing(const DataTypePtr& type) { return type->typeId() == TypeIndex::Nothing; }

}  // namespace tally
