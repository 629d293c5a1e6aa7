// replaceRegexpOne / replaceRegexpAll (REGEXP_REPLACE): RE2 substitution where the replacement
// may reference groups as \0..\9 and '\x' stands for a literal x. An empty match advances one
// byte; an empty pattern leaves the haystack unchanged.

#include "functions/function_factory.h"
#include "functions/regexp/regexp_cache.h"
#include "functions/string/string_rows.h"
#include "types/data_type_string.h"

namespace tally {

namespace replace_regexp {

FunctionDocumentation makeDoc(const char* description, const char* syntax, const char* category) {
  FunctionDocumentation d;
  d.description = description;
  d.syntax = syntax;
  d.category = category;
  return d;
}

constexpr int kMaxCaptures = 10;

struct Instruction {
  int group = -1;       // >= 0: substitute this group
  std::string literal;  // otherwise: paste this
};

std::vector<Instruction> parseReplacement(std::string_view replacement, int num_captures) {
  std::vector<Instruction> out;
  std::string literal;
  for (size_t i = 0; i < replacement.size(); ++i) {
    if (replacement[i] == '\\' && i + 1 < replacement.size()) {
      char n = replacement[i + 1];
      if (n >= '0' && n <= '9') {
        int group = n - '0';
        if (group >= num_captures)
          throw Exception(ErrorCodes::BAD_ARGUMENTS,
                          "Substitution '\\{}' in replacement argument is invalid, regexp has only {} capturing groups",
                          group, num_captures - 1);
        if (!literal.empty()) out.push_back({-1, std::move(literal)});
        literal.clear();
        out.push_back({group, {}});
      } else {
        literal += n;
      }
      ++i;
    } else {
      literal += replacement[i];
    }
  }
  if (!literal.empty()) out.push_back({-1, std::move(literal)});
  return out;
}

template <bool all>
void replaceRow(std::string_view hay, const re2::RE2& re, int num_captures,
                const std::vector<Instruction>& instructions, ColumnString::Chars& out) {
  re2::StringPiece matches[kMaxCaptures];
  size_t copy_pos = 0;
  size_t match_pos = 0;
  while (match_pos <= hay.size()) {
    bool finish = false;
    if (regexpSearch(re, hay, match_pos, matches, num_captures)) {
      const auto& m = matches[0];
      size_t match_begin = size_t(m.data() - hay.data());
      out.insert(hay.data() + copy_pos, hay.data() + match_begin);
      copy_pos = match_begin + m.size();
      match_pos = copy_pos;
      for (const auto& ins : instructions) {
        if (ins.group >= 0) {
          const auto& g = matches[ins.group];
          if (g.data()) out.insert(g.data(), g.data() + g.size());
        } else {
          out.insert(ins.literal.data(), ins.literal.data() + ins.literal.size());
        }
      }
      if (!all) finish = true;
      if (m.empty()) {
        ++match_pos;
        if (match_pos > hay.size()) finish = true;
      } else if (instructions.empty() && match_pos == hay.size()) {
        finish = true;
      }
    } else {
      finish = true;
    }
    if (finish) break;
  }
  out.insert(hay.data() + copy_pos, hay.data() + hay.size());
}

template <bool all>
class FunctionReplaceRegexp final : public IFunction {
 public:
  std::string getName() const override { return all ? "replaceRegexpAll" : "replaceRegexpOne"; }
  size_t getNumberOfArguments() const override { return 3; }
  DataTypePtr getReturnType(const ColumnsWithTypeAndName& args) const override {
    for (size_t i = 0; i < 3; ++i)
      if (!isStringLike(args[i].type)) throwIllegalType(getName(), i, args[i].type);
    return typeString();
  }
  ColumnPtr execute(const ColumnsWithTypeAndName& args, const DataTypePtr&, size_t rows) const override {
    auto res = ColumnString::create();
    auto& chars = res->getChars();
    auto& offsets = res->getOffsets();
    offsets.resize(rows);
    TextArgument hay(args[0], rows), patterns(args[1], rows), replacements(args[2], rows);
    RegexpPtr re;
    std::vector<Instruction> instructions;
    int num_captures = 0;
    std::string last_pattern, last_replacement;
    bool prepared = false;
    for (size_t i = 0; i < rows; ++i) {
      std::string_view pattern = patterns[i];
      std::string_view replacement = replacements[i];
      std::string_view s = hay[i];
      if (pattern.empty()) {
        chars.insert(s.data(), s.data() + s.size());
        offsets[i] = chars.size();
        continue;
      }
      if (!prepared || pattern != last_pattern || replacement != last_replacement) {
        re = compileRegexp(pattern);
        num_captures = regexpMatchSlots(*re, kMaxCaptures);
        instructions = parseReplacement(replacement, num_captures);
        last_pattern = std::string(pattern);
        last_replacement = std::string(replacement);
        prepared = true;
      }
      replaceRow<all>(s, *re, num_captures, instructions, chars);
      offsets[i] = chars.size();
    }
    return res;
  }
};

}  // namespace replace_regexp

REGISTER_FUNCTION(ReplaceRegexp) {
  using namespace replace_regexp;
  factory.registerFunction(
      "replaceRegexpOne", [](const FunctionContext&) { return std::make_shared<FunctionReplaceRegexp<false>>(); },
      makeDoc("Replaces the first match of the regexp; \\0-\\9 in the replacement insert groups.",
              "replaceRegexpOne(haystack, pattern, replacement)", "String replacement"));
  factory.registerFunction(
      "replaceRegexpAll", [](const FunctionContext&) { return std::make_shared<FunctionReplaceRegexp<true>>(); },
      makeDoc("Replaces every match of the regexp; \\0-\\9 in the replacement insert groups.",
              "replaceRegexpAll(haystack, pattern, replacement)", "String replacement"));
  factory.registerAlias("REGEXP_REPLACE", "replaceRegexpAll", FunctionFactory::CaseInsensitive);
}

}  // namespace tally
