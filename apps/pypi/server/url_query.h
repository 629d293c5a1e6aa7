#pragma once
// URL pieces of the PyPI app: query-string parsing, percent-decoding and PEP 503 names.

#include <map>
#include <string>
#include <string_view>

namespace tally::pypi {

/// "a=1&b=x%20y" -> {a: "1", b: "x y"} ('+' is a space; the last of repeated names wins).
std::map<std::string, std::string> parseQueryString(std::string_view query);
std::string percentDecode(std::string_view s);
std::string percentEncode(std::string_view s);

/// PEP 503 normalization: lower case, runs of '-', '_' and '.' become one '-'.
std::string normalizeProjectName(std::string_view name);
/// Whether `name` is a normalized project name (non-empty, [a-z0-9-], at most 200 bytes).
bool isNormalizedProjectName(std::string_view name);

/// Whether `s` is a YYYY-MM-DD date.
bool isIsoDate(std::string_view s);

}  // namespace tally::pypi
