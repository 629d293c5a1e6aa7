#pragma once
// URL pieces of the PyPI app: query-string parsing, percent-decoding and PEP 503 names.

#include <map>
#include <string>
#include <string_view>

#include "pypi/ingest/project_name.h"

namespace tally::pypi {

/// "a=1&b=x%20y" -> {a: "1", b: "x y"} ('+' is a space; the last of repeated names wins).
std::map<std::string, std::string> parseQueryString(std::string_view query);
std::string percentDecode(std::string_view s);
std::string percentEncode(std::string_view s);

/// PEP 503 normalization (the loader's): lower case, runs of '-', '_' and '.' become one '-'.
using ingest::normalizeProjectName;
/// Whether `name` is a normalized project name (non-empty, [a-z0-9-], at most 200 bytes).
bool isNormalizedProjectName(std::string_view name);

/// Whether `s` is a YYYY-MM-DD date.
bool isIsoDate(std::string_view s);

}  // namespace tally::pypi
