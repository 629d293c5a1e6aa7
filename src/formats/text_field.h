#pragma once
// TextField: how a text input format (TabSeparated, CSV) reads one column, decided once per
// column when the format is created: Strings, numbers, Date and DateTime (and their Nullable
// forms) are parsed by typed readers straight into the concrete column; every other type goes
// through its DataType reader ("Generic").

#include <cstdint>
#include <memory>

#include "columns/column.h"
#include "columns/column_nullable.h"
#include "formats/low_cardinality_cache.h"
#include "io/read_buffer.h"
#include "types/data_type.h"
#include "types/format_settings.h"

namespace tally {

class TimeZone;

enum class TextFieldKind : uint8_t {
  Generic,
  String,
  LowCardinalityString,
  UInt8,
  UInt16,
  UInt32,
  UInt64,
  Int8,
  Int16,
  Int32,
  Int64,
  Float32,
  Float64,
  Date,
  DateTime,
};

struct TextField {
  TextFieldKind kind = TextFieldKind::Generic;
  /// The column is ColumnNullable over a column of `kind`.
  bool nullable = false;
  DataTypePtr type;
  const TimeZone* zone = nullptr;
  /// Codes of recent values (LowCardinalityString).
  std::shared_ptr<LowCardinalityInsertCache> lc_cache;

  bool isNumber() const { return kind >= TextFieldKind::UInt8 && kind <= TextFieldKind::Float64; }
  bool isInteger() const { return kind >= TextFieldKind::UInt8 && kind <= TextFieldKind::Int64; }
  bool isDateOrDateTime() const { return kind == TextFieldKind::Date || kind == TextFieldKind::DateTime; }
};

TextField classifyTextField(const DataTypePtr& type, const FormatSettings& settings);

/// The column values of `field` go to (the nested column of a Nullable).
inline Column& valuesColumn(const TextField& field, Column& column) {
  return field.nullable ? static_cast<ColumnNullable&>(column).getNestedColumn() : column;
}
/// Marks the value just appended to a Nullable column's nested column as not NULL.
void pushNotNull(Column& column);

/// Reads a number of the field's kind; false if no number starts here (nothing appended, at
/// most a sign consumed).
bool readNumberField(TextFieldKind kind, Column& column, ReadBuffer& in);
/// Reads a Date or DateTime of the field's kind (basic text form); false if none starts here.
bool readDateField(const TextField& field, Column& column, ReadBuffer& in);

}  // namespace tally
