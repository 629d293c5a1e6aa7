// hex / unhex / bin / unbin. Integers (and Date, DateTime, Bool, Enum) print their significant
// bytes most-significant first (at least one byte); floats and DateTime64 their in-memory
// little-endian bytes; String/FixedString every byte; UUID its 16 bytes in text order.
// unhex/unbin read an odd leading digit group as a byte of its own.

#include <bit>

#include "columns/column_vector.h"
#include "functions/function_factory.h"
#include "functions/string/string_rows.h"
#include "functions/type_dispatch.h"
#include "types/data_type_string.h"

namespace tally {

namespace hex_functions {

FunctionDocumentation makeDoc(const char* description, const char* syntax, const char* category) {
  FunctionDocumentation d;
  d.description = description;
  d.syntax = syntax;
  d.category = category;
  return d;
}

constexpr char kHexDigits[] = "0123456789ABCDEF";

/// Writes one byte in base 16 (2 chars) or base 2 (8 chars).
template <bool binary>
inline char* writeByte(uint8_t b, char* out) {
  if constexpr (binary) {
    for (int bit = 7; bit >= 0; --bit) *out++ = char('0' + ((b >> bit) & 1));
  } else {
    *out++ = kHexDigits[b >> 4];
    *out++ = kHexDigits[b & 15];
  }
  return out;
}

constexpr size_t kCharsPerByte(bool binary) {
  return binary ? 8 : 2;
}

template <bool binary>
class FunctionHex final : public IFunction {
 public:
  std::string getName() const override { return binary ? "bin" : "hex"; }
  size_t getNumberOfArguments() const override { return 1; }
  DataTypePtr getReturnType(const ColumnsWithTypeAndName& args) const override {
    TypeIndex id = args[0].type->typeId();
    bool ok = isStringLike(args[0].type) || args[0].type->isValueRepresentedByNumber() || id == TypeIndex::UUID;
    if (!ok || id == TypeIndex::Interval) throwIllegalType(getName(), 0, args[0].type);
    return typeString();
  }
  ColumnPtr execute(const ColumnsWithTypeAndName& args, const DataTypePtr&, size_t rows) const override {
    const Column& c = *args[0].column;
    auto res = ColumnString::create();
    auto& chars = res->getChars();
    auto& offsets = res->getOffsets();
    offsets.resize(rows);
    constexpr size_t per_byte = kCharsPerByte(binary);
    if (c.kind() == ColumnKind::String || c.kind() == ColumnKind::FixedString) {
      visitStringRows(c, getName(), [&](const auto& src) {
        for (size_t i = 0; i < rows; ++i) {
          std::string_view s = src[i];
          size_t old = chars.size();
          chars.resize(old + s.size() * per_byte);
          char* out = chars.data() + old;
          for (char ch : s) out = writeByte<binary>(uint8_t(ch), out);
          offsets[i] = chars.size();
        }
      });
      return res;
    }
    TypeIndex id = args[0].type->typeId();
    if (id == TypeIndex::UUID) {
      const auto& data = typedAs<ColumnUInt128>(c).getData();
      chars.resize(rows * 16 * per_byte);
      char* out = chars.data();
      for (size_t i = 0; i < rows; ++i) {
        for (int k = 7; k >= 0; --k) out = writeByte<binary>(uint8_t(data[i].high >> (8 * k)), out);
        for (int k = 7; k >= 0; --k) out = writeByte<binary>(uint8_t(data[i].low >> (8 * k)), out);
        offsets[i] = size_t(out - chars.data());
      }
      return res;
    }
    if (id == TypeIndex::Float32 || id == TypeIndex::Float64 || id == TypeIndex::DateTime64) {
      // Floats and decimals (DateTime64) print their in-memory little-endian bytes.
      size_t width = id == TypeIndex::Float32 ? 4 : 8;
      chars.resize(rows * width * per_byte);
      char* out = chars.data();
      const char* raw = nullptr;
      if (id == TypeIndex::Float32) raw = reinterpret_cast<const char*>(typedAs<ColumnFloat32>(c).getData().data());
      else if (id == TypeIndex::Float64)
        raw = reinterpret_cast<const char*>(typedAs<ColumnFloat64>(c).getData().data());
      else raw = reinterpret_cast<const char*>(typedAs<ColumnInt64>(c).getData().data());
      for (size_t i = 0; i < rows; ++i) {
        const char* bytes = raw + i * width;
        for (size_t k = 0; k < width; ++k) out = writeByte<binary>(uint8_t(bytes[k]), out);
        offsets[i] = size_t(out - chars.data());
      }
      return res;
    }
    bool done = dispatchColumnVector(id, [&](auto tag) {
      using T = typename decltype(tag)::Type;
      if constexpr (std::is_integral_v<T>) {
        using U = std::make_unsigned_t<T>;
        const T* data = typedAs<ColumnVector<T>>(c).getData().data();
        chars.reserve(rows * sizeof(T) * per_byte);
        for (size_t i = 0; i < rows; ++i) {
          U v = U(data[i]);
          int bytes = v == 0 ? 1 : int((std::bit_width(v) + 7) / 8);
          char buf[sizeof(T) * 8];
          char* out = buf;
          for (int k = bytes - 1; k >= 0; --k) out = writeByte<binary>(uint8_t(v >> (8 * k)), out);
          chars.insert(buf, out);
          offsets[i] = chars.size();
        }
      }
    });
    if (!done)
      throw Exception(ErrorCodes::ILLEGAL_COLUMN, "Illegal column {} of argument of function {}", c.familyName(),
                      getName());
    return res;
  }
};

inline int hexValue(char c) {
  if (c >= '0' && c <= '9') return c - '0';
  if (c >= 'a' && c <= 'f') return c - 'a' + 10;
  if (c >= 'A' && c <= 'F') return c - 'A' + 10;
  return -1;
}

template <bool binary>
class FunctionUnhex final : public IFunction {
 public:
  std::string getName() const override { return binary ? "unbin" : "unhex"; }
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
    constexpr size_t group = binary ? 8 : 2;
    visitStringRows(*args[0].column, getName(), [&](const auto& src) {
      for (size_t i = 0; i < rows; ++i) {
        std::string_view s = src[i];
        size_t pos = 0;
        size_t first = s.size() % group;
        auto decode = [&](size_t from, size_t count) {
          if constexpr (binary) {
            uint8_t b = 0;
            for (size_t k = 0; k < count; ++k) b = uint8_t((b << 1) | (s[from + k] == '1'));
            chars.push_back(char(b));
          } else {
            unsigned v = 0;
            for (size_t k = 0; k < count; ++k) v = v * 16 + uint8_t(hexValue(s[from + k]));
            chars.push_back(char(uint8_t(v)));
          }
        };
        if (first) {
          decode(0, first);
          pos = first;
        }
        for (; pos < s.size(); pos += group) decode(pos, group);
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

}  // namespace hex_functions

REGISTER_FUNCTION(Hex) {
  using namespace hex_functions;
  factory.registerFunction(
      "hex", creator<FunctionHex<false>>(),
      makeDoc("Hexadecimal representation of a string, number, date or UUID.", "hex(x)", "Encoding"),
      FunctionFactory::CaseInsensitive);
  factory.registerFunction("unhex", creator<FunctionUnhex<false>>(),
                           makeDoc("Bytes from pairs of hexadecimal digits.", "unhex(s)", "Encoding"),
                           FunctionFactory::CaseInsensitive);
  factory.registerFunction("bin", creator<FunctionHex<true>>(),
                           makeDoc("Binary representation of a string, number, date or UUID.", "bin(x)", "Encoding"),
                           FunctionFactory::CaseInsensitive);
  factory.registerFunction("unbin", creator<FunctionUnhex<true>>(),
                           makeDoc("Bytes from groups of eight binary digits.", "unbin(s)", "Encoding"),
                           FunctionFactory::CaseInsensitive);
}

}  // namespace tally
