// substring (substr, mid, byteSlice), substringUTF8, left, right, leftUTF8, rightUTF8.
// 1-based offsets; a negative offset counts from the end; offset 0 gives ''. A negative length
// stops that many units before the end. Units are bytes, or code points for the UTF8 variants.

#include "columns/column_vector.h"
#include "functions/function_factory.h"
#include "functions/string/string_rows.h"
#include "functions/string/utf8.h"
#include "types/data_type_string.h"

namespace tally {

namespace substring_functions {

FunctionDocumentation makeDoc(const char* description, const char* syntax, const char* category) {
  FunctionDocumentation d;
  d.description = description;
  d.syntax = syntax;
  d.category = category;
  return d;
}

/// Byte positions of a slice of s.
struct Slice {
  size_t begin = 0;
  size_t size = 0;
};

/// Slices in bytes.
struct ByteUnits {
  static size_t length(std::string_view s) { return s.size(); }
  /// `length` units starting `offset` units from the left.
  static Slice fromLeft(std::string_view s, uint64_t offset, uint64_t length) {
    if (offset >= s.size()) return {};
    return {offset, std::min<uint64_t>(length, s.size() - offset)};
  }
  /// `length` units starting `offset` units before the end (clipped at the beginning).
  static Slice fromRight(std::string_view s, uint64_t offset, uint64_t length) {
    uint64_t n = s.size();
    if (offset > n) return {0, length + n > offset ? std::min<uint64_t>(n, length + n - offset) : 0};
    return {n - offset, std::min<uint64_t>(length, offset)};
  }
};

/// Slices in UTF-8 code points.
struct CodePointUnits {
  static size_t length(std::string_view s) { return utf8::countCodePoints(s.data(), s.size()); }
  static Slice fromLeft(std::string_view s, uint64_t offset, uint64_t length) {
    const char* begin = s.data();
    const char* end = begin + s.size();
    const char* b = utf8::skipForward(begin, offset, end);
    if (b >= end) return {};
    const char* e = utf8::skipForward(b, length, end);
    return {size_t(b - begin), size_t(e - b)};
  }
  static Slice fromRight(std::string_view s, uint64_t offset, uint64_t length) {
    const char* begin = s.data();
    const char* end = begin + s.size();
    size_t skipped = 0;
    const char* b = utf8::skipBackward(end, offset, begin, &skipped);
    if (skipped < offset) {
      uint64_t clipped = offset - skipped;
      if (length <= clipped) return {};
      length -= clipped;
    }
    const char* e = utf8::skipForward(b, length, end);
    return {size_t(b - begin), size_t(e - b)};
  }
};

constexpr uint64_t kUnbounded = ~uint64_t(0);

/// The slice substring(s, offset, length) selects; has_length = false means "to the end".
template <typename Units>
inline Slice sliceOf(std::string_view s, Int64 offset, bool has_length, Int64 length) {
  if (offset == 0) return {};
  Int64 size = has_length ? length : 0;
  if (has_length && size < 0) {
    Int64 len = Int64(Units::length(s));
    size += offset > 0 ? len - (offset - 1) : Int64(0 - uint64_t(offset));
  }
  if (has_length && size <= 0) return {};
  uint64_t count = has_length ? uint64_t(size) : kUnbounded;
  if (offset > 0) return Units::fromLeft(s, uint64_t(offset - 1), count);
  uint64_t from_end = 0 - uint64_t(offset);
  if (!has_length) {
    // Unbounded from the right: everything when the offset reaches before the start.
    return Units::fromRight(s, from_end, kUnbounded / 2);
  }
  return Units::fromRight(s, from_end, count);
}

enum class Mode { Substring, Left, Right };

template <bool utf8, Mode mode>
class FunctionSubstring final : public IFunction {
 public:
  explicit FunctionSubstring(std::string name) : name_(std::move(name)) {}
  std::string getName() const override { return name_; }
  bool isVariadic() const override { return mode == Mode::Substring; }
  size_t getNumberOfArguments() const override { return 2; }

