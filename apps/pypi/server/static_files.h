#pragma once
// The front end's built files (index.html, assets/...) served from one directory, read once and
// kept in memory; only files inside the directory are served.

#include <map>
#include <mutex>
#include <optional>
#include <string>

namespace tally::pypi {

struct StaticFile {
  std::string content, content_type, etag;
};

class StaticFiles {
 public:
  explicit StaticFiles(std::string directory);
  /// The file at `relative` (e.g. "index.html", "assets/app-1a2b.js"), or nothing when it does
  /// not exist or is outside the directory.
  std::optional<StaticFile> get(const std::string& relative);
  const std::string& directory() const { return directory_; }

 private:
  std::string directory_;
  std::mutex mutex_;
  std::map<std::string, StaticFile> cache_;
};

}  // namespace tally::pypi
