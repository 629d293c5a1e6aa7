#include "loader.h"

#include <simdjson.h>

#include <cstring>
#include <map>
#include <optional>
#include <set>

#include "download_row.h"
#include "json_row.h"
#include "line_reader.h"
#include "linehaul_line.h"
#include "project_name.h"

namespace tally::pypi {

namespace {

std::string quote(std::string_view s) {
  std::string out = "'";
  for (char c : s) {
    if (c == '\'' || c == '\\') out.push_back('\\');
    out.push_back(c);
  }
  out.push_back('\'');
  return out;
}

/// A query's typed result.
std::unique_ptr<api::Result> run(api::Connection& c, const std::string& sql) { return c.query(sql); }

/// The columns of a file shape, as SQL expressions over file()'s columns.
struct Mapping {
  std::string timestamp_checks;  // multiIf arguments: condition, reason, ...
  std::string date, country, project, type, installer, python, system, version, ci;
};

std::string ciFromBool(const std::string& ci, const std::string& installer) { return ciValueSql(ci, installer); }

}  // namespace

std::vector<std::pair<std::string, std::string>> describeFile(api::Connection& connection, const std::string& path,
                                                              const std::string& format) {
  auto r = connection.query("DESCRIBE TABLE file(" + quote(path) + ", " + quote(format) + ")");
  std::vector<std::pair<std::string, std::string>> columns;
  while (r->next())
    for (size_t i = 0; i < r->rows(); ++i) columns.emplace_back(r->getString(0, i), r->getString(1, i));
  return columns;
}

FileLoader::FileLoader(api::Connection& connection, LoadSettings settings, RejectsWriter& rejects,
                       ProgressReporter& progress)
    : connection_(connection), settings_(std::move(settings)), rejects_(rejects), progress_(progress) {}

api::ExecuteOptions FileLoader::baseOptions(const std::string& dedup_token) const {
  api::ExecuteOptions options;
  if (!dedup_token.empty()) options.settings["insert_deduplication_token"] = dedup_token;
  if (settings_.threads) options.settings["max_threads"] = std::to_string(settings_.threads);
  return options;
}

FileLoadResult FileLoader::load(const SourceFile& file, const std::string& dedup_token) {
  switch (file.kind) {
    case SourceKind::Log:
    case SourceKind::Json: {
      if (file.kind == SourceKind::Json) {
        // A JSON-lines export of distribution_metadata goes to the projects table.
        LineReader peek(file.path);
        std::string_view line;
        while (peek.next(line) && line.empty()) {
        }
        if (line.find("\"upload_time\"") != std::string_view::npos && line.find("\"name\"") != std::string_view::npos &&
            line.find("\"timestamp\"") == std::string_view::npos)
          return loadProjects(file, "JSONEachRow", dedup_token);
      }
      return loadStream(file, dedup_token);
    }
    case SourceKind::Parquet:
    case SourceKind::Csv: return loadWithEngine(file, dedup_token);
    case SourceKind::Unknown: break;
  }
  throw api::Error(73, "UNKNOWN_FORMAT", "Cannot determine the format of " + file.path +
                                             " (expected .parquet, .json/.jsonl/.ndjson, .csv or .log, optionally .gz/.zst)");
}

FileLoadResult FileLoader::loadStream(const SourceFile& file, const std::string& dedup_token) {
  FileLoadResult result;
  result.target = "pypi";
  LineReader reader(file.path);
  LinehaulLineParser log_parser;
  JsonRowParser json_parser;
  const bool is_log = file.kind == SourceKind::Log;
  std::string pending;
  size_t pending_pos = 0;
  bool done = false;
  DownloadRow row;
  uint64_t since_progress = 0;

  auto produce = [&](size_t want) {
    while (pending.size() - pending_pos < want && !done) {
      std::string_view line;
      if (!reader.next(line)) {
        done = true;
        break;
      }
      bool ok;
      if (is_log) {
        LineKind kind = log_parser.parse(line, row);
        if (kind == LineKind::Simple) {
          ++result.simple_requests;
          continue;
        }
        if (kind == LineKind::Empty) continue;
        ok = kind == LineKind::Download;
        if (!ok) {
          if (log_parser.reason() == "ignored user agent") ++result.ignored_agents;
          rejects_.addLine(file.path, reader.lineNumber(), log_parser.reason(), line);
        }
      } else {
        if (line.find_first_not_of(" \t\r") == std::string_view::npos) continue;
        ok = json_parser.parse(line, row);
        if (!ok) rejects_.addLine(file.path, reader.lineNumber(), json_parser.reason(), line);
      }
      if (!ok) {
        ++result.rows_rejected;
        continue;
      }
      appendRowBinary(row, settings_.with_ci, pending);
      ++result.rows_loaded;
      if (++since_progress == 65536) {
        since_progress = 0;
        progress_.update(result.rows_loaded, reader.bytesRead());
      }
    }
  };

  // An error of the reader (a truncated .gz) fails the INSERT, so nothing of the file commits;
  // it is rethrown as it was (the engine wraps callback exceptions).
  std::optional<api::Error> reader_error;
  api::ExecuteOptions options = baseOptions(dedup_token);
  options.input = [&](char* buffer, size_t size) -> size_t {
    if (pending_pos > 0 && pending_pos * 2 >= pending.size()) {
      pending.erase(0, pending_pos);
      pending_pos = 0;
    }
    try {
      produce(size);
    } catch (const api::Error& e) {
      reader_error = e;
      throw;
    }
    size_t n = std::min(size, pending.size() - pending_pos);
    std::memcpy(buffer, pending.data() + pending_pos, n);
    pending_pos += n;
    return n;
  };
  try {
    connection_.execute("INSERT INTO " + settings_.database + ".pypi (" + downloadColumns(settings_.with_ci) +
                            ") FORMAT RowBinary",
                        options);
  } catch (...) {
    if (reader_error) throw *reader_error;
    throw;
  }
  progress_.update(result.rows_loaded, file.size);
  return result;
}

FileLoadResult FileLoader::loadWithEngine(const SourceFile& file, const std::string& dedup_token) {
  const bool parquet = file.kind == SourceKind::Parquet;
  std::string format = parquet ? "Parquet" : "CSVWithNames";
  auto columns = describeFile(connection_, file.path, format);
  std::map<std::string, std::string> types(columns.begin(), columns.end());
  auto has = [&](const std::string& name) { return types.count(name) > 0; };
  if (has("name") && has("upload_time") && !has("timestamp")) return loadProjects(file, format, dedup_token);

  std::string source = "file(" + quote(file.path) + ", " + quote(format);
  Mapping m;
  if (parquet) {
    source += ")";
    if (!has("timestamp") || !has("file"))
      throw api::Error(117, "INCORRECT_DATA", "Cannot load " + file.path + ": not a BigQuery file_downloads or " +
                                                  "distribution_metadata export (no timestamp/file or name/upload_time columns)");
    m.timestamp_checks = "isNull(timestamp), 'missing timestamp'";
    m.date = "toDate(timestamp)";
    m.country = has("country_code") ? "ifNull(country_code, '')" : "''";
    std::string project = "tupleElement(file, 'project')";
    if (has("project")) project = "coalesce(" + project + ", project)";
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
    } else {  // the flattened ClickPy export: installer/python/system at the top level
      installer = has("installer") ? "tupleElement(installer, 'name')" : "CAST(NULL AS Nullable(String))";
      python = has("python") ? "python" : "CAST(NULL AS Nullable(String))";
      system = has("system") ? "tupleElement(system, 'name')" : "CAST(NULL AS Nullable(String))";
      has_ci = has("ci");
      ci = "ci";
    }
    m.installer = "ifNull(" + installer + ", '')";
    m.python = pythonMinorSql(python);
    m.system = "ifNull(" + system + ", '')";
    m.ci = has_ci ? ciFromBool(ci, installer) : "'unknown'";
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
    source += ", " + quote(structure) + ")";
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
                      : ciFromBool("if(lower(ifNull(" + ci + ", '')) IN ('true', '1'), true, if(lower(ifNull(" + ci +
                                       ", '')) IN ('false', '0'), false, NULL))",
                                   inst);
  }
  std::string reason = "multiIf(" + m.timestamp_checks + ", ifNull(" + m.project +
                       ", '') = '', 'missing project', isNull(" + m.version + "), 'missing version', isNull(" + m.type +
                       "), 'missing type', '')";
  std::string select = "SELECT " + m.date + ", " + m.country + ", " + normalizeProjectNameSql("assumeNotNull(" + m.project + ")") +
                       ", ifNull(" + m.type + ", ''), " + m.installer + ", " + m.python + ", " + m.system +
                       ", ifNull(" + m.version + ", '')";
  if (settings_.with_ci) select += ", " + m.ci;
  select += " FROM " + source + " WHERE " + reason + " = ''";

  // Counts first (exact even when the INSERT is deduplicated after an interrupted run).
  FileLoadResult result;
  result.target = "pypi";
  {
    auto r = run(connection_, "SELECT countIf(r = ''), countIf(r != '') FROM (SELECT " + reason + " AS r FROM " + source + ")");
    while (r->next())
      if (r->rows()) result.rows_loaded = r->getUInt64(0, 0), result.rows_rejected = r->getUInt64(1, 0);
  }
  api::ExecuteOptions options = baseOptions(dedup_token);
  options.on_progress = [&](const api::Progress& p) { progress_.update(0, p.read_bytes); };
  connection_.execute("INSERT INTO " + settings_.database + ".pypi (" + downloadColumns(settings_.with_ci) + ") " + select,
                      options);
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
  std::string source = "file(" + quote(file.path) + ", " + quote(format) + ")";
  std::string valid = "ifNull(`name`, '') != ''";
  std::string key = present.count("filename") ? "filename" : "version";
  {
    auto c = run(connection_, "SELECT countIf(" + valid + "), countIf(NOT (" + valid + ")) FROM " + source);
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

}  // namespace tally::pypi
