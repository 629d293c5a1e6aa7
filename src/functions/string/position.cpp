// position / locate / positionCaseInsensitive / positionUTF8 / positionCaseInsensitiveUTF8 and
// countSubstrings (+ CaseInsensitive, UTF8 variants). Case-insensitive variants lower-case
// haystack and needle once per block (lengths are preserved), then search bytes with memmem.

#include <cstring>

#include "columns/column_vector.h"
#include "functions/function_factory.h"
#include "functions/string/case_folding.h"
#include "functions/string/string_rows.h"
#include "functions/string/utf8.h"
#include "types/data_type_number.h"

namespace tally {

namespace string_position {

FunctionDocumentation makeDoc(const char* description, const char* syntax, const char* category) {
  FunctionDocumentation d;
  d.description = description;
  d.syntax = syntax;
  d.category = category;
  return d;
}

inline const char* findBytes(const char* hay, size_t hay_size, std::string_view needle) {
  if (needle.size() > hay_size) return nullptr;
  if (needle.size() == 1) return static_cast<const char*>(std::memchr(hay, needle[0], hay_size));
  return static_cast<const char*>(memmem(hay, hay_size, needle.data(), needle.size()));
}

/// 1-based position of needle in hay searching from unit start (1-based; 0 means 1), or 0.
/// Units are bytes, or code points when utf8.
template <bool utf8>
UInt64 positionInRow(std::string_view hay, std::string_view needle, bool has_start, UInt64 start) {
  size_t length = utf8 ? utf8::countCodePoints(hay.data(), hay.size()) : hay.size();
  if (needle.empty()) {
    if (!has_start || start == 0) return 1;
    return start <= length + 1 ? start : 0;
  }
  if (start == 0) start = 1;
  if (start - 1 > length) return 0;
  const char* begin = hay.data();
  const char* end = begin + hay.size();
  const char* from = utf8 ? utf8::skipForward(begin, start - 1, end) : begin + (start - 1);
  const char* found = findBytes(from, size_t(end - from), needle);
  if (!found) return 0;
  if constexpr (utf8) return UInt64(start + utf8::countCodePoints(from, size_t(found - from)));
  return UInt64(found - begin) + 1;
}

/// Non-overlapping occurrences of needle from unit start; 0 for an empty needle.
template <bool utf8>
UInt64 countInRow(std::string_view hay, std::string_view needle, bool has_start, UInt64 start) {
  if (needle.empty()) return 0;
  const char* begin = hay.data();
  const char* end = begin + hay.size();
  if (has_start && start > 1) {
    if constexpr (utf8) {
      begin = utf8::skipForward(begin, start - 1, end);
    } else {
      if (start - 1 > hay.size()) return 0;
      begin += start - 1;
    }
  }
  UInt64 count = 0;
  while (const char* found = findBytes(begin, size_t(end - begin), needle)) {
    ++count;
    begin = found + needle.size();
  }
  return count;
}

enum class Kind { Position, Locate, Count };

template <Kind kind, bool case_insensitive, bool utf8>
class FunctionSearch final : public IFunction {
 public:
  explicit FunctionSearch(std::string name) : name_(std::move(name)) {}
  std::string getName() const override { return name_; }
  bool isVariadic() const override { return true; }
  DataTypePtr getReturnType(const ColumnsWithTypeAndName& args) const override {
    checkArgumentCount(name_, args.size(), 2, 3);
    if (!isStringLike(args[0].type)) throwIllegalType(name_, 0, args[0].type);
    if (!isStringLike(args[1].type)) throwIllegalType(name_, 1, args[1].type);
    if (args.size() == 3 && !isIntegerLike(args[2].type)) throwIllegalType(name_, 2, args[2].type);
    return typeUInt64();
  }
  ColumnPtr execute(const ColumnsWithTypeAndName& args, const DataTypePtr&, size_t rows) const override {
    // locate(needle, haystack[, start]) takes the arguments in MySQL's order.
    size_t hay_index = kind == Kind::Locate ? 1 : 0;
    ColumnWithTypeAndName hay_arg = args[hay_index];
    ColumnWithTypeAndName needle_arg = args[1 - hay_index];
    if constexpr (case_insensitive) {
      hay_arg.column = lowerCaseColumn(hay_arg.column, utf8);
      needle_arg.column = lowerCaseColumn(needle_arg.column, utf8);
    }
    TextArgument hay(hay_arg, rows);
    TextArgument needle(needle_arg, rows);
    bool has_start = args.size() == 3;
    PODArray<Int64> starts;
    if (has_start) starts = integerColumnValues(*args[2].column, args[2].type, rows);
    auto res = ColumnUInt64::create(rows);
    auto* out = res->getData().data();
    for (size_t i = 0; i < rows; ++i) {
      UInt64 start = has_start ? UInt64(starts[i]) : 0;
      if constexpr (kind == Kind::Count)
        out[i] = countInRow<utf8>(hay[i], needle[i], has_start, start);
      else
        out[i] = positionInRow<utf8>(hay[i], needle[i], has_start, start);
    }
    return res;
  }

 private:
  std::string name_;
};

template <Kind kind, bool ci, bool utf8>
FunctionFactory::Creator creator(const char* name) {
  std::string n = name;
  return [n](const FunctionContext&) { return std::make_shared<FunctionSearch<kind, ci, utf8>>(n); };
}

FunctionDocumentation doc(const char* description, const char* syntax) {
  return makeDoc(description, syntax, "String search");
}

}  // namespace string_position

REGISTER_FUNCTION(StringPosition) {
  using namespace string_position;
  factory.registerFunction(
      "position", creator<Kind::Position, false, false>("position"),
      doc("1-based byte position of needle in haystack, 0 if absent.", "position(haystack, needle[, start_pos])"),
      FunctionFactory::CaseInsensitive);
  factory.registerFunction("locate", creator<Kind::Locate, false, false>("locate"),
                           doc("Like position with MySQL's argument order.", "locate(needle, haystack[, start_pos])"),
                           FunctionFactory::CaseInsensitive);
  factory.registerFunction(
      "positionCaseInsensitive", creator<Kind::Position, true, false>("positionCaseInsensitive"),
      doc("Like position, ignoring ASCII case.", "positionCaseInsensitive(haystack, needle[, start_pos])"));
  factory.registerFunction(
      "positionUTF8", creator<Kind::Position, false, true>("positionUTF8"),
      doc("Like position, counting Unicode code points.", "positionUTF8(haystack, needle[, start_pos])"));
  factory.registerFunction(
      "positionCaseInsensitiveUTF8", creator<Kind::Position, true, true>("positionCaseInsensitiveUTF8"),
      doc("Like positionUTF8, ignoring case.", "positionCaseInsensitiveUTF8(haystack, needle[, start_pos])"));
  factory.registerFunction(
      "countSubstrings", creator<Kind::Count, false, false>("countSubstrings"),
      doc("Number of non-overlapping occurrences of needle.", "countSubstrings(haystack, needle[, start_pos])"));
  factory.registerFunction("countSubstringsCaseInsensitive",
                           creator<Kind::Count, true, false>("countSubstringsCaseInsensitive"),
                           doc("Like countSubstrings, ignoring ASCII case.",
                               "countSubstringsCaseInsensitive(haystack, needle[, start_pos])"));
  factory.registerFunction("countSubstringsCaseInsensitiveUTF8",
                           creator<Kind::Count, true, true>("countSubstringsCaseInsensitiveUTF8"),
                           doc("Like countSubstrings, ignoring case, positions in code points.",
                               "countSubstringsCaseInsensitiveUTF8(haystack, needle[, start_pos])"));
}

}  // namespace tally
