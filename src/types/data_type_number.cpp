#include "types/data_type_number.h"

#include <cmath>

#include "common/exception.h"
#include "io/read_helpers.h"
#include "io/write_helpers.h"

namespace tally {

template <typename T>
TypeIndex DataTypeNumber<T>::typeId() const {
  if constexpr (std::is_same_v<T, UInt8>) return TypeIndex::UInt8;
  else if constexpr (std::is_same_v<T, UInt16>) return TypeIndex::UInt16;
  else if constexpr (std::is_same_v<T, UInt32>) return TypeIndex::UInt32;
  else if constexpr (std::is_same_v<T, UInt64>) return TypeIndex::UInt64;
  else if constexpr (std::is_same_v<T, Int8>) return TypeIndex::Int8;
  else if constexpr (std::is_same_v<T, Int16>) return TypeIndex::Int16;
  else if constexpr (std::is_same_v<T, Int32>) return TypeIndex::Int32;
  else if constexpr (std::is_same_v<T, Int64>) return TypeIndex::Int64;
  else if constexpr (std::is_same_v<T, Float32>) return TypeIndex::Float32;
  else return TypeIndex::Float64;
}

template <typename T>
std::string DataTypeNumber<T>::name() const {
  if constexpr (std::is_same_v<T, UInt8>) return "UInt8";
  else if constexpr (std::is_same_v<T, UInt16>) return "UInt16";
  else if constexpr (std::is_same_v<T, UInt32>) return "UInt32";
  else if constexpr (std::is_same_v<T, UInt64>) return "UInt64";
  else if constexpr (std::is_same_v<T, Int8>) return "Int8";
  else if constexpr (std::is_same_v<T, Int16>) return "Int16";
  else if constexpr (std::is_same_v<T, Int32>) return "Int32";
  else if constexpr (std::is_same_v<T, Int64>) return "Int64";
  else if constexpr (std::is_same_v<T, Float32>) return "Float32";
  else return "Float64";
}

template <typename T>
static T valueAt(const Column& column, size_t n) {
  return static_cast<const ColumnVector<T>&>(column).getData()[n];
}

template <typename T>
void DataTypeNumber<T>::serializeText(const Column& column, size_t n, WriteBuffer& out, const FormatSettings&) const {
  writeNumberText(valueAt<T>(column, n), out);
}

template <typename T>
void DataTypeNumber<T>::serializeTextJSON(const Column& column, size_t n, WriteBuffer& out,
                                          const FormatSettings& settings) const {
  T value = valueAt<T>(column, n);
  if constexpr (std::is_floating_point_v<T>) {
    if (!std::isfinite(value)) {
      if (settings.json.quote_denormals) {
        out.write('"');
        writeFloatText(value, out);
        out.write('"');
      } else {
        out.write("null");
      }
      return;
    }
    bool quote = settings.json.quote_64bit_floats && sizeof(T) == 8;
    if (quote) out.write('"');
    writeFloatText(value, out);
    if (quote) out.write('"');
  } else {
    bool quote = settings.json.quote_64bit_integers && sizeof(T) == 8;
    if (quote) out.write('"');
    writeIntText(value, out);
    if (quote) out.write('"');
  }
}

void throwCannotParseWhole(std::string_view text, size_t parsed, const std::string& type_name) {
  std::string where = parsed == 0 ? "at begin of string"
                                  : fmt::format("at position {} (parsed just '{}')", parsed, text.substr(0, parsed));
  throw Exception(ErrorCodes::CANNOT_PARSE_TEXT,
                  "Cannot parse string '{}' as {}: syntax error {}. Note: there are to{}OrZero and to{}OrNull "
                  "functions, which returns zero/NULL instead of throwing exception.",
                  text, type_name, where, type_name, type_name);
}

template <typename T>
static bool readNumber(T& value, ReadBuffer& in) {
  if constexpr (std::is_floating_point_v<T>)
    return tryReadFloatText(value, in);
  else
    return tryReadIntText(value, in);
}

template <typename T>
void DataTypeNumber<T>::deserializeWholeText(Column& column, ReadBuffer& in, const FormatSettings&) const {
  std::string text;
  in.readAll(text);
  ReadBufferFromMemory buf(text);
  T value{};
  if (!readNumber(value, buf) || !buf.eof()) throwCannotParseWhole(text, buf.offset(), name());
  static_cast<ColumnVector<T>&>(column).insertValue(value);
}

template <typename T>
void DataTypeNumber<T>::deserializeTextEscaped(Column& column, ReadBuffer& in, const FormatSettings&) const {
  T value{};
  if (!readNumber(value, in)) throwAtPosition(ErrorCodes::CANNOT_PARSE_NUMBER, "Cannot parse " + name() + " number", in);
  static_cast<ColumnVector<T>&>(column).insertValue(value);
}

template <typename T>
void DataTypeNumber<T>::deserializeTextQuoted(Column& column, ReadBuffer& in, const FormatSettings& settings) const {
  deserializeTextEscaped(column, in, settings);
}

template <typename T>
void DataTypeNumber<T>::deserializeTextJSON(Column& column, ReadBuffer& in, const FormatSettings& settings) const {
  bool quoted = checkChar('"', in);
  if (!quoted) {
    // true/false are accepted as 1/0 for numbers.
    if (checkString("true", in)) {
      static_cast<ColumnVector<T>&>(column).insertValue(T(1));
      return;
    }
    if (checkString("false", in)) {
      static_cast<ColumnVector<T>&>(column).insertValue(T(0));
      return;
    }
  }
  deserializeTextEscaped(column, in, settings);
  if (quoted) assertChar('"', in);
}

template <typename T>
void DataTypeNumber<T>::deserializeTextCSV(Column& column, ReadBuffer& in, const FormatSettings& settings) const {
  char quote = 0;
  if (!in.eof() && (*in.position() == '"' || *in.position() == '\'')) {
    quote = *in.position();
    in.setPosition(in.position() + 1);
  }
  deserializeTextEscaped(column, in, settings);
  if (quote) assertChar(quote, in);
}

template <typename T>
void DataTypeNumber<T>::serializeBinary(const Column& column, size_t n, WriteBuffer& out) const {
  T value = valueAt<T>(column, n);
  out.write(reinterpret_cast<const char*>(&value), sizeof(T));
}

template <typename T>
void DataTypeNumber<T>::deserializeBinary(Column& column, ReadBuffer& in) const {
  T value;
  in.readStrict(reinterpret_cast<char*>(&value), sizeof(T));
  static_cast<ColumnVector<T>&>(column).insertValue(value);
}

template class DataTypeNumber<UInt8>;
template class DataTypeNumber<UInt16>;
template class DataTypeNumber<UInt32>;
template class DataTypeNumber<UInt64>;
template class DataTypeNumber<Int8>;
template class DataTypeNumber<Int16>;
template class DataTypeNumber<Int32>;
template class DataTypeNumber<Int64>;
template class DataTypeNumber<Float32>;
template class DataTypeNumber<Float64>;

#define TALLY_SHARED_TYPE(FN, T)                              \
  DataTypePtr FN() {                                          \
    static const DataTypePtr type = std::make_shared<T>();    \
    return type;                                              \
  }
TALLY_SHARED_TYPE(typeUInt8, DataTypeUInt8)
TALLY_SHARED_TYPE(typeUInt16, DataTypeUInt16)
TALLY_SHARED_TYPE(typeUInt32, DataTypeUInt32)
TALLY_SHARED_TYPE(typeUInt64, DataTypeUInt64)
TALLY_SHARED_TYPE(typeInt8, DataTypeInt8)
TALLY_SHARED_TYPE(typeInt16, DataTypeInt16)
TALLY_SHARED_TYPE(typeInt32, DataTypeInt32)
TALLY_SHARED_TYPE(typeInt64, DataTypeInt64)
TALLY_SHARED_TYPE(typeFloat32, DataTypeFloat32)
TALLY_SHARED_TYPE(typeFloat64, DataTypeFloat64)
#undef TALLY_SHARED_TYPE

}  // namespace tally
