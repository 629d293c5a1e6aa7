#include "functions/json/json_document.h"

#include "columns/column_const.h"
#include "columns/column_string.h"
#include "common/exception.h"
#include "functions/function.h"
#include "io/write_buffer.h"
#include "io/write_helpers.h"

namespace tally::json {

void checkJSONArguments(const std::string& function, const ColumnsWithTypeAndName& arguments, size_t first, size_t count) {
  if (arguments.empty())
    throw Exception(ErrorCodes::NUMBER_OF_ARGUMENTS_DOESNT_MATCH, "Function {} requires at least one argument", function);
  if (!isString(arguments[0].type))
    throw Exception(ErrorCodes::ILLEGAL_TYPE_OF_ARGUMENT,
                    "The first argument of function {} should be a string containing JSON, illegal type: {}", function,
                    arguments[0].type->name());
  for (size_t i = first; i < first + count; ++i) {
    const DataTypePtr& t = arguments[i].type;
    if (!isString(t) && !t->isInteger())
      throw Exception(ErrorCodes::ILLEGAL_TYPE_OF_ARGUMENT,
                      "The argument {} of function {} should be a string specifying key or an integer specifying index, "
                      "illegal type: {}",
                      i + 1, function, t->name());
  }
}

std::vector<PathStep> preparePath(const ColumnsWithTypeAndName& arguments, size_t first, size_t count) {
  std::vector<PathStep> path;
  for (size_t i = first; i < first + count; ++i) {
    PathStep step;
    step.argument = i;
    bool key = isString(arguments[i].type);
    const ColumnPtr& c = arguments[i].column;
    if (c && c->isConst()) {
      if (key) {
        step.kind = PathStep::Kind::ConstKey;
        step.key = std::string(c->getDataAt(0));
      } else {
        step.kind = PathStep::Kind::ConstIndex;
        step.index = arguments[i].type->isSigned() ? c->getInt(0) : int64_t(c->getUInt(0));
      }
    } else {
      step.kind = key ? PathStep::Kind::Key : PathStep::Kind::Index;
    }
    path.push_back(std::move(step));
  }
  return path;
}

namespace json_document {

bool moveByKey(Element& element, std::string_view key) {
  simdjson::dom::object object;
  if (element.get_object().get(object)) return false;
  return !object.at_key(key).get(element);
}

bool moveByIndex(Element& element, int index, std::string_view& last_key) {
  if (element.is_array()) {
    simdjson::dom::array array = element.get_array().value_unsafe();
    size_t size = array.size();
    if (index >= 0) --index;
    else index += int(size);
    if (index < 0 || size_t(index) >= size) return false;
    for (Element value : array) {
      if (index-- == 0) {
        element = value;
        break;
      }
    }
    last_key = {};
    return true;
  }
  if (element.is_object()) {
    simdjson::dom::object object = element.get_object().value_unsafe();
    size_t size = object.size();
    if (index >= 0) --index;
    else index += int(size);
    if (index < 0 || size_t(index) >= size) return false;
    for (auto field : object) {
      if (index-- == 0) {
        last_key = field.key;
        element = field.value;
        break;
      }
    }
    return true;
  }
  return false;
}

}  // namespace json_document

bool followPath(const std::vector<PathStep>& path, const ColumnsWithTypeAndName& arguments, size_t row, Element& element,
                std::string_view& last_key) {
  using namespace json_document;
  std::string_view key;
  for (const auto& step : path) {
    switch (step.kind) {
      case PathStep::Kind::ConstKey:
        key = step.key;
        if (!moveByKey(element, key)) return false;
        break;
      case PathStep::Kind::Key:
        key = arguments[step.argument].column->getDataAt(row);
        if (!moveByKey(element, key)) return false;
        break;
      case PathStep::Kind::ConstIndex:
        if (!moveByIndex(element, int(step.index), key)) return false;
        break;
      case PathStep::Kind::Index: {
        const auto& a = arguments[step.argument];
        int64_t index = a.type->isSigned() ? a.column->getInt(row) : int64_t(a.column->getUInt(row));
        if (!moveByIndex(element, int(index), key)) return false;
        break;
      }
    }
  }
  last_key = key;
  return true;
}

namespace json_document {

void appendJSONString(std::string_view s, std::string& out) {
  WriteBufferFromString buf(out);
  writeJSONString(s, buf, false);
  buf.finalize();
}

}  // namespace json_document

void appendRawJSON(const Element& element, std::string& out) {
  using json_document::appendJSONString;
  switch (element.type()) {
    case simdjson::dom::element_type::INT64:
      out += std::to_string(element.get_int64().value_unsafe());
      return;
    case simdjson::dom::element_type::UINT64:
      out += std::to_string(element.get_uint64().value_unsafe());
      return;
    case simdjson::dom::element_type::DOUBLE: {
      char buf[64];
      out.append(buf, formatFloat(element.get_double().value_unsafe(), buf));
      return;
    }
    case simdjson::dom::element_type::BOOL:
      out += element.get_bool().value_unsafe() ? "true" : "false";
      return;
    case simdjson::dom::element_type::STRING:
      appendJSONString(element.get_string().value_unsafe(), out);
      return;
    case simdjson::dom::element_type::ARRAY: {
      out += '[';
      bool first = true;
      for (Element value : simdjson::dom::array(element.get_array().value_unsafe())) {
        if (!first) out += ',';
        first = false;
        appendRawJSON(value, out);
      }
      out += ']';
      return;
    }
    case simdjson::dom::element_type::OBJECT: {
      out += '{';
      bool first = true;
      for (auto field : simdjson::dom::object(element.get_object().value_unsafe())) {
        if (!first) out += ',';
        first = false;
        appendJSONString(field.key, out);
        out += ':';
        appendRawJSON(field.value, out);
      }
      out += '}';
      return;
    }
    case simdjson::dom::element_type::NULL_VALUE:
      out += "null";
      return;
  }
}

JSONRowParser::JSONRowParser(const ColumnPtr& json) {
  holder_ = json;
  if (json->isConst()) {
    is_const_ = true;
    holder_ = static_cast<const ColumnConst&>(*json).getDataColumnPtr();
  }
  strings_ = dynamic_cast<const ColumnString*>(holder_.get());
  if (!strings_) throw Exception(ErrorCodes::ILLEGAL_COLUMN, "Illegal column {}", json->familyName());
  size_t max_size = 0;
  const Offsets& offsets = strings_->getOffsets();
  for (size_t i = 0; i < offsets.size(); ++i) max_size = std::max<size_t>(max_size, offsets[i] - strings_->offsetAt(i));
  if (max_size) {
    // Reserve for the longest document; if this fails, parse() allocates (and reports) itself.
    [[maybe_unused]] simdjson::error_code reserved = parser_.allocate(max_size);
  }
}

bool JSONRowParser::parse(size_t row, Element& document) {
  std::string_view text = strings_->at(row);
  return !parser_.parse(text.data(), text.size(), true).get(document);
}

}  // namespace tally::json
