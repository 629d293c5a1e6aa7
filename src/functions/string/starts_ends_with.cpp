// startsWith(s, prefix), endsWith(s, suffix): byte-wise, FixedStrings with their zero padding.

#include <cstring>

#include "columns/column_vector.h"
#include "functions/function_factory.h"
#include "functions/string/string_rows.h"
#include "types/data_type_number.h"

namespace tally {

namespace string_affix {

FunctionDocumentation makeDoc(const char* description, const char* syntax, const char* category) {
  FunctionDocumentation d;
  d.description = description;
  d.syntax = syntax;
  d.category = category;
  return d;
}

template <bool ends>
class FunctionAffix final : public IFunction {
 public:
  std::string getName() const override { return ends ? "endsWith" : "startsWith"; }
  size_t getNumberOfArguments() const override { return 2; }
  DataTypePtr getReturnType(const ColumnsWithTypeAndName& args) const override {
    for (size_t i = 0; i < 2; ++i)
      if (!isStringLike(args[i].type)) throwIllegalType(getName(), i, args[i].type);
    return typeUInt8();
  }
  ColumnPtr execute(const ColumnsWithTypeAndName& args, const DataTypePtr&, size_t rows) const override {
    auto res = ColumnUInt8::create(rows);
    auto* out = res->getData().data();
    auto test = [](std::string_view s, std::string_view a) {
      if (a.size() > s.size()) return false;
      const char* p = ends ? s.data() + s.size() - a.size() : s.data();
      return std::memcmp(p, a.data(), a.size()) == 0;
    };
    if (args[1].column->isConst()) {
      std::string_view affix = constantStringArgument(getName(), args, 1);
      visitStringRows(*args[0].column, getName(), [&](const auto& src) {
        for (size_t i = 0; i < rows; ++i) out[i] = test(src[i], affix);
      });
    } else {
      TextArgument s(args[0], rows);
      TextArgument a(args[1], rows);
      for (size_t i = 0; i < rows; ++i) out[i] = test(s[i], a[i]);
    }
    return res;
  }
};

}  // namespace string_affix

REGISTER_FUNCTION(StringAffix) {
  using namespace string_affix;
  factory.registerFunction(
      "startsWith", [](const FunctionContext&) { return std::make_shared<FunctionAffix<false>>(); },
      makeDoc("1 if the string starts with the prefix, else 0.", "startsWith(s, prefix)", "String"));
  factory.registerFunction(
      "endsWith", [](const FunctionContext&) { return std::make_shared<FunctionAffix<true>>(); },
      makeDoc("1 if the string ends with the suffix, else 0.", "endsWith(s, suffix)", "String"));
}

}  // namespace tally
