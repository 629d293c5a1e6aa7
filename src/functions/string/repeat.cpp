// repeat(s, n): s repeated n times ('' for n < 1); space(n): n spaces.

#include "functions/function_factory.h"
#include "functions/string/string_rows.h"
#include "types/data_type_string.h"

namespace tally {

namespace string_repeat {

FunctionDocumentation makeDoc(const char* description, const char* syntax, const char* category) {
  FunctionDocumentation d;
  d.description = description;
  d.syntax = syntax;
  d.category = category;
  return d;
}

constexpr UInt64 kMaxRepeatTimes = 1'000'000;
constexpr UInt64 kMaxStringSize = UInt64(1) << 30;

/// Times to repeat for a count argument (negative -> 0), with ClickHouse's limits.
UInt64 checkedTimes(Int64 n, size_t piece, const char* function) {
  if (n < 1) return 0;
  if (UInt64(n) > kMaxRepeatTimes)
    throw Exception(ErrorCodes::TOO_LARGE_STRING_SIZE, "Too many times to repeat ({}), maximum is: {}", n,
                    kMaxRepeatTimes);
  if (piece * UInt64(n) > kMaxStringSize)
    throw Exception(ErrorCodes::TOO_LARGE_STRING_SIZE, "Too large string size ({}) in function {}, maximum is: {}",
                    piece * UInt64(n), function, kMaxStringSize);
  return UInt64(n);
}

void appendRepeated(ColumnString::Chars& chars, std::string_view s, UInt64 times) {
  size_t old = chars.size();
  chars.resize(old + s.size() * times);
  char* out = chars.data() + old;
  for (UInt64 k = 0; k < times; ++k, out += s.size()) std::memcpy(out, s.data(), s.size());
}

class FunctionRepeat final : public IFunction {
 public:
  std::string getName() const override { return "repeat"; }
  size_t getNumberOfArguments() const override { return 2; }
  DataTypePtr getReturnType(const ColumnsWithTypeAndName& args) const override {
    if (!isStringLike(args[0].type)) throwIllegalType(getName(), 0, args[0].type);
    if (!isIntegerLike(args[1].type)) throwIllegalType(getName(), 1, args[1].type);
    return typeString();
  }
  ColumnPtr execute(const ColumnsWithTypeAndName& args, const DataTypePtr&, size_t rows) const override {
    PODArray<Int64> counts = integerColumnValues(*args[1].column, args[1].type, rows);
    auto res = ColumnString::create();
    auto& chars = res->getChars();
    auto& offsets = res->getOffsets();
    offsets.resize(rows);
    visitStringRows(*args[0].column, getName(), [&](const auto& src) {
      for (size_t i = 0; i < rows; ++i) {
        std::string_view s = src[i];
        appendRepeated(chars, s, checkedTimes(counts[i], s.size(), "repeat"));
        offsets[i] = chars.size();
      }
    });
    return res;
  }
};

class FunctionSpace final : public IFunction {
 public:
  std::string getName() const override { return "space"; }
  size_t getNumberOfArguments() const override { return 1; }
  DataTypePtr getReturnType(const ColumnsWithTypeAndName& args) const override {
    if (!isIntegerLike(args[0].type)) throwIllegalType(getName(), 0, args[0].type);
    return typeString();
  }
  ColumnPtr execute(const ColumnsWithTypeAndName& args, const DataTypePtr&, size_t rows) const override {
    PODArray<Int64> counts = integerColumnValues(*args[0].column, args[0].type, rows);
    auto res = ColumnString::create();
    auto& chars = res->getChars();
    auto& offsets = res->getOffsets();
    offsets.resize(rows);
    for (size_t i = 0; i < rows; ++i) {
      appendRepeated(chars, " ", checkedTimes(counts[i], 1, "space"));
      offsets[i] = chars.size();
    }
    return res;
  }
};

}  // namespace string_repeat

REGISTER_FUNCTION(StringRepeat) {
  using namespace string_repeat;
  factory.registerFunction(
      "repeat", [](const FunctionContext&) { return std::make_shared<FunctionRepeat>(); },
      makeDoc("The string repeated n times ('' when n < 1).", "repeat(s, n)", "String"),
      FunctionFactory::CaseInsensitive);
  factory.registerFunction(
      "space", [](const FunctionContext&) { return std::make_shared<FunctionSpace>(); },
      makeDoc("A string of n spaces.", "space(n)", "String"), FunctionFactory::CaseInsensitive);
}

}  // namespace tally
