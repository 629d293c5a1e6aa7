// JSONExtract(json[, path...], 'Type') and JSONExtractKeysAndValues(json[, path...], 'Type'):
// JSON values converted to any type named by a constant string — numbers, Bool, String,
// FixedString, Date/Date32/DateTime/DateTime64 and UUID from strings, Enum, Nullable(T),
// LowCardinality(T), Array(T), Tuple(...) (from arrays by position, from objects by name or
// position). The type becomes a tree of converters built once per block; a value that does
// not fit gives the default (inside arrays and tuples: the element's default).

#include <algorithm>
#include <memory>
#include <unordered_map>

#include "columns/column_array.h"
#include "columns/column_const.h"
#include "columns/column_fixed_string.h"
#include "columns/column_low_cardinality.h"
#include "columns/column_nullable.h"
#include "columns/column_string.h"
#include "columns/column_tuple.h"
#include "columns/column_vector.h"
#include "common/civil_date.h"
#include "common/exception.h"
#include "functions/conversion/text_value_parsers.h"
#include "functions/function_factory.h"
#include "functions/json/json_document.h"
#include "functions/json/json_numbers.h"
#include "functions/type_dispatch.h"
#include "types/data_type_array.h"
#include "types/data_type_date.h"
#include "types/data_type_enum.h"
#include "types/data_type_factory.h"
#include "types/data_type_low_cardinality.h"
#include "types/data_type_nullable.h"
#include "types/data_type_string.h"

namespace tally {

namespace json_extract {

using json::Element;

/// Converts one JSON value and appends it to a column of its type; false (column unchanged)
/// if the value does not fit.
class Node {
 public:
  virtual ~Node() = default;
  virtual bool insert(Column& column, const Element& element) const = 0;
};
using NodePtr = std::unique_ptr<Node>;

template <typename T>
class NumberNode final : public Node {
 public:
  explicit NumberNode(bool is_bool) : is_bool_(is_bool) {}
  bool insert(Column& column, const Element& element) const override {
    T value;
    if (!json::numberFromElement(element, value, /*convert_bool=*/true)) return false;
    if constexpr (std::is_integral_v<T>)
      if (is_bool_) value = value != 0;
    static_cast<ColumnVector<T>&>(column).insertValue(value);
    return true;
  }

 private:
  bool is_bool_;
};

class StringNode final : public Node {
 public:
  bool insert(Column& column, const Element& element) const override {
    auto& strings = static_cast<ColumnString&>(column);
    if (element.is_null()) return false;
    if (element.is_string()) {
      strings.insertData(element.get_string().value_unsafe());
      return true;
    }
    buffer_.clear();
    json::appendRawJSON(element, buffer_);
    strings.insertData(buffer_);
    return true;
  }

 private:
  mutable std::string buffer_;
};

class FixedStringNode final : public Node {
 public:
  explicit FixedStringNode(size_t n) : n_(n) {}
  bool insert(Column& column, const Element& element) const override {
    if (element.is_null()) return false;
    std::string_view value;
    if (element.is_string()) {
      value = element.get_string().value_unsafe();
    } else {
      buffer_.clear();
      json::appendRawJSON(element, buffer_);
      value = buffer_;
    }
    if (value.size() > n_) return false;
    column.insertData(value.data(), value.size());
    return true;
  }

