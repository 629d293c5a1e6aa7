#include "pypi_database.h"

#include <simdjson.h>

#include <regex>
#include <set>

#include "pypi_schema_sql.h"
#include "rejects.h"

namespace tally::pypi::ingest {

void ensureSchema(api::Connection& connection, const std::string& database) {
  std::string sql = kPypiSchemaSql;
  if (database != "pypi") {
    std::string replaced;
    size_t pos = 0;
    for (size_t hit; (hit = sql.find("pypi.", pos)) != std::string::npos; pos = hit + 5)
      replaced += sql.substr(pos, hit - pos) + database + ".";
    replaced += sql.substr(pos);
    sql = replaced;
    for (std::string_view from : {"DATABASE IF NOT EXISTS pypi;"}) {
      size_t at = sql.find(from);
      if (at != std::string::npos) sql.replace(at, from.size(), "DATABASE IF NOT EXISTS " + database + ";");
    }
  }
  // A view added to an existing database (a newer schema) has its target filled from its source
  // right away, so no rollup ever serves a partial history.
  std::set<std::string> tables, non_empty;
  {
    auto r = connection.query("SELECT name, total_rows > 0 FROM system.tables WHERE database = {d:String}", {{"d", database}});
    while (r->next())
      for (size_t i = 0; i < r->rows(); ++i) {
        tables.insert(r->getString(0, i));
        if (r->getString(1, i) == "1") non_empty.insert(r->getString(0, i));
      }
  }
  const std::string db = std::regex_replace(database, std::regex(R"(\W)"), "");
  const std::regex view("^\\s*CREATE MATERIALIZED VIEW IF NOT EXISTS " + db + "\\.\\w+ TO " + db +
                        "\\.(\\w+)\\s+AS\\s+(SELECT[\\s\\S]*?\\bFROM " + db + "\\.(\\w+)\\b[\\s\\S]*)");
  for (const api::Statement& s : api::splitStatements(sql)) {
    api::ExecuteOptions options;
    std::string statement(std::string_view(sql).substr(s.begin, s.end - s.begin));
    connection.execute(statement, options);
    std::smatch m;
    if (std::regex_search(statement, m, view) && !tables.count(m[1].str()) && non_empty.count(m[3].str()))
      connection.execute("INSERT INTO " + database + "." + m[1].str() + " " + m[2].str(), options);
  }
}

bool hasColumn(api::Connection& connection, const std::string& database, const std::string& table,
               const std::string& column) {
  auto r = connection.query("SELECT count() FROM system.columns WHERE database = {d:String} AND table = {t:String} "
                            "AND name = {c:String}",
                            {{"d", database}, {"t", table}, {"c", column}});
  uint64_t n = 0;
  while (r->next())
    if (r->rows()) n = r->getUInt64(0, 0);
  return n > 0;
}

uint64_t tableRows(api::Connection& connection, const std::string& database, const std::string& table) {
  auto r = connection.query("SELECT count() FROM " + database + "." + table);
  uint64_t n = 0;
  while (r->next())
    if (r->rows()) n = r->getUInt64(0, 0);
  return n;
}

size_t loadCountries(api::Connection& connection, const std::string& database, const std::string& path) {
  simdjson::dom::parser parser;
  simdjson::dom::element doc;
  auto error = parser.load(path).get(doc);
  if (error == simdjson::IO_ERROR)
    throw api::Error(107, "FILE_DOESNT_EXIST", "Cannot read " + path + " (install Debian's iso-codes package)");
  simdjson::dom::array countries;
  if (error || doc["3166-1"].get_array().get(countries))
    throw api::Error(117, "INCORRECT_DATA", "Cannot read ISO 3166-1 countries from " + path);
  std::string tsv;
  size_t n = 0;
  auto escape = [&](std::string_view s) {
    for (char c : s) {
      if (c == '\t') tsv += "\\t";
      else if (c == '\n') tsv += "\\n";
      else if (c == '\\') tsv += "\\\\";
      else tsv.push_back(c);
    }
  };
  for (simdjson::dom::element c : countries) {
    std::string_view code, name;
    if (c["alpha_2"].get_string().get(code) || c["name"].get_string().get(name)) continue;
    escape(name);
    tsv.push_back('\t');
    escape(code);
    tsv.push_back('\n');
    ++n;
  }
  if (n == 0) throw api::Error(117, "INCORRECT_DATA", "No countries in " + path);
  api::ExecuteOptions options;
  connection.execute("TRUNCATE TABLE " + database + ".countries", options);
  size_t offset = 0;
  options.input = [&](char* buffer, size_t size) {
    size_t k = std::min(size, tsv.size() - offset);
    std::memcpy(buffer, tsv.data() + offset, k);
    offset += k;
    return k;
  };
  connection.execute("INSERT INTO " + database + ".countries (name, code) FORMAT TabSeparated", options);
  return n;
}

}  // namespace tally::pypi::ingest
