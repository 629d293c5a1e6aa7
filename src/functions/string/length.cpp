// length, lengthUTF8, empty, notEmpty: sizes of strings (bytes or code points), FixedStrings
// and arrays (from the offsets, without touching the elements).

#include "columns/column_array.h"
#include "columns/column_vector.h"
#include "functions/function_factory.h"
#include "functions/string/string_rows.h"
#include "functions/string/utf8.h"
#include "types/data_type_number.h"

namespace tally {

namespace string_length {

FunctionDocumentation makeDoc(const char* description, const char* syntax, const char* category) {
  FunctionDocumentation d;
  d.description = description;
  d.syntax = syntax;
  d.category = category;
  return d;
}

/// length(x): bytes of a String/FixedString, elements of an Array.
class FunctionLength final : public IFunction {
 public:
  std::string getName() const override { return "length"; }
  size_t getNumberOfArguments() const override { return 1; }
  DataTypePtr getReturnType(const ColumnsWithTypeAndName& args) const override {
    TypeIndex id = args[0].type->typeId();
    if (id != TypeIndex::String && id != TypeIndex::FixedString && id != TypeIndex::Array)
      throwIllegalType(getName(), 0, args[0].type);
    return typeUInt64();
  }
  ColumnPtr execute(const ColumnsWithTypeAndName& args, const DataTypePtr&, size_t rows) const override {
    const Column& c = *args[0].column;
    auto res = ColumnUInt64::create(rows);
    auto* out = res->getData().data();
    switch (c.kind()) {
      case ColumnKind::String: {
        const auto* offsets = static_cast<const ColumnString&>(c).getOffsets().data();
        if (rows) out[0] = offsets[0];
        for (size_t i = 1; i < rows; ++i) out[i] = offsets[i] - offsets[i - 1];
        break;
      }
      case ColumnKind::FixedString: {
        size_t n = static_cast<const ColumnFixedString&>(c).getN();
        for (size_t i = 0; i < rows; ++i) out[i] = n;
        break;
      }
      case ColumnKind::Array: {
        const auto* offsets = static_cast<const ColumnArray&>(c).getOffsets().data();
        if (rows) out[0] = offsets[0];
        for (size_t i = 1; i < rows; ++i) out[i] = offsets[i] - offsets[i - 1];
        break;
      }
      default:
        throw Exception(ErrorCodes::ILLEGAL_COLUMN, "Illegal column {} of argument of function length", c.familyName());
    }
    return res;
  }
};

/// lengthUTF8(s): code points (bytes that are not UTF-8 continuation bytes).
class FunctionLengthUTF8 final : public IFunction {
 public:
  std::string getName() const override { return "lengthUTF8"; }
  size_t getNumberOfArguments() const override { return 1; }
  DataTypePtr getReturnType(const ColumnsWithTypeAndName& args) const override {
    if (!isStringLike(args[0].type)) throwIllegalType(getName(), 0, args[0].type);
    return typeUInt64();
  }
  ColumnPtr execute(const ColumnsWithTypeAndName& args, const DataTypePtr&, size_t rows) const override {
    auto res = ColumnUInt64::create(rows);
    auto* out = res->getData().data();
    visitStringRows(*args[0].column, getName(), [&](const auto& src) {
      for (size_t i = 0; i < rows; ++i) {
        std::string_view s = src[i];
        out[i] = utf8::countCodePoints(s.data(), s.size());
      }
    });
    return res;
  }
};

/// empty(x) / notEmpty(x): zero length; a FixedString is empty when all its bytes are zero,
/// a UUID when it is the nil UUID.
template <bool negate>
class FunctionEmpty final : public IFunction {
 public:
  std::string getName() const override { return negate ? "notEmpty" : "empty"; }
  size_t getNumberOfArguments() const override { return 1; }
  DataTypePtr getReturnType(const ColumnsWithTypeAndName& args) const override {
    TypeIndex id = args[0].type->typeId();
    if (id != TypeIndex::String && id != TypeIndex::FixedString && id != TypeIndex::Array && id != TypeIndex::UUID)
      throwIllegalType(getName(), 0, args[0].type);
    return typeUInt8();
  }
  ColumnPtr execute(const ColumnsWithTypeAndName& args, const DataTypePtr&, size_t rows) const override {
    const Column& c = *args[0].column;
    auto res = ColumnUInt8::create(rows);
    auto* out = res->getData().data();
    auto offsets_kernel = [&](const uint64_t* offsets) {
      uint64_t prev = 0;
      for (size_t i = 0; i < rows; ++i) {
        out[i] = UInt8((offsets[i] == prev) != negate);
        prev = offsets[i];
      }
    };
    switch (c.kind()) {
      case ColumnKind::String: offsets_kernel(static_cast<const ColumnString&>(c).getOffsets().data()); break;
      case ColumnKind::Array: offsets_kernel(static_cast<const ColumnArray&>(c).getOffsets().data()); break;
      case ColumnKind::FixedString: {
        FixedStringRows src(static_cast<const ColumnFixedString&>(c));
        for (size_t i = 0; i < rows; ++i) {
          std::string_view s = src[i];
          bool all_zero = true;
          for (char ch : s) all_zero &= (ch == 0);
          out[i] = UInt8(all_zero != negate);
        }
        break;
      }
      case ColumnKind::Vector: {
        const auto& data = typedAs<ColumnUInt128>(c).getData();
        for (size_t i = 0; i < rows; ++i) out[i] = UInt8((data[i] == UInt128()) != negate);
        break;
      }
      default:
        throw Exception(ErrorCodes::ILLEGAL_COLUMN, "Illegal column {} of argument of function {}", c.familyName(),
                        getName());
    }
    return res;
  }
};

FunctionDocumentation doc(const char* description, const char* syntax) {
  return makeDoc(description, syntax, "String");
}

}  // namespace string_length

REGISTER_FUNCTION(StringLength) {
  using namespace string_length;
  factory.registerFunction(
      "length", [](const FunctionContext&) { return std::make_shared<FunctionLength>(); },
      doc("Length of a string in bytes, of a FixedString, or number of elements of an array.", "length(x)"),
      FunctionFactory::CaseInsensitive);
  factory.registerAlias("OCTET_LENGTH", "length", FunctionFactory::CaseInsensitive);
  factory.registerFunction(
      "lengthUTF8", [](const FunctionContext&) { return std::make_shared<FunctionLengthUTF8>(); },
      doc("Length of a string in Unicode code points, assuming UTF-8.", "lengthUTF8(s)"));
  factory.registerAlias("CHAR_LENGTH", "lengthUTF8", FunctionFactory::CaseInsensitive);
  factory.registerAlias("CHARACTER_LENGTH", "lengthUTF8", FunctionFactory::CaseInsensitive);
  factory.registerFunction(
      "empty", [](const FunctionContext&) { return std::make_shared<FunctionEmpty<false>>(); },
      doc("1 for an empty string, array or nil UUID, else 0.", "empty(x)"));
  factory.registerFunction(
      "notEmpty", [](const FunctionContext&) { return std::make_shared<FunctionEmpty<true>>(); },
      doc("1 for a non-empty string, array or non-nil UUID, else 0.", "notEmpty(x)"));
}

}  // namespace tally
