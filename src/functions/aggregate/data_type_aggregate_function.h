#pragma once
// AggregateFunction(f, T1, ...): values are states of the aggregate f (what -State produces and
// -Merge consumes). Name as ClickHouse prints it: "AggregateFunction(uniq, String)",
// "AggregateFunction(quantiles(0.5, 0.9), UInt64)", "AggregateFunction(count)".
// Text forms are the raw state bytes written as a String would be; RowBinary is the state itself.
//
// SimpleAggregateFunction(f, T): values of T (the result type of f) under another name; it
// behaves exactly like T. For T whose type object carries no data of its own (numbers, Bool,
// String, UUID, Date, Date32) the type keeps its name and reports T's TypeIndex; for other T
// (DateTime with zone, Nullable, Array, ...) the factory returns T itself, because code
// elsewhere casts type objects by TypeIndex.
//
// Both families register in DataTypeFactory from this library.

#include "functions/aggregate/aggregate_function.h"
#include "types/data_type.h"

namespace tally {

/// "AggregateFunction(name(params), types...)" of the states of `function`.
std::string aggregateFunctionTypeName(const IAggregateFunction& function);

class DataTypeAggregateFunction final : public DataType {
 public:
  explicit DataTypeAggregateFunction(AggregateFunctionPtr function) : function_(std::move(function)) {}

  const AggregateFunctionPtr& getFunction() const { return function_; }
  const DataTypes& getArgumentsDataTypes() const { return function_->getArgumentTypes(); }
  const Fields& getParameters() const { return function_->getParameters(); }

  TypeIndex typeId() const override { return TypeIndex::AggregateFunction; }
  std::string name() const override { return aggregateFunctionTypeName(*function_); }
  std::string familyName() const override { return "AggregateFunction"; }
  MutableColumnPtr createColumn() const override;
  Field defaultValue() const override;
  bool equals(const DataType& other) const override;
  bool canBeInsideNullable() const override { return false; }
  bool isComparable() const override { return false; }

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
  AggregateFunctionPtr function_;
};

/// SimpleAggregateFunction(f, T) over a member-less T: T under another name.
class DataTypeSimpleAggregateFunction final : public DataType {
 public:
  DataTypeSimpleAggregateFunction(AggregateFunctionPtr function, DataTypePtr nested)
      : function_(std::move(function)), nested_(std::move(nested)) {}

  const AggregateFunctionPtr& getFunction() const { return function_; }
  const DataTypePtr& getNestedType() const { return nested_; }

  TypeIndex typeId() const override { return nested_->typeId(); }
  std::string name() const override;
  std::string familyName() const override { return nested_->familyName(); }
  MutableColumnPtr createColumn() const override { return nested_->createColumn(); }
  Field defaultValue() const override { return nested_->defaultValue(); }
  bool equals(const DataType& other) const override { return name() == other.name(); }

  bool isNullable() const override { return nested_->isNullable(); }
  bool canBeInsideNullable() const override { return nested_->canBeInsideNullable(); }
  bool isNumber() const override { return nested_->isNumber(); }
  bool isInteger() const override { return nested_->isInteger(); }
  bool isSigned() const override { return nested_->isSigned(); }
  bool isFloat() const override { return nested_->isFloat(); }
  bool isComparable() const override { return nested_->isComparable(); }
  bool isValueRepresentedByNumber() const override { return nested_->isValueRepresentedByNumber(); }
  bool haveMaximumSizeOfValue() const override { return nested_->haveMaximumSizeOfValue(); }
  size_t sizeOfValueInMemory() const override { return nested_->sizeOfValueInMemory(); }
  bool shouldAlignRightInPrettyFormats() const override { return nested_->shouldAlignRightInPrettyFormats(); }
  bool canBeInsideLowCardinality() const override { return nested_->canBeInsideLowCardinality(); }

  void serializeText(const Column& c, size_t n, WriteBuffer& out, const FormatSettings& s) const override {
    nested_->serializeText(c, n, out, s);
  }
  void serializeTextEscaped(const Column& c, size_t n, WriteBuffer& out, const FormatSettings& s) const override {
    nested_->serializeTextEscaped(c, n, out, s);
  }
  void serializeTextQuoted(const Column& c, size_t n, WriteBuffer& out, const FormatSettings& s) const override {
    nested_->serializeTextQuoted(c, n, out, s);
  }
  void serializeTextJSON(const Column& c, size_t n, WriteBuffer& out, const FormatSettings& s) const override {
    nested_->serializeTextJSON(c, n, out, s);
  }
  void serializeTextCSV(const Column& c, size_t n, WriteBuffer& out, const FormatSettings& s) const override {
    nested_->serializeTextCSV(c, n, out, s);
  }
  void deserializeWholeText(Column& c, ReadBuffer& in, const FormatSettings& s) const override {
    nested_->deserializeWholeText(c, in, s);
  }
  void deserializeTextEscaped(Column& c, ReadBuffer& in, const FormatSettings& s) const override {
    nested_->deserializeTextEscaped(c, in, s);
  }
  void deserializeTextQuoted(Column& c, ReadBuffer& in, const FormatSettings& s) const override {
    nested_->deserializeTextQuoted(c, in, s);
  }
  void deserializeTextJSON(Column& c, ReadBuffer& in, const FormatSettings& s) const override {
    nested_->deserializeTextJSON(c, in, s);
  }
  void deserializeTextCSV(Column& c, ReadBuffer& in, const FormatSettings& s) const override {
    nested_->deserializeTextCSV(c, in, s);
  }
  void serializeBinary(const Column& c, size_t n, WriteBuffer& out) const override { nested_->serializeBinary(c, n, out); }
  void deserializeBinary(Column& c, ReadBuffer& in) const override { nested_->deserializeBinary(c, in); }

 private:
  AggregateFunctionPtr function_;
  DataTypePtr nested_;
};

/// The type SimpleAggregateFunction(f, T) for the aggregate `function` whose result type is T
/// (see the header comment for which T keep the name).
DataTypePtr makeSimpleAggregateFunctionType(const AggregateFunctionPtr& function, const DataTypePtr& type);

}  // namespace tally
