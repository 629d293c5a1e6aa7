#include <algorithm>
#include <cctype>

#include "common/exception.h"
#include "storage/table_function.h"

namespace tally {

namespace {
std::string lowerName(const std::string& s) {
  std::string r = s;
  std::transform(r.begin(), r.end(), r.begin(), [](unsigned char c) { return std::tolower(c); });
  return r;
}
}  // namespace

TableFunctionFactory& TableFunctionFactory::instance() {
  static TableFunctionFactory factory;
  return factory;
}

void TableFunctionFactory::registerFunction(const std::string& name, Creator creator, const std::string& description,
                                            bool case_insensitive) {
  functions_[name] = Entry{std::move(creator), description};
  if (case_insensitive) lower_names_[lowerName(name)] = name;
}

bool TableFunctionFactory::has(const std::string& name) const {
  return functions_.count(name) || lower_names_.count(lowerName(name));
}

StoragePtr TableFunctionFactory::create(const std::string& name, const std::vector<TableFunctionArgument>& args,
                                        const StorageContext& context) const {
  auto it = functions_.find(name);
  if (it == functions_.end()) {
    auto l = lower_names_.find(lowerName(name));
    if (l != lower_names_.end()) it = functions_.find(l->second);
  }
  if (it == functions_.end())
    throw Exception(ErrorCodes::UNKNOWN_FUNCTION, "Unknown table function {}", name);
  return it->second.creator(args, context);
}

std::vector<std::pair<std::string, std::string>> TableFunctionFactory::list() const {
  std::vector<std::pair<std::string, std::string>> res;
  for (const auto& [n, e] : functions_) res.emplace_back(n, e.description);
  return res;
}

}  // namespace tally
