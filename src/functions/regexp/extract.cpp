// extract, extractAll, extractGroups, extractAllGroupsVertical (extractAllGroups),
// extractAllGroupsHorizontal. The pattern is a constant compiled once. extract/extractAll take
// the first capturing group when the pattern has one, else the whole match; scanning stops at
// the first empty match, as in ClickHouse.

#include "columns/column_array.h"
#include "functions/function_factory.h"
#include "functions/regexp/regexp_cache.h"
#include "functions/string/string_rows.h"
#include "types/data_type_array.h"
#include "types/data_type_string.h"

namespace tally {

namespace regexp_extract {

FunctionDocumentation makeDoc(const char* description, const char* syntax, const char* category) {
  FunctionDocumentation d;
  d.description = description;
  d.syntax = syntax;
  d.category = category;
  return d;
}

constexpr int kMaxSlots = 10;

void append(ColumnString& column, std::string_view s) {
  column.insertData(s.data(), s.size());
}

class FunctionExtract final : public IFunction {
 public:
  std::string getName() const override { return "extract"; }
  size_t getNumberOfArguments() const override { return 2; }
  std::vector<size_t> getArgumentsThatAreAlwaysConstant() const override { return {1}; }
  DataTypePtr getReturnType(const ColumnsWithTypeAndName& args) const override {
    if (!isStringLike(args[0].type)) throwIllegalType(getName(), 0, args[0].type);
    if (!isStringLike(args[1].type)) throwIllegalType(getName(), 1, args[1].type);
    return typeString();
  }
  ColumnPtr execute(const ColumnsWithTypeAndName& args, const DataTypePtr&, size_t rows) const override {
    RegexpPtr re = compileRegexp(constantStringArgument(getName(), args, 1));
    int capture = re->NumberOfCapturingGroups() > 0 ? 1 : 0;
    re2::StringPiece matches[2];
    auto res = ColumnString::create();
    visitStringRows(*args[0].column, getName(), [&](const auto& src) {
      for (size_t i = 0; i < rows; ++i) {
        std::string_view s = src[i];
        if (regexpSearch(*re, s, 0, matches, capture + 1) && matches[capture].data())
          append(*res, {matches[capture].data(), matches[capture].size()});
        else
          res->insertDefault();
      }
    });
    return res;
  }
};

class FunctionExtractAll final : public IFunction {
 public:
  std::string getName() const override { return "extractAll"; }
  size_t getNumberOfArguments() const override { return 2; }
  std::vector<size_t> getArgumentsThatAreAlwaysConstant() const override { return {1}; }
  DataTypePtr getReturnType(const ColumnsWithTypeAndName& args) const override {
    if (!isStringLike(args[0].type)) throwIllegalType(getName(), 0, args[0].type);
    if (!isStringLike(args[1].type)) throwIllegalType(getName(), 1, args[1].type);
    return std::make_shared<DataTypeArray>(typeString());
  }
  ColumnPtr execute(const ColumnsWithTypeAndName& args, const DataTypePtr&, size_t rows) const override {
    RegexpPtr re = compileRegexp(constantStringArgument(getName(), args, 1));
    int capture = re->NumberOfCapturingGroups() > 0 ? 1 : 0;
    re2::StringPiece matches[2];
    auto strings = ColumnString::create();
    Offsets offsets(rows);
    visitStringRows(*args[0].column, getName(), [&](const auto& src) {
      for (size_t i = 0; i < rows; ++i) {
        std::string_view s = src[i];
        size_t pos = 0;
        // Each search starts a fresh text at pos (as ClickHouse: '^' matches there again).
        while (pos <= s.size() && regexpSearch(*re, s.substr(pos), 0, matches, capture + 1) && !matches[0].empty()) {
          append(*strings, {matches[capture].data(), matches[capture].size()});
          pos = size_t(matches[0].data() - s.data()) + matches[0].size();
        }
        offsets[i] = strings->size();
      }
    });
    return ColumnArray::create(MutableColumnPtr(strings), std::move(offsets));
  }
};

/// extractGroups (first match only), extractAllGroupsVertical and extractAllGroupsHorizontal.
enum class GroupsKind { First, Vertical, Horizontal };

template <GroupsKind kind>
class FunctionExtractGroups final : public IFunction {
 public:
  explicit FunctionExtractGroups(std::string name) : name_(std::move(name)) {}
  std::string getName() const override { return name_; }
  size_t getNumberOfArguments() const override { return 2; }
  std::vector<size_t> getArgumentsThatAreAlwaysConstant() const override { return {1}; }
  DataTypePtr getReturnType(const ColumnsWithTypeAndName& args) const override {
    if (!isStringLike(args[0].type)) throwIllegalType(name_, 0, args[0].type);
    if (!isStringLike(args[1].type)) throwIllegalType(name_, 1, args[1].type);
    DataTypePtr strings = std::make_shared<DataTypeArray>(typeString());
    return kind == GroupsKind::First ? strings : DataTypePtr(std::make_shared<DataTypeArray>(strings));
  }
  ColumnPtr execute(const ColumnsWithTypeAndName& args, const DataTypePtr&, size_t rows) const override {
    std::string_view pattern = constantStringArgument(name_, args, 1);
    RegexpPtr re = compileRegexp(pattern);
    int groups = re->NumberOfCapturingGroups();
    if (groups == 0) throw Exception(ErrorCodes::BAD_ARGUMENTS, "There are no groups in regexp: {}", pattern);
    std::vector<re2::StringPiece> matches(size_t(groups) + 1);
    auto strings = ColumnString::create();
    Offsets inner;  // per group list (Horizontal) or per match (Vertical/First)
    Offsets outer(rows);
    auto group_text = [&](int g) -> std::string_view {
      const auto& m = matches[size_t(g)];
      return m.data() ? std::string_view(m.data(), m.size()) : std::string_view();
    };
    visitStringRows(*args[0].column, name_, [&](const auto& src) {
      std::vector<std::vector<std::string_view>> horizontal(static_cast<size_t>(groups));
      for (size_t i = 0; i < rows; ++i) {
        std::string_view s = src[i];
        if constexpr (kind == GroupsKind::First) {
          if (regexpSearch(*re, s, 0, matches.data(), groups + 1))
            for (int g = 1; g <= groups; ++g) append(*strings, group_text(g));
          outer[i] = strings->size();
          continue;
        }
        for (auto& h : horizontal) h.clear();
        size_t pos = 0;
        while (pos < s.size() && regexpSearch(*re, s.substr(pos), 0, matches.data(), groups + 1) &&
               !matches[0].empty()) {
          for (int g = 1; g <= groups; ++g) {
            if constexpr (kind == GroupsKind::Vertical)
              append(*strings, group_text(g));
            else
              horizontal[size_t(g - 1)].push_back(group_text(g));
          }
          if constexpr (kind == GroupsKind::Vertical) inner.push_back(strings->size());
          pos = size_t(matches[0].data() - s.data()) + matches[0].size();
        }
        if constexpr (kind == GroupsKind::Horizontal) {
          for (auto& h : horizontal) {
            for (auto v : h) append(*strings, v);
            inner.push_back(strings->size());
          }
        }
        outer[i] = inner.size();
      }
    });
    if constexpr (kind == GroupsKind::First) return ColumnArray::create(MutableColumnPtr(strings), std::move(outer));
    auto nested = ColumnArray::create(MutableColumnPtr(strings), std::move(inner));
    return ColumnArray::create(MutableColumnPtr(nested), std::move(outer));
  }

