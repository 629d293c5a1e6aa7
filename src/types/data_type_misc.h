#pragma once
// Bool, UUID, Nothing, Interval, and the internal Function (lambda) and Set types.

#include "columns/column_nothing.h"
#include "columns/column_vector.h"
#include "types/data_type.h"

namespace tally {

class DataTypeBool final : public DataType {
 public:
  TypeIndex typeId() const override { return TypeIndex::Bool; }
  std::string name() const override { return "Bool"; }
  MutableColumnPtr createColumn() const override { return ColumnUInt8::create(); }
  Field defaultValue() const override { return Field(false); }
  bool isValueRepresentedByNumber() const override { return true; }
  bool haveMaximumSizeOfValue() const override { return true; }
  size_t sizeOfValueInMemory() const override { return 1; }
  void serializeText(const Column& column, size_t n, WriteBuffer& out, const FormatSettings& settings) const override;
  void serializeTextJSON(const Column& column, size_t n, WriteBuffer& out, const FormatSettings& settings) const override;
  void serializeTextCSV(const Column& column, size_t n, WriteBuffer& out, const FormatSettings& settings) const override {
    serializeText(column, n, out, settings);
  }
  void deserializeWholeText(Column& column, ReadBuffer& in, const FormatSettings& settings) const override;
  void deserializeTextEscaped(Column& column, ReadBuffer& in, const FormatSettings& settings) const override;
  void deserializeTextQuoted(Column& column, ReadBuffer& in, const FormatSettings& settings) const override;
  void deserializeTextJSON(Column& column, ReadBuffer& in, const FormatSettings& settings) const override;
  void deserializeTextCSV(Column& column, ReadBuffer& in, const FormatSettings& settings) const override;
  void serializeBinary(const Column& column, size_t n, WriteBuffer& out) const override;
  void deserializeBinary(Column& column, ReadBuffer& in) const override;
};

class DataTypeUUID final : public DataType {
 public:
  TypeIndex typeId() const override { return TypeIndex::UUID; }
  std::string name() const override { return "UUID"; }
  MutableColumnPtr createColumn() const override { return ColumnUInt128::create(); }
  Field defaultValue() const override { return Field(UInt128()); }
  bool haveMaximumSizeOfValue() const override { return true; }
  size_t sizeOfValueInMemory() const override { return 16; }
  void serializeText(const Column& column, size_t n, WriteBuffer& out, const FormatSettings&) const override;
  void serializeTextQuoted(const Column& column, size_t n, WriteBuffer& out, const FormatSettings& settings) const override;
  void serializeTextJSON(const Column& column, size_t n, WriteBuffer& out, const FormatSettings& settings) const override;
  void serializeTextCSV(const Column& column, size_t n, WriteBuffer& out, const FormatSettings& settings) const override;
  void deserializeWholeText(Column& column, ReadBuffer& in, const FormatSettings& settings) const override;
  void deserializeTextEscaped(Column& column, ReadBuffer& in, const FormatSettings& settings) const override;
  void deserializeTextQuoted(Column& column, ReadBuffer& in, const FormatSettings& settings) const override;
  void deserializeTextJSON(Column& column, ReadBuffer& in, const FormatSettings& settings) const override;
  void deserializeTextCSV(Column& column, ReadBuffer& in, const FormatSettings& settings) const override;
  void serializeBinary(const Column& column, size_t n, WriteBuffer& out) const override;
  void deserializeBinary(Column& column, ReadBuffer& in) const override;
};

/// Nothing: the type of NULL alone (inside Nullable) and of empty arrays' elements.
class DataTypeNothing final : public DataType {
 public:
  TypeIndex typeId() const override { return TypeIndex::Nothing; }
  std::string name() const override { return "Nothing"; }
  MutableColumnPtr createColumn() const override { return ColumnNothing::create(); }
  Field defaultValue() const override { return Field(); }
  bool isComparable() const override { return true; }
  void serializeText(const Column&, size_t, WriteBuffer& out, const FormatSettings&) const override;
  void deserializeWholeText(Column& column, ReadBuffer& in, const FormatSettings&) const override;
  void deserializeTextEscaped(Column& column, ReadBuffer& in, const FormatSettings& s) const override { deserializeWholeText(column, in, s); }
  void deserializeTextQuoted(Column& column, ReadBuffer& in, const FormatSettings& s) const override { deserializeWholeText(column, in, s); }
  void deserializeTextJSON(Column& column, ReadBuffer& in, const FormatSettings& s) const override { deserializeWholeText(column, in, s); }
  void deserializeTextCSV(Column& column, ReadBuffer& in, const FormatSettings& s) const override { deserializeWholeText(column, in, s); }
  void serializeBinary(const Column&, size_t, WriteBuffer&) const override {}
  void deserializeBinary(Column& column, ReadBuffer&) const override { column.insertDefault(); }
};

enum class IntervalKind : uint8_t { Nanosecond, Microsecond, Millisecond, Second, Minute, Hour, Day, Week, Month, Quarter, Year };
/// "Day", "Hour", ...
std::string intervalKindName(IntervalKind kind);
/// Seconds in one unit (months and larger: average, used only for comparisons).
int64_t intervalKindSeconds(IntervalKind kind);
/// Parses a unit name as SQL and dateDiff/date_add accept it ("day", "DAY", "days", "dd", "d").
bool parseIntervalKind(std::string_view text, IntervalKind& kind);

/// IntervalDay etc.: an Int64 count of units.
class DataTypeInterval final : public DataType {
 public:
  explicit DataTypeInterval(IntervalKind kind) : kind_(kind) {}
  IntervalKind kind() const { return kind_; }
  TypeIndex typeId() const override { return TypeIndex::Interval; }
  std::string name() const override { return "Interval" + intervalKindName(kind_); }
  MutableColumnPtr createColumn() const override { return ColumnInt64::create(); }
  Field defaultValue() const override { return Field(int64_t(0)); }
  bool isValueRepresentedByNumber() const override { return true; }
  bool shouldAlignRightInPrettyFormats() const override { return true; }
  void serializeText(const Column& column, size_t n, WriteBuffer& out, const FormatSettings&) const override;
  void deserializeWholeText(Column& column, ReadBuffer& in, const FormatSettings& s) const override;
  void deserializeTextEscaped(Column& column, ReadBuffer& in, const FormatSettings& s) const override { deserializeWholeText(column, in, s); }
  void deserializeTextQuoted(Column& column, ReadBuffer& in, const FormatSettings& s) const override { deserializeWholeText(column, in, s); }
  void deserializeTextJSON(Column& column, ReadBuffer& in, const FormatSettings& s) const override { deserializeWholeText(column, in, s); }
  void deserializeTextCSV(Column& column, ReadBuffer& in, const FormatSettings& s) const override { deserializeWholeText(column, in, s); }
  void serializeBinary(const Column& column, size_t n, WriteBuffer& out) const override;
  void deserializeBinary(Column& column, ReadBuffer& in) const override;

