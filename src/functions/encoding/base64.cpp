// base64Encode (TO_BASE64), base64Decode (FROM_BASE64), tryBase64Decode and the URL-safe
// variants base64URLEncode / base64URLDecode / tryBase64URLDecode (RFC 4648).
// Decoding accepts input with or without the trailing '=' padding.

#include "functions/function_factory.h"
#include "functions/string/string_rows.h"
#include "types/data_type_string.h"

namespace tally {

namespace base64_functions {

FunctionDocumentation makeDoc(const char* description, const char* syntax, const char* category) {
  FunctionDocumentation d;
  d.description = description;
  d.syntax = syntax;
  d.category = category;
  return d;
}

constexpr char kStandard[] = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
constexpr char kUrl[] = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";

template <bool url>
void encode(std::string_view s, ColumnString::Chars& out) {
  const char* alphabet = url ? kUrl : kStandard;
  const auto* p = reinterpret_cast<const uint8_t*>(s.data());
  size_t n = s.size();
  size_t i = 0;
  for (; i + 3 <= n; i += 3) {
    uint32_t v = (uint32_t(p[i]) << 16) | (uint32_t(p[i + 1]) << 8) | p[i + 2];
    char quad[4] = {alphabet[v >> 18], alphabet[(v >> 12) & 63], alphabet[(v >> 6) & 63], alphabet[v & 63]};
    out.insert(quad, quad + 4);
  }
  size_t rest = n - i;
  if (rest == 0) return;
  uint32_t v = uint32_t(p[i]) << 16;
  if (rest == 2) v |= uint32_t(p[i + 1]) << 8;
  char quad[4] = {alphabet[v >> 18], alphabet[(v >> 12) & 63], rest == 2 ? alphabet[(v >> 6) & 63] : '=', '='};
  // The URL variant drops the padding.
  out.insert(quad, quad + (url ? rest + 1 : 4));
}

struct DecodeTable {
  int8_t value[256];
  explicit DecodeTable(const char* alphabet) {
    for (auto& v : value) v = -1;
    for (int k = 0; k < 64; ++k) value[uint8_t(alphabet[k])] = int8_t(k);
  }
};

/// Appends the decoded bytes; false (out unchanged) on malformed input.
template <bool url>
bool decode(std::string_view s, ColumnString::Chars& out) {
  static const DecodeTable table(url ? kUrl : kStandard);
  size_t n = s.size();
  // Padding is optional (forgiving base64); when present it completes the last quad.
  size_t padding = 0;
  while (padding < 2 && n > 0 && s[n - 1] == '=') {
    --n;
    ++padding;
  }
  if (padding && (n + padding) % 4 != 0) return false;
  if (n % 4 == 1) return false;
  size_t old = out.size();
  uint32_t acc = 0;
  int bits = 0;
  for (size_t i = 0; i < n; ++i) {
    int8_t v = table.value[uint8_t(s[i])];
    if (v < 0) {
      out.resize(old);
      return false;
    }
    acc = (acc << 6) | uint32_t(v);
    bits += 6;
    if (bits >= 8) {
      bits -= 8;
      out.push_back(char(uint8_t(acc >> bits)));
    }
  }
  return true;
}

template <bool url>
class FunctionBase64Encode final : public IFunction {
 public:
  std::string getName() const override { return url ? "base64URLEncode" : "base64Encode"; }
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
        encode<url>(src[i], chars);
        offsets[i] = chars.size();
      }
    });
    return res;
  }
};

template <bool url, bool try_mode>
class FunctionBase64Decode final : public IFunction {
 public:
  std::string getName() const override {
    if (try_mode) return url ? "tryBase64URLDecode" : "tryBase64Decode";
    return url ? "base64URLDecode" : "base64Decode";
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
        std::string_view s = src[i];
        if (!decode<url>(s, chars) && !try_mode)
          throw Exception(ErrorCodes::INCORRECT_DATA, "Failed to {} input '{}'", getName(), s);
        offsets[i] = chars.size();
      }
    });
    return res;
  }
};

template <typename F>
FunctionFactory::Creator creator() {
  return [](const FunctionContext&) { return std::make_shared<F>(); };
}

}  // namespace base64_functions

REGISTER_FUNCTION(Base64) {
  using namespace base64_functions;
  factory.registerFunction("base64Encode", creator<FunctionBase64Encode<false>>(),
                           makeDoc("Encodes a string in base64 (RFC 4648).", "base64Encode(s)", "Encoding"));
  factory.registerAlias("TO_BASE64", "base64Encode", FunctionFactory::CaseInsensitive);
  factory.registerFunction(
      "base64Decode", creator<FunctionBase64Decode<false, false>>(),
      makeDoc("Decodes a base64 string; throws on malformed input.", "base64Decode(s)", "Encoding"));
  factory.registerAlias("FROM_BASE64", "base64Decode", FunctionFactory::CaseInsensitive);
  factory.registerFunction(
      "tryBase64Decode", creator<FunctionBase64Decode<false, true>>(),
      makeDoc("Decodes a base64 string; '' on malformed input.", "tryBase64Decode(s)", "Encoding"));
  factory.registerFunction(
      "base64URLEncode", creator<FunctionBase64Encode<true>>(),
      makeDoc("Encodes a string in URL-safe base64 without padding.", "base64URLEncode(s)", "Encoding"));
  factory.registerFunction(
      "base64URLDecode", creator<FunctionBase64Decode<true, false>>(),
      makeDoc("Decodes URL-safe base64; throws on malformed input.", "base64URLDecode(s)", "Encoding"));
  factory.registerFunction(
      "tryBase64URLDecode", creator<FunctionBase64Decode<true, true>>(),
      makeDoc("Decodes URL-safe base64; '' on malformed input.", "tryBase64URLDecode(s)", "Encoding"));
}

}  // namespace tally
