#pragma once
// The input files of `tally pypi load`: PATHS expanded (files, directories recursively, glob
// patterns) and each file's kind, from its extension or, without a known one, its first bytes.

#include <cstdint>
#include <string>
#include <vector>

namespace tally::pypi::ingest {

enum class SourceKind { Parquet, Json, Csv, Log, Unknown };

const char* sourceKindName(SourceKind kind);

struct SourceFile {
  std::string path;  // absolute, normalized
  SourceKind kind = SourceKind::Unknown;
  uint64_t size = 0;
  int64_t mtime_ns = 0;
};

/// Expands `paths` into files sorted by path, duplicates removed. Directories are walked
/// recursively; there, files of unknown kind, hidden files and the loader's own
/// `rejects-*.ndjson` files are left out. A path that matches nothing throws
/// tally::api::Error(FILE_DOESNT_EXIST, 107) ("Cannot stat file ..." / "No files match ...").
std::vector<SourceFile> expandSources(const std::vector<std::string>& paths);

/// Kind by extension (.parquet; .json/.jsonl/.ndjson, .csv, .log, optionally .gz/.zst);
/// Unknown otherwise.
SourceKind kindByExtension(const std::string& path);
/// Kind by content: "PAR1" Parquet, "download|"/"simple|" log, '{' JSON; Unknown otherwise.
SourceKind kindByContent(const std::string& path);

/// Identity of a file's content: XXH3-64 of its size, first MiB and last MiB, as 16 hex digits.
std::string sampledContentHash(const std::string& path, uint64_t size);

}  // namespace tally::pypi::ingest
