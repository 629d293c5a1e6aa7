#pragma once
// FunctionConvertTo: the to<Type> conversion functions and their OrZero / OrNull variants
// (toUInt8 ... toFloat64, toBool, toDate, toDate32, toDateTime, toDateTime32, toDateTime64,
// toUUID, toString), all built on the CAST core with ClickHouse's argument rules:
//   - plain: any convertible argument, an optional time zone (dates, toString of a DateTime),
//     toDateTime64(x, scale[, tz]); a Nullable argument gives a Nullable result and unparsable
//     strings in it become NULL; a LowCardinality argument gives a LowCardinality result,
//     converted through its dictionary;
//   - OrZero / OrNull: String or FixedString argument only; failures give zero / NULL, and
//     integers out of range fail instead of wrapping.

#include <string>

#include "functions/function.h"

namespace tally {

enum class ConvertFlavor : uint8_t { Plain, OrZero, OrNull };

/// The result family (how arguments beyond the first are read).
enum class ConvertTarget : uint8_t {
  Fixed,       // a fixed type: numbers, Bool, UUID
  Date,        // Date or Date32 (optional time zone)
  DateTime,    // toDateTime(x[, tz]) or toDateTime(x, scale[, tz]) -> DateTime64
  DateTime32,  // toDateTime32(x[, tz])
  DateTime64,  // toDateTime64(x, scale[, tz]); OrZero/OrNull: (s[, precision = 3[, tz]])
  String,      // toString(x[, tz])
};

class FunctionConvertTo final : public IFunction {
 public:
  FunctionConvertTo(std::string name, ConvertTarget target, DataTypePtr fixed_type, ConvertFlavor flavor,
                    const FunctionContext& context)
      : name_(std::move(name)), target_(target), fixed_type_(std::move(fixed_type)), flavor_(flavor), context_(context) {}

  std::string getName() const override { return name_; }
  bool isVariadic() const override { return true; }
  bool useDefaultImplementationForNulls() const override { return flavor_ != ConvertFlavor::Plain; }
  bool useDefaultImplementationForNothing() const override { return flavor_ != ConvertFlavor::Plain; }
  /// Plain conversions handle LowCardinality themselves: only the dictionary values the rows use
  /// are converted (the unused default value may not parse).
  bool useDefaultImplementationForLowCardinality() const override { return flavor_ != ConvertFlavor::Plain; }
  std::vector<size_t> getArgumentsThatAreAlwaysConstant() const override { return {1, 2}; }

  DataTypePtr getReturnType(const ColumnsWithTypeAndName& arguments) const override;
  ColumnPtr execute(const ColumnsWithTypeAndName& arguments, const DataTypePtr& result_type,
                    size_t input_rows_count) const override;

 private:
  /// Result type for arguments whose first one is not Nullable.
  DataTypePtr resultType(const ColumnsWithTypeAndName& arguments) const;
  void checkArguments(const ColumnsWithTypeAndName& arguments) const;
  /// The constant time zone argument at `position`, if present.
  const TimeZone* zoneArgument(const ColumnsWithTypeAndName& arguments, size_t position) const;

  std::string name_;
  ConvertTarget target_;
  DataTypePtr fixed_type_;
  ConvertFlavor flavor_;
  const FunctionContext& context_;
};

/// Registers name, nameOrZero and nameOrNull (the latter two when `with_variants`).
class FunctionFactory;
void registerConvertFunction(FunctionFactory& factory, const std::string& name, ConvertTarget target,
                             DataTypePtr fixed_type, bool with_variants, const std::string& description);

}  // namespace tally
