#pragma once
// Number types: UInt8..UInt64, Int8..Int64, Float32, Float64.

#include <type_traits>

#include "columns/column_vector.h"
#include "types/data_type.h"

namespace tally {

template <typename T>
class DataTypeNumber final : public DataType {
 public:
  using FieldType = T;
  using ColumnType = ColumnVector<T>;

  TypeIndex typeId() const override;
  std::string name() const override;
  MutableColumnPtr createColumn() const override { return std::make_shared<ColumnType>(); }
  Field defaultValue() const override {
    if constexpr (std::is_floating_point_v<T>) return Field(0.0);
    else if constexpr (std::is_signed_v<T>) return Field(int64_t(0));
    else return Field(uint64_t(0));
  }

  bool isNumber() const override { return true; }
  bool isInteger() const override { return std::is_integral_v<T>; }
  bool isSigned() const override { return std::is_signed_v<T>; }
  bool isFloat() const override { return std::is_floating_point_v<T>; }
  bool isValueRepresentedByNumber() const override { return true; }
  bool haveMaximumSizeOfValue() const override { return true; }
  size_t sizeOfValueInMemory() const override { return sizeof(T); }
  bool shouldAlignRightInPrettyFormats() const override { return true; }
  bool canBeInsideLowCardinality() const override { return true; }

  void serializeText(const Column& column, size_t n, WriteBuffer& out, const FormatSettings&) const override;
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

using DataTypeUInt8 = DataTypeNumber<UInt8>;
using DataTypeUInt16 = DataTypeNumber<UInt16>;
using DataTypeUInt32 = DataTypeNumber<UInt32>;
using DataTypeUInt64 = DataTypeNumber<UInt64>;
using DataTypeInt8 = DataTypeNumber<Int8>;
using DataTypeInt16 = DataTypeNumber<Int16>;
using DataTypeInt32 = DataTypeNumber<Int32>;
using DataTypeInt64 = DataTypeNumber<Int64>;
using DataTypeFloat32 = DataTypeNumber<Float32>;
using DataTypeFloat64 = DataTypeNumber<Float64>;

extern template class DataTypeNumber<UInt8>;
extern template class DataTypeNumber<UInt16>;
extern template class DataTypeNumber<UInt32>;
extern template class DataTypeNumber<UInt64>;
extern template class DataTypeNumber<Int8>;
extern template class DataTypeNumber<Int16>;
extern template class DataTypeNumber<Int32>;
extern template class DataTypeNumber<Int64>;
extern template class DataTypeNumber<Float32>;
extern template class DataTypeNumber<Float64>;

/// Shared instances of the common types.
DataTypePtr typeUInt8();
DataTypePtr typeUInt16();
DataTypePtr typeUInt32();
DataTypePtr typeUInt64();
DataTypePtr typeInt8();
DataTypePtr typeInt16();
DataTypePtr typeInt32();
DataTypePtr typeInt64();
DataTypePtr typeFloat32();
DataTypePtr typeFloat64();

/// "Cannot parse string 'x' as T: syntax error at ..." (CANNOT_PARSE_TEXT), as the to<T>()
/// conversions report.
[[noreturn]] void throwCannotParseWhole(std::string_view text, size_t parsed, const std::string& type_name);

}  // namespace tally
