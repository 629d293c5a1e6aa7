// The JSON functions with a fixed result type: JSONHas, isValidJSON, JSONLength, JSONKey,
// JSONType, JSONExtractInt / UInt / Float / Bool / String / Raw, JSONExtractArrayRaw,
// JSONExtractKeys, JSONExtractKeysAndValuesRaw. The first argument is a String with a JSON
// document, the rest a path of keys and 1-based indexes; a malformed document or a missing
// path gives the default value.

#include <limits>

#include "columns/column_array.h"
#include "columns/column_string.h"
#include "columns/column_tuple.h"
#include "columns/column_vector.h"
#include "common/exception.h"
#include "functions/function_factory.h"
#include "functions/json/json_document.h"
#include "functions/json/json_numbers.h"
#include "types/data_type_array.h"
#include "types/data_type_enum.h"
#include "types/data_type_number.h"
#include "types/data_type_string.h"

namespace tally {

namespace json_functions {

using json::Element;
using simdjson::dom::element_type;

template <typename Impl>
class FunctionJSON final : public IFunction {
 public:
  std::string getName() const override { return Impl::name; }
  bool isVariadic() const override { return true; }

  DataTypePtr getReturnType(const ColumnsWithTypeAndName& arguments) const override {
    if constexpr (Impl::no_path) {
      if (arguments.size() != 1)
        throw Exception(ErrorCodes::NUMBER_OF_ARGUMENTS_DOESNT_MATCH, "Function {} needs exactly one argument", Impl::name);
    }
    json::checkJSONArguments(Impl::name, arguments, 1, arguments.empty() ? 0 : arguments.size() - 1);
    return Impl::returnType();
  }

