#pragma once
// String and FixedString(N).

#include "columns/column_fixed_string.h"
#include "columns/column_string.h"
#include "types/data_type.h"

namespace tally {

class DataTypeString final : public DataType {
 public:
  TypeIndex typeId() const override { return TypeIndex::String; }
  std::string name() const override { return "String"; }
  MutableColumnPtr createColumn() const override { return ColumnString::create(); }
  Field defaultValue() const override { return Field(std::string()); }
  bool canBeInsideLowCardinality() const override { return true; }

  void serializeText(const Column& column, size_t n, WriteBuffer& out, const FormatSettings&) const override;
  void serializeTextEscaped(const Column& column, size_t n, WriteBuffer& out, const FormatSettings&) const override;
  void serializeTextQuoted(const Column& column, size_t n, WriteBuffer& out, const FormatSettings&) const override;
  void serializeTextJSON(const Column& column, size_t n, WriteBuffer& out, const FormatSettings& settings) const override;
  void serializeTextCSV(const Column& column, size_t n, WriteBuffer& out, const FormatSettings&) const override;
  void deserializeWholeText(Column& column, ReadBuffer& in, const FormatSettings&) const override;
  void deserializeTextEscaped(Column& column, ReadBuffer& in, const FormatSettings&) const override;
  void deserializeTextQuoted(Column& column, ReadBuffer& in, const FormatSettings&) const override;
  void deserializeTextJSON(Column& column, ReadBuffer& in, const FormatSettings&) const override;
  void deserializeTextCSV(Column& column, ReadBuffer& in, const FormatSettings& settings) const override;
  void serializeBinary(const Column& column, size_t n, WriteBuffer& out) const override;
  void deserializeBinary(Column& column, ReadBuffer& in) const override;
};

class DataTypeFixedString final : public DataType {
 public:
  explicit DataTypeFixedString(size_t n) : n_(n) {}
  size_t getN() const { return n_; }
  TypeIndex typeId() const override { return TypeIndex::FixedString; }
  std::string name() const override { return "FixedString(" + std::to_string(n_) + ")"; }
  std::string familyName() const override { return "FixedString"; }
  MutableColumnPtr createColumn() const override { return ColumnFixedString::create(n_); }
  Field defaultValue() const override { return Field(std::string(n_, '\0')); }
  bool haveMaximumSizeOfValue() const override { return true; }
  size_t sizeOfValueInMemory() const override { return n_; }
  bool canBeInsideLowCardinality() const override { return true; }

  void serializeText(const Column& column, size_t n, WriteBuffer& out, const FormatSettings&) const override;
  void serializeTextEscaped(const Column& column, size_t n, WriteBuffer& out, const FormatSettings&) const override;
  void serializeTextQuoted(const Column& column, size_t n, WriteBuffer& out, const FormatSettings&) const override;
  void serializeTextJSON(const Column& column, size_t n, WriteBuffer& out, const FormatSettings& settings) const override;
  void serializeTextCSV(const Column& column, size_t n, WriteBuffer& out, const FormatSettings&) const override;
  void deserializeWholeText(Column& column, ReadBuffer& in, const FormatSettings&) const override;
  void deserializeTextEscaped(Column& column, ReadBuffer& in, const FormatSettings&) const override;
  void deserializeTextQuoted(Column& column, ReadBuffer& in, const FormatSettings&) const override;
  void deserializeTextJSON(Column& column, ReadBuffer& in, const FormatSettings&) const override;
  void deserializeTextCSV(Column& column, ReadBuffer& in, const FormatSettings& settings) const override;
  void serializeBinary(const Column& column, size_t n, WriteBuffer& out) const override;
  void deserializeBinary(Column& column, ReadBuffer& in) const override;

 private:
  void insertChecked(Column& column, std::string_view value) const;
  size_t n_;
};

DataTypePtr typeString();

/// Varint (LEB128) used by RowBinary and Native for lengths.
void writeVarUInt(uint64_t x, WriteBuffer& out);
uint64_t readVarUInt(ReadBuffer& in);

}  // namespace tally
