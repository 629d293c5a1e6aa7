// format(pattern, a0, a1, ...): a simplified Python format. '{}' takes the arguments in order,
// '{N}' the N-th (0-based); '{{' and '}}' are literal braces. The pattern is parsed once per
// block into literal pieces and argument indexes.

#include "functions/function_factory.h"
#include "functions/string/string_rows.h"
#include "types/data_type_string.h"

namespace tally {

namespace string_format {

FunctionDocumentation makeDoc(const char* description, const char* syntax, const char* category) {
  FunctionDocumentation d;
  d.description = description;
  d.syntax = syntax;
  d.category = category;
  return d;
}

/// pieces[0] arg[0] pieces[1] arg[1] ... pieces[n]
struct FormatPlan {
  std::vector<std::string> pieces;
  std::vector<size_t> args;
};

std::string unescapeBraces(std::string_view s) {
  std::string out;
  out.reserve(s.size());
  for (size_t i = 0; i < s.size(); ++i) {
    out += s[i];
    if ((s[i] == '{' || s[i] == '}') && i + 1 < s.size() && s[i + 1] == s[i]) ++i;
  }
  return out;
}

FormatPlan parsePattern(std::string_view pattern, size_t argument_count) {
  FormatPlan plan;
  bool open = false;
  size_t last_open = 0;
  size_t start = 0;
  int plain_numbering = -1;  // -1 unknown, 1 '{}', 0 '{N}'
  size_t next_plain = 0;
  for (size_t i = 0; i < pattern.size(); ++i) {
    char c = pattern[i];
    if (c == '{') {
      if (i + 1 < pattern.size() && pattern[i + 1] == '{') {
        ++i;
        continue;
      }
      if (open) throw Exception(ErrorCodes::BAD_ARGUMENTS, "Two open curly braces without close one at position {}", i);
      plan.pieces.push_back(unescapeBraces(pattern.substr(start, i - start)));
      open = true;
      last_open = i + 1;
    } else if (c == '}') {
      if (i + 1 < pattern.size() && pattern[i + 1] == '}') {
        ++i;
        continue;
      }
      if (!open) throw Exception(ErrorCodes::BAD_ARGUMENTS, "Closed curly brace without open one at position {}", i);
      open = false;
      size_t index;
      if (last_open == i) {
        if (plain_numbering == 0)
          throw Exception(ErrorCodes::BAD_ARGUMENTS,
                          "Cannot switch from automatic field numbering to manual field specification");
        plain_numbering = 1;
        if (next_plain >= argument_count)
          throw Exception(ErrorCodes::BAD_ARGUMENTS, "Argument is too big for formatting");
        index = next_plain++;
      } else {
        if (plain_numbering == 1)
          throw Exception(ErrorCodes::BAD_ARGUMENTS,
                          "Cannot switch from automatic field numbering to manual field specification");
        plain_numbering = 0;
        index = 0;
        for (size_t p = last_open; p < i; ++p) {
          if (pattern[p] < '0' || pattern[p] > '9')
            throw Exception(ErrorCodes::BAD_ARGUMENTS, "Not a number in curly braces at position {}", p);
          index = index * 10 + size_t(pattern[p] - '0');
          if (index >= argument_count)
            throw Exception(ErrorCodes::BAD_ARGUMENTS, "Too big number for arguments, must be at most {}",
                            argument_count - 1);
        }
      }
      plan.args.push_back(index);
      start = i + 1;
    }
  }
  if (open) throw Exception(ErrorCodes::BAD_ARGUMENTS, "Last open curly brace is not closed");
  plan.pieces.push_back(unescapeBraces(pattern.substr(start)));
  return plan;
}

class FunctionFormat final : public IFunction {
 public:
  std::string getName() const override { return "format"; }
  bool isVariadic() const override { return true; }
  std::vector<size_t> getArgumentsThatAreAlwaysConstant() const override { return {0}; }
  DataTypePtr getReturnType(const ColumnsWithTypeAndName& args) const override {
    if (args.size() < 2)
      throw Exception(ErrorCodes::NUMBER_OF_ARGUMENTS_DOESNT_MATCH,
                      "Number of arguments for function format doesn't match: passed {}, should be at least 2",
                      args.size());
    if (!isStringLike(args[0].type)) throwIllegalType(getName(), 0, args[0].type);
    return typeString();
  }
  ColumnPtr execute(const ColumnsWithTypeAndName& args, const DataTypePtr&, size_t rows) const override {
    if (!constantArgumentData(args, 0))
      throw Exception(ErrorCodes::ILLEGAL_COLUMN, "First argument of function format must be constant string");
    FormatPlan plan = parsePattern(constantStringArgument(getName(), args, 0), args.size() - 1);
    std::vector<TextArgument> values;
    for (size_t i = 1; i < args.size(); ++i) values.emplace_back(args[i], rows);
    auto res = ColumnString::create();
    auto& chars = res->getChars();
    auto& offsets = res->getOffsets();
    offsets.resize(rows);
    for (size_t r = 0; r < rows; ++r) {
      for (size_t k = 0; k < plan.args.size(); ++k) {
        const std::string& piece = plan.pieces[k];
        chars.insert(piece.data(), piece.data() + piece.size());
        std::string_view v = values[plan.args[k]][r];
        chars.insert(v.data(), v.data() + v.size());
      }
      const std::string& last = plan.pieces.back();
      chars.insert(last.data(), last.data() + last.size());
      offsets[r] = chars.size();
    }
    return res;
  }
};

}  // namespace string_format

REGISTER_FUNCTION(Format) {
  using namespace string_format;
  factory.registerFunction(
      "format", [](const FunctionContext&) { return std::make_shared<FunctionFormat>(); },
      makeDoc("Formats the constant pattern with the arguments: '{}' in order, '{N}' by "
              "0-based index, '{{' and '}}' for literal braces.",
              "format(pattern, s0[, s1, ...])", "String"));
}

}  // namespace tally
