#include "functions/function_factory.h"

#include <algorithm>
#include <cctype>

#include "common/exception.h"

namespace tally {

namespace {
std::string lower(const std::string& s) {
  std::string r = s;
  std::transform(r.begin(), r.end(), r.begin(), [](unsigned char c) { return std::tolower(c); });
  return r;
}

size_t levenshtein(const std::string& a, const std::string& b) {
  std::vector<size_t> prev(b.size() + 1), cur(b.size() + 1);
  for (size_t j = 0; j <= b.size(); ++j) prev[j] = j;
  for (size_t i = 1; i <= a.size(); ++i) {
    cur[0] = i;
    for (size_t j = 1; j <= b.size(); ++j) {
      size_t cost = std::tolower(static_cast<unsigned char>(a[i - 1])) == std::tolower(static_cast<unsigned char>(b[j - 1])) ? 0 : 1;
      cur[j] = std::min({prev[j] + 1, cur[j - 1] + 1, prev[j - 1] + cost});
    }
    std::swap(prev, cur);
  }
  return prev[b.size()];
}
}  // namespace

std::vector<std::string> closestNames(const std::string& name, const std::vector<std::string>& candidates, size_t limit) {
  std::vector<std::pair<size_t, std::string>> scored;
  for (const auto& c : candidates) {
    size_t d = levenshtein(name, c);
    if (d <= std::max<size_t>(2, name.size() / 3)) scored.emplace_back(d, c);
  }
  std::sort(scored.begin(), scored.end());
  std::vector<std::string> res;
  for (size_t i = 0; i < scored.size() && i < limit; ++i) res.push_back(scored[i].second);
  return res;
}

FunctionFactory& FunctionFactory::instance() {
  static FunctionFactory factory;
  return factory;
}

void FunctionFactory::registerFunction(const std::string& name, Creator creator, FunctionDocumentation doc,
                                       CaseSensitivity case_sensitivity) {
  if (functions_.count(name) || aliases_.count(name))
    throw Exception(ErrorCodes::LOGICAL_ERROR, "FunctionFactory: the function name '{}' is not unique", name);
  functions_[name] = Registered{std::move(creator), std::move(doc), case_sensitivity == CaseInsensitive};
  if (case_sensitivity == CaseInsensitive) lower_names_[lower(name)] = name;
}

void FunctionFactory::registerAlias(const std::string& alias, const std::string& target, CaseSensitivity case_sensitivity) {
  if (functions_.count(alias) || aliases_.count(alias))
    throw Exception(ErrorCodes::LOGICAL_ERROR, "FunctionFactory: the alias name '{}' is not unique", alias);
  aliases_[alias] = target;
  if (case_sensitivity == CaseInsensitive) lower_aliases_[lower(alias)] = target;
}

std::string FunctionFactory::canonicalName(const std::string& name) const {
  if (functions_.count(name)) return name;
  if (auto it = aliases_.find(name); it != aliases_.end()) return canonicalName(it->second);
  std::string l = lower(name);
  if (auto it = lower_names_.find(l); it != lower_names_.end()) return it->second;
  if (auto it = lower_aliases_.find(l); it != lower_aliases_.end()) return canonicalName(it->second);
  return {};
}

bool FunctionFactory::has(const std::string& name) const { return !canonicalName(name).empty(); }

FunctionPtr FunctionFactory::tryGet(const std::string& name, const FunctionContext& context) const {
  std::string canonical = canonicalName(name);
  if (canonical.empty()) return nullptr;
  return functions_.at(canonical).creator(context);
}

FunctionPtr FunctionFactory::get(const std::string& name, const FunctionContext& context) const {
  if (auto f = tryGet(name, context)) return f;
  std::vector<std::string> all;
  for (const auto& [n, r] : functions_) all.push_back(n);
  for (const auto& [n, t] : aliases_) all.push_back(n);
  auto hints = closestNames(name, all);
  std::string hint;
  if (!hints.empty()) {
    hint = ". Maybe you meant: [";
    for (size_t i = 0; i < hints.size(); ++i) hint += (i ? ",'" : "'") + hints[i] + "'";
    hint += "]";
  }
  throw Exception(ErrorCodes::UNKNOWN_FUNCTION, "Function with name `{}` does not exist{}", name, hint);
}

std::vector<FunctionFactory::Entry> FunctionFactory::entries() const {
  std::vector<Entry> res;
  for (const auto& [n, r] : functions_) res.push_back({n, r.case_insensitive, "", r.doc});
  for (const auto& [n, t] : aliases_) res.push_back({n, lower_aliases_.count(lower(n)) > 0, t, {}});
  return res;
}

}  // namespace tally