 private:
  size_t n_;
  mutable std::string buffer_;
};

/// Date, Date32, DateTime, DateTime64 and UUID: parsed from JSON strings (DateTime also from
/// a non-negative integer, DateTime64 from any number).
class TemporalNode final : public Node {
 public:
  explicit TemporalNode(DataTypePtr type) : type_(std::move(type)) {}
  bool insert(Column& column, const Element& element) const override {
    TypeIndex id = type_->typeId();
    if (!element.is_string()) {
      if (id == TypeIndex::DateTime && element.type() == simdjson::dom::element_type::UINT64) {
        static_cast<ColumnUInt32&>(column).insertValue(UInt32(element.get_uint64().value_unsafe()));
        return true;
      }
      if (id == TypeIndex::DateTime && element.type() == simdjson::dom::element_type::INT64 &&
          element.get_int64().value_unsafe() >= 0) {
        static_cast<ColumnUInt32&>(column).insertValue(UInt32(element.get_int64().value_unsafe()));
        return true;
      }
      if (id == TypeIndex::DateTime64 && element.is_number()) {
        const auto& t = static_cast<const DataTypeDateTime64&>(*type_);
        long double multiplier = 1;
        for (uint32_t i = 0; i < t.getScale(); ++i) multiplier *= 10;
        long double v = element.is_double() ? element.get_double().value_unsafe()
                        : element.type() == simdjson::dom::element_type::UINT64
                            ? static_cast<long double>(element.get_uint64().value_unsafe())
                            : static_cast<long double>(element.get_int64().value_unsafe());
        static_cast<ColumnInt64&>(column).insertValue(Int64(v * multiplier));
        return true;
      }
      return false;
    }
    std::string_view text = element.get_string().value_unsafe();
    const char* b = text.data();
    const char* e = b + text.size();
    switch (id) {
      case TypeIndex::Date:
      case TypeIndex::Date32: {
        int y = 0, m = 0, d = 0;
        TextParseResult r = parseDateParts(b, e, y, m, d);
        if (!r.ok() || r.consumed != text.size()) return false;
        if (id == TypeIndex::Date)
          static_cast<ColumnUInt16&>(column).insertValue(UInt16(std::clamp<int64_t>(calendarDayNum(y, m, d, 0), 0, 65535)));
        else
          static_cast<ColumnInt32&>(column).insertValue(Int32(calendarDayNum(y, m, d, kDate32MinDay)));
        return true;
      }
      case TypeIndex::DateTime: {
        int64_t t = 0;
        const auto& zone = static_cast<const DataTypeDateTime&>(*type_).timeZone();
        TextParseResult r = parseDateTimeText(b, e, zone, t, true);
        if (!r.ok() || r.consumed != text.size()) return false;
        static_cast<ColumnUInt32&>(column).insertValue(UInt32(std::clamp<int64_t>(t, 0, 0xFFFFFFFFLL)));
        return true;
      }
      case TypeIndex::DateTime64: {
        const auto& dt = static_cast<const DataTypeDateTime64&>(*type_);
        int64_t ticks = 0;
        TextParseResult r = parseDateTime64Text(b, e, dt.timeZone(), dt.getScale(), ticks, true);
        if (!r.ok() || r.consumed != text.size()) return false;
        static_cast<ColumnInt64&>(column).insertValue(ticks);
        return true;
      }
      default: {
        UInt128 uuid;
        TextParseResult r = parseUUIDText(b, e, uuid);
        if (!r.ok() || r.consumed != text.size()) return false;
        static_cast<ColumnUInt128&>(column).insertValue(uuid);
        return true;
      }
    }
  }

 private:
  DataTypePtr type_;
};

template <typename T>
class EnumNode final : public Node {
 public:
  explicit EnumNode(const DataTypeEnum<T>& type) : type_(type) {}
  bool insert(Column& column, const Element& element) const override {
    T value;
    if (element.type() == simdjson::dom::element_type::INT64 || element.type() == simdjson::dom::element_type::UINT64) {
      if (!json::numberFromElement(element, value, false) || !type_.hasValue(value)) return false;
    } else if (element.is_string()) {
      if (!type_.hasName(element.get_string().value_unsafe(), value)) return false;
    } else {
      return false;
    }
    static_cast<ColumnVector<T>&>(column).insertValue(value);
    return true;
  }

