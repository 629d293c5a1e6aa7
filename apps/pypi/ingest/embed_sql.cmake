# Writes INPUT (a SQL file) as a C++ header holding it in `kPypiSchemaSql`.
file(READ ${INPUT} sql)
file(WRITE ${OUTPUT} "#pragma once\n// Generated from apps/pypi/schema.sql by embed_sql.cmake.\n"
                     "inline constexpr const char* kPypiSchemaSql = R\"tally_schema_sql(${sql})tally_schema_sql\";\n")
