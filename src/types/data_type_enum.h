#pragma once
// Enum8 / Enum16: named values stored as Int8 / Int16.

#include <map>
#include <unordered_map>
#include <vector>

#include "columns/column_vector.h"
#include "types/data_type.h"

namespace tally {

template <typename T>
class DataTypeEnum final : public DataType {
 public:
  using Values = std::vector<std::pair<std::string, T>>;
  explicit DataTypeEnum(Values values);

  const Values& getValues() const { return values_; }
  /// Name of a value; throws UNKNOWN_ELEMENT_OF_ENUM if absent.
  const std::string& nameOf(T value) const;
  bool hasName(std::string_view name, T& value) const;
  bool hasValue(T value) const { return by_value_.count(value) > 0; }

  TypeIndex typeId() const override { return sizeof(T) == 1 ? TypeIndex::Enum8 : TypeIndex::Enum16; }
  std::string name() const override;
  std::string familyName() const override { return sizeof(T) == 1 ? "Enum8" : "Enum16"; }
  MutableColumnPtr createColumn() const override { return std::make_shared<ColumnVector<T>>(); }
  Field defaultValue() const override { return Field(int64_t(values_.front().second)); }
  bool isValueRepresentedByNumber() const override { return true; }
  bool haveMaximumSizeOfValue() const override { return true; }
  size_t sizeOfValueInMemory() const override { return sizeof(T); }

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
  void insertByName(Column& column, std::string_view name) const;
  Values values_;  // in declaration order
  std::unordered_map<std::string, T> by_name_;
  std::map<T, std::string> by_value_;
};

using DataTypeEnum8 = DataTypeEnum<Int8>;
using DataTypeEnum16 = DataTypeEnum<Int16>;
extern template class DataTypeEnum<Int8>;
extern template class DataTypeEnum<Int16>;

}  // namespace tally
