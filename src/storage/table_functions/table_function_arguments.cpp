#include "storage/table_functions/table_function_arguments.h"

#include <fmt/format.h>

#include <cmath>

#include "common/exception.h"

namespace tally {

std::string stringArgument(const TableFunctionArgument& argument, std::string_view function, std::string_view what) {
  if (!argument.type && !argument.text.empty()) return argument.text;
  if (argument.value.is<std::string>()) return argument.value.get<std::string>();
  throw Exception(ErrorCodes::BAD_ARGUMENTS, "The {} argument of table function '{}' must be a string literal, got {}",
                  what, function, argument.text.empty() ? argument.value.dump() : argument.text);
}

uint64_t unsignedArgument(const TableFunctionArgument& argument, std::string_view function) {
  if (!argument.type || !(argument.type->isNumber() || argument.type->typeId() == TypeIndex::Bool))
    throw Exception(ErrorCodes::ILLEGAL_TYPE_OF_ARGUMENT, "Illegal type {} expression, must be numeric type",
                    argument.type ? argument.type->name() : std::string("of argument '" + argument.text + "'"));
  const Field& v = argument.value;
  switch (v.which()) {
    case Field::Which::UInt64:
      return v.get<uint64_t>();
    case Field::Which::Bool:
      return v.get<bool>() ? 1 : 0;
    case Field::Which::Int64:
      if (v.get<int64_t>() >= 0) return uint64_t(v.get<int64_t>());
      throw Exception(ErrorCodes::ILLEGAL_TYPE_OF_ARGUMENT, "The value {} is not representable as UInt64",
                      v.get<int64_t>());
    case Field::Which::Float64: {
      double d = v.get<double>();
      if (d >= 0 && d < 18446744073709551616.0 && std::trunc(d) == d) return uint64_t(d);
      throw Exception(ErrorCodes::ILLEGAL_TYPE_OF_ARGUMENT, "The value {} is not representable as UInt64", d);
    }
    default:
      throw Exception(ErrorCodes::ILLEGAL_TYPE_OF_ARGUMENT, "Illegal type {} expression, must be numeric type",
                      argument.type->name());
  }
}

bool isNullArgument(const TableFunctionArgument& argument) { return argument.type && argument.value.isNull(); }

}  // namespace tally