 private:
  std::string name_;
};

template <GroupsKind kind>
FunctionFactory::Creator groupsCreator(const char* name) {
  std::string n = name;
  return [n](const FunctionContext&) { return std::make_shared<FunctionExtractGroups<kind>>(n); };
}

FunctionDocumentation doc(const char* description, const char* syntax) {
  return makeDoc(description, syntax, "String search");
}

}  // namespace regexp_extract

REGISTER_FUNCTION(RegexpExtract) {
  using namespace regexp_extract;
  factory.registerFunction(
      "extract", [](const FunctionContext&) { return std::make_shared<FunctionExtract>(); },
      doc("First match of the regexp (its first capturing group if it has one), '' if none.",
          "extract(haystack, pattern)"));
  factory.registerFunction(
      "extractAll", [](const FunctionContext&) { return std::make_shared<FunctionExtractAll>(); },
      doc("All non-overlapping matches (first capturing group if any) as an array.", "extractAll(haystack, pattern)"));
  factory.registerFunction("extractGroups", groupsCreator<GroupsKind::First>("extractGroups"),
                           doc("Capturing groups of the first match.", "extractGroups(haystack, pattern)"));
  factory.registerFunction(
      "extractAllGroupsVertical", groupsCreator<GroupsKind::Vertical>("extractAllGroupsVertical"),
      doc("Capturing groups of every match, one array per match.", "extractAllGroupsVertical(haystack, pattern)"));
  factory.registerAlias("extractAllGroups", "extractAllGroupsVertical");
  factory.registerFunction(
      "extractAllGroupsHorizontal", groupsCreator<GroupsKind::Horizontal>("extractAllGroupsHorizontal"),
      doc("Capturing groups of every match, one array per group.", "extractAllGroupsHorizontal(haystack, pattern)"));
}

}  // namespace tally
