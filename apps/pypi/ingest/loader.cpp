#include "loader.h"

#include "line_reader.h"
#include "sql_text.h"

namespace tally::pypi::ingest {

std::vector<std::pair<std::string, std::string>> describeFile(api::Connection& connection, const std::string& path,
                                                              const std::string& format) {
  auto r = connection.query("DESCRIBE TABLE file(" + sqlQuote(path) + ", " + sqlQuote(format) + ")");
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

}  // namespace tally::pypi::ingest
