#include "project_name.h"

namespace tally::pypi::ingest {

std::string normalizeProjectName(std::string_view name) {
  std::string out;
  out.reserve(name.size());
  bool in_separator_run = false;
  for (char c : name) {
    if (c == '-' || c == '_' || c == '.') {
      if (!in_separator_run) out.push_back('-');
      in_separator_run = true;
      continue;
    }
    in_separator_run = false;
    out.push_back(c >= 'A' && c <= 'Z' ? char(c - 'A' + 'a') : c);
  }
  return out;
}

std::string_view pythonMinor(std::string_view python) {
  size_t i = 0;
  auto digits = [&] {
    size_t start = i;
    while (i < python.size() && python[i] >= '0' && python[i] <= '9') ++i;
    return i > start;
  };
  if (!digits()) return {};
  if (i >= python.size() || python[i] != '.') return {};
  ++i;
  if (!digits()) return {};
  return python.substr(0, i);
}

std::string normalizeProjectNameSql(std::string_view x) {
  return "lower(replaceRegexpAll(" + std::string(x) + ", '[-_.]+', '-'))";
}

std::string pythonMinorSql(std::string_view x) {
  return "extract(ifNull(" + std::string(x) + ", ''), '^(\\\\d+\\\\.\\\\d+)')";
}

}  // namespace tally::pypi::ingest
