// like, notLike, ilike, notILike. A constant pattern is compiled once per block (literal shapes
// via memcmp/memmem, the rest via RE2); per-row patterns are compiled when they change.

#include "columns/column_vector.h"
#include "functions/function_factory.h"
#include "functions/regexp/like_pattern.h"
#include "functions/string/case_folding.h"
#include "functions/string/string_rows.h"
#include "types/data_type_number.h"

namespace tally {

namespace like_functions {

FunctionDocumentation makeDoc(const char* description, const char* syntax, const char* category) {
  FunctionDocumentation d;
  d.description = description;
  d.syntax = syntax;
  d.category = category;
  return d;
}

template <bool negate, bool case_insensitive>
class FunctionLike final : public IFunction {
 public:
  std::string getName() const override {
    if (case_insensitive) return negate ? "notILike" : "ilike";
    return negate ? "notLike" : "like";
  }
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
      LikeMatcher matcher(args[1].column->getDataAt(0), case_insensitive);
      ColumnPtr hay = args[0].column;
      if (matcher.needsLoweredHaystack()) hay = lowerCaseColumn(hay, true);
      visitStringRows(*hay, getName(), [&](const auto& src) {
        for (size_t i = 0; i < rows; ++i) out[i] = UInt8(matcher.match(src[i]) != negate);
      });
      return res;
    }
    TextArgument hay(args[0], rows);
    ColumnPtr lowered_column = lowerCaseColumn(args[0].column, true);
    TextArgument lowered(ColumnWithTypeAndName{lowered_column, args[0].type, ""}, rows);
    TextArgument patterns(args[1], rows);
    std::unique_ptr<LikeMatcher> matcher;
    std::string last_pattern;
    for (size_t i = 0; i < rows; ++i) {
      std::string_view p = patterns[i];
      if (!matcher || p != last_pattern) {
        matcher = std::make_unique<LikeMatcher>(p, case_insensitive);
        last_pattern = std::string(p);
      }
      std::string_view s = matcher->needsLoweredHaystack() ? lowered[i] : hay[i];
      out[i] = UInt8(matcher->match(s) != negate);
    }
    return res;
  }
};

template <bool n, bool ci>
FunctionFactory::Creator creator() {
  return [](const FunctionContext&) { return std::make_shared<FunctionLike<n, ci>>(); };
}

FunctionDocumentation doc(const char* description, const char* syntax) {
  return makeDoc(description, syntax, "String search");
}

}  // namespace like_functions

REGISTER_FUNCTION(Like) {
  using namespace like_functions;
  factory.registerFunction("like", creator<false, false>(),
                           doc("SQL LIKE: % any sequence, _ one character, \\ escapes.", "like(haystack, pattern)"));
  factory.registerFunction("notLike", creator<true, false>(), doc("NOT LIKE.", "notLike(haystack, pattern)"));
  factory.registerFunction("ilike", creator<false, true>(), doc("Case-insensitive LIKE.", "ilike(haystack, pattern)"));
  factory.registerFunction("notILike", creator<true, true>(), doc("NOT ILIKE.", "notILike(haystack, pattern)"));
}

}  // namespace tally
