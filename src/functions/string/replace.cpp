// replaceOne / replaceAll (replace): substitute the first / every occurrence of a needle. An
// empty needle leaves the haystack unchanged. Needle and replacement may be columns.

#include <cstring>

#include "functions/function_factory.h"
#include "functions/string/string_rows.h"
#include "types/data_type_string.h"

namespace tally {

namespace string_replace {

FunctionDocumentation makeDoc(const char* description, const char* syntax, const char* category) {
  FunctionDocumentation d;
  d.description = description;
  d.syntax = syntax;
  d.category = category;
  return d;
}

template <bool all>
void replaceRow(std::string_view hay, std::string_view needle, std::string_view replacement, ColumnString::Chars& out) {
  if (needle.empty()) {
    out.insert(hay.data(), hay.data() + hay.size());
    return;
  }
  const char* pos = hay.data();
  const char* end = pos + hay.size();
  while (pos < end) {
    const char* found = static_cast<const char*>(memmem(pos, size_t(end - pos), needle.data(), needle.size()));
    if (!found) break;
    out.insert(pos, found);
    out.insert(replacement.data(), replacement.data() + replacement.size());
    pos = found + needle.size();
    if (!all) break;
  }
  out.insert(pos, end);
}

template <bool all>
class FunctionReplace final : public IFunction {
 public:
  std::string getName() const override { return all ? "replaceAll" : "replaceOne"; }
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
    if (args[1].column->isConst() && args[2].column->isConst()) {
      std::string_view needle = args[1].column->getDataAt(0);
      std::string_view replacement = args[2].column->getDataAt(0);
      visitStringRows(*args[0].column, getName(), [&](const auto& src) {
        if (rows) chars.reserve(src[0].size() * rows);
        for (size_t i = 0; i < rows; ++i) {
          replaceRow<all>(src[i], needle, replacement, chars);
          offsets[i] = chars.size();
        }
      });
      return res;
    }
    TextArgument hay(args[0], rows), needle(args[1], rows), replacement(args[2], rows);
    for (size_t i = 0; i < rows; ++i) {
      replaceRow<all>(hay[i], needle[i], replacement[i], chars);
      offsets[i] = chars.size();
    }
    return res;
  }
};

}  // namespace string_replace

REGISTER_FUNCTION(StringReplace) {
  using namespace string_replace;
  factory.registerFunction(
      "replaceOne", [](const FunctionContext&) { return std::make_shared<FunctionReplace<false>>(); },
      makeDoc("Replaces the first occurrence of the needle.", "replaceOne(haystack, needle, replacement)",
              "String replacement"));
  factory.registerFunction(
      "replaceAll", [](const FunctionContext&) { return std::make_shared<FunctionReplace<true>>(); },
      makeDoc("Replaces every occurrence of the needle.", "replaceAll(haystack, needle, replacement)",
              "String replacement"));
  factory.registerAlias("replace", "replaceAll", FunctionFactory::CaseInsensitive);
}

}  // namespace tally
