// trimLeft (ltrim), trimRight (rtrim), trimBoth (trim): remove spaces (ASCII 32), or the
// characters of an optional constant set, from the start and/or end of a string.

#include <bitset>

#include "functions/function_factory.h"
#include "functions/string/string_rows.h"
#include "types/data_type_string.h"

namespace tally {

namespace string_trim {

FunctionDocumentation makeDoc(const char* description, const char* syntax, const char* category) {
  FunctionDocumentation d;
  d.description = description;
  d.syntax = syntax;
  d.category = category;
  return d;
}

template <bool left, bool right>
class FunctionTrim final : public IFunction {
 public:
  explicit FunctionTrim(std::string name) : name_(std::move(name)) {}
  std::string getName() const override { return name_; }
  bool isVariadic() const override { return true; }
  std::vector<size_t> getArgumentsThatAreAlwaysConstant() const override { return {1}; }
  DataTypePtr getReturnType(const ColumnsWithTypeAndName& args) const override {
    checkArgumentCount(name_, args.size(), 1, 2);
    if (!isStringLike(args[0].type)) throwIllegalType(name_, 0, args[0].type);
    if (args.size() == 2 && !isStringLike(args[1].type)) throwIllegalType(name_, 1, args[1].type);
    return typeString();
  }
  ColumnPtr execute(const ColumnsWithTypeAndName& args, const DataTypePtr&, size_t rows) const override {
    std::bitset<256> set;
    if (args.size() == 2) {
      for (char c : constantStringArgument(name_, args, 1)) set.set(uint8_t(c));
    } else {
      set.set(' ');
    }
    auto res = ColumnString::create();
    auto& chars = res->getChars();
    auto& offsets = res->getOffsets();
    offsets.resize(rows);
    visitStringRows(*args[0].column, name_, [&](const auto& src) {
      for (size_t i = 0; i < rows; ++i) {
        std::string_view s = src[i];
        size_t b = 0, e = s.size();
        if (left)
          while (b < e && set.test(uint8_t(s[b]))) ++b;
        if (right)
          while (e > b && set.test(uint8_t(s[e - 1]))) --e;
        chars.insert(s.data() + b, s.data() + e);
        offsets[i] = chars.size();
      }
    });
    return res;
  }

 private:
  std::string name_;
};

template <bool l, bool r>
FunctionFactory::Creator creator(const char* name) {
  std::string n = name;
  return [n](const FunctionContext&) { return std::make_shared<FunctionTrim<l, r>>(n); };
}

FunctionDocumentation doc(const char* description, const char* syntax) {
  return makeDoc(description, syntax, "String");
}

}  // namespace string_trim

REGISTER_FUNCTION(StringTrim) {
  using namespace string_trim;
  factory.registerFunction("trimLeft", creator<true, false>("trimLeft"),
                           doc("Removes leading spaces (or the given characters).", "trimLeft(s[, trim_characters])"));
  factory.registerAlias("ltrim", "trimLeft", FunctionFactory::CaseInsensitive);
  factory.registerFunction(
      "trimRight", creator<false, true>("trimRight"),
      doc("Removes trailing spaces (or the given characters).", "trimRight(s[, trim_characters])"));
  factory.registerAlias("rtrim", "trimRight", FunctionFactory::CaseInsensitive);
  factory.registerFunction(
      "trimBoth", creator<true, true>("trimBoth"),
      doc("Removes leading and trailing spaces (or the given characters).", "trimBoth(s[, trim_characters])"));
  factory.registerAlias("trim", "trimBoth", FunctionFactory::CaseInsensitive);
}

}  // namespace tally
