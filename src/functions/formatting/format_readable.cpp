// formatReadableSize (binary units), formatReadableDecimalSize, formatReadableQuantity and
// formatReadableTimeDelta(seconds[, maximum_unit[, minimum_unit]]) over any native number.

#include "columns/column_vector.h"
#include "common/readable.h"
#include "functions/function_factory.h"
#include "functions/string/string_rows.h"
#include "functions/type_dispatch.h"
#include "types/data_type_string.h"

namespace tally {

namespace format_readable {

FunctionDocumentation makeDoc(const char* description, const char* syntax, const char* category) {
  FunctionDocumentation d;
  d.description = description;
  d.syntax = syntax;
  d.category = category;
  return d;
}

/// The argument as Float64 values, one conversion per block.
PODArray<Float64> floatValues(const Column& column, const DataTypePtr& type, size_t rows, const std::string& function) {
  PODArray<Float64> out(rows);
  const Column& data = column.isConst() ? static_cast<const ColumnConst&>(column).getDataColumn() : column;
  bool ok = dispatchNumber(type->typeId(), [&](auto tag) {
    using T = typename decltype(tag)::Type;
    const T* values = typedAs<ColumnVector<T>>(data).getData().data();
    for (size_t i = 0; i < rows; ++i) out[i] = Float64(values[column.isConst() ? 0 : i]);
  });
  if (!ok)
    throw Exception(ErrorCodes::ILLEGAL_COLUMN, "Illegal column {} of argument of function {}", column.familyName(),
                    function);
  return out;
}

using Formatter = std::string (*)(double);

class FunctionFormatReadable final : public IFunction {
 public:
  FunctionFormatReadable(std::string name, Formatter formatter) : name_(std::move(name)), formatter_(formatter) {}
  std::string getName() const override { return name_; }
  size_t getNumberOfArguments() const override { return 1; }
  DataTypePtr getReturnType(const ColumnsWithTypeAndName& args) const override {
    if (!args[0].type->isNumber()) throwIllegalType(name_, 0, args[0].type);
    return typeString();
  }
  ColumnPtr execute(const ColumnsWithTypeAndName& args, const DataTypePtr&, size_t rows) const override {
    PODArray<Float64> values = floatValues(*args[0].column, args[0].type, rows, name_);
    auto res = ColumnString::create();
    for (size_t i = 0; i < rows; ++i) res->insertData(formatter_(values[i]));
    return res;
  }

 private:
  std::string name_;
  Formatter formatter_;
};

class FunctionFormatReadableTimeDelta final : public IFunction {
 public:
  std::string getName() const override { return "formatReadableTimeDelta"; }
  bool isVariadic() const override { return true; }
  std::vector<size_t> getArgumentsThatAreAlwaysConstant() const override { return {1, 2}; }
  DataTypePtr getReturnType(const ColumnsWithTypeAndName& args) const override {
    if (args.empty())
      throw Exception(ErrorCodes::NUMBER_OF_ARGUMENTS_DOESNT_MATCH,
                      "Number of arguments for function {} doesn't match: passed {}, should be at least 1.", getName(),
                      args.size());
    if (args.size() > 3)
      throw Exception(ErrorCodes::NUMBER_OF_ARGUMENTS_DOESNT_MATCH,
                      "Number of arguments for function {} doesn't match: passed {}, should be 1, 2 or 3.", getName(),
                      args.size());
    if (!args[0].type->isNumber())
      throw Exception(ErrorCodes::ILLEGAL_TYPE_OF_ARGUMENT, "Cannot format {} as time delta", args[0].type->name());
    for (size_t i = 1; i < args.size(); ++i)
      if (!isStringLike(args[i].type))
        throw Exception(ErrorCodes::ILLEGAL_TYPE_OF_ARGUMENT, "Illegal type {} of argument {} of function {}",
                        args[i].type->name(), i == 1 ? "maximum_unit" : "minimum_unit", getName());
    return typeString();
  }
  ColumnPtr execute(const ColumnsWithTypeAndName& args, const DataTypePtr&, size_t rows) const override {
    std::string_view max_unit = args.size() >= 2 ? constantStringArgument(getName(), args, 1) : std::string_view();
    std::string_view min_unit = args.size() == 3 ? constantStringArgument(getName(), args, 2) : std::string_view();
    PODArray<Float64> values = floatValues(*args[0].column, args[0].type, rows, getName());
    auto res = ColumnString::create();
    if (rows == 0) formatReadableTimeDelta(0, max_unit, min_unit);  // validates the units
    for (size_t i = 0; i < rows; ++i) res->insertData(formatReadableTimeDelta(values[i], max_unit, min_unit));
    return res;
  }
};

void add(FunctionFactory& factory, const char* name, Formatter formatter, const char* description) {
  std::string n = name;
  factory.registerFunction(
      n, [n, formatter](const FunctionContext&) { return std::make_shared<FunctionFormatReadable>(n, formatter); },
      makeDoc(description, (n + "(x)").c_str(), "Other"));
}

std::string readableSize(double v) {
  return formatReadableSize(v);
}
std::string readableDecimalSize(double v) {
  return formatReadableDecimalSize(v);
}
std::string readableQuantity(double v) {
  return formatReadableQuantity(v);
}

}  // namespace format_readable

REGISTER_FUNCTION(FormatReadable) {
  using namespace format_readable;
  add(factory, "formatReadableSize", readableSize, "A size in bytes with binary units: '1.00 KiB'.");
  factory.registerAlias("FORMAT_BYTES", "formatReadableSize", FunctionFactory::CaseInsensitive);
  add(factory, "formatReadableDecimalSize", readableDecimalSize, "A size in bytes with decimal units: '1.00 KB'.");
  add(factory, "formatReadableQuantity", readableQuantity, "A number with a word suffix: '1.00 million'.");
  factory.registerFunction(
      "formatReadableTimeDelta",
      [](const FunctionContext&) { return std::make_shared<FunctionFormatReadableTimeDelta>(); },
      makeDoc("Seconds as years, months, days, hours, minutes and seconds.",
              "formatReadableTimeDelta(seconds[, maximum_unit[, minimum_unit]])", "Other"));
}

}  // namespace tally