 private:
  const DataTypeEnum<T>& type_;
};

class NullableNode final : public Node {
 public:
  explicit NullableNode(NodePtr nested) : nested_(std::move(nested)) {}
  bool insert(Column& column, const Element& element) const override {
    auto& nullable = static_cast<ColumnNullable&>(column);
    if (element.is_null()) {
      nullable.insertDefault();
      return true;
    }
    if (!nested_->insert(nullable.getNestedColumn(), element)) return false;
    nullable.getNullMapData().push_back(0);
    return true;
  }

 private:
  NodePtr nested_;
};

class LowCardinalityNode final : public Node {
 public:
  LowCardinalityNode(NodePtr nested, DataTypePtr values_type, bool nullable)
      : nested_(std::move(nested)), scratch_(values_type->createColumn()), nullable_(nullable) {}
  bool insert(Column& column, const Element& element) const override {
    auto& lc = static_cast<ColumnLowCardinality&>(column);
    if (element.is_null() && nullable_) {
      lc.insertDefault();
      return true;
    }
    scratch_->popBack(scratch_->size());
    if (!nested_->insert(*scratch_, element)) return false;
    lc.insertFromFullColumn(*scratch_, 0);
    return true;
  }

 private:
  NodePtr nested_;
  MutableColumnPtr scratch_;
  bool nullable_;
};

class ArrayNode final : public Node {
 public:
  explicit ArrayNode(NodePtr nested) : nested_(std::move(nested)) {}
  bool insert(Column& column, const Element& element) const override {
    if (!element.is_array()) return false;
    auto& array = static_cast<ColumnArray&>(column);
    Column& data = array.getData();
    size_t old_size = data.size();
    bool any_valid = false;
    for (Element value : simdjson::dom::array(element.get_array().value_unsafe())) {
      if (nested_->insert(data, value)) any_valid = true;
      else data.insertDefault();
    }
    if (data.size() != old_size && !any_valid) {
      data.popBack(data.size() - old_size);
      return false;
    }
    array.getOffsets().push_back(data.size());
    return true;
  }

 private:
  NodePtr nested_;
};

class TupleNode final : public Node {
 public:
  TupleNode(std::vector<NodePtr> elements, const std::vector<std::string>& names) : elements_(std::move(elements)) {
    for (size_t i = 0; i < names.size(); ++i) by_name_.emplace(names[i], i);
  }
  bool insert(Column& column, const Element& element) const override {
    auto& tuple = static_cast<ColumnTuple&>(column);
    size_t old_size = tuple.size();
    bool any_valid = false;
    auto put = [&](size_t index, const Element& value) {
      if (elements_[index]->insert(tuple.getColumn(index), value)) any_valid = true;
      else tuple.getColumn(index).insertDefault();
    };
    if (element.is_array()) {
      size_t index = 0;
      for (Element value : simdjson::dom::array(element.get_array().value_unsafe())) {
        if (index == elements_.size()) break;
        put(index++, value);
      }
    } else if (element.is_object()) {
      if (by_name_.empty()) {
        size_t index = 0;
        for (auto field : simdjson::dom::object(element.get_object().value_unsafe())) {
          if (index == elements_.size()) break;
          put(index++, field.value);
        }
      } else {
        for (auto field : simdjson::dom::object(element.get_object().value_unsafe())) {
          auto it = by_name_.find(std::string(field.key));
          if (it == by_name_.end() || tuple.getColumn(it->second).size() != old_size) continue;
          if (elements_[it->second]->insert(tuple.getColumn(it->second), field.value)) any_valid = true;
        }
      }
    } else {
      return false;
    }
    size_t target = old_size + (any_valid ? 1 : 0);
    for (size_t i = 0; i < tuple.tupleSize(); ++i) {
      Column& c = tuple.getColumn(i);
      if (c.size() > target) c.popBack(c.size() - target);
      while (c.size() < target) c.insertDefault();
    }
    return any_valid;
  }

