// arrayReduce('agg', arr1, ...) and arrayReduce('agg(params)', ...): an aggregate function
// (with combinators: sumIf, uniqState, ...) applied to the elements of each row's arrays, which
// are its arguments in step.

#include <cctype>
#include <cerrno>
#include <cstdlib>

#include <algorithm>

#include "columns/column_const.h"
#include "common/arena.h"
#include "common/exception.h"
#include "functions/aggregate/aggregate_function_factory.h"
#include "functions/array/array_columns.h"
#include "functions/function_factory.h"

namespace tally {

namespace array_reduce {

[[noreturn]] void badParameters(const std::string& text) {
  throw Exception(ErrorCodes::BAD_ARGUMENTS, "Cannot parse aggregate function parameters in '{}'", text);
}

/// Parses one literal parameter: a number, a quoted string or NULL.
Field parseParameter(std::string_view text, const std::string& whole) {
  while (!text.empty() && std::isspace(static_cast<unsigned char>(text.front()))) text.remove_prefix(1);
  while (!text.empty() && std::isspace(static_cast<unsigned char>(text.back()))) text.remove_suffix(1);
  if (text.empty()) badParameters(whole);
  if (text.front() == '\'') {
    if (text.size() < 2 || text.back() != '\'') badParameters(whole);
    std::string value;
    for (size_t i = 1; i + 1 < text.size(); ++i) {
      if (text[i] == '\\' && i + 2 < text.size()) ++i;
      value.push_back(text[i]);
    }
    return Field(value);
  }
  std::string s(text);
  if (s == "NULL" || s == "null") return Field();
  char* end = nullptr;
  bool is_float = s.find_first_of(".eE") != std::string::npos && s.find("0x") == std::string::npos;
  if (!is_float) {
    errno = 0;
    if (s.front() == '-') {
      long long v = std::strtoll(s.c_str(), &end, 0);
      if (end == s.c_str() + s.size() && errno == 0) return Field(int64_t(v));
    } else {
      unsigned long long v = std::strtoull(s.c_str(), &end, 0);
      if (end == s.c_str() + s.size() && errno == 0) return Field(uint64_t(v));
    }
  }
  double d = std::strtod(s.c_str(), &end);
  if (end != s.c_str() + s.size()) badParameters(whole);
  return Field(d);
}

/// "name" or "name(p1, p2, ...)".
void parseAggregateName(const std::string& text, std::string& name, Fields& parameters) {
  size_t open = text.find('(');
  if (open == std::string::npos) {
    name = text;
  } else {
    if (text.back() != ')') badParameters(text);
    name = text.substr(0, open);
    std::string_view inside(text.data() + open + 1, text.size() - open - 2);
    size_t start = 0;
    bool in_string = false;
    for (size_t i = 0; i <= inside.size(); ++i) {
      if (i < inside.size()) {
        char c = inside[i];
        if (c == '\\' && in_string) {
          ++i;
          continue;
        }
        if (c == '\'') in_string = !in_string;
        if (c != ',' || in_string) continue;
      }
      std::string_view part = inside.substr(start, i - start);
      if (!(i == inside.size() && parameters.empty() && part.find_first_not_of(" \t") == std::string_view::npos))
        parameters.push_back(parseParameter(part, text));
      start = i + 1;
    }
  }
  while (!name.empty() && std::isspace(static_cast<unsigned char>(name.back()))) name.pop_back();
  while (!name.empty() && std::isspace(static_cast<unsigned char>(name.front()))) name.erase(name.begin());
}

class FunctionArrayReduce final : public IFunction {
 public:
  std::string getName() const override { return "arrayReduce"; }
  bool isVariadic() const override { return true; }
  bool useDefaultImplementationForNulls() const override { return false; }
  bool useDefaultImplementationForLowCardinality() const override { return false; }
  std::vector<size_t> getArgumentsThatAreAlwaysConstant() const override { return {0}; }

  DataTypePtr getReturnType(const ColumnsWithTypeAndName& arguments) const override {
    return aggregate(arguments)->getReturnType();
  }

  ColumnPtr execute(const ColumnsWithTypeAndName& arguments, const DataTypePtr& result_type, size_t rows) const override {
    AggregateFunctionPtr function = aggregate(arguments);
    std::vector<ArrayArgument> arrays;
    std::vector<const Column*> columns;
    for (size_t i = 1; i < arguments.size(); ++i) {
      arrays.push_back(fullArrayArgument(arguments[i].column));
      if (i > 1 && (arrays.back().offsets().size() != arrays[0].offsets().size() ||
                    !std::equal(arrays.back().offsets().begin(), arrays.back().offsets().end(), arrays[0].offsets().begin())))
        throw Exception(ErrorCodes::SIZES_OF_ARRAYS_DONT_MATCH, "Lengths of all arrays passed to {} must be equal.", getName());
    }
    for (const auto& a : arrays) columns.push_back(&a.data());

    MutableColumnPtr result = result_type->createColumn();
    result->reserve(rows);
    Arena arena;
    AggregateDataPtr place = arena.alloc(function->sizeOfData(), function->alignOfData());
    const Offsets& offsets = arrays[0].offsets();
    for (size_t i = 0; i < rows; ++i) {
      function->create(place);
      try {
        function->addRange(i == 0 ? 0 : offsets[i - 1], offsets[i], place, columns.data(), &arena);
        function->insertResultInto(place, *result, &arena);
      } catch (...) {
        function->destroy(place);
        throw;
      }
      function->destroy(place);
    }
    return result;
  }

 private:
  AggregateFunctionPtr aggregate(const ColumnsWithTypeAndName& arguments) const {
    if (arguments.size() < 2)
      throw Exception(ErrorCodes::NUMBER_OF_ARGUMENTS_DOESNT_MATCH,
                      "Number of arguments for function {} doesn't match: passed {}, should be at least 2.", getName(),
                      arguments.size());
    if (!isString(arguments[0].type) || !isConstantArgument(arguments, 0))
      throw Exception(ErrorCodes::ILLEGAL_COLUMN,
                      "First argument for function {} must be constant string: name of aggregate function.", getName());
    DataTypes element_types;
    for (size_t i = 1; i < arguments.size(); ++i) element_types.push_back(checkArrayArgument(getName(), arguments, i).getNestedType());
    std::string name;
    Fields parameters;
    parseAggregateName(constantArgument(getName(), arguments, 0).get<std::string>(), name, parameters);
    return AggregateFunctionFactory::instance().get(name, element_types, parameters);
  }
};

}  // namespace array_reduce

REGISTER_FUNCTION(ArrayReduce) {
  factory.registerFunction(
      "arrayReduce", [](const FunctionContext&) { return std::make_shared<array_reduce::FunctionArrayReduce>(); },
      FunctionDocumentation{.description = "An aggregate function applied to the elements of the arrays.",
                            .syntax = "arrayReduce('agg_func', arr1, ...)",
                            .category = "Arrays"});
}

}  // namespace tally
