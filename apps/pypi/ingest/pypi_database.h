#pragma once
// The `pypi` database as the loader needs it: the schema (apps/pypi/schema.sql, compiled in)
// created when missing, whether the raw table has the `ci` column (a ClickPy ClickHouse does
// not), and the countries table from Debian's iso-codes.

#include <string>

#include "tally/tally.h"

namespace tally::pypi::ingest {

/// Runs the schema's idempotent statements, with `pypi` replaced by `database` when it differs.
/// The target of a materialized view created now over a non-empty source is filled from it.
void ensureSchema(api::Connection& connection, const std::string& database);

/// Whether `database`.`table` has a column `column`.
bool hasColumn(api::Connection& connection, const std::string& database, const std::string& table,
               const std::string& column);

/// Default location of ISO 3166-1 in Debian's iso-codes package.
inline constexpr const char* kIsoCodesPath = "/usr/share/iso-codes/json/iso_3166-1.json";

/// Replaces the rows of `database`.countries with the (name, alpha_2 code) pairs of the
/// iso-codes JSON file; returns the number of countries. Throws Error(FILE_DOESNT_EXIST) /
/// Error(INCORRECT_DATA) for a missing or malformed file.
size_t loadCountries(api::Connection& connection, const std::string& database, const std::string& iso_json_path);

/// Rows in `database`.`table`.
uint64_t tableRows(api::Connection& connection, const std::string& database, const std::string& table);

}  // namespace tally::pypi::ingest