 private:
  std::vector<NodePtr> elements_;
  std::unordered_map<std::string, size_t> by_name_;
};

NodePtr buildNode(const DataTypePtr& type, const std::string& function) {
  TypeIndex id = type->typeId();
  switch (id) {
    case TypeIndex::Bool: return std::make_unique<NumberNode<UInt8>>(true);
    case TypeIndex::UInt8: return std::make_unique<NumberNode<UInt8>>(false);
    case TypeIndex::UInt16: return std::make_unique<NumberNode<UInt16>>(false);
    case TypeIndex::UInt32: return std::make_unique<NumberNode<UInt32>>(false);
    case TypeIndex::UInt64: return std::make_unique<NumberNode<UInt64>>(false);
    case TypeIndex::Int8: return std::make_unique<NumberNode<Int8>>(false);
    case TypeIndex::Int16: return std::make_unique<NumberNode<Int16>>(false);
    case TypeIndex::Int32: return std::make_unique<NumberNode<Int32>>(false);
    case TypeIndex::Int64: return std::make_unique<NumberNode<Int64>>(false);
    case TypeIndex::Float32: return std::make_unique<NumberNode<Float32>>(false);
    case TypeIndex::Float64: return std::make_unique<NumberNode<Float64>>(false);
    case TypeIndex::String: return std::make_unique<StringNode>();
    case TypeIndex::FixedString:
      return std::make_unique<FixedStringNode>(static_cast<const DataTypeFixedString&>(*type).getN());
    case TypeIndex::Date:
    case TypeIndex::Date32:
    case TypeIndex::DateTime:
    case TypeIndex::DateTime64:
    case TypeIndex::UUID:
      return std::make_unique<TemporalNode>(type);
    case TypeIndex::Enum8: return std::make_unique<EnumNode<Int8>>(static_cast<const DataTypeEnum8&>(*type));
    case TypeIndex::Enum16: return std::make_unique<EnumNode<Int16>>(static_cast<const DataTypeEnum16&>(*type));
    case TypeIndex::Nullable:
      return std::make_unique<NullableNode>(buildNode(static_cast<const DataTypeNullable&>(*type).getNestedType(), function));
    case TypeIndex::LowCardinality: {
      const auto& lc = static_cast<const DataTypeLowCardinality&>(*type);
      return std::make_unique<LowCardinalityNode>(buildNode(lc.getValuesType(), function), lc.getValuesType(),
                                                  lc.getDictionaryType()->isNullable());
    }
    case TypeIndex::Array:
      return std::make_unique<ArrayNode>(buildNode(static_cast<const DataTypeArray&>(*type).getNestedType(), function));
    case TypeIndex::Tuple: {
      const auto& tuple = static_cast<const DataTypeTuple&>(*type);
      std::vector<NodePtr> elements;
      for (const auto& e : tuple.getElements()) elements.push_back(buildNode(e, function));
      return std::make_unique<TupleNode>(std::move(elements), tuple.getElementNames());
    }
    default:
      throw Exception(ErrorCodes::ILLEGAL_TYPE_OF_ARGUMENT, "Function {} doesn't support the return type schema: {}",
                      function, type->name());
  }
}

/// The type named by the last argument (a constant String).
DataTypePtr typeArgument(const std::string& function, const ColumnsWithTypeAndName& arguments, const char* what) {
  if (arguments.size() < 2)
    throw Exception(ErrorCodes::NUMBER_OF_ARGUMENTS_DOESNT_MATCH, "Function {} requires at least two arguments", function);
  const auto& last = arguments.back();
  if (!isString(last.type) || !last.column || !last.column->isConst())
    throw Exception(ErrorCodes::ILLEGAL_COLUMN,
                    "The last argument of function {} should be a constant string specifying {}, illegal value: {}",
                    function, what, last.name);
  return dataTypeFromString(last.column->getDataAt(0));
}

template <bool keys_and_values>
class FunctionJSONExtract final : public IFunction {
 public:
  std::string getName() const override { return keys_and_values ? "JSONExtractKeysAndValues" : "JSONExtract"; }
  bool isVariadic() const override { return true; }
  bool useDefaultImplementationForLowCardinality() const override { return false; }