 private:
  IntervalKind kind_;
};

/// The type of a lambda argument of higher-order functions: Function(arg types) -> result.
class DataTypeFunction final : public DataType {
 public:
  DataTypeFunction(DataTypes arguments, DataTypePtr result) : arguments_(std::move(arguments)), result_(std::move(result)) {}
  const DataTypes& arguments() const { return arguments_; }
  const DataTypePtr& result() const { return result_; }
  TypeIndex typeId() const override { return TypeIndex::Function; }
  std::string name() const override;
  MutableColumnPtr createColumn() const override;
  Field defaultValue() const override { return Field(); }
  bool canBeInsideNullable() const override { return false; }
  bool isComparable() const override { return false; }
  void serializeText(const Column&, size_t, WriteBuffer&, const FormatSettings&) const override;
  void deserializeWholeText(Column&, ReadBuffer&, const FormatSettings&) const override;
  void deserializeTextEscaped(Column& c, ReadBuffer& in, const FormatSettings& s) const override { deserializeWholeText(c, in, s); }
  void deserializeTextQuoted(Column& c, ReadBuffer& in, const FormatSettings& s) const override { deserializeWholeText(c, in, s); }
  void deserializeTextJSON(Column& c, ReadBuffer& in, const FormatSettings& s) const override { deserializeWholeText(c, in, s); }
  void deserializeTextCSV(Column& c, ReadBuffer& in, const FormatSettings& s) const override { deserializeWholeText(c, in, s); }
  void serializeBinary(const Column&, size_t, WriteBuffer&) const override;
  void deserializeBinary(Column&, ReadBuffer&) const override;

 private:
  DataTypes arguments_;
  DataTypePtr result_;
};

DataTypePtr typeBool();
DataTypePtr typeNothing();
DataTypePtr typeUUID();

}  // namespace tally
