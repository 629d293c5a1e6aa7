#include "functions/conditional/supertype_cast.h"

#include "columns/column_array.h"
#include "columns/column_const.h"
#include "columns/column_fixed_string.h"
#include "columns/column_low_cardinality.h"
#include "columns/column_nullable.h"
#include "columns/column_string.h"
#include "columns/column_tuple.h"
#include "common/exception.h"
#include "functions/arithmetic/numeric_kernels.h"
#include "io/read_buffer.h"
#include "types/data_type_array.h"
#include "types/data_type_date.h"
#include "types/data_type_low_cardinality.h"
#include "types/data_type_nullable.h"

namespace tally {

namespace supertype_cast {

[[noreturn]] void cannotConvert(const DataTypePtr& from, const DataTypePtr& to) {
  throw Exception(ErrorCodes::CANNOT_CONVERT_TYPE, "Cannot convert type {} to {}", from->name(), to->name());
}

int64_t power10(uint32_t scale) {
  int64_t m = 1;
  for (uint32_t i = 0; i < scale; ++i) m *= 10;
  return m;
}

uint32_t dateTime64Scale(const DataType& t) {
  return t.typeId() == TypeIndex::DateTime64 ? static_cast<const DataTypeDateTime64&>(t).getScale() : 0;
}

/// Numbers, Bool, dates, enums: value conversion between ColumnVector-backed types.
ColumnPtr castStoredNumbers(const Column& column, const DataTypePtr& from, const DataTypePtr& to) {
  TypeIndex from_id = from->typeId(), to_id = to->typeId();
  TypeIndex from_storage = storageNumberType(from_id), to_storage = storageNumberType(to_id);
  size_t rows = column.size();
  bool from_days = from_id == TypeIndex::Date || from_id == TypeIndex::Date32;
  bool to_seconds = to_id == TypeIndex::DateTime || to_id == TypeIndex::DateTime64;
  MutableColumnPtr res = to->createColumn();
  res->reserve(rows);

  if (to_seconds && (from_days || from_id == TypeIndex::DateTime || from_id == TypeIndex::DateTime64)) {
    // Instants: days -> local midnight in the target zone, then rescale ticks.
    const TimeZone& zone = timeZoneOf(*to);
    uint32_t from_scale = dateTime64Scale(*from), to_scale = dateTime64Scale(*to);
    PODArray<Int64> values(rows);
    if (rows) numberConverter(from_storage, TypeIndex::Int64)(numericOperand(column, from_storage).data, values.data(), rows);
    for (size_t i = 0; i < rows; ++i) {
      Int64 v = values[i];
      if (from_days) v = zone.fromDayNum(v);
      if (from_days || from_id == TypeIndex::DateTime) v *= power10(to_scale);
      else if (to_scale >= from_scale) v *= power10(to_scale - from_scale);
      else v /= power10(from_scale - to_scale);
      values[i] = v;
    }
    MutableColumnPtr out = createNumberColumn(to_storage, rows);
    if (rows) numberConverter(TypeIndex::Int64, to_storage)(values.data(), numberColumnData(*out), rows);
    return out;
  }
  if (from_storage == to_storage) return column.getPtr();
  MutableColumnPtr out = createNumberColumn(to_storage, rows);
  if (rows)
    numberConverter(from_storage, to_storage)(numericOperand(column, from_storage).data, numberColumnData(*out), rows);
  return out;
}

/// String values parsed as `to` (whole value must parse).
ColumnPtr parseStrings(const Column& column, const DataTypePtr& to) {
  MutableColumnPtr res = to->createColumn();
  size_t rows = column.size();
  res->reserve(rows);
  for (size_t i = 0; i < rows; ++i) {
    std::string_view s = column.getDataAt(i);
    if (column.kind() == ColumnKind::FixedString) {
      size_t end = s.size();
      while (end > 0 && s[end - 1] == '\0') --end;
      s = s.substr(0, end);
    }
    ReadBufferFromMemory in(s.data(), s.size());
    to->deserializeWholeText(*res, in, FormatSettings{});
  }
  return res;
}

bool isStoredNumber(TypeIndex id) { return storageNumberType(id) != TypeIndex::Nothing && id != TypeIndex::UUID; }

ColumnPtr castFull(const ColumnPtr& column, const DataTypePtr& from, const DataTypePtr& to) {
  if (from->equals(*to)) return column;
  TypeIndex from_id = from->typeId(), to_id = to->typeId();
  size_t rows = column->size();

  if (from_id == TypeIndex::Nothing) {
    if (to->isNullable()) return to->createColumnConst(rows, Field())->convertToFullColumnIfConst();
    return to->createColumnWithDefaults(rows);
  }
  if (from_id == TypeIndex::LowCardinality) {
    ColumnPtr full = static_cast<const ColumnLowCardinality&>(*column).convertToFullColumn();
    return castFull(full, static_cast<const DataTypeLowCardinality&>(*from).getDictionaryType(), to);
  }
  if (to_id == TypeIndex::LowCardinality) {
    ColumnPtr inner = castFull(column, from, static_cast<const DataTypeLowCardinality&>(*to).getDictionaryType());
    MutableColumnPtr lc = to->createColumn();
    lc->insertRangeFrom(*inner, 0, inner->size());
    return lc;
  }
  if (to_id == TypeIndex::Nullable) {
    const DataTypePtr& to_nested = static_cast<const DataTypeNullable&>(*to).getNestedType();
    if (from_id == TypeIndex::Nullable) {
      const auto& n = static_cast<const ColumnNullable&>(*column);
      const DataTypePtr& from_nested = static_cast<const DataTypeNullable&>(*from).getNestedType();
      if (from_nested->typeId() == TypeIndex::Nothing)
        return to->createColumnConst(rows, Field())->convertToFullColumnIfConst();
      return ColumnNullable::create(castFull(n.getNestedColumnPtr(), from_nested, to_nested), n.getNullMapColumnPtr());
    }
    return makeNullable(castFull(column, from, to_nested));
  }
  if (from_id == TypeIndex::Nullable) {
    const auto& n = static_cast<const ColumnNullable&>(*column);
    return castFull(n.getNestedColumnPtr(), static_cast<const DataTypeNullable&>(*from).getNestedType(), to);
  }
  if (isStoredNumber(from_id) && isStoredNumber(to_id)) return castStoredNumbers(*column, from, to);
  if (isStringOrFixedString(from) && (isStoredNumber(to_id) || to_id == TypeIndex::UUID)) return parseStrings(*column, to);
  if (from_id == TypeIndex::FixedString && to_id == TypeIndex::String) {
    auto res = ColumnString::create();
    const auto& fixed = static_cast<const ColumnFixedString&>(*column);
    res->reserve(rows);
    for (size_t i = 0; i < rows; ++i) res->insertData(fixed.at(i));
    return res;
  }
  if (from_id == TypeIndex::Array && to_id == TypeIndex::Array) {
    const auto& arr = static_cast<const ColumnArray&>(*column);
    ColumnPtr data = castFull(arr.getDataPtr(), static_cast<const DataTypeArray&>(*from).getNestedType(),
                              static_cast<const DataTypeArray&>(*to).getNestedType());
    return ColumnArray::create(data, arr.getOffsets());
  }
  if (from_id == TypeIndex::Tuple && to_id == TypeIndex::Tuple) {
    const auto& tuple = static_cast<const ColumnTuple&>(*column);
    const auto& from_elements = static_cast<const DataTypeTuple&>(*from).getElements();
    const auto& to_elements = static_cast<const DataTypeTuple&>(*to).getElements();
    if (from_elements.size() != to_elements.size()) cannotConvert(from, to);
    Columns elements;
    for (size_t i = 0; i < from_elements.size(); ++i)
      elements.push_back(castFull(tuple.getColumnPtr(i), from_elements[i], to_elements[i]));
    return ColumnTuple::create(elements, rows);
  }
  cannotConvert(from, to);
}

}  // namespace supertype_cast

ColumnPtr castColumnToSupertype(const ColumnPtr& column, const DataTypePtr& from, const DataTypePtr& to) {
  if (from->equals(*to)) return column;
  if (column->isConst()) {
    const auto& c = static_cast<const ColumnConst&>(*column);
    return ColumnConst::create(supertype_cast::castFull(c.getDataColumnPtr(), from, to), c.size());
  }
  return supertype_cast::castFull(column, from, to);
}

}  // namespace tally
