// ascii(s): code of the first byte (Int32, 0 for ''); char(n, ...): bytes from numbers;
// appendTrailingCharIfAbsent(s, c): appends c unless s is empty or already ends with it.

#include "columns/column_vector.h"
#include "functions/function_factory.h"
#include "functions/string/string_rows.h"
#include "functions/type_dispatch.h"
#include "types/data_type_number.h"
#include "types/data_type_string.h"

namespace tally {

namespace char_functions {

FunctionDocumentation makeDoc(const char* description, const char* syntax, const char* category) {
  FunctionDocumentation d;
  d.description = description;
  d.syntax = syntax;
  d.category = category;
  return d;
}

class FunctionAscii final : public IFunction {
 public:
  std::string getName() const override { return "ascii"; }
  size_t getNumberOfArguments() const override { return 1; }
  DataTypePtr getReturnType(const ColumnsWithTypeAndName& args) const override {
    if (!isStringLike(args[0].type)) throwIllegalType(getName(), 0, args[0].type);
    return typeInt32();
  }
  ColumnPtr execute(const ColumnsWithTypeAndName& args, const DataTypePtr&, size_t rows) const override {
    auto res = ColumnInt32::create(rows);
    auto* out = res->getData().data();
    visitStringRows(*args[0].column, getName(), [&](const auto& src) {
      for (size_t i = 0; i < rows; ++i) {
        std::string_view s = src[i];
        out[i] = s.empty() ? 0 : Int32(uint8_t(s[0]));
      }
    });
    return res;
  }
};

class FunctionChar final : public IFunction {
 public:
  std::string getName() const override { return "char"; }
  bool isVariadic() const override { return true; }
  DataTypePtr getReturnType(const ColumnsWithTypeAndName& args) const override {
    if (args.empty())
      throw Exception(ErrorCodes::TOO_FEW_ARGUMENTS_FOR_FUNCTION, "Number of arguments for function char can't be 0");
    for (size_t i = 0; i < args.size(); ++i)
      if (!args[i].type->isNumber()) throwIllegalType(getName(), i, args[i].type);
    return typeString();
  }
  ColumnPtr execute(const ColumnsWithTypeAndName& args, const DataTypePtr&, size_t rows) const override {
    size_t width = args.size();
    auto res = ColumnString::create();
    auto& chars = res->getChars();
    chars.resize(rows * width);
    for (size_t k = 0; k < width; ++k) {
      const Column& c = *args[k].column;
      const Column& data = c.isConst() ? static_cast<const ColumnConst&>(c).getDataColumn() : c;
      dispatchNumber(args[k].type->typeId(), [&](auto tag) {
        using T = typename decltype(tag)::Type;
        const T* values = typedAs<ColumnVector<T>>(data).getData().data();
        for (size_t i = 0; i < rows; ++i) {
          T v = values[c.isConst() ? 0 : i];
          chars[i * width + k] = char(uint8_t(Int64(v)));
        }
      });
    }
    auto& offsets = res->getOffsets();
    offsets.resize(rows);
    for (size_t i = 0; i < rows; ++i) offsets[i] = (i + 1) * width;
    return res;
  }
};

class FunctionAppendTrailingCharIfAbsent final : public IFunction {
 public:
  std::string getName() const override { return "appendTrailingCharIfAbsent"; }
  size_t getNumberOfArguments() const override { return 2; }
  std::vector<size_t> getArgumentsThatAreAlwaysConstant() const override { return {1}; }
  DataTypePtr getReturnType(const ColumnsWithTypeAndName& args) const override {
    if (!isString(args[0].type)) throwIllegalType(getName(), 0, args[0].type);
    if (!isString(args[1].type)) throwIllegalType(getName(), 1, args[1].type);
    return typeString();
  }
  ColumnPtr execute(const ColumnsWithTypeAndName& args, const DataTypePtr&, size_t rows) const override {
    std::string_view c = constantStringArgument(getName(), args, 1);
    if (c.size() != 1)
      throw Exception(ErrorCodes::BAD_ARGUMENTS, "Second argument of function {} must be a one-character string",
                      getName());
    auto res = ColumnString::create();
    auto& chars = res->getChars();
    auto& offsets = res->getOffsets();
    offsets.resize(rows);
    visitStringRows(*args[0].column, getName(), [&](const auto& src) {
      for (size_t i = 0; i < rows; ++i) {
        std::string_view s = src[i];
        chars.insert(s.data(), s.data() + s.size());
        if (!s.empty() && s.back() != c[0]) chars.push_back(c[0]);
        offsets[i] = chars.size();
      }
    });
    return res;
  }
};

FunctionDocumentation doc(const char* description, const char* syntax) {
  return makeDoc(description, syntax, "String");
}

}  // namespace char_functions

REGISTER_FUNCTION(CharFunctions) {
  using namespace char_functions;
  factory.registerFunction(
      "ascii", [](const FunctionContext&) { return std::make_shared<FunctionAscii>(); },
      doc("Code of the first byte of the string as Int32 (0 for an empty string).", "ascii(s)"),
      FunctionFactory::CaseInsensitive);
  factory.registerFunction(
      "char", [](const FunctionContext&) { return std::make_shared<FunctionChar>(); },
      doc("A string of the bytes with the given codes.", "char(n1, n2, ...)"), FunctionFactory::CaseInsensitive);
  factory.registerFunction(
      "appendTrailingCharIfAbsent",
      [](const FunctionContext&) { return std::make_shared<FunctionAppendTrailingCharIfAbsent>(); },
      doc("Appends the character unless the string is empty or already ends with it.",
          "appendTrailingCharIfAbsent(s, c)"));
}

}  // namespace tally
