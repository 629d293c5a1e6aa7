#include "static_files.h"

#include <filesystem>
#include <fstream>
#include <sstream>

namespace tally::pypi {

namespace fs = std::filesystem;

namespace {
std::string contentType(const std::string& path) {
  static const std::map<std::string, std::string> types = {
      {".html", "text/html; charset=UTF-8"}, {".js", "text/javascript; charset=UTF-8"},
      {".css", "text/css; charset=UTF-8"},   {".json", "application/json; charset=UTF-8"},
      {".svg", "image/svg+xml"},            {".png", "image/png"},
      {".ico", "image/x-icon"},             {".woff2", "font/woff2"},
      {".map", "application/json; charset=UTF-8"}, {".txt", "text/plain; charset=UTF-8"}};
  auto it = types.find(fs::path(path).extension().string());
  return it == types.end() ? "application/octet-stream" : it->second;
}
}  // namespace

StaticFiles::StaticFiles(std::string directory) : directory_(std::move(directory)) {}

std::optional<StaticFile> StaticFiles::get(const std::string& relative) {
  if (directory_.empty() || relative.empty() || relative.find("..") != std::string::npos || relative[0] == '/')
    return std::nullopt;
  {
    std::lock_guard lock(mutex_);
    if (auto it = cache_.find(relative); it != cache_.end()) return it->second;
  }
  std::error_code ec;
  fs::path root = fs::weakly_canonical(directory_, ec);
  fs::path file = fs::weakly_canonical(root / relative, ec);
  if (ec || !fs::is_regular_file(file, ec)) return std::nullopt;
  auto rel = file.lexically_relative(root).string();
  if (rel.empty() || rel.starts_with("..")) return std::nullopt;
  std::ifstream in(file, std::ios::binary);
  std::ostringstream content;
  content << in.rdbuf();
  StaticFile f{content.str(), contentType(file.string()), ""};
  f.etag = "\"" + std::to_string(std::hash<std::string>{}(f.content)) + "\"";
  std::lock_guard lock(mutex_);
  cache_.emplace(relative, f);
  return f;
}

}  // namespace tally::pypi
