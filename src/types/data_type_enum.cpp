#include "types/data_type_enum.h"

#include <algorithm>

#include "common/exception.h"
#include "io/read_helpers.h"
#include "io/write_helpers.h"

namespace tally {

template <typename T>
DataTypeEnum<T>::DataTypeEnum(Values values) : values_(std::move(values)) {
  if (values_.empty()) throw Exception(ErrorCodes::EMPTY_DATA_PASSED, "DataTypeEnum enumeration cannot be empty");
  std::sort(values_.begin(), values_.end(), [](const auto& a, const auto& b) { return a.second < b.second; });
  for (const auto& [name, value] : values_) {
    if (!by_name_.emplace(name, value).second)
      throw Exception(ErrorCodes::SYNTAX_ERROR, "Duplicate names in enum: '{}' = {}", name, int64_t(value));
    if (!by_value_.emplace(value, name).second)
      throw Exception(ErrorCodes::SYNTAX_ERROR, "Duplicate values in enum: '{}' = {}", name, int64_t(value));
  }
}

template <typename T>
const std::string& DataTypeEnum<T>::nameOf(T value) const {
  auto it = by_value_.find(value);
  if (it == by_value_.end())
    throw Exception(ErrorCodes::UNKNOWN_ELEMENT_OF_ENUM, "Unexpected value {} in enum", int64_t(value));
  return it->second;
}

template <typename T>
bool DataTypeEnum<T>::hasName(std::string_view name, T& value) const {
  auto it = by_name_.find(std::string(name));
  if (it == by_name_.end()) return false;
  value = it->second;
  return true;
}

template <typename T>
std::string DataTypeEnum<T>::name() const {
  std::string s = familyName() + "(";
  for (size_t i = 0; i < values_.size(); ++i) {
    if (i) s += ", ";
    std::string quoted;
    {
      WriteBufferFromString out(quoted);
      writeQuotedString(values_[i].first, out);
      out.finalize();
    }
    s += quoted + " = " + std::to_string(int64_t(values_[i].second));
  }
  return s + ")";
}

template <typename T>
static T enumAt(const Column& column, size_t n) {
  return static_cast<const ColumnVector<T>&>(column).getData()[n];
}

template <typename T>
void DataTypeEnum<T>::serializeText(const Column& column, size_t n, WriteBuffer& out, const FormatSettings&) const {
  out.write(nameOf(enumAt<T>(column, n)));
}
template <typename T>
void DataTypeEnum<T>::serializeTextEscaped(const Column& column, size_t n, WriteBuffer& out, const FormatSettings&) const {
  writeEscapedString(nameOf(enumAt<T>(column, n)), out);
}
template <typename T>
void DataTypeEnum<T>::serializeTextQuoted(const Column& column, size_t n, WriteBuffer& out, const FormatSettings&) const {
  writeQuotedString(nameOf(enumAt<T>(column, n)), out);
}
template <typename T>
void DataTypeEnum<T>::serializeTextJSON(const Column& column, size_t n, WriteBuffer& out, const FormatSettings& s) const {
  writeJSONString(nameOf(enumAt<T>(column, n)), out, s.json.escape_forward_slashes);
}
template <typename T>
void DataTypeEnum<T>::serializeTextCSV(const Column& column, size_t n, WriteBuffer& out, const FormatSettings&) const {
  writeCSVString(nameOf(enumAt<T>(column, n)), out);
}

template <typename T>
void DataTypeEnum<T>::insertByName(Column& column, std::string_view name) const {
  T value;
  if (!hasName(name, value)) {
    // A number is accepted too.
    int64_t number;
    if (tryParseWhole(name, number) && hasValue(T(number))) {
      static_cast<ColumnVector<T>&>(column).insertValue(T(number));
      return;
    }
    std::string list;
    for (const auto& [n, v] : values_) list += (list.empty() ? "'" : ", '") + n + "'";
    throw Exception(ErrorCodes::UNKNOWN_ELEMENT_OF_ENUM, "Unknown element '{}' for enum, possible values: [{}]", name,
                    list);
  }
  static_cast<ColumnVector<T>&>(column).insertValue(value);
}

template <typename T>
void DataTypeEnum<T>::deserializeWholeText(Column& column, ReadBuffer& in, const FormatSettings&) const {
  std::string s;
  in.readAll(s);
  insertByName(column, s);
}
template <typename T>
void DataTypeEnum<T>::deserializeTextEscaped(Column& column, ReadBuffer& in, const FormatSettings&) const {
  std::string s;
  readEscapedStringInto(s, in);
  insertByName(column, s);
}
template <typename T>
void DataTypeEnum<T>::deserializeTextQuoted(Column& column, ReadBuffer& in, const FormatSettings&) const {
  std::string s;
  if (!in.eof() && *in.position() != '\'') {
    int64_t number;
    readIntText(number, in);
    insertByName(column, std::to_string(number));
    return;
  }
  readQuotedStringInto(s, in);
  insertByName(column, s);
}
template <typename T>
void DataTypeEnum<T>::deserializeTextJSON(Column& column, ReadBuffer& in, const FormatSettings&) const {
  std::string s;
  if (!in.eof() && *in.position() != '"') {
    int64_t number;
    readIntText(number, in);
    insertByName(column, std::to_string(number));
    return;
  }
  readJSONStringInto(s, in);
  insertByName(column, s);
}
template <typename T>
void DataTypeEnum<T>::deserializeTextCSV(Column& column, ReadBuffer& in, const FormatSettings& settings) const {
  std::string s;
  readCSVStringInto(s, in, settings.csv.delimiter, settings.csv.allow_single_quotes);
  insertByName(column, s);
}
template <typename T>
void DataTypeEnum<T>::serializeBinary(const Column& column, size_t n, WriteBuffer& out) const {
  T v = enumAt<T>(column, n);
  out.write(reinterpret_cast<const char*>(&v), sizeof(T));
}
template <typename T>
void DataTypeEnum<T>::deserializeBinary(Column& column, ReadBuffer& in) const {
  T v;
  in.readStrict(reinterpret_cast<char*>(&v), sizeof(T));
  static_cast<ColumnVector<T>&>(column).insertValue(v);
}

template class DataTypeEnum<Int8>;
template class DataTypeEnum<Int16>;

}  // namespace tally
