#pragma once
// Nullable(T).

#include "columns/column_nullable.h"
#include "types/data_type.h"

namespace tally {

class DataTypeNullable final : public DataType {
 public:
  explicit DataTypeNullable(DataTypePtr nested);
  const DataTypePtr& getNestedType() const { return nested_; }

  TypeIndex typeId() const override { return TypeIndex::Nullable; }
  std::string name() const override { return "Nullable(" + nested_->name() + ")"; }
  std::string familyName() const override { return "Nullable"; }
  MutableColumnPtr createColumn() const override {
    return ColumnNullable::create(nested_->createColumn(), ColumnUInt8::create());
  }
  Field defaultValue() const override { return Field(); }
  bool isNullable() const override { return true; }
  bool canBeInsideNullable() const override { return false; }
  bool isComparable() const override { return nested_->isComparable(); }
  bool shouldAlignRightInPrettyFormats() const override { return nested_->shouldAlignRightInPrettyFormats(); }
  bool canBeInsideLowCardinality() const override { return nested_->canBeInsideLowCardinality(); }
  bool haveMaximumSizeOfValue() const override { return nested_->haveMaximumSizeOfValue(); }
  size_t sizeOfValueInMemory() const override { return nested_->sizeOfValueInMemory() + 1; }

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
  DataTypePtr nested_;
};

}  // namespace tally
