#include "types/data_type_date.h"

#include "common/exception.h"
#include "io/read_helpers.h"
#include "io/write_helpers.h"

namespace tally {

namespace {
BestEffortDateTimeParser g_best_effort = nullptr;

template <typename T>
T numberAt(const Column& column, size_t n) {
  return static_cast<const ColumnVector<T>&>(column).getData()[n];
}
}  // namespace

void setBestEffortDateTimeParser(BestEffortDateTimeParser parser) { g_best_effort = parser; }
BestEffortDateTimeParser bestEffortDateTimeParser() { return g_best_effort; }

DataTypePtr typeDate() {
  static const DataTypePtr type = std::make_shared<DataTypeDate>();
  return type;
}
DataTypePtr typeDate32() {
  static const DataTypePtr type = std::make_shared<DataTypeDate32>();
  return type;
}
DataTypePtr typeDateTime() {
  static const DataTypePtr type = std::make_shared<DataTypeDateTime>();
  return type;
}

const TimeZone& timeZoneOf(const DataType& type) {
  if (type.typeId() == TypeIndex::DateTime) return static_cast<const DataTypeDateTime&>(type).timeZone();
  if (type.typeId() == TypeIndex::DateTime64) return static_cast<const DataTypeDateTime64&>(type).timeZone();
  return TimeZone::defaultZone();
}

bool readDateValue(int64_t& day_num, ReadBuffer& in, const FormatSettings& settings) {
  if (settings.date_time_best_effort && g_best_effort) {
    int64_t t, fraction;
    if (!g_best_effort(t, fraction, 0, in, TimeZone::utc())) return false;
    day_num = floorDiv(t, 86400);
    return true;
  }
  return tryReadDateText(day_num, in);
}

bool readDateTimeValue(int64_t& t, ReadBuffer& in, const TimeZone& zone, const FormatSettings& settings) {
  if (settings.date_time_best_effort && g_best_effort) {
    int64_t fraction;
    return g_best_effort(t, fraction, 0, in, zone);
  }
  return tryReadDateTimeText(t, in, zone);
}

// ---- shared quoting ----

void DataTypeDateBase::serializeTextQuoted(const Column& column, size_t n, WriteBuffer& out,
                                           const FormatSettings& settings) const {
  out.write('\'');
  serializeText(column, n, out, settings);
  out.write('\'');
}
void DataTypeDateBase::serializeTextJSON(const Column& column, size_t n, WriteBuffer& out,
                                         const FormatSettings& settings) const {
  out.write('"');
  serializeText(column, n, out, settings);
  out.write('"');
}
void DataTypeDateBase::serializeTextCSV(const Column& column, size_t n, WriteBuffer& out,
                                        const FormatSettings& settings) const {
  out.write('"');
  serializeText(column, n, out, settings);
  out.write('"');
}
void DataTypeDateBase::deserializeTextQuoted(Column& column, ReadBuffer& in, const FormatSettings& settings) const {
  bool quoted = checkChar('\'', in);
  deserializeTextEscaped(column, in, settings);
  if (quoted) assertChar('\'', in);
}
void DataTypeDateBase::deserializeTextJSON(Column& column, ReadBuffer& in, const FormatSettings& settings) const {
  bool quoted = checkChar('"', in);
  deserializeTextEscaped(column, in, settings);
  if (quoted) assertChar('"', in);
}
void DataTypeDateBase::deserializeTextCSV(Column& column, ReadBuffer& in, const FormatSettings& settings) const {
  char quote = 0;
  if (!in.eof() && (*in.position() == '"' || *in.position() == '\'')) {
    quote = *in.position();
    in.setPosition(in.position() + 1);
  }
  deserializeTextEscaped(column, in, settings);
  if (quote) assertChar(quote, in);
}
void DataTypeDateBase::deserializeWholeText(Column& column, ReadBuffer& in, const FormatSettings& settings) const {
  std::string text;
  in.readAll(text);
  ReadBufferFromMemory buf(text);
  try {
    deserializeTextEscaped(column, buf, settings);
  } catch (const Exception&) {
    throw Exception(typeId() == TypeIndex::Date || typeId() == TypeIndex::Date32 ? ErrorCodes::CANNOT_PARSE_DATE
                                                                                   : ErrorCodes::CANNOT_PARSE_DATETIME,
                    "Cannot parse {} from String '{}'", name(), text);
  }
  if (!buf.eof()) {
    column.popBack(1);
    throw Exception(ErrorCodes::CANNOT_PARSE_TEXT, "Cannot parse string '{}' as {}: syntax error at position {} (parsed just '{}')",
                    text, name(), buf.offset(), text.substr(0, buf.offset()));
  }
}

// ---- Date ----

void DataTypeDate::serializeText(const Column& column, size_t n, WriteBuffer& out, const FormatSettings&) const {
  writeDateText(numberAt<UInt16>(column, n), out);
}
void DataTypeDate::deserializeTextEscaped(Column& column, ReadBuffer& in, const FormatSettings& settings) const {
  int64_t day = 0;
  if (!readDateValue(day, in, settings)) throwAtPosition(ErrorCodes::CANNOT_PARSE_DATE, "Cannot parse Date", in);
  if (day < 0) day = 0;
  if (day > kDateMaxDay) day = kDateMaxDay;
  static_cast<ColumnUInt16&>(column).insertValue(UInt16(day));
}
void DataTypeDate::serializeBinary(const Column& column, size_t n, WriteBuffer& out) const {
  UInt16 v = numberAt<UInt16>(column, n);
  out.write(reinterpret_cast<const char*>(&v), 2);
}
void DataTypeDate::deserializeBinary(Column& column, ReadBuffer& in) const {
  UInt16 v;
  in.readStrict(reinterpret_cast<char*>(&v), 2);
  static_cast<ColumnUInt16&>(column).insertValue(v);
}

// ---- Date32 ----

void DataTypeDate32::serializeText(const Column& column, size_t n, WriteBuffer& out, const FormatSettings&) const {
  writeDateText(numberAt<Int32>(column, n), out);
}
void DataTypeDate32::deserializeTextEscaped(Column& column, ReadBuffer& in, const FormatSettings& settings) const {
  int64_t day = 0;
  if (!readDateValue(day, in, settings)) throwAtPosition(ErrorCodes::CANNOT_PARSE_DATE, "Cannot parse Date32", in);
  day = std::clamp(day, kDate32MinDay, kDate32MaxDay);
  static_cast<ColumnInt32&>(column).insertValue(Int32(day));
}
void DataTypeDate32::serializeBinary(const Column& column, size_t n, WriteBuffer& out) const {
  Int32 v = numberAt<Int32>(column, n);
  out.write(reinterpret_cast<const char*>(&v), 4);
}
void DataTypeDate32::deserializeBinary(Column& column, ReadBuffer& in) const {
  Int32 v;
  in.readStrict(reinterpret_cast<char*>(&v), 4);
  static_cast<ColumnInt32&>(column).insertValue(v);
}

// ---- DateTime ----

std::string DataTypeDateTime::name() const {
  if (!explicit_zone_) return "DateTime";
  return "DateTime('" + zone_->name() + "')";
}
void DataTypeDateTime::serializeText(const Column& column, size_t n, WriteBuffer& out, const FormatSettings& settings) const {
  UInt32 t = numberAt<UInt32>(column, n);
  if (settings.date_time_output_format == "unix_timestamp") {
    writeIntText(t, out);
  } else if (settings.date_time_output_format == "iso") {
    // YYYY-MM-DDThh:mm:ssZ in UTC
    std::string s;
    WriteBufferFromString buf(s);
    writeDateTimeText(t, TimeZone::utc(), buf);
    buf.finalize();
    s[10] = 'T';
    out.write(s);
    out.write('Z');
  } else {
    writeDateTimeText(t, *zone_, out);
  }
}
void DataTypeDateTime::deserializeTextEscaped(Column& column, ReadBuffer& in, const FormatSettings& settings) const {
  int64_t t = 0;
  if (!readDateTimeValue(t, in, *zone_, settings))
    throwAtPosition(ErrorCodes::CANNOT_PARSE_DATETIME, "Cannot parse DateTime", in);
  if (t < 0) t = 0;
  if (t > int64_t(UINT32_MAX)) t = UINT32_MAX;
  static_cast<ColumnUInt32&>(column).insertValue(UInt32(t));
}
void DataTypeDateTime::serializeBinary(const Column& column, size_t n, WriteBuffer& out) const {
  UInt32 v = numberAt<UInt32>(column, n);
  out.write(reinterpret_cast<const char*>(&v), 4);
}
void DataTypeDateTime::deserializeBinary(Column& column, ReadBuffer& in) const {
  UInt32 v;
  in.readStrict(reinterpret_cast<char*>(&v), 4);
  static_cast<ColumnUInt32&>(column).insertValue(v);
}

// ---- DateTime64 ----

int64_t DataTypeDateTime64::scaleMultiplier() const {
  int64_t m = 1;
  for (uint32_t i = 0; i < scale_; ++i) m *= 10;
  return m;
}
std::string DataTypeDateTime64::name() const {
  if (!explicit_zone_) return "DateTime64(" + std::to_string(scale_) + ")";
  return "DateTime64(" + std::to_string(scale_) + ", '" + zone_->name() + "')";
}
void DataTypeDateTime64::serializeText(const Column& column, size_t n, WriteBuffer& out, const FormatSettings&) const {
  writeDateTime64Text(numberAt<Int64>(column, n), scale_, *zone_, out);
}
void DataTypeDateTime64::deserializeTextEscaped(Column& column, ReadBuffer& in, const FormatSettings& settings) const {
  int64_t t = 0, fraction = 0;
  bool ok;
  if (settings.date_time_best_effort && g_best_effort)
    ok = g_best_effort(t, fraction, scale_, in, *zone_);
  else
    ok = tryReadDateTimeText(t, in, *zone_, &fraction, scale_);
  if (!ok) throwAtPosition(ErrorCodes::CANNOT_PARSE_DATETIME, "Cannot parse DateTime64", in);
  static_cast<ColumnInt64&>(column).insertValue(t * scaleMultiplier() + fraction);
}
void DataTypeDateTime64::serializeBinary(const Column& column, size_t n, WriteBuffer& out) const {
  Int64 v = numberAt<Int64>(column, n);
  out.write(reinterpret_cast<const char*>(&v), 8);
}
void DataTypeDateTime64::deserializeBinary(Column& column, ReadBuffer& in) const {
  Int64 v;
  in.readStrict(reinterpret_cast<char*>(&v), 8);
  static_cast<ColumnInt64&>(column).insertValue(v);
}

}  // namespace tally
