#include "storage/engines/file_paths.h"

#include <filesystem>
#include <set>

#include "io/file_glob.h"

namespace tally {

namespace file_paths {

std::vector<std::string> resolveMatches(const std::vector<std::string>& matches, const StorageContext& context) {
  std::vector<std::string> res;
  std::set<std::string> seen;
  for (const auto& match : matches) {
    std::string resolved = context.resolveUserPath(match);
    if (seen.insert(resolved).second) res.push_back(std::move(resolved));
  }
  return res;
}

}  // namespace file_paths

std::vector<std::string> resolveFilePaths(const std::string& path, const StorageContext& context, bool& from_glob) {
  from_glob = false;
  if (hasGlobs(path)) {
    from_glob = true;
    std::string root = context.userFilesRoot();
    std::string pattern = path;
    if (pattern.empty() || pattern[0] != '/') pattern = root.empty() ? pattern : root + "/" + pattern;
    // The literal directory before the first glob must itself be allowed: nothing outside the
    // allowed tree is listed.
    size_t glob = pattern.find_first_of("*?{");
    size_t slash = pattern.rfind('/', glob);
    if (slash != std::string::npos) context.resolveUserPath(slash == 0 ? std::string("/") : pattern.substr(0, slash));
    return file_paths::resolveMatches(expandGlob(pattern), context);
  }
  std::string resolved = context.resolveUserPath(path);
  std::error_code ec;
  if (std::filesystem::is_directory(resolved, ec)) {
    from_glob = true;
    return file_paths::resolveMatches(expandGlob(resolved + "/*"), context);
  }
  return {resolved};
}

}  // namespace tally
