// FileLoader::loadProjects: a distribution_metadata export into <db>.projects, replacing the
// rows of the same (name, filename).
#include <set>

#include "loader.h"
#include "project_name.h"
#include "sql_text.h"

namespace tally::pypi::ingest {

FileLoadResult FileLoader::loadProjects(const SourceFile& file, const std::string& format, const std::string&) {
  FileLoadResult result;
  result.target = "projects";
  auto source_columns = describeFile(connection_, file.path, format);
  std::set<std::string> present;
  for (const auto& [name, type] : source_columns) present.insert(name);
  auto r = connection_.query("SELECT name, type FROM system.columns WHERE database = {d:String} AND table = 'projects' "
                             "ORDER BY position",
                             {{"d", settings_.database}});
  std::string columns, exprs;
  while (r->next())
    for (size_t i = 0; i < r->rows(); ++i) {
      std::string name = r->getString(0, i), type = r->getString(1, i);
      if (!present.count(name)) continue;
      std::string x = "`" + name + "`", e;
      if (name == "name") e = normalizeProjectNameSql("assumeNotNull(" + x + ")");
      else if (type.rfind("Array", 0) == 0) e = "CAST(" + x + " AS " + type + ")";
      else if (type == "String") e = "ifNull(CAST(" + x + " AS Nullable(String)), '')";
      else if (type == "Bool") e = "ifNull(CAST(" + x + " AS Nullable(Bool)), false)";
      else if (type.rfind("DateTime64", 0) == 0) e = "ifNull(CAST(" + x + " AS Nullable(" + type + ")), toDateTime64(0, 3))";
      else e = "ifNull(CAST(" + x + " AS Nullable(" + type + ")), 0)";
      columns += (columns.empty() ? "" : ", ") + x;
      exprs += (exprs.empty() ? "" : ", ") + e;
    }
  std::string source = "file(" + sqlQuote(file.path) + ", " + sqlQuote(format) + ")";
  std::string valid = "ifNull(`name`, '') != ''";
  std::string key = present.count("filename") ? "filename" : "version";
  {
    auto c = connection_.query("SELECT countIf(" + valid + "), countIf(NOT (" + valid + ")) FROM " + source);
    while (c->next())
      if (c->rows()) result.rows_loaded = c->getUInt64(0, 0), result.rows_rejected = c->getUInt64(1, 0);
  }
  // Replace: rows of the same (name, filename) are deleted first, so reloading a newer export
  // of the same files does not accumulate duplicates. No deduplication token here: the
  // DELETE + INSERT pair is idempotent by itself (a rerun deletes what a crashed run inserted).
  api::ExecuteOptions options = baseOptions("");
  connection_.execute("DELETE FROM " + settings_.database + ".projects WHERE (name, " + key + ") IN (SELECT " +
                          normalizeProjectNameSql("assumeNotNull(`name`)") + ", ifNull(CAST(`" + key +
                          "` AS Nullable(String)), '') FROM " + source + " WHERE " + valid + ")",
                      options);
  connection_.execute("INSERT INTO " + settings_.database + ".projects (" + columns + ") SELECT " + exprs + " FROM " +
                          source + " WHERE " + valid,
                      options);
  if (result.rows_rejected) rejects_.addFile(file.path, std::to_string(result.rows_rejected) + " metadata rows without a name");
  return result;
}

}  // namespace tally::pypi::ingest