  ColumnPtr execute(const ColumnsWithTypeAndName& arguments, const DataTypePtr& result_type, size_t rows) const override {
    MutableColumnPtr to = result_type->createColumn();
    to->reserve(rows);
    std::vector<json::PathStep> path = json::preparePath(arguments, 1, arguments.size() - 1);
    json::JSONRowParser parser(arguments[0].column);
    Impl impl;
    parser.run(path, arguments, rows, *to,
               [&](Column& column, const Element& element, std::string_view last_key) {
                 return impl.insert(column, element, last_key);
               });
    return to;
  }
};

struct HasImpl {
  static constexpr const char* name = "JSONHas";
  static constexpr bool no_path = false;
  static DataTypePtr returnType() { return typeUInt8(); }
  bool insert(Column& to, const Element&, std::string_view) {
    static_cast<ColumnUInt8&>(to).insertValue(1);
    return true;
  }
};

struct IsValidImpl : HasImpl {
  static constexpr const char* name = "isValidJSON";
  static constexpr bool no_path = true;
};

struct LengthImpl {
  static constexpr const char* name = "JSONLength";
  static constexpr bool no_path = false;
  static DataTypePtr returnType() { return typeUInt64(); }
  bool insert(Column& to, const Element& element, std::string_view) {
    size_t size;
    if (element.is_array()) size = element.get_array().value_unsafe().size();
    else if (element.is_object()) size = element.get_object().value_unsafe().size();
    else return false;
    static_cast<ColumnUInt64&>(to).insertValue(size);
    return true;
  }
};

struct KeyImpl {
  static constexpr const char* name = "JSONKey";
  static constexpr bool no_path = false;
  static DataTypePtr returnType() { return std::make_shared<DataTypeString>(); }
  bool insert(Column& to, const Element&, std::string_view last_key) {
    if (last_key.empty()) return false;
    static_cast<ColumnString&>(to).insertData(last_key);
    return true;
  }
};

struct TypeImpl {
  static constexpr const char* name = "JSONType";
  static constexpr bool no_path = false;
  static DataTypePtr returnType() {
    return std::make_shared<DataTypeEnum8>(DataTypeEnum8::Values{{"Array", '['},
                                                                 {"Object", '{'},
                                                                 {"String", '"'},
                                                                 {"Int64", 'i'},
                                                                 {"UInt64", 'u'},
                                                                 {"Double", 'd'},
                                                                 {"Bool", 'b'},
                                                                 {"Null", 0}});
  }
  bool insert(Column& to, const Element& element, std::string_view) {
    Int8 type = 0;
    switch (element.type()) {
      case element_type::INT64: type = 'i'; break;
      case element_type::UINT64: type = 'u'; break;
      case element_type::DOUBLE: type = 'd'; break;
      case element_type::STRING: type = '"'; break;
      case element_type::ARRAY: type = '['; break;
      case element_type::OBJECT: type = '{'; break;
      case element_type::BOOL: type = 'b'; break;
      case element_type::NULL_VALUE: type = 0; break;
    }
    static_cast<ColumnInt8&>(to).insertValue(type);
    return true;
  }
};

template <typename T>
struct NumberImpl {
  static constexpr const char* name = std::is_same_v<T, Int64>    ? "JSONExtractInt"
                                      : std::is_same_v<T, UInt64> ? "JSONExtractUInt"
                                                                  : "JSONExtractFloat";
  static constexpr bool no_path = false;
  static DataTypePtr returnType() {
    if constexpr (std::is_same_v<T, Int64>) return typeInt64();
    else if constexpr (std::is_same_v<T, UInt64>) return typeUInt64();
    else return typeFloat64();
  }
  bool insert(Column& to, const Element& element, std::string_view) {
    T value;
    if (!json::numberFromElement(element, value, /*convert_bool=*/false)) return false;
    static_cast<ColumnVector<T>&>(to).insertValue(value);
    return true;
  }
};

struct BoolImpl {
  static constexpr const char* name = "JSONExtractBool";
  static constexpr bool no_path = false;
  static DataTypePtr returnType() { return typeUInt8(); }
  bool insert(Column& to, const Element& element, std::string_view) {
    bool value;
    switch (element.type()) {
      case element_type::BOOL: value = element.get_bool().value_unsafe(); break;
      case element_type::INT64: value = element.get_int64().value_unsafe() != 0; break;
      case element_type::UINT64: value = element.get_uint64().value_unsafe() != 0; break;
      default: return false;
    }
    static_cast<ColumnUInt8&>(to).insertValue(value);
    return true;
  }
};

struct RawImpl {
  static constexpr const char* name = "JSONExtractRaw";
  static constexpr bool no_path = false;
  static DataTypePtr returnType() { return std::make_shared<DataTypeString>(); }
  std::string buffer;
  bool insert(Column& to, const Element& element, std::string_view) {
    buffer.clear();
    json::appendRawJSON(element, buffer);
    static_cast<ColumnString&>(to).insertData(buffer);
    return true;
  }
};

struct StringImpl : RawImpl {
  static constexpr const char* name = "JSONExtractString";
  bool insert(Column& to, const Element& element, std::string_view key) {
    if (element.is_null()) return false;
    if (!element.is_string()) return RawImpl::insert(to, element, key);
    static_cast<ColumnString&>(to).insertData(element.get_string().value_unsafe());
    return true;
  }
};

struct ArrayRawImpl {
  static constexpr const char* name = "JSONExtractArrayRaw";
  static constexpr bool no_path = false;
  static DataTypePtr returnType() { return std::make_shared<DataTypeArray>(std::make_shared<DataTypeString>()); }
  std::string buffer;
  bool insert(Column& to, const Element& element, std::string_view) {
    if (!element.is_array()) return false;
    auto& array = static_cast<ColumnArray&>(to);
    auto& strings = static_cast<ColumnString&>(array.getData());
    for (Element value : simdjson::dom::array(element.get_array().value_unsafe())) {
      buffer.clear();
      json::appendRawJSON(value, buffer);
      strings.insertData(buffer);
    }
    array.getOffsets().push_back(strings.size());
    return true;
  }
};

struct KeysImpl {
  static constexpr const char* name = "JSONExtractKeys";
  static constexpr bool no_path = false;
  static DataTypePtr returnType() { return std::make_shared<DataTypeArray>(std::make_shared<DataTypeString>()); }
  bool insert(Column& to, const Element& element, std::string_view) {
    if (!element.is_object()) return false;
    auto& array = static_cast<ColumnArray&>(to);
    auto& strings = static_cast<ColumnString&>(array.getData());
    for (auto field : simdjson::dom::object(element.get_object().value_unsafe())) strings.insertData(field.key);
    array.getOffsets().push_back(strings.size());
    return true;
  }
};

struct KeysAndValuesRawImpl {
  static constexpr const char* name = "JSONExtractKeysAndValuesRaw";
  static constexpr bool no_path = false;
  static DataTypePtr returnType() {
    DataTypePtr s = std::make_shared<DataTypeString>();
    return std::make_shared<DataTypeArray>(std::make_shared<DataTypeTuple>(DataTypes{s, s}));
  }
  std::string buffer;
  bool insert(Column& to, const Element& element, std::string_view) {
    if (!element.is_object()) return false;
    auto& array = static_cast<ColumnArray&>(to);
    auto& tuple = static_cast<ColumnTuple&>(array.getData());
    auto& keys = static_cast<ColumnString&>(tuple.getColumn(0));
    auto& values = static_cast<ColumnString&>(tuple.getColumn(1));
    for (auto field : simdjson::dom::object(element.get_object().value_unsafe())) {
      keys.insertData(field.key);
      buffer.clear();
      json::appendRawJSON(field.value, buffer);
      values.insertData(buffer);
    }
    array.getOffsets().push_back(keys.size());
    return true;
  }
};

template <typename Impl>
void registerJSON(FunctionFactory& factory, const char* description, const char* syntax) {
  factory.registerFunction(
      Impl::name, [](const FunctionContext&) { return std::make_shared<FunctionJSON<Impl>>(); },
      FunctionDocumentation{.description = description, .syntax = syntax, .category = "JSON"});
}

}  // namespace json_functions

REGISTER_FUNCTION(JSONFunctions) {
  using namespace json_functions;
  registerJSON<HasImpl>(factory, "1 if the value at the path exists.", "JSONHas(json[, indices_or_keys, ...])");
  registerJSON<IsValidImpl>(factory, "1 if the string is valid JSON.", "isValidJSON(json)");
  registerJSON<LengthImpl>(factory, "Length of the JSON array or object at the path, else 0.",
                           "JSONLength(json[, indices_or_keys, ...])");
  registerJSON<KeyImpl>(factory, "The key of the object member the path reaches.", "JSONKey(json[, indices_or_keys, ...])");
  registerJSON<TypeImpl>(factory, "The type of the JSON value at the path (Null if absent).",
                         "JSONType(json[, indices_or_keys, ...])");
  registerJSON<NumberImpl<Int64>>(factory, "The value at the path as Int64, else 0.",
                                  "JSONExtractInt(json[, indices_or_keys, ...])");
  registerJSON<NumberImpl<UInt64>>(factory, "The value at the path as UInt64, else 0.",
                                   "JSONExtractUInt(json[, indices_or_keys, ...])");
  registerJSON<NumberImpl<Float64>>(factory, "The value at the path as Float64, else 0.",
                                    "JSONExtractFloat(json[, indices_or_keys, ...])");
  registerJSON<BoolImpl>(factory, "The boolean (or integer) at the path as 0/1, else 0.",
                         "JSONExtractBool(json[, indices_or_keys, ...])");
  registerJSON<StringImpl>(factory, "The string at the path (other values as raw JSON), else ''.",
                           "JSONExtractString(json[, indices_or_keys, ...])");
  registerJSON<RawImpl>(factory, "The JSON text of the value at the path, else ''.",
                        "JSONExtractRaw(json[, indices_or_keys, ...])");
  registerJSON<ArrayRawImpl>(factory, "The elements of the JSON array at the path as raw JSON strings.",
                             "JSONExtractArrayRaw(json[, indices_or_keys, ...])");
  registerJSON<KeysImpl>(factory, "The keys of the JSON object at the path.", "JSONExtractKeys(json[, indices_or_keys, ...])");
  registerJSON<KeysAndValuesRawImpl>(factory, "The members of the JSON object at the path as (key, raw value) pairs.",
                                     "JSONExtractKeysAndValuesRaw(json[, indices_or_keys, ...])");
}

}  // namespace tally
