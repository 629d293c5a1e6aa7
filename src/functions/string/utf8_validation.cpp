// isValidUTF8(s) and toValidUTF8(s): the latter replaces every run of invalid bytes with one
// U+FFFD, a truncated sequence at the end included.

#include "columns/column_vector.h"
#include "functions/function_factory.h"
#include "functions/string/string_rows.h"
#include "functions/string/utf8.h"
#include "types/data_type_number.h"
#include "types/data_type_string.h"

namespace tally {

namespace utf8_validation {

FunctionDocumentation makeDoc(const char* description, const char* syntax, const char* category) {
  FunctionDocumentation d;
  d.description = description;
  d.syntax = syntax;
  d.category = category;
  return d;
}

/// Length of the valid sequence at p (0 if the bytes there are not valid UTF-8).
inline size_t validSequenceLength(const char* p, const char* end) {
  auto c = uint8_t(*p);
  if (c < 0x80) return 1;
  size_t len = 0;
  if (!utf8::decode(p, size_t(end - p), &len)) return 0;
  return len;
}

bool isValid(std::string_view s) {
  const char* p = s.data();
  const char* end = p + s.size();
  while (p < end) {
    if (uint8_t(*p) < 0x80) {
      ++p;
      continue;
    }
    size_t len = validSequenceLength(p, end);
    if (!len) return false;
    p += len;
  }
  return true;
}

/// Appends s with invalid bytes replaced as ClickHouse's toValidUTF8: a byte that cannot start a
/// valid sequence becomes U+FFFD (consecutive replacements collapse into one); a sequence cut
/// by the end of the string becomes one U+FFFD and ends the row.
void appendValid(std::string_view s, ColumnString::Chars& out) {
  static constexpr char replacement[] = "\xEF\xBF\xBD";
  const char* p = s.data();
  const char* end = p + s.size();
  const char* valid_start = p;
  bool just_replaced = false;
  auto flush_valid = [&] {
    if (p != valid_start) {
      out.insert(valid_start, p);
      just_replaced = false;
    }
  };
  auto put_replacement = [&] {
    if (!just_replaced) out.insert(replacement, replacement + 3);
    just_replaced = true;
  };
  while (p < end) {
    auto c = uint8_t(*p);
    if (c < 0x80) {
      ++p;
      continue;
    }
    size_t expected = (c >= 0xC2 && c < 0xE0) ? 2 : (c >= 0xE0 && c < 0xF0) ? 3 : (c >= 0xF0 && c < 0xF5) ? 4 : 0;
    if (expected && p + expected > end) break;
    if (expected && validSequenceLength(p, end) == expected) {
      p += expected;
      continue;
    }
    flush_valid();
    put_replacement();
    ++p;
    valid_start = p;
  }
  flush_valid();
  if (p != end) put_replacement();
}

class FunctionIsValidUTF8 final : public IFunction {
 public:
  std::string getName() const override { return "isValidUTF8"; }
  size_t getNumberOfArguments() const override { return 1; }
  DataTypePtr getReturnType(const ColumnsWithTypeAndName& args) const override {
    if (!isStringLike(args[0].type)) throwIllegalType(getName(), 0, args[0].type);
    return typeUInt8();
  }
  ColumnPtr execute(const ColumnsWithTypeAndName& args, const DataTypePtr&, size_t rows) const override {
    auto res = ColumnUInt8::create(rows);
    auto* out = res->getData().data();
    visitStringRows(*args[0].column, getName(), [&](const auto& src) {
      for (size_t i = 0; i < rows; ++i) out[i] = isValid(src[i]);
    });
    return res;
  }
};

class FunctionToValidUTF8 final : public IFunction {
 public:
  std::string getName() const override { return "toValidUTF8"; }
  size_t getNumberOfArguments() const override { return 1; }
  DataTypePtr getReturnType(const ColumnsWithTypeAndName& args) const override {
    if (!isString(args[0].type)) throwIllegalType(getName(), 0, args[0].type);
    return typeString();
  }
  ColumnPtr execute(const ColumnsWithTypeAndName& args, const DataTypePtr&, size_t rows) const override {
    auto res = ColumnString::create();
    auto& chars = res->getChars();
    auto& offsets = res->getOffsets();
    offsets.resize(rows);
    visitStringRows(*args[0].column, getName(), [&](const auto& src) {
      for (size_t i = 0; i < rows; ++i) {
        appendValid(src[i], chars);
        offsets[i] = chars.size();
      }
    });
    return res;
  }
};

}  // namespace utf8_validation

REGISTER_FUNCTION(UTF8Validation) {
  using namespace utf8_validation;
  factory.registerFunction(
      "isValidUTF8", [](const FunctionContext&) { return std::make_shared<FunctionIsValidUTF8>(); },
      makeDoc("1 if the bytes are valid UTF-8, else 0.", "isValidUTF8(s)", "String"));
  factory.registerFunction(
      "toValidUTF8", [](const FunctionContext&) { return std::make_shared<FunctionToValidUTF8>(); },
      makeDoc("Replaces each run of invalid UTF-8 bytes with U+FFFD.", "toValidUTF8(s)", "String"));
}

}  // namespace tally