  DataTypePtr getReturnType(const ColumnsWithTypeAndName& arguments) const override {
    DataTypePtr type = typeArgument(getName(), arguments, keys_and_values ? "the values' data type" : "the return data type");
    json::checkJSONArguments(getName(), stripped(arguments), 1, arguments.size() - 2);
    buildNode(type, getName());
    if constexpr (keys_and_values)
      return std::make_shared<DataTypeArray>(
          std::make_shared<DataTypeTuple>(DataTypes{std::make_shared<DataTypeString>(), type}));
    return type;
  }

  ColumnPtr execute(const ColumnsWithTypeAndName& input, const DataTypePtr& result_type, size_t rows) const override {
    ColumnsWithTypeAndName arguments = stripped(input);
    DataTypePtr value_type = result_type;
    if constexpr (keys_and_values)
      value_type = static_cast<const DataTypeTuple&>(*static_cast<const DataTypeArray&>(*result_type).getNestedType())
                       .getElements()[1];
    NodePtr node = buildNode(value_type, getName());
    MutableColumnPtr to = result_type->createColumn();
    to->reserve(rows);
    std::vector<json::PathStep> path = json::preparePath(arguments, 1, arguments.size() - 2);
    json::JSONRowParser parser(arguments[0].column);
    parser.run(path, arguments, rows, *to, [&](Column& column, const Element& element, std::string_view) {
      if constexpr (keys_and_values) {
        if (!element.is_object()) return false;
        auto& array = static_cast<ColumnArray&>(column);
        auto& tuple = static_cast<ColumnTuple&>(array.getData());
        auto& keys = static_cast<ColumnString&>(tuple.getColumn(0));
        Column& values = tuple.getColumn(1);
        size_t old_size = keys.size();
        for (auto field : simdjson::dom::object(element.get_object().value_unsafe()))
          if (node->insert(values, field.value)) keys.insertData(field.key);
        if (keys.size() == old_size) return false;
        array.getOffsets().push_back(keys.size());
        return true;
      } else {
        return node->insert(column, element);
      }
    });
    return to;
  }

 private:
  /// Arguments with LowCardinality expanded (the result type is the requested one regardless).
  static ColumnsWithTypeAndName stripped(const ColumnsWithTypeAndName& arguments) {
    ColumnsWithTypeAndName res = arguments;
    for (auto& a : res) {
      if (a.type->typeId() != TypeIndex::LowCardinality) continue;
      a.type = removeLowCardinality(a.type);
      if (a.column) {
        if (a.column->isConst()) {
          const auto& c = static_cast<const ColumnConst&>(*a.column);
          a.column = ColumnConst::create(
              static_cast<const ColumnLowCardinality&>(c.getDataColumn()).convertToFullColumn(), c.size());
        } else {
          a.column = static_cast<const ColumnLowCardinality&>(*a.column).convertToFullColumn();
        }
      }
    }
    return res;
  }
};

}  // namespace json_extract

REGISTER_FUNCTION(JSONExtract) {
  using namespace json_extract;
  factory.registerFunction(
      "JSONExtract", [](const FunctionContext&) { return std::make_shared<FunctionJSONExtract<false>>(); },
      FunctionDocumentation{.description = "The value at the path converted to the type named by the last argument.",
                            .syntax = "JSONExtract(json[, indices_or_keys, ...], 'Type')",
                            .category = "JSON"});
  factory.registerFunction(
      "JSONExtractKeysAndValues",
      [](const FunctionContext&) { return std::make_shared<FunctionJSONExtract<true>>(); },
      FunctionDocumentation{.description = "The members of the object at the path as (key, value) pairs, values "
                                           "converted to the named type.",
                            .syntax = "JSONExtractKeysAndValues(json[, indices_or_keys, ...], 'Type')",
                            .category = "JSON"});
}

}  // namespace tally
