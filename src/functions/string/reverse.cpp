// reverse (bytes of a String, FixedString; elements of an Array) and reverseUTF8 (code points).

#include <algorithm>

#include "columns/column_array.h"
#include "functions/function_factory.h"
#include "functions/string/string_rows.h"
#include "types/data_type_array.h"

namespace tally {

namespace string_reverse {

FunctionDocumentation makeDoc(const char* description, const char* syntax, const char* category) {
  FunctionDocumentation d;
  d.description = description;
  d.syntax = syntax;
  d.category = category;
  return d;
}

class FunctionReverse final : public IFunction {
 public:
  std::string getName() const override { return "reverse"; }
  size_t getNumberOfArguments() const override { return 1; }
  DataTypePtr getReturnType(const ColumnsWithTypeAndName& args) const override {
    TypeIndex id = args[0].type->typeId();
    if (id != TypeIndex::String && id != TypeIndex::FixedString && id != TypeIndex::Array)
      throwIllegalType(getName(), 0, args[0].type);
    return args[0].type;
  }
  ColumnPtr execute(const ColumnsWithTypeAndName& args, const DataTypePtr&, size_t rows) const override {
    const Column& c = *args[0].column;
    if (c.kind() == ColumnKind::FixedString) {
      const auto& src = static_cast<const ColumnFixedString&>(c);
      size_t n = src.getN();
      auto res = ColumnFixedString::create(n);
      res->getChars().resize(src.getChars().size());
      const char* in = src.getChars().data();
      char* out = res->getChars().data();
      for (size_t i = 0; i < rows; ++i) std::reverse_copy(in + i * n, in + (i + 1) * n, out + i * n);
      return res;
    }
    if (c.kind() == ColumnKind::Array) {
      const auto& src = static_cast<const ColumnArray&>(c);
      const auto& offsets = src.getOffsets();
      Permutation perm(src.getData().size());
      uint64_t prev = 0;
      for (size_t i = 0; i < rows; ++i) {
        for (uint64_t j = prev; j < offsets[i]; ++j) perm[j] = offsets[i] - 1 - (j - prev);
        prev = offsets[i];
      }
      return ColumnArray::create(src.getData().permute(perm, 0), offsets);
    }
    const auto& src = typedAs<ColumnString>(c);
    auto res = ColumnString::create();
    res->getOffsets() = src.getOffsets();
    res->getChars().resize(src.getChars().size());
    const char* in = src.getChars().data();
    char* out = res->getChars().data();
    uint64_t prev = 0;
    for (size_t i = 0; i < rows; ++i) {
      uint64_t end = src.getOffsets()[i];
      std::reverse_copy(in + prev, in + end, out + prev);
      prev = end;
    }
    return res;
  }
};

/// reverseUTF8: reverses the order of UTF-8 sequences as ClickHouse does (lead byte < 0xBF: 1
/// byte, < 0xE0: 2, < 0xF0: 3, anything else 1; clipped at the row end), keeping each
/// sequence's bytes in order.
class FunctionReverseUTF8 final : public IFunction {
 public:
  std::string getName() const override { return "reverseUTF8"; }
  size_t getNumberOfArguments() const override { return 1; }
  DataTypePtr getReturnType(const ColumnsWithTypeAndName& args) const override {
    if (!isString(args[0].type)) throwIllegalType(getName(), 0, args[0].type);
    return args[0].type;
  }
  ColumnPtr execute(const ColumnsWithTypeAndName& args, const DataTypePtr&, size_t rows) const override {
    const auto& src = typedAs<ColumnString>(*args[0].column);
    auto res = ColumnString::create();
    res->getOffsets() = src.getOffsets();
    res->getChars().resize(src.getChars().size());
    const auto* in = reinterpret_cast<const uint8_t*>(src.getChars().data());
    auto* out = reinterpret_cast<uint8_t*>(res->getChars().data());
    uint64_t prev = 0;
    for (size_t i = 0; i < rows; ++i) {
      uint64_t end = src.getOffsets()[i];
      uint64_t j = prev;
      while (j < end) {
        uint8_t c = in[j];
        size_t len = c < 0xBF ? 1 : c < 0xE0 ? 2 : c < 0xF0 ? 3 : 1;
        len = std::min<size_t>(len, end - j);
        // The sequence at [j, j+len) lands at the mirrored position.
        std::memcpy(out + (end - (j - prev) - len), in + j, len);
        j += len;
      }
      prev = end;
    }
    return res;
  }
};

FunctionDocumentation doc(const char* description, const char* syntax) {
  return makeDoc(description, syntax, "String");
}

}  // namespace string_reverse

REGISTER_FUNCTION(StringReverse) {
  using namespace string_reverse;
  factory.registerFunction(
      "reverse", [](const FunctionContext&) { return std::make_shared<FunctionReverse>(); },
      doc("Reverses the bytes of a string or the elements of an array.", "reverse(x)"),
      FunctionFactory::CaseInsensitive);
  factory.registerFunction(
      "reverseUTF8", [](const FunctionContext&) { return std::make_shared<FunctionReverseUTF8>(); },
      doc("Reverses the Unicode code points of a UTF-8 string.", "reverseUTF8(s)"));
}

}  // namespace tally
