// splitByChar, splitByString, splitByWhitespace, splitByNonAlpha, alphaTokens (splitByAlpha).
// Separators are constants; the optional last argument max_substrings > 0 keeps that many
// tokens (the remainder of the string is dropped, ClickHouse's default since 22.11).

#include "functions/string/split.h"

#include "functions/function_factory.h"
#include "types/data_type_array.h"
#include "types/data_type_string.h"

namespace tally {

namespace string_split {

FunctionDocumentation makeDoc(const char* description, const char* syntax, const char* category) {
  FunctionDocumentation d;
  d.description = description;
  d.syntax = syntax;
  d.category = category;
  return d;
}

inline bool isWhitespace(char c) {
  return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\v';
}
inline bool isPunctuation(char c) {
  return (c >= '!' && c <= '/') || (c >= ':' && c <= '@') || (c >= '[' && c <= '`') || (c >= '{' && c <= '~');
}
inline bool isAlpha(char c) {
  return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
}

/// Tokens between occurrences of one byte; an empty string gives [''].
struct CharTokenizer {
  char sep;
  bool done = false;
  bool next(const char*, const char* end, const char*& pos, std::string_view& token) {
    if (done) return false;
    const char* found = static_cast<const char*>(std::memchr(pos, sep, size_t(end - pos)));
    if (!found) {
      token = {pos, size_t(end - pos)};
      done = true;
      return true;
    }
    token = {pos, size_t(found - pos)};
    pos = found + 1;
    return true;
  }
};

/// Tokens between occurrences of a string; an empty separator splits into single bytes.
struct StringTokenizer {
  std::string_view sep;
  bool done = false;
  bool next(const char*, const char* end, const char*& pos, std::string_view& token) {
    if (sep.empty()) {
      if (pos == end) return false;
      token = {pos, 1};
      ++pos;
      return true;
    }
    if (done) return false;
    const char* found = static_cast<const char*>(memmem(pos, size_t(end - pos), sep.data(), sep.size()));
    if (!found) {
      token = {pos, size_t(end - pos)};
      done = true;
      return true;
    }
    token = {pos, size_t(found - pos)};
    pos = found + sep.size();
    return true;
  }
};

/// Maximal runs of bytes for which keep(c) holds (never empty tokens).
template <bool (*keep)(char)>
struct RunTokenizer {
  bool next(const char*, const char* end, const char*& pos, std::string_view& token) {
    while (pos < end && !keep(*pos)) ++pos;
    if (pos == end) return false;
    const char* b = pos;
    while (pos < end && keep(*pos)) ++pos;
    token = {b, size_t(pos - b)};
    return true;
  }
};

inline bool notWhitespace(char c) {
  return !isWhitespace(c);
}
inline bool notWhitespaceOrPunctuation(char c) {
  return !isWhitespace(c) && !isPunctuation(c);
}
inline bool alphaChar(char c) {
  return isAlpha(c);
}

enum class Kind { Char, String, Whitespace, NonAlpha, Alpha };

template <Kind kind>
class FunctionSplit final : public IFunction {
 public:
  explicit FunctionSplit(std::string name) : name_(std::move(name)) {}
  std::string getName() const override { return name_; }
  bool isVariadic() const override { return true; }
  static constexpr bool has_separator = kind == Kind::Char || kind == Kind::String;
  std::vector<size_t> getArgumentsThatAreAlwaysConstant() const override {
    if (has_separator) return {0};
    return {};
  }
  DataTypePtr getReturnType(const ColumnsWithTypeAndName& args) const override {
    size_t first = has_separator ? 1 : 0;
    checkArgumentCount(name_, args.size(), first + 1, first + 2);
    if (has_separator && !isString(args[0].type)) throwIllegalType(name_, 0, args[0].type, "String");
    if (!isStringLike(args[first].type)) throwIllegalType(name_, first, args[first].type, "String");
    if (args.size() == first + 2 && !isIntegerLike(args[first + 1].type))
      throwIllegalType(name_, first + 1, args[first + 1].type, "const Number");
    if constexpr (kind == Kind::Char) {
      if (isConstantArgument(args, 0) && args[0].column->getDataAt(0).size() != 1)
        throw Exception(ErrorCodes::BAD_ARGUMENTS, "Illegal separator for function {}. Must be exactly one byte.",
                        name_);
    }
    return std::make_shared<DataTypeArray>(typeString());
  }
  ColumnPtr execute(const ColumnsWithTypeAndName& args, const DataTypePtr&, size_t rows) const override {
    size_t first = has_separator ? 1 : 0;
    std::string separator;
    if (has_separator) separator = std::string(constantStringArgument(name_, args, 0));
    if (kind == Kind::Char && separator.size() != 1)
      throw Exception(ErrorCodes::BAD_ARGUMENTS, "Illegal separator for function {}. Must be exactly one byte.", name_);
    PODArray<Int64> limits;
    bool has_limit = args.size() == first + 2;
    if (has_limit) limits = integerColumnValues(*args[first + 1].column, args[first + 1].type, rows);
    return visitStringRows(*args[first].column, name_, [&](const auto& src) -> ColumnPtr {
      const PODArray<Int64>* lim = has_limit ? &limits : nullptr;
      if constexpr (kind == Kind::Char)
        return splitRows(src, rows, lim, [&] { return CharTokenizer{separator[0]}; });
      else if constexpr (kind == Kind::String)
        return splitRows(src, rows, lim, [&] { return StringTokenizer{separator}; });
      else if constexpr (kind == Kind::Whitespace)
        return splitRows(src, rows, lim, [] { return RunTokenizer<notWhitespace>{}; });
      else if constexpr (kind == Kind::NonAlpha)
        return splitRows(src, rows, lim, [] { return RunTokenizer<notWhitespaceOrPunctuation>{}; });
      else
        return splitRows(src, rows, lim, [] { return RunTokenizer<alphaChar>{}; });
    });
  }

 private:
  std::string name_;
};

template <Kind kind>
FunctionFactory::Creator creator(const char* name) {
  std::string n = name;
  return [n](const FunctionContext&) { return std::make_shared<FunctionSplit<kind>>(n); };
}

FunctionDocumentation doc(const char* description, const char* syntax) {
  return makeDoc(description, syntax, "Splitting strings");
}

}  // namespace string_split

REGISTER_FUNCTION(StringSplit) {
  using namespace string_split;
  factory.registerFunction(
      "splitByChar", creator<Kind::Char>("splitByChar"),
      doc("Splits a string by a one-byte separator.", "splitByChar(separator, s[, max_substrings])"));
  factory.registerFunction("splitByString", creator<Kind::String>("splitByString"),
                           doc("Splits a string by a separator string (empty: into single bytes).",
                               "splitByString(separator, s[, max_substrings])"));
  factory.registerFunction(
      "splitByWhitespace", creator<Kind::Whitespace>("splitByWhitespace"),
      doc("Splits a string by runs of ASCII whitespace.", "splitByWhitespace(s[, max_substrings])"));
  factory.registerFunction(
      "splitByNonAlpha", creator<Kind::NonAlpha>("splitByNonAlpha"),
      doc("Splits a string by ASCII whitespace and punctuation.", "splitByNonAlpha(s[, max_substrings])"));
  factory.registerFunction("alphaTokens", creator<Kind::Alpha>("alphaTokens"),
                           doc("Runs of ASCII letters a-z and A-Z.", "alphaTokens(s[, max_substrings])"));
  factory.registerAlias("splitByAlpha", "alphaTokens");
}

}  // namespace tally
