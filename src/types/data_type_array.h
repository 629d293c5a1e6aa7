#pragma once
// Array(T) and Tuple(T1, ..., Tn) / Tuple(name1 T1, ...).

#include "columns/column_array.h"
#include "columns/column_tuple.h"
#include "types/data_type.h"

namespace tally {

class DataTypeArray final : public DataType {
 public:
  explicit DataTypeArray(DataTypePtr nested) : nested_(std::move(nested)) {}
  const DataTypePtr& getNestedType() const { return nested_; }

  TypeIndex typeId() const override { return TypeIndex::Array; }
  std::string name() const override { return "Array(" + nested_->name() + ")"; }
  std::string familyName() const override { return "Array"; }
  MutableColumnPtr createColumn() const override { return ColumnArray::create(nested_->createColumn()); }
  Field defaultValue() const override { return Field(FieldArray()); }
  bool canBeInsideNullable() const override { return false; }
  bool isComparable() const override { return nested_->isComparable(); }

  void serializeText(const Column& column, size_t n, WriteBuffer& out, const FormatSettings& settings) const override;
  void serializeTextJSON(const Column& column, size_t n, WriteBuffer& out, const FormatSettings& settings) const override;
  void deserializeWholeText(Column& column, ReadBuffer& in, const FormatSettings& settings) const override;
  void deserializeTextEscaped(Column& column, ReadBuffer& in, const FormatSettings& settings) const override;
  void deserializeTextQuoted(Column& column, ReadBuffer& in, const FormatSettings& settings) const override;
  void deserializeTextJSON(Column& column, ReadBuffer& in, const FormatSettings& settings) const override;
  void deserializeTextCSV(Column& column, ReadBuffer& in, const FormatSettings& settings) const override;
  void serializeBinary(const Column& column, size_t n, WriteBuffer& out) const override;
  void deserializeBinary(Column& column, ReadBuffer& in) const override;

 private:
  DataTypePtr nested_;
};

class DataTypeTuple final : public DataType {
 public:
  explicit DataTypeTuple(DataTypes elements, std::vector<std::string> names = {});
  const DataTypes& getElements() const { return elements_; }
  const std::vector<std::string>& getElementNames() const { return names_; }
  bool hasExplicitNames() const { return !names_.empty(); }
  /// Index of a named element; false if absent.
  bool tryGetPositionByName(std::string_view name, size_t& position) const;

  TypeIndex typeId() const override { return TypeIndex::Tuple; }
  std::string name() const override;
  std::string familyName() const override { return "Tuple"; }
  MutableColumnPtr createColumn() const override;
  Field defaultValue() const override;
  bool canBeInsideNullable() const override { return false; }
  bool haveMaximumSizeOfValue() const override;

  void serializeText(const Column& column, size_t n, WriteBuffer& out, const FormatSettings& settings) const override;
  void serializeTextJSON(const Column& column, size_t n, WriteBuffer& out, const FormatSettings& settings) const override;
  void serializeTextCSV(const Column& column, size_t n, WriteBuffer& out, const FormatSettings& settings) const override;
  void deserializeWholeText(Column& column, ReadBuffer& in, const FormatSettings& settings) const override;
  void deserializeTextEscaped(Column& column, ReadBuffer& in, const FormatSettings& settings) const override;
  void deserializeTextQuoted(Column& column, ReadBuffer& in, const FormatSettings& settings) const override;
  void deserializeTextJSON(Column& column, ReadBuffer& in, const FormatSettings& settings) const override;
  void deserializeTextCSV(Column& column, ReadBuffer& in, const FormatSettings& settings) const override;
  void serializeBinary(const Column& column, size_t n, WriteBuffer& out) const override;
  void deserializeBinary(Column& column, ReadBuffer& in) const override;

 private:
  DataTypes elements_;
  std::vector<std::string> names_;
};

}  // namespace tally
