#pragma once
// Date (UInt16 days since 1970-01-01), Date32 (Int32 days, 1900..2299), DateTime (UInt32
// seconds, optional time zone) and DateTime64(precision[, zone]) (Int64 ticks of 10^-precision s).

#include "columns/column_vector.h"
#include "common/time_zone.h"
#include "types/data_type.h"

namespace tally {

/// Shared parts of the four date/time types.
class DataTypeDateBase : public DataType {
 public:
  bool isValueRepresentedByNumber() const override { return true; }
  bool haveMaximumSizeOfValue() const override { return true; }
  bool shouldAlignRightInPrettyFormats() const override { return true; }
  bool canBeInsideLowCardinality() const override { return true; }

  void serializeTextQuoted(const Column& column, size_t n, WriteBuffer& out, const FormatSettings& settings) const override;
  void serializeTextJSON(const Column& column, size_t n, WriteBuffer& out, const FormatSettings& settings) const override;
  void serializeTextCSV(const Column& column, size_t n, WriteBuffer& out, const FormatSettings& settings) const override;
  void deserializeTextQuoted(Column& column, ReadBuffer& in, const FormatSettings& settings) const override;
  void deserializeTextJSON(Column& column, ReadBuffer& in, const FormatSettings& settings) const override;
  void deserializeTextCSV(Column& column, ReadBuffer& in, const FormatSettings& settings) const override;
  void deserializeWholeText(Column& column, ReadBuffer& in, const FormatSettings& settings) const override;
};

class DataTypeDate final : public DataTypeDateBase {
 public:
  TypeIndex typeId() const override { return TypeIndex::Date; }
  std::string name() const override { return "Date"; }
  MutableColumnPtr createColumn() const override { return ColumnUInt16::create(); }
  Field defaultValue() const override { return Field(uint64_t(0)); }
  size_t sizeOfValueInMemory() const override { return 2; }
  void serializeText(const Column& column, size_t n, WriteBuffer& out, const FormatSettings&) const override;
  void deserializeTextEscaped(Column& column, ReadBuffer& in, const FormatSettings&) const override;
  void serializeBinary(const Column& column, size_t n, WriteBuffer& out) const override;
  void deserializeBinary(Column& column, ReadBuffer& in) const override;
};

class DataTypeDate32 final : public DataTypeDateBase {
 public:
  TypeIndex typeId() const override { return TypeIndex::Date32; }
  std::string name() const override { return "Date32"; }
  MutableColumnPtr createColumn() const override { return ColumnInt32::create(); }
  Field defaultValue() const override { return Field(int64_t(0)); }
  size_t sizeOfValueInMemory() const override { return 4; }
  void serializeText(const Column& column, size_t n, WriteBuffer& out, const FormatSettings&) const override;
  void deserializeTextEscaped(Column& column, ReadBuffer& in, const FormatSettings&) const override;
  void serializeBinary(const Column& column, size_t n, WriteBuffer& out) const override;
  void deserializeBinary(Column& column, ReadBuffer& in) const override;
};

class DataTypeDateTime final : public DataTypeDateBase {
 public:
  DataTypeDateTime() : zone_(&TimeZone::defaultZone()), explicit_zone_(false) {}
  explicit DataTypeDateTime(std::string_view zone) : zone_(&TimeZone::get(zone)), explicit_zone_(true) {}
  const TimeZone& timeZone() const { return *zone_; }
  bool hasExplicitTimeZone() const { return explicit_zone_; }

  TypeIndex typeId() const override { return TypeIndex::DateTime; }
  std::string name() const override;
  std::string familyName() const override { return "DateTime"; }
  MutableColumnPtr createColumn() const override { return ColumnUInt32::create(); }
  Field defaultValue() const override { return Field(uint64_t(0)); }
  size_t sizeOfValueInMemory() const override { return 4; }
  void serializeText(const Column& column, size_t n, WriteBuffer& out, const FormatSettings& settings) const override;
  void deserializeTextEscaped(Column& column, ReadBuffer& in, const FormatSettings& settings) const override;
  void serializeBinary(const Column& column, size_t n, WriteBuffer& out) const override;
  void deserializeBinary(Column& column, ReadBuffer& in) const override;

 private:
  const TimeZone* zone_;
  bool explicit_zone_;
};

class DataTypeDateTime64 final : public DataTypeDateBase {
 public:
  explicit DataTypeDateTime64(uint32_t scale) : scale_(scale), zone_(&TimeZone::defaultZone()), explicit_zone_(false) {}
  DataTypeDateTime64(uint32_t scale, std::string_view zone)
      : scale_(scale), zone_(&TimeZone::get(zone)), explicit_zone_(true) {}
  uint32_t getScale() const { return scale_; }
  int64_t scaleMultiplier() const;
  const TimeZone& timeZone() const { return *zone_; }
  bool hasExplicitTimeZone() const { return explicit_zone_; }

  TypeIndex typeId() const override { return TypeIndex::DateTime64; }
  std::string name() const override;
  std::string familyName() const override { return "DateTime64"; }
  MutableColumnPtr createColumn() const override { return ColumnInt64::create(); }
  Field defaultValue() const override { return Field(int64_t(0)); }
  size_t sizeOfValueInMemory() const override { return 8; }
  bool canBeInsideLowCardinality() const override { return false; }
  void serializeText(const Column& column, size_t n, WriteBuffer& out, const FormatSettings& settings) const override;
  void deserializeTextEscaped(Column& column, ReadBuffer& in, const FormatSettings& settings) const override;
  void serializeBinary(const Column& column, size_t n, WriteBuffer& out) const override;
  void deserializeBinary(Column& column, ReadBuffer& in) const override;

 private:
  uint32_t scale_;
  const TimeZone* zone_;
  bool explicit_zone_;
};

DataTypePtr typeDate();
DataTypePtr typeDate32();
DataTypePtr typeDateTime();

/// The time zone of a DateTime/DateTime64 type (default zone for others).
const TimeZone& timeZoneOf(const DataType& type);

/// Parsers for the text forms (basic or best effort, per settings). Return false when the
/// input does not start with a valid value.
bool readDateValue(int64_t& day_num, ReadBuffer& in, const FormatSettings& settings);
bool readDateTimeValue(int64_t& t, ReadBuffer& in, const TimeZone& zone, const FormatSettings& settings);

/// Hook for date_time_input_format = best_effort, installed by the functions library
/// (parseDateTimeBestEffort); null until then.
using BestEffortDateTimeParser = bool (*)(int64_t& t, int64_t& fraction, uint32_t scale, ReadBuffer& in,
                                          const TimeZone& zone);
void setBestEffortDateTimeParser(BestEffortDateTimeParser parser);
BestEffortDateTimeParser bestEffortDateTimeParser();

}  // namespace tally
