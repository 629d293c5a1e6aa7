// concat, concatAssumeInjective, concatWithSeparator (concat_ws) and its AssumeInjective twin.
// Arguments of any type: String/FixedString bytes as they are, other types as their text form.
// concat of arrays only is arrayConcat, found through the factory.

#include "functions/function_factory.h"
#include "functions/string/string_rows.h"
#include "types/data_type_string.h"

namespace tally {

namespace string_concat {

FunctionDocumentation makeDoc(const char* description, const char* syntax, const char* category) {
  FunctionDocumentation d;
  d.description = description;
  d.syntax = syntax;
  d.category = category;
  return d;
}

/// Appends, for every row, the arguments' bytes separated by `separator` (may be empty).
ColumnPtr concatRows(const std::vector<TextArgument>& parts, const TextArgument* separator, size_t rows) {
  auto res = ColumnString::create();
  auto& chars = res->getChars();
  auto& offsets = res->getOffsets();
  offsets.resize(rows);
  for (size_t i = 0; i < rows; ++i) {
    for (size_t k = 0; k < parts.size(); ++k) {
      if (separator && k > 0) {
        std::string_view sep = (*separator)[i];
        chars.insert(sep.data(), sep.data() + sep.size());
      }
      std::string_view s = parts[k][i];
      chars.insert(s.data(), s.data() + s.size());
    }
    offsets[i] = chars.size();
  }
  return res;
}

/// Two-argument fast path over full String columns and constants.
template <typename A, typename B>
ColumnPtr concatTwo(const A& a, const B& b, size_t rows) {
  auto res = ColumnString::create();
  auto& chars = res->getChars();
  auto& offsets = res->getOffsets();
  offsets.resize(rows);
  for (size_t i = 0; i < rows; ++i) {
    std::string_view x = a[i];
    std::string_view y = b[i];
    size_t old = chars.size();
    chars.resize(old + x.size() + y.size());
    std::memcpy(chars.data() + old, x.data(), x.size());
    std::memcpy(chars.data() + old + x.size(), y.data(), y.size());
    offsets[i] = chars.size();
  }
  return res;
}

class FunctionConcat final : public IFunction {
 public:
  FunctionConcat(std::string name, FunctionPtr array_concat)
      : name_(std::move(name)), array_concat_(std::move(array_concat)) {}
  std::string getName() const override { return name_; }
  bool isVariadic() const override { return true; }

  bool allArrays(const ColumnsWithTypeAndName& args) const {
    if (args.size() < 2 || !array_concat_) return false;
    for (const auto& a : args)
      if (a.type->typeId() != TypeIndex::Array) return false;
    return true;
  }

  DataTypePtr getReturnType(const ColumnsWithTypeAndName& args) const override {
    if (allArrays(args)) return getFunctionReturnType(*array_concat_, args);
    return typeString();
  }

  ColumnPtr execute(const ColumnsWithTypeAndName& args, const DataTypePtr& result_type, size_t rows) const override {
    if (allArrays(args)) return executeFunction(*array_concat_, args, result_type, rows);
    if (args.empty()) return typeString()->createColumnConst(rows, Field(std::string()));
    if (args.size() == 1 && args[0].column->kind() == ColumnKind::String) return args[0].column;
    if (args.size() == 2) {
      const Column& a = *args[0].column;
      const Column& b = *args[1].column;
      bool a_str = a.kind() == ColumnKind::String, b_str = b.kind() == ColumnKind::String;
      bool a_const = a.isConst() && static_cast<const ColumnConst&>(a).getDataColumn().kind() == ColumnKind::String;
      bool b_const = b.isConst() && static_cast<const ColumnConst&>(b).getDataColumn().kind() == ColumnKind::String;
      if (a_str && b_str)
        return concatTwo(StringRows(typedAs<ColumnString>(a)), StringRows(typedAs<ColumnString>(b)), rows);
      if (a_str && b_const)
        return concatTwo(StringRows(typedAs<ColumnString>(a)), ConstStringRows(b.getDataAt(0)), rows);
      if (a_const && b_str)
        return concatTwo(ConstStringRows(a.getDataAt(0)), StringRows(typedAs<ColumnString>(b)), rows);
    }
    std::vector<TextArgument> parts;
    parts.reserve(args.size());
    for (const auto& a : args) parts.emplace_back(a, rows);
    return concatRows(parts, nullptr, rows);
  }

 private:
  std::string name_;
  FunctionPtr array_concat_;
};

/// concatWithSeparator(sep, s1, s2, ...): sep must be a String; with no strings the result is ''.
class FunctionConcatWithSeparator final : public IFunction {
 public:
  explicit FunctionConcatWithSeparator(std::string name) : name_(std::move(name)) {}
  std::string getName() const override { return name_; }
  bool isVariadic() const override { return true; }
  DataTypePtr getReturnType(const ColumnsWithTypeAndName& args) const override {
    checkArgumentCount(name_, args.size(), 1, SIZE_MAX);
    if (!isStringLike(args[0].type)) throwIllegalType(name_, 0, args[0].type, "String or FixedString");
    return typeString();
  }
  ColumnPtr execute(const ColumnsWithTypeAndName& args, const DataTypePtr&, size_t rows) const override {
    if (args.size() == 1) return typeString()->createColumnConst(rows, Field(std::string()));
    TextArgument separator(args[0], rows);
    std::vector<TextArgument> parts;
    for (size_t i = 1; i < args.size(); ++i) parts.emplace_back(args[i], rows);
    return concatRows(parts, &separator, rows);
  }

 private:
  std::string name_;
};

FunctionDocumentation doc(const char* description, const char* syntax) {
  return makeDoc(description, syntax, "String");
}

}  // namespace string_concat

REGISTER_FUNCTION(Concat) {
  using namespace string_concat;
  auto concat_creator = [](const char* name) -> FunctionFactory::Creator {
    std::string n = name;
    return [n](const FunctionContext& context) {
      return std::make_shared<FunctionConcat>(n, FunctionFactory::instance().tryGet("arrayConcat", context));
    };
  };
  factory.registerFunction("concat", concat_creator("concat"),
                           doc("Concatenates the arguments (non-strings as their text form).", "concat(s1, s2, ...)"),
                           FunctionFactory::CaseInsensitive);
  factory.registerFunction(
      "concatAssumeInjective", concat_creator("concatAssumeInjective"),
      doc("Like concat, declared injective for GROUP BY optimisations.", "concatAssumeInjective(s1, s2, ...)"));
  auto ws_creator = [](const char* name) -> FunctionFactory::Creator {
    std::string n = name;
    return [n](const FunctionContext&) { return std::make_shared<FunctionConcatWithSeparator>(n); };
  };
  factory.registerFunction(
      "concatWithSeparator", ws_creator("concatWithSeparator"),
      doc("Concatenates the arguments with a separator between them.", "concatWithSeparator(sep, s1, s2, ...)"),
      FunctionFactory::CaseInsensitive);
  factory.registerAlias("concat_ws", "concatWithSeparator", FunctionFactory::CaseInsensitive);
  factory.registerFunction(
      "concatWithSeparatorAssumeInjective", ws_creator("concatWithSeparatorAssumeInjective"),
      doc("Like concatWithSeparator, declared injective.", "concatWithSeparatorAssumeInjective(sep, s1, s2, ...)"));
}

}  // namespace tally
