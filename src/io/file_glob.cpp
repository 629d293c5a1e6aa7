#include "io/file_glob.h"

#include <algorithm>
#include <dirent.h>
#include <memory>
#include <optional>
#include <sys/stat.h>

#include "common/exception.h"
#include "io/glob_pattern.h"
#include "io/path_confinement.h"

namespace tally {

namespace {

// Brace groups holding '/' are expanded into separate patterns up to this many.
constexpr size_t kMaxGlobPatterns = 10000;
// A segment of alternatives / ranges is looked up name by name up to this many names; past that
// its directory is listed and matched instead.
constexpr size_t kMaxGlobLookups = 1000;

enum class GlobEntryKind { Missing, Directory, File };

std::string joinGlobPath(const std::string& prefix, std::string_view name) {
  if (prefix.empty()) return std::string(name);
  std::string path = prefix;
  if (path.back() != '/') path += '/';
  path += name;
  return path;
}

// What `path` is, following symbolic links (a dangling link is Missing).
GlobEntryKind globEntryKind(const std::string& path) {
  struct stat st;
  if (::stat(path.empty() ? "." : path.c_str(), &st) != 0) return GlobEntryKind::Missing;
  return S_ISDIR(st.st_mode) ? GlobEntryKind::Directory : GlobEntryKind::File;
}

struct GlobDirEntry {
  std::string name;
  unsigned char type;  // d_type: DT_DIR, DT_REG, DT_LNK, DT_UNKNOWN, ...
};

// The entries of a directory but "." and ".."; empty when it cannot be read.
std::vector<GlobDirEntry> listGlobDirectory(const std::string& path) {
  std::vector<GlobDirEntry> entries;
  std::unique_ptr<DIR, int (*)(DIR*)> dir(::opendir(path.empty() ? "." : path.c_str()), ::closedir);
  if (!dir) return entries;
  while (const dirent* entry = ::readdir(dir.get())) {
    std::string_view name = entry->d_name;
    if (name == "." || name == "..") continue;
    entries.push_back({std::string(name), entry->d_type});
  }
  return entries;
}

// A directory reached by descending without following a symbolic link (for `**`).
bool isRealGlobDirectory(const GlobDirEntry& entry, const std::string& path) {
  if (entry.type == DT_DIR) return true;
  if (entry.type != DT_UNKNOWN) return false;
  struct stat st;
  return ::lstat(path.c_str(), &st) == 0 && S_ISDIR(st.st_mode);
}

GlobEntryKind globEntryKindOf(const GlobDirEntry& entry, const std::string& path) {
  if (entry.type == DT_DIR) return GlobEntryKind::Directory;
  if (entry.type == DT_LNK || entry.type == DT_UNKNOWN) return globEntryKind(path);
  return GlobEntryKind::File;
}

// Walks the directory tree segment by segment, reading only directories a match can be in.
class GlobWalker {
 public:
  GlobWalker(std::string_view pattern, std::vector<std::string>& results) : results_(results) {
    size_t start = 0;
    while (start <= pattern.size()) {
      size_t slash = pattern.find('/', start);
      if (slash == std::string_view::npos) slash = pattern.size();
      if (slash > start) segments_.emplace_back(pattern.substr(start, slash - start));
      start = slash + 1;
    }
    for (const std::string& segment : segments_) {
      if (segment == "**" || !hasGlobs(segment) || segment.find("**") != std::string::npos) {
        compiled_.emplace_back(std::nullopt);
      } else {
        compiled_.emplace_back(GlobPattern(segment));
      }
    }
  }

  void walk(const std::string& prefix, size_t index) {
    if (index == segments_.size()) return;
    const std::string& segment = segments_[index];
    if (segment == "**") {
      if (index + 1 == segments_.size()) {
        collectFiles(prefix, "", nullptr);
      } else {
        walkGlobstar(prefix, index);
      }
    } else if (segment.find("**") != std::string::npos) {
      // `**` inside a segment crosses '/': match the rest of the pattern against every file below.
      std::string rest = segment;
      for (size_t i = index + 1; i < segments_.size(); ++i) rest += "/" + segments_[i];
      GlobPattern deep(rest);
      collectFiles(prefix, "", &deep);
    } else if (!compiled_[index]) {
      visitCandidate(joinGlobPath(prefix, segment), index);
    } else if (auto names = compiled_[index]->enumerate(kMaxGlobLookups)) {
      for (const std::string& name : *names) visitCandidate(joinGlobPath(prefix, name), index);
    } else {
      for (const GlobDirEntry& entry : listGlobDirectory(prefix)) {
        if (!compiled_[index]->matches(entry.name)) continue;
        std::string path = joinGlobPath(prefix, entry.name);
        GlobEntryKind kind = globEntryKindOf(entry, path);
        if (index + 1 == segments_.size()) {
          if (kind == GlobEntryKind::File) results_.push_back(std::move(path));
        } else if (kind == GlobEntryKind::Directory) {
          walk(path, index + 1);
        }
      }
    }
  }

