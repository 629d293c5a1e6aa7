#pragma once
// DataType: what a column's values mean — its name, how values are created, compared as
// types, and written and read in each text and binary form. Types are immutable and shared
// (DataTypePtr); concrete families live in data_type_*.h.
//
// Serialisation forms (one value per call, row n of a column built by createColumn()):
//   Text     — plain, as Pretty/Vertical/toString show it ("a", 2024-01-01)
//   Escaped  — TabSeparated (backslash escapes, \N for NULL)
//   Quoted   — SQL literal, used by Values and inside arrays/tuples ('a', '2024-01-01')
//   JSON     — JSON value
//   CSV      — CSV field
//   Binary   — RowBinary
// Readers append one value to the column or throw a CANNOT_PARSE_* error; they never leave a
// partial value behind.

#include <memory>
#include <string>
#include <vector>

#include "columns/column.h"
#include "common/field.h"
#include "types/format_settings.h"

namespace tally {

class ReadBuffer;
class WriteBuffer;

enum class TypeIndex : uint8_t {
  Nothing,
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
  Bool,
  String,
  FixedString,
  Date,
  Date32,
  DateTime,
  DateTime64,
  UUID,
  Enum8,
  Enum16,
  Nullable,
  LowCardinality,
  Array,
  Tuple,
  Interval,
  AggregateFunction,
  Function,
  Set,
};

class DataType;
using DataTypePtr = std::shared_ptr<const DataType>;
using DataTypes = std::vector<DataTypePtr>;

class DataType : public std::enable_shared_from_this<DataType> {
 public:
  virtual ~DataType() = default;

  virtual TypeIndex typeId() const = 0;
  /// Full name as ClickHouse prints it: "Nullable(String)", "DateTime('UTC')".
  virtual std::string name() const = 0;
  /// Name without parameters: "Nullable", "DateTime".
  virtual std::string familyName() const { return name(); }

  virtual MutableColumnPtr createColumn() const = 0;
  /// A column of n default values.
  MutableColumnPtr createColumnWithDefaults(size_t n) const;
  /// A ColumnConst of `value` repeated n times.
  ColumnPtr createColumnConst(size_t n, const Field& value) const;
  virtual Field defaultValue() const = 0;

  virtual bool equals(const DataType& other) const { return name() == other.name(); }

  // ---- Properties used by functions and the analyzer. ----
  virtual bool isNullable() const { return false; }
  virtual bool canBeInsideNullable() const { return true; }
  virtual bool isNumber() const { return false; }   // integers and floats (not Bool/dates)
  virtual bool isInteger() const { return false; }
  virtual bool isSigned() const { return false; }
  virtual bool isFloat() const { return false; }
  virtual bool isComparable() const { return true; }
  /// Stored as a fixed-width number (numbers, Bool, dates, enums).
  virtual bool isValueRepresentedByNumber() const { return false; }
  virtual bool haveMaximumSizeOfValue() const { return false; }
  virtual size_t sizeOfValueInMemory() const { return 0; }
  /// Right-aligned in Pretty formats (numbers and dates).
  virtual bool shouldAlignRightInPrettyFormats() const { return false; }
  virtual bool canBeInsideLowCardinality() const { return false; }

  // ---- Text forms. ----
  virtual void serializeText(const Column& column, size_t n, WriteBuffer& out, const FormatSettings& settings) const = 0;
  virtual void serializeTextEscaped(const Column& column, size_t n, WriteBuffer& out, const FormatSettings& settings) const {
    serializeText(column, n, out, settings);
  }
  virtual void serializeTextQuoted(const Column& column, size_t n, WriteBuffer& out, const FormatSettings& settings) const {
    serializeText(column, n, out, settings);
  }
  virtual void serializeTextJSON(const Column& column, size_t n, WriteBuffer& out, const FormatSettings& settings) const;
  virtual void serializeTextCSV(const Column& column, size_t n, WriteBuffer& out, const FormatSettings& settings) const;

  /// Reads a value that spans the whole buffer (CAST from String, query parameters).
  virtual void deserializeWholeText(Column& column, ReadBuffer& in, const FormatSettings& settings) const = 0;
  virtual void deserializeTextEscaped(Column& column, ReadBuffer& in, const FormatSettings& settings) const = 0;
  virtual void deserializeTextQuoted(Column& column, ReadBuffer& in, const FormatSettings& settings) const = 0;
  virtual void deserializeTextJSON(Column& column, ReadBuffer& in, const FormatSettings& settings) const = 0;
  virtual void deserializeTextCSV(Column& column, ReadBuffer& in, const FormatSettings& settings) const = 0;

  // ---- Binary (RowBinary) form. ----
  virtual void serializeBinary(const Column& column, size_t n, WriteBuffer& out) const = 0;
  virtual void deserializeBinary(Column& column, ReadBuffer& in) const = 0;

  DataTypePtr getPtr() const { return shared_from_this(); }
};

/// Nested type of Nullable(T), or the type itself.
DataTypePtr removeNullable(const DataTypePtr& type);
/// Nullable(T) unless T cannot be inside Nullable or already is.
DataTypePtr makeNullable(const DataTypePtr& type);
/// Dictionary type of LowCardinality(T), or the type itself.
DataTypePtr removeLowCardinality(const DataTypePtr& type);
/// Both of the above, outermost first: LowCardinality(Nullable(T)) -> T.
DataTypePtr removeNullableAndLowCardinality(const DataTypePtr& type);

/// Plain text of value n (serializeText into a string).
std::string serializeToString(const DataType& type, const Column& column, size_t n, const FormatSettings& settings = {});

bool isString(const DataTypePtr& type);
bool isStringOrFixedString(const DataTypePtr& type);
bool isDateOrDate32(const DataTypePtr& type);
bool isDateTimeOrDateTime64(const DataTypePtr& type);
bool isInteger(const DataTypePtr& type);
bool isNumber(const DataTypePtr& type);
bool isNothing(const DataTypePtr& type);

}  // namespace tally