  DataTypePtr getReturnType(const ColumnsWithTypeAndName& args) const override {
    if constexpr (mode == Mode::Substring) checkArgumentCount(name_, args.size(), 2, 3);
    bool ok = utf8 ? isString(args[0].type) : isStringLike(args[0].type);
    if (!ok) throwIllegalType(name_, 0, args[0].type);
    for (size_t i = 1; i < args.size(); ++i)
      if (!isIntegerLike(args[i].type)) throwIllegalType(name_, i, args[i].type);
    return typeString();
  }

  ColumnPtr execute(const ColumnsWithTypeAndName& args, const DataTypePtr&, size_t rows) const override {
    PODArray<Int64> offsets = integerColumnValues(*args[1].column, args[1].type, rows);
    PODArray<Int64> lengths;
    if (args.size() > 2) lengths = integerColumnValues(*args[2].column, args[2].type, rows);
    using Units = std::conditional_t<utf8, CodePointUnits, ByteUnits>;
    auto res = ColumnString::create();
    auto& chars = res->getChars();
    auto& res_offsets = res->getOffsets();
    res_offsets.resize(rows);
    visitStringRows(*args[0].column, name_, [&](const auto& src) {
      for (size_t i = 0; i < rows; ++i) {
        std::string_view s = src[i];
        Slice slice;
        if constexpr (mode == Mode::Substring) {
          slice = sliceOf<Units>(s, offsets[i], !lengths.empty(), lengths.empty() ? 0 : lengths[i]);
        } else if constexpr (mode == Mode::Left) {
          slice = sliceOf<Units>(s, 1, true, offsets[i]);
        } else {
          // right(s, n): the last n units; a negative n drops |n| units from the start.
          Int64 n = offsets[i];
          if (n < 0) n += Int64(Units::length(s));
          slice = n > 0 ? Units::fromRight(s, uint64_t(n), uint64_t(n)) : Slice{};
        }
        chars.insert(s.data() + slice.begin, s.data() + slice.begin + slice.size);
        res_offsets[i] = chars.size();
      }
    });
    return res;
  }

 private:
  std::string name_;
};

template <bool utf8, Mode mode>
FunctionFactory::Creator creator(const char* name) {
  std::string n = name;
  return [n](const FunctionContext&) { return std::make_shared<FunctionSubstring<utf8, mode>>(n); };
}

FunctionDocumentation doc(const char* description, const char* syntax) {
  return makeDoc(description, syntax, "String");
}

}  // namespace substring_functions

REGISTER_FUNCTION(Substring) {
  using namespace substring_functions;
  factory.registerFunction(
      "substring", creator<false, Mode::Substring>("substring"),
      doc("Substring of `length` bytes starting at the 1-based byte `offset` (negative: from the end).",
          "substring(s, offset[, length])"),
      FunctionFactory::CaseInsensitive);
  factory.registerAlias("substr", "substring", FunctionFactory::CaseInsensitive);
  factory.registerAlias("mid", "substring", FunctionFactory::CaseInsensitive);
  factory.registerAlias("byteSlice", "substring", FunctionFactory::CaseInsensitive);
  factory.registerFunction(
      "substringUTF8", creator<true, Mode::Substring>("substringUTF8"),
      doc("Like substring, with offset and length in Unicode code points.", "substringUTF8(s, offset[, length])"));
  factory.registerFunction("left", creator<false, Mode::Left>("left"),
                           doc("The first n bytes of s (negative n: all but the last |n|).", "left(s, n)"),
                           FunctionFactory::CaseInsensitive);
  factory.registerFunction("right", creator<false, Mode::Right>("right"),
                           doc("The last n bytes of s (negative n: all but the first |n|).", "right(s, n)"),
                           FunctionFactory::CaseInsensitive);
  factory.registerFunction("leftUTF8", creator<true, Mode::Left>("leftUTF8"),
                           doc("The first n code points of s (negative n: all but the last |n|).", "leftUTF8(s, n)"));
  factory.registerFunction("rightUTF8", creator<true, Mode::Right>("rightUTF8"),
                           doc("The last n code points of s (negative n: all but the first |n|).", "rightUTF8(s, n)"));
}

}  // namespace tally
