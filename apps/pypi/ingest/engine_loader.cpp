// FileLoader::loadWithEngine: Parquet and CSV exports of file_downloads, mapped in SQL by
// `INSERT ... SELECT ... FROM file(...) WHERE <valid>`; invalid rows to the rejects file.
#include <simdjson.h>

#include <algorithm>
#include <map>
#include <set>

#include "download_row.h"
#include "loader.h"
#include "project_name.h"
#include "sql_text.h"

namespace tally::pypi::ingest {

namespace {

/// The columns of a file shape, as SQL expressions over file()'s columns.
struct Mapping {
  std::string timestamp_checks;  // multiIf arguments: condition, reason, ...
  std::string date, country, project, type, installer, python, system, version, ci;
};

/// Elements of "a T, b U" at the top level (commas inside parentheses or quotes do not split).
std::vector<std::string> splitTopLevel(std::string_view list) {
  std::vector<std::string> out;
  int depth = 0;
  bool quoted = false;
  size_t start = 0;
  for (size_t i = 0; i < list.size(); ++i) {
    char c = list[i];
    if (c == '\'' && (i == 0 || list[i - 1] != '\\')) quoted = !quoted;
    if (quoted) continue;
    if (c == '(') ++depth;
    if (c == ')') --depth;
    if (c == ',' && depth == 0) {
      out.emplace_back(list.substr(start, i - start));
      start = i + 1;
      while (start < list.size() && list[start] == ' ') ++start;
    }
  }
  out.emplace_back(list.substr(start));
  return out;
}

/// Is `path` ("details.installer.name") one of `used` or a prefix of one?
bool isUsed(const std::string& path, const std::set<std::string>& used) {
  for (const auto& u : used)
    if (u == path || u.starts_with(path + ".")) return true;
  return false;
}

/// The part of `type` (as DESCRIBE writes it; the column or field at `path`) that the mapping
/// reads: Tuples keep only the fields on `used` paths (the Parquet reader then decodes no other
/// field), strings become LowCardinality (the reader keeps Parquet's dictionary indices instead
/// of copying a string per row, and the mapping's functions run once per distinct value).
std::string readType(std::string_view type, const std::string& path, const std::set<std::string>& used) {
  if (type == "String" || type == "Nullable(String)") return "LowCardinality(" + std::string(type) + ")";
  auto inside = [&](std::string_view prefix) { return type.substr(prefix.size(), type.size() - prefix.size() - 1); };
  if (type.starts_with("Tuple(") && type.ends_with(")")) {
    std::string out;
    for (const auto& element : splitTopLevel(inside("Tuple("))) {
      size_t space = element.find(' ');
      if (space == std::string::npos) return std::string(type);  // unnamed elements: read as they are
      std::string name = element.substr(0, space), field = path + "." + name;
      if (!isUsed(field, used)) continue;
      out += (out.empty() ? "" : ", ") + name + " " + readType(std::string_view(element).substr(space + 1), field, used);
    }
    return out.empty() ? std::string(type) : "Tuple(" + out + ")";
  }
  return std::string(type);
}

/// file()'s structure for a Parquet export: the columns on `used` paths, as readType() says.
std::string readStructure(const std::vector<std::pair<std::string, std::string>>& columns, const std::set<std::string>& used) {
  std::string structure;
  for (const auto& [name, type] : columns) {
    if (!isUsed(name, used)) continue;
    std::string quoted;
    for (char c : name) quoted += c == '`' ? std::string("\\`") : std::string(1, c);
    structure += (structure.empty() ? "`" : ", `") + quoted + "` " + readType(type, name, used);
  }
  return structure;
}

}  // namespace

EngineMapping buildEngineMapping(api::Connection& connection, const SourceFile& file, bool with_ci, bool remote) {
  EngineMapping out;
  const bool parquet = file.kind == SourceKind::Parquet;
  std::string format = parquet ? "Parquet" : "CSVWithNames";
  out.format = format;
  std::vector<std::pair<std::string, std::string>> columns;
  try {
    columns = describeFile(connection, file.path, format);
  } catch (const api::Error& e) {
    if (!remote) throw;
    // file() runs inside the server: the file must be where the server may read it.
    throw api::Error(e.code(), e.name(),
                     e.message() + ". Over --host/--port, Parquet and CSV files are read by the server's file(): " +
                         "they must be under its user_files_path, given as the server sees them (logs and JSON " +
                         "lines are streamed from here and have no such restriction)");
  }
  std::map<std::string, std::string> types(columns.begin(), columns.end());
  auto has = [&](const std::string& name) { return types.count(name) > 0; };
  if (has("name") && has("upload_time") && !has("timestamp")) {
    out.projects = true;
    return out;
  }

  std::string source = "file(" + sqlQuote(file.path) + ", " + sqlQuote(format);
  Mapping m;
  if (parquet) {
    if (!has("timestamp") || !has("file"))
      throw api::Error(117, "INCORRECT_DATA", "Cannot load " + file.path + ": not a BigQuery file_downloads or " +
                                                  "distribution_metadata export (no timestamp/file or name/upload_time columns)");
    m.timestamp_checks = "isNull(timestamp), 'missing timestamp'";
    m.date = "toDate(timestamp)";
    m.country = has("country_code") ? "ifNull(country_code, '')" : "''";
    std::set<std::string> used = {"timestamp", "country_code", "file.project", "file.version", "file.type"};
    std::string project = "tupleElement(file, 'project')";
    if (has("project") && types["file"].find("project Nullable(") != std::string::npos) {
      project = "coalesce(" + project + ", project)";
      used.insert("project");
    }
    m.project = project;
    m.type = "tupleElement(file, 'type')";
    m.version = "tupleElement(file, 'version')";
    std::string installer, python, system, ci;
    bool has_ci = false;
    if (has("details")) {
      const std::string& t = types["details"];
      has_ci = t.find(" ci ") != std::string::npos || t.find("(ci ") != std::string::npos;
      installer = "tupleElement(tupleElement(details, 'installer'), 'name')";
      python = "tupleElement(details, 'python')";
      system = "tupleElement(tupleElement(details, 'system'), 'name')";
      ci = "tupleElement(details, 'ci')";
      used.insert({"details.installer.name", "details.python", "details.system.name", "details.ci"});
    } else {  // the flattened ClickPy export: installer/python/system at the top level
      installer = has("installer") ? "tupleElement(installer, 'name')" : "CAST(NULL AS Nullable(String))";
      python = has("python") ? "python" : "CAST(NULL AS Nullable(String))";
      system = has("system") ? "tupleElement(system, 'name')" : "CAST(NULL AS Nullable(String))";
      has_ci = has("ci");
      ci = "ci";
      used.insert({"installer.name", "python", "system.name", "ci"});
    }
    source += ", " + sqlQuote(readStructure(columns, used)) + ")";
    m.installer = "ifNull(" + installer + ", '')";
    m.python = pythonMinorSql(python);
    m.system = "ifNull(" + system + ", '')";
    m.ci = has_ci ? ciValueSql(ci, installer) : "'unknown'";
  } else {
    // BigQuery's CSV export of flattened columns: read every column as text.
    auto pick = [&](std::initializer_list<const char*> names) -> std::string {
      for (const char* n : names)
        if (has(n)) return std::string("`") + n + "`";
      return "";
    };
    std::string structure;
    for (const auto& [name, type] : columns) {
      if (!structure.empty()) structure += ", ";
      structure += "`" + name + "` Nullable(String)";
    }
    source += ", " + sqlQuote(structure) + ")";
    std::string ts = pick({"timestamp"}), project = pick({"project", "file_project", "file.project"});
    std::string version = pick({"version", "file_version", "file.version"});
    if (ts.empty() || project.empty() || version.empty())
      throw api::Error(117, "INCORRECT_DATA", "Cannot load " + file.path +
                                                  ": a CSV export needs timestamp, project and version columns");
    std::string type = pick({"type", "file_type", "file.type"});
    std::string installer = pick({"installer", "installer_name", "details.installer.name"});
    std::string python = pick({"python", "details.python"});
    std::string system = pick({"system", "system_name", "details.system.name"});
    std::string ci = pick({"ci", "details.ci"});
    std::string parsed_ts = "parseDateTime64BestEffortOrNull(" + ts + ", 6, 'UTC')";
    m.timestamp_checks = "ifNull(" + ts + ", '') = '', 'missing timestamp', isNull(" + parsed_ts + "), 'bad timestamp'";
    m.date = "toDate(assumeNotNull(" + parsed_ts + "))";
    std::string country = pick({"country_code"});
    m.country = country.empty() ? "''" : "ifNull(" + country + ", '')";
    m.project = "nullIf(" + project + ", '')";
    m.type = type.empty() ? "''" : type;
    m.version = "nullIf(" + version + ", '')";
    std::string inst = installer.empty() ? "CAST(NULL AS Nullable(String))" : "nullIf(" + installer + ", '')";
    m.installer = "ifNull(" + inst + ", '')";
    m.python = python.empty() ? "''" : pythonMinorSql(python);
    m.system = system.empty() ? "''" : "ifNull(" + system + ", '')";
    m.ci = ci.empty() ? "'unknown'"
                      : ciValueSql("if(lower(ifNull(" + ci + ", '')) IN ('true', '1'), true, if(lower(ifNull(" + ci +
                                       ", '')) IN ('false', '0'), false, NULL))",
                                   inst);
  }
  out.reason = "multiIf(" + m.timestamp_checks + ", ifNull(" + m.project +
                       ", '') = '', 'missing project', isNull(" + m.version + "), 'missing version', isNull(" + m.type +
                       "), 'missing type', '')";
  std::string& select = out.select;
  select = "SELECT " + m.date + ", " + m.country + ", " + normalizeProjectNameSql("assumeNotNull(" + m.project + ")") +
                       ", ifNull(" + m.type + ", ''), " + m.installer + ", " + m.python + ", " + m.system +
                       ", ifNull(" + m.version + ", '')";
  if (with_ci) select += ", " + m.ci;
  out.source = source;
  out.date = m.date;
  return out;
}

FileLoadResult FileLoader::loadWithEngine(const SourceFile& file, const std::string& dedup_token) {
  EngineMapping em = buildEngineMapping(connection_, file, settings_.with_ci, settings_.remote);
  if (em.projects) return loadProjects(file, em.format, dedup_token);
  const std::string& source = em.source;
  const std::string& reason = em.reason;
  // Repair: only the rows of one day (the others are counted, not loaded).
  std::string day_filter = settings_.only_date.empty() ? "1" : em.date + " = toDate(" + sqlQuote(settings_.only_date) + ")";
  std::string select = em.select + " FROM " + source + " WHERE " + reason + " = '' AND " + day_filter;

  FileLoadResult result;
  result.target = "pypi";
  auto count_rows = [&] {
    // Exact counts from the file (also for an INSERT deduplicated after an interrupted run).
    auto r = connection_.query("SELECT countIf(r = '' AND d), countIf(r != ''), countIf(r = '' AND NOT d) FROM (SELECT " +
                               reason + " AS r, " + day_filter + " AS d FROM " + source + ")");
    while (r->next())
      if (r->rows())
        result.rows_loaded = r->getUInt64(0, 0), result.rows_rejected = r->getUInt64(1, 0),
        result.rows_other_dates = r->getUInt64(2, 0);
  };
  // A local Parquet file knows its row count (metadata); the INSERT reports the rows it added,
  // so the other rows were rejected — no second pass over the file. Otherwise counts come first.
  const bool counts_from_insert = em.format == "Parquet" && !settings_.remote && settings_.only_date.empty();
  uint64_t file_rows = 0;
  if (counts_from_insert) {
    auto r = connection_.query("SELECT count() FROM " + source);
    while (r->next())
      if (r->rows()) file_rows = r->getUInt64(0, 0);
  } else {
    count_rows();
    file_rows = result.rows_loaded + result.rows_rejected + result.rows_other_dates;
  }
  api::ExecuteOptions options = baseOptions(dedup_token);
  // The engine reports rows read (decoded bytes are not file bytes): scale the file's size.
  options.on_progress = [&](const api::Progress& p) {
    uint64_t rows = std::min(p.read_rows, file_rows);
    progress_.update(rows, file_rows ? uint64_t(double(file.size) * double(rows) / double(file_rows)) : 0);
  };
  api::ExecuteResult inserted = connection_.execute(
      "INSERT INTO " + settings_.database + ".pypi (" + downloadColumns(settings_.with_ci) + ") " + select, options);
  if (counts_from_insert) {
    if (inserted.insert_deduplicated || inserted.inserted_rows > file_rows) {
      count_rows();
    } else {
      result.rows_loaded = inserted.inserted_rows;
      result.rows_rejected = file_rows - inserted.inserted_rows;
    }
  }
  if (result.rows_rejected) {
    // The rejected rows, each as a JSON object of the file's columns.
    std::string buffer;
    simdjson::dom::parser parser;
    api::ExecuteOptions out;
    auto emit = [&](std::string_view line) {
      simdjson::padded_string padded(line);
      simdjson::dom::element doc;
      std::string_view why = "invalid row";
      if (!parser.parse(padded).get(doc)) {
        std::string_view w;
        if (!doc["_reject_reason"].get_string().get(w)) why = w;
      }
      rejects_.addRow(file.path, why, line);
    };
    out.output = [&](std::string_view data) {
      buffer.append(data);
      size_t start = 0;
      for (size_t nl; (nl = buffer.find('\n', start)) != std::string::npos; start = nl + 1)
        emit(std::string_view(buffer).substr(start, nl - start));
      buffer.erase(0, start);
    };
    connection_.execute("SELECT " + reason + " AS _reject_reason, * FROM " + source + " WHERE _reject_reason != '' FORMAT JSONEachRow",
                        out);
    if (!buffer.empty()) emit(buffer);
  }
  return result;
}

}  // namespace tally::pypi::ingest
