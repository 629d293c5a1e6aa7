// hasToken(haystack, token) / hasTokenCaseInsensitive: 1 if token occurs in haystack bounded by
// separators — ASCII bytes that are not letters or digits (bytes >= 0x80 belong to tokens) — or
// by the ends of the string. The token must be a constant without separators.

#include <cstring>

#include "columns/column_vector.h"
#include "functions/function_factory.h"
#include "functions/string/case_folding.h"
#include "functions/string/string_rows.h"
#include "types/data_type_number.h"

namespace tally {

namespace has_token {

FunctionDocumentation makeDoc(const char* description, const char* syntax, const char* category) {
  FunctionDocumentation d;
  d.description = description;
  d.syntax = syntax;
  d.category = category;
  return d;
}

inline bool isTokenSeparator(char c) {
  auto u = uint8_t(c);
  if (u >= 0x80) return false;
  return !((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9'));
}

bool hasTokenIn(std::string_view hay, std::string_view token) {
  const char* begin = hay.data();
  const char* end = begin + hay.size();
  const char* pos = begin;
  while (pos < end) {
    const char* found = static_cast<const char*>(memmem(pos, size_t(end - pos), token.data(), token.size()));
    if (!found) return false;
    const char* after = found + token.size();
    if ((found == begin || isTokenSeparator(found[-1])) && (after == end || isTokenSeparator(*after))) return true;
    pos = found + 1;
  }
  return false;
}

template <bool case_insensitive>
class FunctionHasToken final : public IFunction {
 public:
  std::string getName() const override { return case_insensitive ? "hasTokenCaseInsensitive" : "hasToken"; }
  size_t getNumberOfArguments() const override { return 2; }
  std::vector<size_t> getArgumentsThatAreAlwaysConstant() const override { return {1}; }
  DataTypePtr getReturnType(const ColumnsWithTypeAndName& args) const override {
    if (!isStringLike(args[0].type)) throwIllegalType(getName(), 0, args[0].type);
    if (!isString(args[1].type)) throwIllegalType(getName(), 1, args[1].type);
    return typeUInt8();
  }
  ColumnPtr execute(const ColumnsWithTypeAndName& args, const DataTypePtr&, size_t rows) const override {
    std::string token(constantStringArgument(getName(), args, 1));
    if (token.empty()) throw Exception(ErrorCodes::BAD_ARGUMENTS, "Needle cannot be empty in function {}", getName());
    for (char c : token)
      if (isTokenSeparator(c))
        throw Exception(ErrorCodes::BAD_ARGUMENTS, "Needle must not contain whitespace or separator characters");
    ColumnPtr hay = args[0].column;
    if constexpr (case_insensitive) {
      hay = lowerCaseColumn(hay, false);
      std::string lowered(token.size(), '\0');
      asciiCaseMap<true>(token.data(), lowered.data(), token.size());
      token = std::move(lowered);
    }
    auto res = ColumnUInt8::create(rows);
    auto* out = res->getData().data();
    visitStringRows(*hay, getName(), [&](const auto& src) {
      for (size_t i = 0; i < rows; ++i) out[i] = hasTokenIn(src[i], token);
    });
    return res;
  }
};

}  // namespace has_token

REGISTER_FUNCTION(HasToken) {
  using namespace has_token;
  factory.registerFunction(
      "hasToken", [](const FunctionContext&) { return std::make_shared<FunctionHasToken<false>>(); },
      makeDoc("1 if the token occurs between separators (non-alphanumeric ASCII) in the haystack.",
              "hasToken(haystack, token)", "String search"));
  factory.registerFunction(
      "hasTokenCaseInsensitive", [](const FunctionContext&) { return std::make_shared<FunctionHasToken<true>>(); },
      makeDoc("Like hasToken, ignoring ASCII case.", "hasTokenCaseInsensitive(haystack, token)", "String search"));
}

}  // namespace tally
