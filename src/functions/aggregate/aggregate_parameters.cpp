#include "functions/aggregate/aggregate_parameters.h"

#include <cmath>

#include "common/exception.h"
#include "io/write_helpers.h"

namespace tally {

void throwIllegalAggregateArgument(const std::string& name, const DataTypePtr& type) {
  throw Exception(ErrorCodes::ILLEGAL_TYPE_OF_ARGUMENT, "Illegal type {} of argument for aggregate function {}",
                  type->name(), name);
}

double quantileLevelParameter(const Field& parameter) {
  double level;
  switch (parameter.which()) {
    case Field::Which::UInt64:
    case Field::Which::Int64:
    case Field::Which::Float64:
    case Field::Which::Bool:
      level = parameter.as<double>();
      break;
    default:
      throw Exception(ErrorCodes::CANNOT_CONVERT_TYPE, "Cannot convert {} to double", parameter.dump());
  }
  if (!(level >= 0 && level <= 1))
    throw Exception(ErrorCodes::PARAMETER_OUT_OF_BOUND, "Quantile level is out of range [0..1]");
  return level;
}

std::vector<double> quantileLevelsParameters(const std::string& name, const Fields& parameters, bool plural) {
  std::vector<double> levels;
  if (parameters.empty()) {
    if (plural)
      throw Exception(ErrorCodes::NUMBER_OF_ARGUMENTS_DOESNT_MATCH,
                      "Aggregate function {} requires at least one parameter", name);
    levels.push_back(0.5);
    return levels;
  }
  if (!plural && parameters.size() > 1)
    throw Exception(ErrorCodes::NUMBER_OF_ARGUMENTS_DOESNT_MATCH, "Aggregate function {} requires one parameter or less",
                    name);
  for (const auto& p : parameters) levels.push_back(quantileLevelParameter(p));
  return levels;
}

uint64_t positiveIntegerParameter(const std::string& name, const Field& parameter, int code) {
  bool ok = false;
  uint64_t value = 0;
  if (parameter.which() == Field::Which::UInt64) {
    value = parameter.get<uint64_t>();
    ok = value > 0;
  } else if (parameter.which() == Field::Which::Int64) {
    ok = parameter.get<int64_t>() > 0;
    value = uint64_t(parameter.get<int64_t>());
  }
  if (!ok) {
    if (code == ErrorCodes::BAD_ARGUMENTS)
      throw Exception(code, "Parameter for aggregate function {} should be positive number", name);
    throw Exception(code, "Parameter {} is illegal for aggregate function {}", parameter.dump(), name);
  }
  return value;
}

std::string parameterToString(const Field& parameter) {
  switch (parameter.which()) {
    case Field::Which::Null: return "NULL";
    case Field::Which::UInt64: return std::to_string(parameter.get<uint64_t>());
    case Field::Which::Int64: return std::to_string(parameter.get<int64_t>());
    case Field::Which::Bool: return parameter.get<bool>() ? "true" : "false";
    case Field::Which::Float64: return toText(parameter.get<double>());
    case Field::Which::String: {
      std::string s;
      WriteBufferFromString out(s);
      writeQuotedString(parameter.get<std::string>(), out);
      out.finalize();
      return s;
    }
    case Field::Which::Array:
    case Field::Which::Tuple: {
      bool array = parameter.which() == Field::Which::Array;
      const std::vector<Field>& items = array ? static_cast<const std::vector<Field>&>(parameter.get<FieldArray>())
                                              : static_cast<const std::vector<Field>&>(parameter.get<FieldTuple>());
      std::string s = array ? "[" : "(";
      for (size_t i = 0; i < items.size(); ++i) {
        if (i) s += ", ";
        s += parameterToString(items[i]);
      }
      return s + (array ? "]" : ")");
    }
    default: return parameter.dump();
  }
}

std::string functionNameWithParameters(const std::string& name, const Fields& parameters) {
  if (parameters.empty()) return name;
  std::string s = name + "(";
  for (size_t i = 0; i < parameters.size(); ++i) {
    if (i) s += ", ";
    s += parameterToString(parameters[i]);
  }
  return s + ")";
}

void checkAtLeastOneArgument(const std::string& name, const DataTypes& arguments) {
  if (arguments.empty())
    throw Exception(ErrorCodes::NUMBER_OF_ARGUMENTS_DOESNT_MATCH, "Incorrect number of arguments for aggregate function {}",
                    name);
}

}  // namespace tally
