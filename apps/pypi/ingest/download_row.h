#pragma once
// One row of `pypi.pypi` as every loader path produces it, and its RowBinary encoding for
// INSERT ... FORMAT RowBinary (the compact format fed through the API's input callback).
//
// Mapping from a BigQuery `file_downloads` row (docs/pypi_app.md): date = toDate(timestamp),
// country_code ('' for NULL), project PEP 503-normalized, type = file.type,
// installer = details.installer.name ('' for NULL), python_minor = first two components of
// details.python ('' for NULL/malformed), system = details.system.name, version =
// file.version, ci: TRUE -> 'true'; otherwise 'false' for pip and uv, 'unknown' for the rest.

#include <cstdint>
#include <string>
#include <string_view>

#include "user_agent.h"

namespace tally::pypi::ingest {

enum class CiValue : int8_t { False = 0, True = 1, Unknown = 2 };

/// The ci value of a download: `ci` as sent by installer `installer` ("" when unknown).
CiValue ciValue(CiFlag ci, std::string_view installer);
/// The same rule in SQL over a Nullable(Bool) `ci` and a Nullable(String) `installer`,
/// giving the Enum8's name.
std::string ciValueSql(std::string_view ci, std::string_view installer);

struct DownloadRow {
  uint16_t date = 0;  // days since 1970-01-01
  std::string_view country_code, project, type, installer, python_minor, system, version;
  CiValue ci = CiValue::Unknown;
};

/// Columns of `pypi.pypi` a row fills, in RowBinary order; `with_ci` false for a table
/// without the `ci` column (a ClickPy ClickHouse).
std::string downloadColumns(bool with_ci);

/// Appends `row` in RowBinary (Date: UInt16; strings: LEB128 length + bytes; Enum8: Int8).
void appendRowBinary(const DownloadRow& row, bool with_ci, std::string& out);

/// Days since 1970-01-01 of a proleptic Gregorian date; -1 when invalid or outside Date's
/// range (1970-01-01 .. 2149-06-06).
int32_t daysFromCivil(int year, int month, int day);
/// "YYYY-MM-DD" as days since 1970-01-01; -1 when malformed or out of range.
int32_t parseDay(std::string_view text);
/// Days since 1970-01-01 as "YYYY-MM-DD".
std::string formatDay(int32_t days);

}  // namespace tally::pypi::ingest
