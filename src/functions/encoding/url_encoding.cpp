// encodeURLComponent / decodeURLComponent and the form variants encodeURLFormComponent /
// decodeURLFormComponent (space <-> '+'). Unreserved bytes [A-Za-z0-9-_.~] stay, the rest
// become %XX (upper-case); malformed %-escapes are copied as they are.

#include "functions/function_factory.h"
#include "functions/string/string_rows.h"
#include "types/data_type_string.h"

namespace tally {

namespace url_encoding {

FunctionDocumentation makeDoc(const char* description, const char* syntax, const char* category) {
  FunctionDocumentation d;
  d.description = description;
  d.syntax = syntax;
  d.category = category;
  return d;
}

inline bool isUnreserved(char c) {
  return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '-' || c == '_' ||
         c == '.' || c == '~';
}

inline int hexValue(char c) {
  if (c >= '0' && c <= '9') return c - '0';
  if (c >= 'a' && c <= 'f') return c - 'a' + 10;
  if (c >= 'A' && c <= 'F') return c - 'A' + 10;
  return -1;
}

template <bool form>
void encodeRow(std::string_view s, ColumnString::Chars& out) {
  static constexpr char digits[] = "0123456789ABCDEF";
  for (char c : s) {
    if (isUnreserved(c)) {
      out.push_back(c);
    } else if (form && c == ' ') {
      out.push_back('+');
    } else {
      char e[3] = {'%', digits[uint8_t(c) >> 4], digits[uint8_t(c) & 15]};
      out.insert(e, e + 3);
    }
  }
}

template <bool form>
void decodeRow(std::string_view s, ColumnString::Chars& out) {
  for (size_t i = 0; i < s.size(); ++i) {
    char c = s[i];
    if (c == '%' && i + 2 < s.size()) {
      int hi = hexValue(s[i + 1]), lo = hexValue(s[i + 2]);
      if (hi >= 0 && lo >= 0) {
        out.push_back(char((hi << 4) | lo));
        i += 2;
        continue;
      }
    }
    out.push_back(form && c == '+' ? ' ' : c);
  }
}

template <bool encode, bool form>
class FunctionURLCoding final : public IFunction {
 public:
  std::string getName() const override {
    if (encode) return form ? "encodeURLFormComponent" : "encodeURLComponent";
    return form ? "decodeURLFormComponent" : "decodeURLComponent";
  }
  size_t getNumberOfArguments() const override { return 1; }
  DataTypePtr getReturnType(const ColumnsWithTypeAndName& args) const override {
    if (!isStringLike(args[0].type)) throwIllegalType(getName(), 0, args[0].type);
    return typeString();
  }
  ColumnPtr execute(const ColumnsWithTypeAndName& args, const DataTypePtr&, size_t rows) const override {
    auto res = ColumnString::create();
    auto& chars = res->getChars();
    auto& offsets = res->getOffsets();
    offsets.resize(rows);
    visitStringRows(*args[0].column, getName(), [&](const auto& src) {
      for (size_t i = 0; i < rows; ++i) {
        if constexpr (encode)
          encodeRow<form>(src[i], chars);
        else
          decodeRow<form>(src[i], chars);
        offsets[i] = chars.size();
      }
    });
    return res;
  }
};

template <bool e, bool f>
FunctionFactory::Creator creator() {
  return [](const FunctionContext&) { return std::make_shared<FunctionURLCoding<e, f>>(); };
}

}  // namespace url_encoding

REGISTER_FUNCTION(URLEncoding) {
  using namespace url_encoding;
  factory.registerFunction("encodeURLComponent", creator<true, false>(),
                           makeDoc("Percent-encodes everything but [A-Za-z0-9-_.~].", "encodeURLComponent(s)", "URL"));
  factory.registerFunction("decodeURLComponent", creator<false, false>(),
                           makeDoc("Decodes %XX escapes.", "decodeURLComponent(s)", "URL"));
  factory.registerFunction("encodeURLFormComponent", creator<true, true>(),
                           makeDoc("Like encodeURLComponent, with spaces as '+'.", "encodeURLFormComponent(s)", "URL"));
  factory.registerFunction(
      "decodeURLFormComponent", creator<false, true>(),
      makeDoc("Like decodeURLComponent, with '+' as a space.", "decodeURLFormComponent(s)", "URL"));
}

}  // namespace tally
