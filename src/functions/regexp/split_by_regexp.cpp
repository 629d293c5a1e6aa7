// splitByRegexp(regexp, s[, max_substrings]): tokens between matches of a constant regexp; an
// empty regexp splits into single bytes; an empty match ends the splitting.

#include "functions/function_factory.h"
#include "functions/regexp/regexp_cache.h"
#include "functions/string/split.h"
#include "types/data_type_array.h"
#include "types/data_type_string.h"

namespace tally {

namespace split_by_regexp {

FunctionDocumentation makeDoc(const char* description, const char* syntax, const char* category) {
  FunctionDocumentation d;
  d.description = description;
  d.syntax = syntax;
  d.category = category;
  return d;
}

struct RegexpTokenizer {
  const re2::RE2* re;  // nullptr: empty regexp
  bool done = false;
  bool next(const char*, const char* end, const char*& pos, std::string_view& token) {
    if (!re) {
      if (pos == end) return false;
      token = {pos, 1};
      ++pos;
      return true;
    }
    if (done) return false;
    re2::StringPiece m;
    std::string_view rest(pos, size_t(end - pos));
    if (!regexpSearch(*re, rest, 0, &m, 1) || m.empty()) {
      token = rest;
      done = true;
      return true;
    }
    token = {pos, size_t(m.data() - pos)};
    pos = m.data() + m.size();
    return true;
  }
};

class FunctionSplitByRegexp final : public IFunction {
 public:
  std::string getName() const override { return "splitByRegexp"; }
  bool isVariadic() const override { return true; }
  std::vector<size_t> getArgumentsThatAreAlwaysConstant() const override { return {0}; }
  DataTypePtr getReturnType(const ColumnsWithTypeAndName& args) const override {
    checkArgumentCount(getName(), args.size(), 2, 3);
    if (!isStringLike(args[0].type)) throwIllegalType(getName(), 0, args[0].type, "String");
    if (!isStringLike(args[1].type)) throwIllegalType(getName(), 1, args[1].type, "String");
    if (args.size() == 3 && !isIntegerLike(args[2].type)) throwIllegalType(getName(), 2, args[2].type, "const Number");
    return std::make_shared<DataTypeArray>(typeString());
  }
  ColumnPtr execute(const ColumnsWithTypeAndName& args, const DataTypePtr&, size_t rows) const override {
    std::string_view pattern = constantStringArgument(getName(), args, 0);
    RegexpPtr re = pattern.empty() ? nullptr : compileRegexp(pattern);
    PODArray<Int64> limits;
    if (args.size() == 3) limits = integerColumnValues(*args[2].column, args[2].type, rows);
    const PODArray<Int64>* lim = args.size() == 3 ? &limits : nullptr;
    return visitStringRows(*args[1].column, getName(), [&](const auto& src) -> ColumnPtr {
      return splitRows(src, rows, lim, [&] { return RegexpTokenizer{re.get()}; });
    });
  }
};

}  // namespace split_by_regexp

REGISTER_FUNCTION(SplitByRegexp) {
  using namespace split_by_regexp;
  factory.registerFunction(
      "splitByRegexp", [](const FunctionContext&) { return std::make_shared<FunctionSplitByRegexp>(); },
      makeDoc("Splits a string by matches of a regular expression.", "splitByRegexp(regexp, s[, max_substrings])",
              "Splitting strings"));
}

}  // namespace tally
