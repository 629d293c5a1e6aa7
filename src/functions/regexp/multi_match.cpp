// multiMatchAny(haystack, [patterns]) -> UInt8, multiMatchAnyIndex -> UInt64 (1-based index of
// the first matching pattern, 0 if none), multiMatchAllIndices -> Array(UInt64). The constant
// pattern list is compiled once into an RE2::Set, so each row is scanned once for all patterns.

#include <re2/set.h>

#include <algorithm>

#include "columns/column_array.h"
#include "columns/column_vector.h"
#include "functions/function_factory.h"
#include "functions/string/string_rows.h"
#include "types/data_type_array.h"
#include "types/data_type_number.h"

namespace tally {

namespace multi_match {

FunctionDocumentation makeDoc(const char* description, const char* syntax, const char* category) {
  FunctionDocumentation d;
  d.description = description;
  d.syntax = syntax;
  d.category = category;
  return d;
}

enum class Kind { Any, AnyIndex, AllIndices };

/// The patterns of a constant Array(String) argument.
std::vector<std::string> patternList(const ColumnsWithTypeAndName& args, const std::string& function) {
  const Column* data = constantArgumentData(args, 1);
  if (!data)
    throw Exception(ErrorCodes::ILLEGAL_COLUMN, "Argument 2 of function {} must be a constant array of strings",
                    function);
  Field f = (*data)[0];
  std::vector<std::string> out;
  for (const auto& e : f.get<FieldArray>()) out.push_back(e.get<std::string>());
  return out;
}

std::unique_ptr<re2::RE2::Set> compileSet(const std::vector<std::string>& patterns) {
  re2::RE2::Options options;
  options.set_log_errors(false);
  options.set_dot_nl(true);
  auto set = std::make_unique<re2::RE2::Set>(options, re2::RE2::UNANCHORED);
  for (const auto& p : patterns) {
    std::string error;
    if (set->Add(re2::StringPiece(p.data(), p.size()), &error) < 0)
      throw Exception(ErrorCodes::CANNOT_COMPILE_REGEXP, "Pattern '{}' failed to compile: {}", p, error);
  }
  if (!set->Compile())
    throw Exception(ErrorCodes::CANNOT_COMPILE_REGEXP, "Cannot compile the set of regular expressions");
  return set;
}

template <Kind kind>
class FunctionMultiMatch final : public IFunction {
 public:
  explicit FunctionMultiMatch(std::string name) : name_(std::move(name)) {}
  std::string getName() const override { return name_; }
  size_t getNumberOfArguments() const override { return 2; }
  std::vector<size_t> getArgumentsThatAreAlwaysConstant() const override { return {1}; }
  DataTypePtr getReturnType(const ColumnsWithTypeAndName& args) const override {
    if (!isStringLike(args[0].type)) throwIllegalType(name_, 0, args[0].type);
    const auto* array =
        args[1].type->typeId() == TypeIndex::Array ? static_cast<const DataTypeArray*>(args[1].type.get()) : nullptr;
    if (!array || !isString(array->getNestedType())) throwIllegalType(name_, 1, args[1].type, "Array(String)");
    if constexpr (kind == Kind::Any)
      return typeUInt8();
    else if constexpr (kind == Kind::AnyIndex)
      return typeUInt64();
    else
      return std::make_shared<DataTypeArray>(typeUInt64());
  }
  ColumnPtr execute(const ColumnsWithTypeAndName& args, const DataTypePtr&, size_t rows) const override {
    std::vector<std::string> patterns = patternList(args, name_);
    std::unique_ptr<re2::RE2::Set> set = patterns.empty() ? nullptr : compileSet(patterns);
    std::vector<int> matched;
    auto match_row = [&](std::string_view s) {
      matched.clear();
      if (set) set->Match(re2::StringPiece(s.data(), s.size()), &matched);
      std::sort(matched.begin(), matched.end());
    };
    if constexpr (kind == Kind::AllIndices) {
      auto values = ColumnUInt64::create();
      Offsets offsets(rows);
      visitStringRows(*args[0].column, name_, [&](const auto& src) {
        for (size_t i = 0; i < rows; ++i) {
          match_row(src[i]);
          for (int m : matched) values->insertValue(UInt64(m) + 1);
          offsets[i] = values->size();
        }
      });
      return ColumnArray::create(MutableColumnPtr(values), std::move(offsets));
    } else {
      using Out = std::conditional_t<kind == Kind::Any, UInt8, UInt64>;
      auto res = ColumnVector<Out>::create(rows);
      auto* out = res->getData().data();
      visitStringRows(*args[0].column, name_, [&](const auto& src) {
        for (size_t i = 0; i < rows; ++i) {
          match_row(src[i]);
          if constexpr (kind == Kind::Any)
            out[i] = !matched.empty();
          else
            out[i] = matched.empty() ? 0 : UInt64(matched.front()) + 1;
        }
      });
      return res;
    }
  }

 private:
  std::string name_;
};

template <Kind kind>
FunctionFactory::Creator creator(const char* name) {
  std::string n = name;
  return [n](const FunctionContext&) { return std::make_shared<FunctionMultiMatch<kind>>(n); };
}

}  // namespace multi_match

REGISTER_FUNCTION(MultiMatch) {
  using namespace multi_match;
  factory.registerFunction(
      "multiMatchAny", creator<Kind::Any>("multiMatchAny"),
      makeDoc("1 if any of the regular expressions matches.", "multiMatchAny(haystack, [patterns])", "String search"));
  factory.registerFunction("multiMatchAnyIndex", creator<Kind::AnyIndex>("multiMatchAnyIndex"),
                           makeDoc("1-based index of a matching regular expression, 0 if none.",
                                   "multiMatchAnyIndex(haystack, [patterns])", "String search"));
  factory.registerFunction("multiMatchAllIndices", creator<Kind::AllIndices>("multiMatchAllIndices"),
                           makeDoc("1-based indexes of all matching regular expressions.",
                                   "multiMatchAllIndices(haystack, [patterns])", "String search"));
}

}  // namespace tally
