#pragma once
// SQL text of the loader: string literals.

#include <string>
#include <string_view>

namespace tally::pypi::ingest {

/// `s` as a ClickHouse string literal: 'it\'s'.
inline std::string sqlQuote(std::string_view s) {
  std::string out = "'";
  for (char c : s) {
    if (c == '\'' || c == '\\') out.push_back('\\');
    out.push_back(c);
  }
  out.push_back('\'');
  return out;
}

}  // namespace tally::pypi::ingest
