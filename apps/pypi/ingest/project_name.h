#pragma once
// Name and version normalizations shared by every loader path (C++ row parsing and the SQL
// mappings): PEP 503 project names and Python "major.minor".

#include <string>
#include <string_view>

namespace tally::pypi::ingest {

/// PEP 503: lower-case ASCII, every run of '-', '_' and '.' becomes one '-'.
/// "Django_REST.framework" -> "django-rest-framework".
std::string normalizeProjectName(std::string_view name);

/// "3.11.4" -> "3.11", "3.12" -> "3.12", "3.13rc1" -> "3.13"; "" when the text does not start
/// with digits '.' digits (NULL, "3", "cpython"). Same rule as the SQL mapping
/// extract(python, '^(\d+\.\d+)').
std::string_view pythonMinor(std::string_view python);

/// The SQL expressions for the same two rules, over a String expression `x`.
std::string normalizeProjectNameSql(std::string_view x);
std::string pythonMinorSql(std::string_view x);

}  // namespace tally::pypi::ingest
