#pragma once
// LowCardinality(T): dictionary-encoded values (see columns/column_low_cardinality.h). Text and
// binary forms are those of T; only the in-memory layout differs.

#include "columns/column_low_cardinality.h"
#include "types/data_type.h"

namespace tally {

class DataTypeLowCardinality final : public DataType {
 public:
  /// dictionary_type is T or Nullable(T).
  explicit DataTypeLowCardinality(DataTypePtr dictionary_type);
  const DataTypePtr& getDictionaryType() const { return dictionary_type_; }
  /// T without Nullable: the type of the dictionary's values column.
  const DataTypePtr& getValuesType() const { return values_type_; }

  TypeIndex typeId() const override { return TypeIndex::LowCardinality; }
  std::string name() const override { return "LowCardinality(" + dictionary_type_->name() + ")"; }
  std::string familyName() const override { return "LowCardinality"; }
  MutableColumnPtr createColumn() const override;
  Field defaultValue() const override { return dictionary_type_->defaultValue(); }
  bool canBeInsideNullable() const override { return false; }
  bool shouldAlignRightInPrettyFormats() const override { return dictionary_type_->shouldAlignRightInPrettyFormats(); }

  void serializeText(const Column& column, size_t n, WriteBuffer& out, const FormatSettings& settings) const override;
  void serializeTextEscaped(const Column& column, size_t n, WriteBuffer& out, const FormatSettings& settings) const override;
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

 private:
  template <typename Write>
  void writeValue(const Column& column, size_t n, WriteBuffer& out, Write&& write, const char* null_text) const;
  template <typename Read>
  void readValue(Column& column, Read&& read) const;

  DataTypePtr dictionary_type_;
  DataTypePtr values_type_;
  bool nullable_;
};

}  // namespace tally