 private:
  // A path named outright (no listing): a match when last and a file, else walked on.
  void visitCandidate(std::string path, size_t index) {
    if (index + 1 < segments_.size()) {
      walk(path, index + 1);
    } else if (globEntryKind(path) == GlobEntryKind::File) {
      results_.push_back(std::move(path));
    }
  }

  // `**` followed by more segments: they are tried in `dir` and in every directory below it.
  void walkGlobstar(const std::string& dir, size_t index) {
    walk(dir, index + 1);
    for (const GlobDirEntry& entry : listGlobDirectory(dir)) {
      std::string path = joinGlobPath(dir, entry.name);
      if (isRealGlobDirectory(entry, path)) walkGlobstar(path, index);
    }
  }

  // Every file below `dir` (whose path relative to the walk's start is `relative`) that
  // `filter` accepts (all when null).
  void collectFiles(const std::string& dir, const std::string& relative, const GlobPattern* filter) {
    for (const GlobDirEntry& entry : listGlobDirectory(dir)) {
      std::string path = joinGlobPath(dir, entry.name);
      std::string relative_path = relative.empty() ? entry.name : relative + "/" + entry.name;
      if (isRealGlobDirectory(entry, path)) {
        collectFiles(path, relative_path, filter);
      } else if (globEntryKindOf(entry, path) == GlobEntryKind::File && (!filter || filter->matches(relative_path))) {
        results_.push_back(std::move(path));
      }
    }
  }

  std::vector<std::string> segments_;
  std::vector<std::optional<GlobPattern>> compiled_;
  std::vector<std::string>& results_;
};

// Matches of `pattern`; a relative pattern starts at `base` (a literal directory, never parsed
// for globs; "" is the current directory and keeps results relative).
std::vector<std::string> expandGlobFrom(const std::string& base, std::string_view pattern) {
  if (pattern.find('\0') != std::string_view::npos)
    throw Exception(ErrorCodes::BAD_ARGUMENTS, "Path contains a zero byte: {}", std::string_view(pattern.data()));
  bool absolute = !pattern.empty() && pattern.front() == '/';
  std::vector<std::string> results;

  if (!hasGlobs(pattern)) {
    std::string path = absolute || base.empty() ? std::string(pattern) : joinGlobPath(base, pattern);
    if (pattern.empty()) return results;
    GlobEntryKind kind = globEntryKind(path);
    if (kind == GlobEntryKind::File) {
      results.push_back(std::move(path));
    } else if (kind == GlobEntryKind::Directory) {
      for (const GlobDirEntry& entry : listGlobDirectory(path)) {
        std::string file = joinGlobPath(path, entry.name);
        if (globEntryKindOf(entry, file) == GlobEntryKind::File) results.push_back(std::move(file));
      }
    }
  } else {
    for (const std::string& expanded : expandBracesWithSlashes(pattern, kMaxGlobPatterns)) {
      GlobWalker walker(expanded, results);
      walker.walk(absolute ? "/" : base, 0);
    }
  }
  std::sort(results.begin(), results.end());
  results.erase(std::unique(results.begin(), results.end()), results.end());
  return results;
}

}  // namespace

bool hasGlobs(std::string_view path) { return path.find_first_of("*?{") != std::string_view::npos; }

std::vector<std::string> expandGlob(std::string_view pattern) { return expandGlobFrom("", pattern); }

std::vector<std::string> expandGlobUnderRoot(std::string_view pattern, std::string_view root) {
  // The literal directory the pattern starts from must be inside before anything is listed.
  size_t first_glob = pattern.find_first_of("*?{");
  std::string_view literal_prefix = pattern;
  if (first_glob != std::string_view::npos) {
    size_t slash = pattern.rfind('/', first_glob);
    literal_prefix = slash == std::string_view::npos ? std::string_view{} : pattern.substr(0, slash + 1);
  }
  std::string canonical_root = resolvePathUnderRoot("", root);
  resolvePathUnderRoot(literal_prefix, root);

  std::vector<std::string> results;
  for (const std::string& match : expandGlobFrom(canonical_root, pattern))
    results.push_back(resolvePathUnderRoot(match, root));
  std::sort(results.begin(), results.end());
  results.erase(std::unique(results.begin(), results.end()), results.end());
  return results;
}

}  // namespace tally
