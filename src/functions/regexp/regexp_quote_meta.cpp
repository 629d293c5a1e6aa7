// regexpQuoteMeta(s): backslash before \0 \ | ( ) ^ $ . [ ] ? * + { : - (the zero byte as "\0").

#include "functions/function_factory.h"
#include "functions/string/string_rows.h"
#include "types/data_type_string.h"

namespace tally {

namespace regexp_quote_meta {

FunctionDocumentation makeDoc(const char* description, const char* syntax, const char* category) {
  FunctionDocumentation d;
  d.description = description;
  d.syntax = syntax;
  d.category = category;
  return d;
}

inline bool needsQuote(char c) {
  switch (c) {
    case '\0':
    case '\\':
    case '|':
    case '(':
    case ')':
    case '^':
    case '$':
    case '.':
    case '[':
    case ']':
    case '?':
    case '*':
    case '+':
    case '{':
    case ':':
    case '-': return true;
    default: return false;
  }
}

class FunctionRegexpQuoteMeta final : public IFunction {
 public:
  std::string getName() const override { return "regexpQuoteMeta"; }
  size_t getNumberOfArguments() const override { return 1; }
  DataTypePtr getReturnType(const ColumnsWithTypeAndName& args) const override {
    if (!isString(args[0].type)) throwIllegalType(getName(), 0, args[0].type);
    return typeString();
  }
  ColumnPtr execute(const ColumnsWithTypeAndName& args, const DataTypePtr&, size_t rows) const override {
    auto res = ColumnString::create();
    auto& chars = res->getChars();
    auto& offsets = res->getOffsets();
    offsets.resize(rows);
    visitStringRows(*args[0].column, getName(), [&](const auto& src) {
      for (size_t i = 0; i < rows; ++i) {
        for (char c : src[i]) {
          if (needsQuote(c)) {
            chars.push_back('\\');
            chars.push_back(c == '\0' ? '0' : c);
          } else {
            chars.push_back(c);
          }
        }
        offsets[i] = chars.size();
      }
    });
    return res;
  }
};

}  // namespace regexp_quote_meta

REGISTER_FUNCTION(RegexpQuoteMeta) {
  using namespace regexp_quote_meta;
  factory.registerFunction(
      "regexpQuoteMeta", [](const FunctionContext&) { return std::make_shared<FunctionRegexpQuoteMeta>(); },
      makeDoc("Escapes the characters that are special in regular expressions.", "regexpQuoteMeta(s)",
              "String search"));
}

}  // namespace tally
