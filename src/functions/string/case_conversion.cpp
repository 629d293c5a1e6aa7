// lower / upper (ASCII, String and FixedString) and lowerUTF8 / upperUTF8 (code points whose
// other case has the same UTF-8 length, as ClickHouse; U+0080..U+00BF and U+2000..U+2FFF are
// left alone). Results keep the input's offsets, so the whole chars buffer is mapped at once.

#include "functions/function_factory.h"
#include "functions/string/case_folding.h"
#include "functions/string/string_rows.h"
#include "functions/string/utf8.h"
#include "types/data_type_string.h"

namespace tally {

namespace case_conversion {

FunctionDocumentation makeDoc(const char* description, const char* syntax, const char* category) {
  FunctionDocumentation d;
  d.description = description;
  d.syntax = syntax;
  d.category = category;
  return d;
}

template <bool to_lower, bool utf8>
class FunctionCase final : public IFunction {
 public:
  std::string getName() const override {
    if constexpr (utf8) return to_lower ? "lowerUTF8" : "upperUTF8";
    return to_lower ? "lower" : "upper";
  }
  size_t getNumberOfArguments() const override { return 1; }
  DataTypePtr getReturnType(const ColumnsWithTypeAndName& args) const override {
    if (!isStringLike(args[0].type)) throwIllegalType(getName(), 0, args[0].type);
    if (utf8 && args[0].type->typeId() == TypeIndex::FixedString)
      throw Exception(ErrorCodes::BAD_ARGUMENTS,
                      "Functions lowerUTF8 and upperUTF8 cannot work with FixedString argument");
    return args[0].type;
  }
  ColumnPtr execute(const ColumnsWithTypeAndName& args, const DataTypePtr&, size_t rows) const override {
    const Column& c = *args[0].column;
    if (c.kind() == ColumnKind::FixedString) {
      const auto& src = static_cast<const ColumnFixedString&>(c);
      auto res = ColumnFixedString::create(src.getN());
      res->getChars().resize(src.getChars().size());
      asciiCaseMap<to_lower>(src.getChars().data(), res->getChars().data(), src.getChars().size());
      return res;
    }
    const auto& src = typedAs<ColumnString>(c);
    auto res = ColumnString::create();
    const auto& chars = src.getChars();
    res->getChars().resize(chars.size());
    res->getOffsets() = src.getOffsets();
    if constexpr (!utf8) {
      asciiCaseMap<to_lower>(chars.data(), res->getChars().data(), chars.size());
    } else {
      const auto* in = reinterpret_cast<const uint8_t*>(chars.data());
      auto* out = reinterpret_cast<uint8_t*>(res->getChars().data());
      const auto& offsets = src.getOffsets();
      size_t prev = 0;
      for (size_t i = 0; i < rows; ++i) {
        utf8CaseMapRow<to_lower>(in + prev, in + offsets[i], out + prev);
        prev = offsets[i];
      }
    }
    return res;
  }
};

template <bool to_lower, bool utf8>
FunctionFactory::Creator creator() {
  return [](const FunctionContext&) { return std::make_shared<FunctionCase<to_lower, utf8>>(); };
}

FunctionDocumentation doc(const char* description, const char* syntax) {
  return makeDoc(description, syntax, "String");
}

}  // namespace case_conversion

REGISTER_FUNCTION(CaseConversion) {
  using namespace case_conversion;
  factory.registerFunction("lower", creator<true, false>(),
                           doc("Converts ASCII Latin letters to lowercase.", "lower(s)"),
                           FunctionFactory::CaseInsensitive);
  factory.registerAlias("lcase", "lower", FunctionFactory::CaseInsensitive);
  factory.registerFunction("upper", creator<false, false>(),
                           doc("Converts ASCII Latin letters to uppercase.", "upper(s)"),
                           FunctionFactory::CaseInsensitive);
  factory.registerAlias("ucase", "upper", FunctionFactory::CaseInsensitive);
  factory.registerFunction("lowerUTF8", creator<true, true>(),
                           doc("Converts a UTF-8 string to lowercase.", "lowerUTF8(s)"));
  factory.registerFunction("upperUTF8", creator<false, true>(),
                           doc("Converts a UTF-8 string to uppercase.", "upperUTF8(s)"));
}

}  // namespace tally
