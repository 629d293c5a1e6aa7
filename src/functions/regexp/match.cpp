// match(haystack, pattern) (alias REGEXP_MATCHES): 1 if the RE2 pattern matches anywhere.
// Patterns without metacharacters are searched with memmem.

#include <cstring>

#include "columns/column_vector.h"
#include "functions/function_factory.h"
#include "functions/regexp/regexp_cache.h"
#include "functions/string/string_rows.h"
#include "types/data_type_number.h"

namespace tally {

namespace regexp_match {

FunctionDocumentation makeDoc(const char* description, const char* syntax, const char* category) {
  FunctionDocumentation d;
  d.description = description;
  d.syntax = syntax;
  d.category = category;
  return d;
}

/// True if the pattern is a plain literal for RE2 (no metacharacters, no escapes).
bool isLiteralPattern(std::string_view p) {
  for (char c : p)
    if (std::strchr("\\^$.[]|()?*+{}", c) && c != '\0') return false;
  return true;
}

class Matcher {
 public:
  explicit Matcher(std::string_view pattern) {
    if (isLiteralPattern(pattern))
      literal_ = std::string(pattern), is_literal_ = true;
    else
      regexp_ = compileRegexp(pattern);
  }
  bool operator()(std::string_view s) const {
    if (is_literal_) return literal_.empty() || memmem(s.data(), s.size(), literal_.data(), literal_.size()) != nullptr;
    return regexpSearch(*regexp_, s, 0, nullptr, 0);
  }

 private:
  bool is_literal_ = false;
  std::string literal_;
  RegexpPtr regexp_;
};

class FunctionMatch final : public IFunction {
 public:
  std::string getName() const override { return "match"; }
  size_t getNumberOfArguments() const override { return 2; }
  DataTypePtr getReturnType(const ColumnsWithTypeAndName& args) const override {
    if (!isStringLike(args[0].type)) throwIllegalType(getName(), 0, args[0].type);
    if (!isStringLike(args[1].type)) throwIllegalType(getName(), 1, args[1].type);
    return typeUInt8();
  }
  ColumnPtr execute(const ColumnsWithTypeAndName& args, const DataTypePtr&, size_t rows) const override {
    auto res = ColumnUInt8::create(rows);
    auto* out = res->getData().data();
    if (args[1].column->isConst()) {
      Matcher matcher(args[1].column->getDataAt(0));
      visitStringRows(*args[0].column, getName(), [&](const auto& src) {
        for (size_t i = 0; i < rows; ++i) out[i] = matcher(src[i]);
      });
      return res;
    }
    TextArgument hay(args[0], rows);
    TextArgument patterns(args[1], rows);
    std::unique_ptr<Matcher> matcher;
    std::string last;
    for (size_t i = 0; i < rows; ++i) {
      std::string_view p = patterns[i];
      if (!matcher || p != last) {
        matcher = std::make_unique<Matcher>(p);
        last = std::string(p);
      }
      out[i] = (*matcher)(hay[i]);
    }
    return res;
  }
};

}  // namespace regexp_match

REGISTER_FUNCTION(Match) {
  using namespace regexp_match;
  factory.registerFunction(
      "match", [](const FunctionContext&) { return std::make_shared<FunctionMatch>(); },
      makeDoc("1 if the haystack matches the RE2 regular expression, else 0.", "match(haystack, pattern)",
              "String search"));
  factory.registerAlias("REGEXP_MATCHES", "match", FunctionFactory::CaseInsensitive);
}

}  // namespace tally
