// leftPad (lpad), rightPad (rpad), leftPadUTF8, rightPadUTF8: pad with a constant pad string
// (default ' ', repeated and cut as needed) to `length` units; longer strings are shortened.

#include "columns/column_vector.h"
#include "functions/function_factory.h"
#include "functions/string/string_rows.h"
#include "functions/string/utf8.h"
#include "types/data_type_string.h"

namespace tally {

namespace string_pad {

FunctionDocumentation makeDoc(const char* description, const char* syntax, const char* category) {
  FunctionDocumentation d;
  d.description = description;
  d.syntax = syntax;
  d.category = category;
  return d;
}

constexpr Int64 kMaxNewLength = 1'000'000;

void checkLength(Int64 n) {
  if (n > kMaxNewLength)
    throw Exception(ErrorCodes::TOO_LARGE_STRING_SIZE, "New padded length ({}) is too big, maximum is: {}", n,
                    kMaxNewLength);
  if (n < 0)
    throw Exception(ErrorCodes::INDEX_OF_POSITIONAL_ARGUMENT_IS_OUT_OF_RANGE, "New padded length ({}) is negative", n);
}

template <bool right, bool utf8>
class FunctionPad final : public IFunction {
 public:
  explicit FunctionPad(std::string name) : name_(std::move(name)) {}
  std::string getName() const override { return name_; }
  bool isVariadic() const override { return true; }
  std::vector<size_t> getArgumentsThatAreAlwaysConstant() const override { return {2}; }
  DataTypePtr getReturnType(const ColumnsWithTypeAndName& args) const override {
    checkArgumentCount(name_, args.size(), 2, 3);
    if (!isStringLike(args[0].type)) throwIllegalType(name_, 0, args[0].type, "String or FixedString");
    if (!args[1].type->isInteger()) throwIllegalType(name_, 1, args[1].type, "UInt*");
    if (args.size() == 3 && !isString(args[2].type)) throwIllegalType(name_, 2, args[2].type, "String");
    if (isConstantArgument(args, 1)) checkLength(integerConstantValue(*args[1].column));
    return typeString();
  }
  ColumnPtr execute(const ColumnsWithTypeAndName& args, const DataTypePtr&, size_t rows) const override {
    std::string pad = args.size() == 3 ? std::string(constantStringArgument(name_, args, 2)) : std::string();
    if (pad.empty()) pad = " ";
    // Byte offsets of the pad string's code points (bytes when not utf8): cut[k] = bytes of k units.
    std::vector<size_t> cut{0};
    while (cut.back() < pad.size())
      cut.push_back(std::min(pad.size(), cut.back() + (utf8 ? utf8::seqLength(uint8_t(pad[cut.back()])) : 1)));
    size_t pad_units = cut.size() - 1;
    PODArray<Int64> lengths = integerColumnValues(*args[1].column, args[1].type, rows);
    auto res = ColumnString::create();
    auto& chars = res->getChars();
    auto& offsets = res->getOffsets();
    offsets.resize(rows);
    auto append_padding = [&](size_t units) {
      while (units > 0) {
        size_t take = std::min(units, pad_units);
        chars.insert(pad.data(), pad.data() + cut[take]);
        units -= take;
      }
    };
    visitStringRows(*args[0].column, name_, [&](const auto& src) {
      for (size_t i = 0; i < rows; ++i) {
        Int64 target = lengths[i];
        checkLength(target);
        std::string_view s = src[i];
        size_t current = utf8 ? utf8::countCodePoints(s.data(), s.size()) : s.size();
        if (size_t(target) <= current) {
          size_t bytes = s.size();
          if (size_t(target) < current) {
            bytes = utf8
                        ? size_t(utf8::skipBackward(s.data() + s.size(), current - size_t(target), s.data()) - s.data())
                        : size_t(target);
          }
          chars.insert(s.data(), s.data() + bytes);
        } else {
          if (!right) append_padding(size_t(target) - current);
          chars.insert(s.data(), s.data() + s.size());
          if (right) append_padding(size_t(target) - current);
        }
        offsets[i] = chars.size();
      }
    });
    return res;
  }

 private:
  std::string name_;
};

template <bool r, bool u>
FunctionFactory::Creator creator(const char* name) {
  std::string n = name;
  return [n](const FunctionContext&) { return std::make_shared<FunctionPad<r, u>>(n); };
}

FunctionDocumentation doc(const char* description, const char* syntax) {
  return makeDoc(description, syntax, "String");
}

}  // namespace string_pad

REGISTER_FUNCTION(StringPad) {
  using namespace string_pad;
  factory.registerFunction(
      "leftPad", creator<false, false>("leftPad"),
      doc("Pads from the left to `length` bytes (or shortens).", "leftPad(s, length[, pad_string])"));
  factory.registerAlias("lpad", "leftPad", FunctionFactory::CaseInsensitive);
  factory.registerFunction(
      "rightPad", creator<true, false>("rightPad"),
      doc("Pads from the right to `length` bytes (or shortens).", "rightPad(s, length[, pad_string])"));
  factory.registerAlias("rpad", "rightPad", FunctionFactory::CaseInsensitive);
  factory.registerFunction("leftPadUTF8", creator<false, true>("leftPadUTF8"),
                           doc("Like leftPad, measuring in code points.", "leftPadUTF8(s, length[, pad_string])"));
  factory.registerFunction("rightPadUTF8", creator<true, true>("rightPadUTF8"),
                           doc("Like rightPad, measuring in code points.", "rightPadUTF8(s, length[, pad_string])"));
}

}  // namespace tally
