#include "functions/aggregate/data_type_aggregate_function.h"

#include <set>

#include "common/exception.h"
#include "functions/aggregate/aggregate_function_factory.h"
#include "functions/aggregate/aggregate_parameters.h"
#include "functions/aggregate/column_aggregate_function.h"
#include "io/read_helpers.h"
#include "io/write_helpers.h"
#include "types/data_type_factory.h"

namespace tally {

std::string aggregateFunctionTypeName(const IAggregateFunction& function) {
  std::string s = "AggregateFunction(" + functionNameWithParameters(function.getName(), function.getParameters());
  for (const auto& t : function.getArgumentTypes()) s += ", " + t->name();
  return s + ")";
}

MutableColumnPtr DataTypeAggregateFunction::createColumn() const { return ColumnAggregateFunction::create(function_); }

Field DataTypeAggregateFunction::defaultValue() const {
  auto column = ColumnAggregateFunction::create(function_);
  column->insertDefault();
  return (*column)[0];
}

bool DataTypeAggregateFunction::equals(const DataType& other) const {
  return other.typeId() == TypeIndex::AggregateFunction && name() == other.name();
}

namespace data_type_aggregate_function {
std::string stateOf(const Column& column, size_t n) {
  return typedAs<ColumnAggregateFunction>(column).serializeState(n);
}
void insertState(Column& column, const std::string& bytes) {
  typedAs<ColumnAggregateFunction>(column).insertFromSerialized(bytes);
}
}  // namespace data_type_aggregate_function


void DataTypeAggregateFunction::serializeText(const Column& column, size_t n, WriteBuffer& out,
                                              const FormatSettings&) const {
  out.write(data_type_aggregate_function::stateOf(column, n));
}
void DataTypeAggregateFunction::serializeTextEscaped(const Column& column, size_t n, WriteBuffer& out,
                                                     const FormatSettings&) const {
  writeEscapedString(data_type_aggregate_function::stateOf(column, n), out);
}
void DataTypeAggregateFunction::serializeTextQuoted(const Column& column, size_t n, WriteBuffer& out,
                                                    const FormatSettings&) const {
  writeQuotedString(data_type_aggregate_function::stateOf(column, n), out);
}
void DataTypeAggregateFunction::serializeTextJSON(const Column& column, size_t n, WriteBuffer& out,
                                                  const FormatSettings& settings) const {
  writeJSONString(data_type_aggregate_function::stateOf(column, n), out, settings.json.escape_forward_slashes);
}
void DataTypeAggregateFunction::serializeTextCSV(const Column& column, size_t n, WriteBuffer& out,
                                                 const FormatSettings&) const {
  writeCSVString(data_type_aggregate_function::stateOf(column, n), out);
}

void DataTypeAggregateFunction::deserializeWholeText(Column& column, ReadBuffer& in, const FormatSettings&) const {
  std::string s;
  in.readAll(s);
  data_type_aggregate_function::insertState(column, s);
}
void DataTypeAggregateFunction::deserializeTextEscaped(Column& column, ReadBuffer& in, const FormatSettings&) const {
  std::string s;
  readEscapedStringInto(s, in);
  data_type_aggregate_function::insertState(column, s);
}
void DataTypeAggregateFunction::deserializeTextQuoted(Column& column, ReadBuffer& in, const FormatSettings&) const {
  std::string s;
  readQuotedStringInto(s, in);
  data_type_aggregate_function::insertState(column, s);
}
void DataTypeAggregateFunction::deserializeTextJSON(Column& column, ReadBuffer& in, const FormatSettings&) const {
  std::string s;
  readJSONStringInto(s, in);
  data_type_aggregate_function::insertState(column, s);
}
void DataTypeAggregateFunction::deserializeTextCSV(Column& column, ReadBuffer& in,
                                                   const FormatSettings& settings) const {
  std::string s;
  readCSVStringInto(s, in, settings.csv.delimiter, settings.csv.allow_single_quotes);
  data_type_aggregate_function::insertState(column, s);
}

void DataTypeAggregateFunction::serializeBinary(const Column& column, size_t n, WriteBuffer& out) const {
  const auto& c = typedAs<ColumnAggregateFunction>(column);
  function_->serialize(c.getData()[n], out);
}
void DataTypeAggregateFunction::deserializeBinary(Column& column, ReadBuffer& in) const {
  typedAs<ColumnAggregateFunction>(column).insertDeserialized(in);
}

// ---- SimpleAggregateFunction ----

std::string DataTypeSimpleAggregateFunction::name() const {
  return "SimpleAggregateFunction(" + functionNameWithParameters(function_->getName(), function_->getParameters()) +
         ", " + nested_->name() + ")";
}

namespace data_type_aggregate_function {

bool isMemberlessType(const DataTypePtr& type) {
  switch (type->typeId()) {
    case TypeIndex::UInt8:
    case TypeIndex::UInt16:
    case TypeIndex::UInt32:
    case TypeIndex::UInt64:
    case TypeIndex::Int8:
    case TypeIndex::Int16:
    case TypeIndex::Int32:
    case TypeIndex::Int64:
    case TypeIndex::Float32:
    case TypeIndex::Float64:
    case TypeIndex::Bool:
    case TypeIndex::String:
    case TypeIndex::UUID:
    case TypeIndex::Date:
    case TypeIndex::Date32:
      return true;
    default:
      return false;
  }
}

void checkSimpleAggregateFunctionSupported(const IAggregateFunction& function) {
  static const std::set<std::string> supported = {
      "any",       "anyLast",     "min",         "max",         "sum",        "sumWithOverflow",
      "groupBitAnd", "groupBitOr", "groupBitXor", "sumMap",      "minMap",     "maxMap",
      "groupArrayArray", "groupArrayLastArray", "groupUniqArrayArray", "sumMappedArrays", "minMappedArrays",
      "maxMappedArrays"};
  if (!supported.count(function.getName())) {
    std::string list;
    for (const auto& s : supported) list += (list.empty() ? "" : ", ") + s;
    throw Exception(ErrorCodes::BAD_ARGUMENTS, "Unsupported aggregate function {}, supported functions are {}",
                    function.getName(), list);
  }
}

/// The function named by the first argument of AggregateFunction(...) / SimpleAggregateFunction(...),
/// over the given argument types.
AggregateFunctionPtr functionFromTypeExpression(const TypeExpression& e, size_t first, const DataTypes& arguments) {
  const TypeExpression& f = e.args[first];
  if (f.kind != TypeExpression::Kind::Name)
    throw Exception(ErrorCodes::BAD_ARGUMENTS, "Unexpected AST element passed as aggregate function name for type {}",
                    e.name);
  Fields parameters;
  for (const auto& p : f.args) {
    if (p.kind != TypeExpression::Kind::Literal)
      throw Exception(ErrorCodes::PARAMETERS_TO_AGGREGATE_FUNCTIONS_MUST_BE_LITERALS,
                      "Parameters to aggregate functions must be literals. Got parameter '{}' for function '{}'",
                      p.text, f.name);
    parameters.push_back(p.literal);
  }
  return AggregateFunctionFactory::instance().get(f.name, arguments, parameters);
}

size_t firstArgumentIndex(const TypeExpression& e) {
  // AggregateFunction(version, f, ...) in newer ClickHouse: skip the numeric version.
  if (!e.args.empty() && e.args[0].kind == TypeExpression::Kind::Literal && e.args[0].literal.is<uint64_t>()) return 1;
  return 0;
}

DataTypePtr createAggregateFunctionType(const TypeExpression& e) {
  size_t first = firstArgumentIndex(e);
  if (e.args.size() <= first)
    throw Exception(ErrorCodes::NUMBER_OF_ARGUMENTS_DOESNT_MATCH,
                    "Data type AggregateFunction requires parameters: name of aggregate function and list of data types "
                    "for arguments");
  DataTypes arguments;
  for (size_t i = first + 1; i < e.args.size(); ++i) arguments.push_back(DataTypeFactory::instance().get(e.args[i]));
  return std::make_shared<DataTypeAggregateFunction>(functionFromTypeExpression(e, first, arguments));
}

DataTypePtr createSimpleAggregateFunctionType(const TypeExpression& e) {
  if (e.args.size() != 2)
    throw Exception(ErrorCodes::NUMBER_OF_ARGUMENTS_DOESNT_MATCH,
                    "Data type SimpleAggregateFunction requires parameters: name of aggregate function and one data "
                    "type for the argument");
  DataTypePtr type = DataTypeFactory::instance().get(e.args[1]);
  AggregateFunctionPtr function = functionFromTypeExpression(e, 0, {type});
  if (!function->getReturnType()->equals(*type))
    throw Exception(ErrorCodes::BAD_ARGUMENTS,
                    "Incompatible data types between aggregate function '{}' which returns {} and column storage type {}",
                    function->getName(), function->getReturnType()->name(), type->name());
  return makeSimpleAggregateFunctionType(function, type);
}

DataTypeFamilyRegistration register_aggregate_function_type("AggregateFunction", createAggregateFunctionType);
DataTypeFamilyRegistration register_simple_aggregate_function_type("SimpleAggregateFunction",
                                                                    createSimpleAggregateFunctionType);

}  // namespace data_type_aggregate_function

DataTypePtr makeSimpleAggregateFunctionType(const AggregateFunctionPtr& function, const DataTypePtr& type) {
  data_type_aggregate_function::checkSimpleAggregateFunctionSupported(*function);
  if (!data_type_aggregate_function::isMemberlessType(type)) return type;
  return std::make_shared<DataTypeSimpleAggregateFunction>(function, type);
}

}  // namespace tally
