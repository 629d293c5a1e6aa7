#include "source_files.h"

#include <glob.h>
#include <sys/stat.h>
#include <xxhash.h>

#include <algorithm>
#include <cerrno>
#include <cstdio>
#include <cstring>
#include <filesystem>
#include <set>

#include "line_reader.h"
#include "tally/tally.h"

namespace fs = std::filesystem;

namespace tally::pypi::ingest {

const char* sourceKindName(SourceKind kind) {
  switch (kind) {
    case SourceKind::Parquet: return "parquet";
    case SourceKind::Json: return "json";
    case SourceKind::Csv: return "csv";
    case SourceKind::Log: return "log";
    case SourceKind::Unknown: return "unknown";
  }
  return "unknown";
}

namespace {

bool endsWith(const std::string& s, std::string_view suffix) {
  return s.size() >= suffix.size() && s.compare(s.size() - suffix.size(), suffix.size(), suffix) == 0;
}

std::string withoutCompression(const std::string& path) {
  for (std::string_view ext : {".gz", ".gzip", ".zst", ".zstd"})
    if (endsWith(path, ext)) return path.substr(0, path.size() - ext.size());
  return path;
}

bool isOwnRejectsFile(const fs::path& p) {
  std::string name = p.filename().string();
  return name.rfind("rejects-", 0) == 0 && endsWith(name, ".ndjson");
}

SourceFile describe(const fs::path& p, SourceKind kind) {
  struct stat st {};
  if (::stat(p.c_str(), &st) != 0)
    throw api::Error(107, "FILE_DOESNT_EXIST", "Cannot stat file " + p.string() + ": " + std::strerror(errno));
  SourceFile f;
  f.path = p.string();
  f.kind = kind;
  f.size = uint64_t(st.st_size);
  f.mtime_ns = int64_t(st.st_mtim.tv_sec) * 1000000000 + st.st_mtim.tv_nsec;
  return f;
}

void addPath(const fs::path& p, bool explicitly_named, std::vector<SourceFile>& out) {
  std::error_code ec;
  if (fs::is_directory(p, ec)) {
    for (auto it = fs::recursive_directory_iterator(p, fs::directory_options::follow_directory_symlink, ec);
         it != fs::recursive_directory_iterator(); it.increment(ec)) {
      if (ec) break;
      const fs::path& child = it->path();
      std::string name = child.filename().string();
      if (!name.empty() && name[0] == '.') {
        if (it->is_directory()) it.disable_recursion_pending();
        continue;
      }
      if (!it->is_regular_file() || isOwnRejectsFile(child)) continue;
      SourceKind kind = kindByExtension(child.string());
      if (kind != SourceKind::Unknown) out.push_back(describe(child, kind));
    }
    if (ec) throw api::Error(1001, "STD_EXCEPTION", "Cannot list directory " + p.string() + ": " + ec.message());
    return;
  }
  SourceKind kind = kindByExtension(p.string());
  if (kind == SourceKind::Unknown && explicitly_named) kind = kindByContent(p.string());
  out.push_back(describe(p, kind));
}

}  // namespace

SourceKind kindByExtension(const std::string& path) {
  std::string p = withoutCompression(path);
  std::string lower(p.size(), '\0');
  std::transform(p.begin(), p.end(), lower.begin(), [](unsigned char c) { return char(std::tolower(c)); });
  if (endsWith(lower, ".parquet") || endsWith(lower, ".parq")) return p == path ? SourceKind::Parquet : SourceKind::Unknown;
  if (endsWith(lower, ".json") || endsWith(lower, ".jsonl") || endsWith(lower, ".ndjson")) return SourceKind::Json;
  if (endsWith(lower, ".csv")) return SourceKind::Csv;
  if (endsWith(lower, ".log")) return SourceKind::Log;
  return SourceKind::Unknown;
}

SourceKind kindByContent(const std::string& path) {
  try {
    {
      FILE* f = std::fopen(path.c_str(), "rb");
      if (!f) return SourceKind::Unknown;
      char magic[4] = {};
      size_t n = std::fread(magic, 1, 4, f);
      std::fclose(f);
      if (n == 4 && std::memcmp(magic, "PAR1", 4) == 0) return SourceKind::Parquet;
    }
    LineReader reader(path);
    std::string_view line;
    while (reader.next(line)) {
      if (line.empty()) continue;
      if (line.rfind("download|", 0) == 0 || line.rfind("simple|", 0) == 0) return SourceKind::Log;
      if (line[0] == '{') return SourceKind::Json;
      return SourceKind::Unknown;
    }
  } catch (const api::Error&) {
  }
  return SourceKind::Unknown;
}

std::vector<SourceFile> expandSources(const std::vector<std::string>& paths) {
  std::vector<SourceFile> out;
  for (const std::string& path : paths) {
    if (path.find_first_of("*?[{") != std::string::npos) {
      glob_t g{};
      int rc = ::glob(path.c_str(), GLOB_BRACE, nullptr, &g);
      if (rc == GLOB_NOMATCH || (rc == 0 && g.gl_pathc == 0)) {
        globfree(&g);
        throw api::Error(107, "FILE_DOESNT_EXIST", "No files match " + path);
      }
      for (size_t i = 0; i < g.gl_pathc; ++i) addPath(fs::absolute(g.gl_pathv[i]).lexically_normal(), false, out);
      globfree(&g);
      continue;
    }
    fs::path p = fs::absolute(path).lexically_normal();
    std::error_code ec;
    if (!fs::exists(p, ec))
      throw api::Error(107, "FILE_DOESNT_EXIST", "File " + p.string() + " doesn't exist");
    addPath(p, true, out);
  }
  std::sort(out.begin(), out.end(), [](const SourceFile& a, const SourceFile& b) { return a.path < b.path; });
  out.erase(std::unique(out.begin(), out.end(), [](const SourceFile& a, const SourceFile& b) { return a.path == b.path; }),
            out.end());
  return out;
}

std::string sampledContentHash(const std::string& path, uint64_t size) {
  constexpr uint64_t kMiB = 1 << 20;
  FILE* f = std::fopen(path.c_str(), "rb");
  if (!f) throw api::Error(107, "FILE_DOESNT_EXIST", "Cannot open file " + path + ": " + std::strerror(errno));
  XXH3_state_t* state = XXH3_createState();
  XXH3_64bits_reset(state);
  XXH3_64bits_update(state, &size, sizeof size);
  std::string buf(kMiB, '\0');
  size_t n = std::fread(buf.data(), 1, kMiB, f);
  XXH3_64bits_update(state, buf.data(), n);
  if (size > 2 * kMiB) {
    std::fseek(f, long(size - kMiB), SEEK_SET);
    n = std::fread(buf.data(), 1, kMiB, f);
    XXH3_64bits_update(state, buf.data(), n);
  } else if (size > kMiB) {
    n = std::fread(buf.data(), 1, kMiB, f);
    XXH3_64bits_update(state, buf.data(), n);
  }
  std::fclose(f);
  uint64_t h = XXH3_64bits_digest(state);
  XXH3_freeState(state);
  char hex[17];
  std::snprintf(hex, sizeof hex, "%016llx", static_cast<unsigned long long>(h));
  return hex;
}

}  // namespace tally::pypi::ingest
