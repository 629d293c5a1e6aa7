#include "types/data_type_misc.h"

#include <algorithm>
#include <cctype>

#include "common/exception.h"
#include "io/read_helpers.h"
#include "io/write_helpers.h"

namespace tally {

DataTypePtr typeBool() {
  static const DataTypePtr type = std::make_shared<DataTypeBool>();
  return type;
}
DataTypePtr typeNothing() {
  static const DataTypePtr type = std::make_shared<DataTypeNothing>();
  return type;
}
DataTypePtr typeUUID() {
  static const DataTypePtr type = std::make_shared<DataTypeUUID>();
  return type;
}

// ---- Bool ----

static UInt8 boolAt(const Column& column, size_t n) { return static_cast<const ColumnUInt8&>(column).getData()[n]; }

void DataTypeBool::serializeText(const Column& column, size_t n, WriteBuffer& out, const FormatSettings& settings) const {
  out.write(boolAt(column, n) ? settings.bool_true_representation : settings.bool_false_representation);
}
void DataTypeBool::serializeTextJSON(const Column& column, size_t n, WriteBuffer& out, const FormatSettings&) const {
  out.write(boolAt(column, n) ? "true" : "false");
}

static bool readBoolText(UInt8& value, ReadBuffer& in) {
  if (in.eof()) return false;
  static const std::pair<const char*, UInt8> words[] = {{"true", 1}, {"false", 0}, {"yes", 1}, {"no", 0},
                                                        {"on", 1},   {"off", 0},   {"enable", 1}, {"disable", 0},
                                                        {"enabled", 1}, {"disabled", 0}};
  char c = *in.position();
  if (c == '1' || c == '0') {
    value = c == '1';
    in.setPosition(in.position() + 1);
    return true;
  }
  if (c == 't' || c == 'T' || c == 'f' || c == 'F') {
    if (checkStringCaseInsensitive("true", in)) {
      value = 1;
      return true;
    }
    if (checkStringCaseInsensitive("false", in)) {
      value = 0;
      return true;
    }
    if (c == 't' || c == 'T') {
      value = 1;
      in.setPosition(in.position() + 1);
      return true;
    }
    value = 0;
    in.setPosition(in.position() + 1);
    return true;
  }
  for (const auto& [word, v] : words) {
    if (checkStringCaseInsensitive(word, in)) {
      value = v;
      return true;
    }
  }
  return false;
}

void DataTypeBool::deserializeWholeText(Column& column, ReadBuffer& in, const FormatSettings&) const {
  std::string text;
  in.readAll(text);
  ReadBufferFromMemory buf(text);
  UInt8 v;
  if (!readBoolText(v, buf) || !buf.eof())
    throw Exception(ErrorCodes::CANNOT_PARSE_BOOL, "Cannot parse boolean value here: '{}'", text);
  static_cast<ColumnUInt8&>(column).insertValue(v);
}
void DataTypeBool::deserializeTextEscaped(Column& column, ReadBuffer& in, const FormatSettings&) const {
  UInt8 v;
  if (!readBoolText(v, in)) throwAtPosition(ErrorCodes::CANNOT_PARSE_BOOL, "Cannot parse boolean value", in);
  static_cast<ColumnUInt8&>(column).insertValue(v);
}
void DataTypeBool::deserializeTextQuoted(Column& column, ReadBuffer& in, const FormatSettings& s) const {
  bool quoted = checkChar('\'', in);
  deserializeTextEscaped(column, in, s);
  if (quoted) assertChar('\'', in);
}
void DataTypeBool::deserializeTextJSON(Column& column, ReadBuffer& in, const FormatSettings& s) const {
  bool quoted = checkChar('"', in);
  deserializeTextEscaped(column, in, s);
  if (quoted) assertChar('"', in);
}
void DataTypeBool::deserializeTextCSV(Column& column, ReadBuffer& in, const FormatSettings& s) const {
  bool quoted = checkChar('"', in);
  deserializeTextEscaped(column, in, s);
  if (quoted) assertChar('"', in);
}
void DataTypeBool::serializeBinary(const Column& column, size_t n, WriteBuffer& out) const { out.write(char(boolAt(column, n))); }
void DataTypeBool::deserializeBinary(Column& column, ReadBuffer& in) const {
  char c;
  in.readStrict(&c, 1);
  static_cast<ColumnUInt8&>(column).insertValue(c != 0);
}

// ---- UUID ----

static const UInt128& uuidAt(const Column& column, size_t n) {
  return static_cast<const ColumnUInt128&>(column).getData()[n];
}
void DataTypeUUID::serializeText(const Column& column, size_t n, WriteBuffer& out, const FormatSettings&) const {
  writeUUIDText(uuidAt(column, n), out);
}
void DataTypeUUID::serializeTextQuoted(const Column& column, size_t n, WriteBuffer& out, const FormatSettings& s) const {
  out.write('\'');
  serializeText(column, n, out, s);
  out.write('\'');
}
void DataTypeUUID::serializeTextJSON(const Column& column, size_t n, WriteBuffer& out, const FormatSettings& s) const {
  out.write('"');
  serializeText(column, n, out, s);
  out.write('"');
}
void DataTypeUUID::serializeTextCSV(const Column& column, size_t n, WriteBuffer& out, const FormatSettings& s) const {
  out.write('"');
  serializeText(column, n, out, s);
  out.write('"');
}
void DataTypeUUID::deserializeWholeText(Column& column, ReadBuffer& in, const FormatSettings& s) const {
  std::string text;
  in.readAll(text);
  ReadBufferFromMemory buf(text);
  UInt128 v;
  if (!tryReadUUIDText(v, buf) || !buf.eof())
    throw Exception(ErrorCodes::CANNOT_PARSE_UUID, "Cannot parse uuid {}", text);
  static_cast<ColumnUInt128&>(column).insertValue(v);
}
void DataTypeUUID::deserializeTextEscaped(Column& column, ReadBuffer& in, const FormatSettings&) const {
  UInt128 v;
  if (!tryReadUUIDText(v, in)) throwAtPosition(ErrorCodes::CANNOT_PARSE_UUID, "Cannot parse uuid", in);
  static_cast<ColumnUInt128&>(column).insertValue(v);
}
void DataTypeUUID::deserializeTextQuoted(Column& column, ReadBuffer& in, const FormatSettings& s) const {
  assertChar('\'', in);
  deserializeTextEscaped(column, in, s);
  assertChar('\'', in);
}
void DataTypeUUID::deserializeTextJSON(Column& column, ReadBuffer& in, const FormatSettings& s) const {
  assertChar('"', in);
  deserializeTextEscaped(column, in, s);
  assertChar('"', in);
}
void DataTypeUUID::deserializeTextCSV(Column& column, ReadBuffer& in, const FormatSettings& s) const {
  bool quoted = checkChar('"', in);
  deserializeTextEscaped(column, in, s);
  if (quoted) assertChar('"', in);
}
void DataTypeUUID::serializeBinary(const Column& column, size_t n, WriteBuffer& out) const {
  const UInt128& v = uuidAt(column, n);
  out.write(reinterpret_cast<const char*>(&v.high), 8);
  out.write(reinterpret_cast<const char*>(&v.low), 8);
}
void DataTypeUUID::deserializeBinary(Column& column, ReadBuffer& in) const {
  UInt128 v;
  in.readStrict(reinterpret_cast<char*>(&v.high), 8);
  in.readStrict(reinterpret_cast<char*>(&v.low), 8);
  static_cast<ColumnUInt128&>(column).insertValue(v);
}

// ---- Nothing ----

void DataTypeNothing::serializeText(const Column&, size_t, WriteBuffer& out, const FormatSettings&) const {
  out.write("NULL");
}
void DataTypeNothing::deserializeWholeText(Column&, ReadBuffer&, const FormatSettings&) const {
  throw Exception(ErrorCodes::CANNOT_PARSE_TEXT, "Cannot read a value of type Nothing");
}

// ---- Interval ----

std::string intervalKindName(IntervalKind kind) {
  switch (kind) {
    case IntervalKind::Nanosecond: return "Nanosecond";
    case IntervalKind::Microsecond: return "Microsecond";
    case IntervalKind::Millisecond: return "Millisecond";
    case IntervalKind::Second: return "Second";
    case IntervalKind::Minute: return "Minute";
    case IntervalKind::Hour: return "Hour";
    case IntervalKind::Day: return "Day";
    case IntervalKind::Week: return "Week";
    case IntervalKind::Month: return "Month";
    case IntervalKind::Quarter: return "Quarter";
    case IntervalKind::Year: return "Year";
  }
  return "";
}

int64_t intervalKindSeconds(IntervalKind kind) {
  switch (kind) {
    case IntervalKind::Nanosecond:
    case IntervalKind::Microsecond:
    case IntervalKind::Millisecond: return 0;
    case IntervalKind::Second: return 1;
    case IntervalKind::Minute: return 60;
    case IntervalKind::Hour: return 3600;
    case IntervalKind::Day: return 86400;
    case IntervalKind::Week: return 7 * 86400;
    case IntervalKind::Month: return 2629746;
    case IntervalKind::Quarter: return 3 * 2629746;
    case IntervalKind::Year: return 31556952;
  }
  return 0;
}

bool parseIntervalKind(std::string_view text, IntervalKind& kind) {
  std::string s(text);
  std::transform(s.begin(), s.end(), s.begin(), [](unsigned char c) { return std::tolower(c); });
  if (s.size() > 1 && s.back() == 's' && s != "ms" && s != "us" && s != "ns") s.pop_back();
  static const std::pair<const char*, IntervalKind> names[] = {
      {"nanosecond", IntervalKind::Nanosecond}, {"ns", IntervalKind::Nanosecond},
      {"microsecond", IntervalKind::Microsecond}, {"us", IntervalKind::Microsecond},
      {"millisecond", IntervalKind::Millisecond}, {"ms", IntervalKind::Millisecond},
      {"second", IntervalKind::Second}, {"ss", IntervalKind::Second}, {"s", IntervalKind::Second},
      {"minute", IntervalKind::Minute}, {"mi", IntervalKind::Minute}, {"n", IntervalKind::Minute},
      {"hour", IntervalKind::Hour}, {"hh", IntervalKind::Hour}, {"h", IntervalKind::Hour},
      {"day", IntervalKind::Day}, {"dd", IntervalKind::Day}, {"d", IntervalKind::Day},
      {"week", IntervalKind::Week}, {"wk", IntervalKind::Week}, {"ww", IntervalKind::Week},
      {"month", IntervalKind::Month}, {"mm", IntervalKind::Month}, {"m", IntervalKind::Month},
      {"quarter", IntervalKind::Quarter}, {"qq", IntervalKind::Quarter}, {"q", IntervalKind::Quarter},
      {"year", IntervalKind::Year}, {"yyyy", IntervalKind::Year}, {"yy", IntervalKind::Year}};
  for (const auto& [name, k] : names)
    if (s == name) {
      kind = k;
      return true;
    }
  return false;
}

void DataTypeInterval::serializeText(const Column& column, size_t n, WriteBuffer& out, const FormatSettings&) const {
  writeIntText(static_cast<const ColumnInt64&>(column).getData()[n], out);
}
void DataTypeInterval::deserializeWholeText(Column& column, ReadBuffer& in, const FormatSettings&) const {
  Int64 v;
  readIntText(v, in);
  static_cast<ColumnInt64&>(column).insertValue(v);
}
void DataTypeInterval::serializeBinary(const Column& column, size_t n, WriteBuffer& out) const {
  Int64 v = static_cast<const ColumnInt64&>(column).getData()[n];
  out.write(reinterpret_cast<const char*>(&v), 8);
}
void DataTypeInterval::deserializeBinary(Column& column, ReadBuffer& in) const {
  Int64 v;
  in.readStrict(reinterpret_cast<char*>(&v), 8);
  static_cast<ColumnInt64&>(column).insertValue(v);
}

// ---- Function ----

std::string DataTypeFunction::name() const {
  std::string s = "Function(";
  for (size_t i = 0; i < arguments_.size(); ++i) {
    if (i) s += ", ";
    s += arguments_[i] ? arguments_[i]->name() : "?";
  }
  s += ") -> ";
  s += result_ ? result_->name() : "?";
  return s;
}
MutableColumnPtr DataTypeFunction::createColumn() const {
  throw Exception(ErrorCodes::ILLEGAL_COLUMN, "A lambda function cannot be stored in a column");
}
void DataTypeFunction::serializeText(const Column&, size_t, WriteBuffer&, const FormatSettings&) const {
  throw Exception(ErrorCodes::ILLEGAL_COLUMN, "A lambda function cannot be printed");
}
void DataTypeFunction::deserializeWholeText(Column&, ReadBuffer&, const FormatSettings&) const {
  throw Exception(ErrorCodes::ILLEGAL_COLUMN, "A lambda function cannot be parsed");
}
void DataTypeFunction::serializeBinary(const Column&, size_t, WriteBuffer&) const {
  throw Exception(ErrorCodes::ILLEGAL_COLUMN, "A lambda function cannot be serialised");
}
void DataTypeFunction::deserializeBinary(Column&, ReadBuffer&) const {
  throw Exception(ErrorCodes::ILLEGAL_COLUMN, "A lambda function cannot be deserialised");
}

}  // namespace tally
