#include "functions/aggregate/aggregate_function_factory.h"

#include <algorithm>
#include <cctype>

#include "common/exception.h"
#include "functions/aggregate/aggregate_function_null.h"
#include "types/data_type_misc.h"
#include "types/data_type_nullable.h"

namespace tally {

namespace {
std::string lowerName(const std::string& s) {
  std::string r = s;
  std::transform(r.begin(), r.end(), r.begin(), [](unsigned char c) { return std::tolower(c); });
  return r;
}
bool endsWith(const std::string& s, const std::string& suffix) {
  return s.size() > suffix.size() && s.compare(s.size() - suffix.size(), suffix.size(), suffix) == 0;
}
}  // namespace

AggregateFunctionFactory& AggregateFunctionFactory::instance() {
  static AggregateFunctionFactory factory;
  return factory;
}

void AggregateFunctionFactory::registerFunction(const std::string& name, Creator creator, Properties properties,
                                                FunctionFactory::CaseSensitivity case_sensitivity,
                                                FunctionDocumentation doc) {
  if (functions_.count(name))
    throw Exception(ErrorCodes::LOGICAL_ERROR, "AggregateFunctionFactory: the function name '{}' is not unique", name);
  functions_[name] = Registered{std::move(creator), properties, case_sensitivity == FunctionFactory::CaseInsensitive,
                                std::move(doc)};
  if (case_sensitivity == FunctionFactory::CaseInsensitive) lower_names_[lowerName(name)] = name;
}

void AggregateFunctionFactory::registerAlias(const std::string& alias, const std::string& target,
                                             FunctionFactory::CaseSensitivity case_sensitivity) {
  aliases_[alias] = target;
  if (case_sensitivity == FunctionFactory::CaseInsensitive) lower_aliases_[lowerName(alias)] = target;
}

void AggregateFunctionFactory::registerCombinator(std::shared_ptr<IAggregateFunctionCombinator> combinator) {
  combinators_.push_back(std::move(combinator));
  // Longer suffixes first so that "MergeState" is tried before "State".
  std::sort(combinators_.begin(), combinators_.end(),
            [](const auto& a, const auto& b) { return a->getName().size() > b->getName().size(); });
}

const AggregateFunctionFactory::Registered* AggregateFunctionFactory::findExact(const std::string& name,
                                                                                std::string* canonical) const {
  if (auto it = functions_.find(name); it != functions_.end()) {
    *canonical = name;
    return &it->second;
  }
  if (auto it = aliases_.find(name); it != aliases_.end()) return findExact(it->second, canonical);
  std::string l = lowerName(name);
  if (auto it = lower_names_.find(l); it != lower_names_.end()) {
    *canonical = it->second;
    return &functions_.at(it->second);
  }
  if (auto it = lower_aliases_.find(l); it != lower_aliases_.end()) return findExact(it->second, canonical);
  return nullptr;
}

bool AggregateFunctionFactory::isAggregateFunctionName(const std::string& name) const {
  std::string canonical;
  if (const auto* r = findExact(name, &canonical)) return !r->properties.is_window_function;
  for (const auto& c : combinators_)
    if (endsWith(name, c->getName()) && isAggregateFunctionName(name.substr(0, name.size() - c->getName().size())))
      return true;
  return false;
}

bool AggregateFunctionFactory::isWindowFunctionName(const std::string& name) const {
  std::string canonical;
  const auto* r = findExact(name, &canonical);
  return r && r->properties.is_window_function;
}

AggregateFunctionPtr AggregateFunctionFactory::get(const std::string& name, const DataTypes& arguments,
                                                   const Fields& parameters) const {
  return getImpl(name, arguments, parameters, 0);
}

AggregateFunctionPtr AggregateFunctionFactory::getImpl(const std::string& name, const DataTypes& arguments,
                                                       const Fields& parameters, int depth) const {
  if (depth > 16) throw Exception(ErrorCodes::UNKNOWN_AGGREGATE_FUNCTION, "Too many combinators in {}", name);

  // LowCardinality arguments aggregate like their dictionary type (columns are expanded by
  // the caller).
  DataTypes args;
  for (const auto& a : arguments) args.push_back(removeLowCardinality(a));

  std::string canonical;
  const Registered* exact = findExact(name, &canonical);

  // Nullable arguments: the nested function sees plain types; NULL rows are skipped.
  bool any_nullable = false, any_null_literal = false;
  for (const auto& a : args) {
    if (a->isNullable()) any_nullable = true;
    if (a->typeId() == TypeIndex::Nothing ||
        (a->isNullable() && removeNullable(a)->typeId() == TypeIndex::Nothing))
      any_null_literal = true;
  }
  if (any_nullable && !(exact && exact->properties.is_window_function)) {
    DataTypes stripped;
    for (const auto& a : args) stripped.push_back(removeNullable(a));
    bool returns_default = false;
    if (exact) returns_default = exact->properties.returns_default_when_only_null;
    if (any_null_literal && !returns_default) return makeAggregateFunctionNothing(name, args, parameters);
    AggregateFunctionPtr nested = getImpl(name, stripped, parameters, depth + 1);
    if (nested->handlesNullsItself()) return nested;
    return makeAggregateFunctionNull(nested, args, parameters, nested->returnsDefaultWhenOnlyNulls());
  }

  if (exact) return exact->creator(canonical, args, parameters);

  for (const auto& c : combinators_) {
    const std::string& suffix = c->getName();
    if (!endsWith(name, suffix)) continue;
    std::string nested_name = name.substr(0, name.size() - suffix.size());
    if (!isAggregateFunctionName(nested_name) && !findExact(nested_name, &canonical)) continue;
    DataTypes nested_args = c->transformArguments(args);
    AggregateFunctionPtr nested = getImpl(nested_name, nested_args, parameters, depth + 1);
    return c->transformAggregateFunction(nested, args, parameters);
  }

  std::vector<std::string> all;
  for (const auto& [n, r] : functions_) all.push_back(n);
  auto hints = closestNames(name, all);
  std::string hint;
  if (!hints.empty()) {
    hint = ". Maybe you meant: [";
    for (size_t i = 0; i < hints.size(); ++i) hint += (i ? ",'" : "'") + hints[i] + "'";
    hint += "]";
  }
  throw Exception(ErrorCodes::UNKNOWN_AGGREGATE_FUNCTION, "Unknown aggregate function {}{}", name, hint);
}

std::vector<FunctionFactory::Entry> AggregateFunctionFactory::entries() const {
  std::vector<FunctionFactory::Entry> res;
  for (const auto& [n, r] : functions_) res.push_back({n, r.case_insensitive, "", r.doc});
  for (const auto& [n, t] : aliases_) res.push_back({n, lower_aliases_.count(lowerName(n)) > 0, t, {}});
  return res;
}

std::vector<std::string> AggregateFunctionFactory::combinatorNames() const {
  std::vector<std::string> res;
  for (const auto& c : combinators_) res.push_back(c->getName());
  return res;
}

void checkAggregateArguments(const std::string& name, const DataTypes& arguments, size_t min, size_t max) {
  if (arguments.size() < min || arguments.size() > max) {
    std::string expected = min == max ? std::to_string(min) : fmt::format("{} to {}", min, max);
    throw Exception(ErrorCodes::NUMBER_OF_ARGUMENTS_DOESNT_MATCH,
                    "Number of arguments for aggregate function {} doesn't match: passed {}, should be {}", name,
                    arguments.size(), expected);
  }
}

void checkNoParameters(const std::string& name, const Fields& parameters) {
  if (!parameters.empty())
    throw Exception(ErrorCodes::AGGREGATE_FUNCTION_DOESNT_ALLOW_PARAMETERS, "Aggregate function {} cannot have parameters",
                    name);
}

}  // namespace tally
