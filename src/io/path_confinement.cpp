#include "io/path_confinement.h"

#include <cerrno>
#include <climits>
#include <cstring>
#include <deque>
#include <sys/stat.h>
#include <unistd.h>

#include "common/exception.h"

namespace tally {

// Linux's own limit on links followed while resolving one path.
static constexpr int kMaxSymlinkHops = 40;

static void splitConfinedPath(std::string_view path, std::deque<std::string>& components, bool at_front) {
  std::deque<std::string> parts;
  size_t start = 0;
  while (start <= path.size()) {
    size_t slash = path.find('/', start);
    if (slash == std::string_view::npos) slash = path.size();
    if (slash > start) parts.emplace_back(path.substr(start, slash - start));
    start = slash + 1;
  }
  if (at_front) {
    components.insert(components.begin(), parts.begin(), parts.end());
  } else {
    components.insert(components.end(), parts.begin(), parts.end());
  }
}

static std::string confinementCurrentDirectory() {
  std::string buffer(PATH_MAX, '\0');
  while (!::getcwd(buffer.data(), buffer.size())) {
    if (errno != ERANGE)
      throw Exception(ErrorCodes::CANNOT_STAT, "Cannot get the current directory: {}", std::strerror(errno));
    buffer.resize(buffer.size() * 2);
  }
  buffer.resize(std::strlen(buffer.c_str()));
  return buffer;
}

std::string resolvePathCanonically(std::string_view path) {
  if (path.find('\0') != std::string_view::npos)
    throw Exception(ErrorCodes::BAD_ARGUMENTS, "Path contains a zero byte: {}", std::string_view(path.data()));

  std::deque<std::string> pending;
  if (path.empty() || path.front() != '/') splitConfinedPath(confinementCurrentDirectory(), pending, false);
  splitConfinedPath(path, pending, false);

  // `resolved` never holds a symbolic link, so `..` can drop its last component textually.
  std::string resolved;
  int hops = 0;
  while (!pending.empty()) {
    std::string component = std::move(pending.front());
    pending.pop_front();
    if (component == ".") continue;
    if (component == "..") {
      resolved.resize(resolved.rfind('/') == std::string::npos ? 0 : resolved.rfind('/'));
      continue;
    }
    std::string candidate = resolved + "/" + component;
    struct stat st;
    if (::lstat(candidate.c_str(), &st) == 0 && S_ISLNK(st.st_mode)) {
      if (++hops > kMaxSymlinkHops)
        throw Exception(ErrorCodes::CANNOT_STAT, "Cannot resolve path {}: too many levels of symbolic links", path);
      std::string target(size_t(st.st_size > 0 ? st.st_size : PATH_MAX), '\0');
      while (true) {
        ssize_t n = ::readlink(candidate.c_str(), target.data(), target.size());
        if (n < 0)
          throw Exception(ErrorCodes::CANNOT_STAT, "Cannot read symbolic link {}: {}", candidate, std::strerror(errno));
        if (size_t(n) < target.size()) {
          target.resize(size_t(n));
          break;
        }
        target.resize(target.size() * 2);  // the link changed size meanwhile
      }
      if (!target.empty() && target.front() == '/') resolved.clear();
      splitConfinedPath(target, pending, true);
      continue;
    }
    // A directory, a file, or a component that does not exist (kept as written).
    resolved = std::move(candidate);
  }
  return resolved.empty() ? "/" : resolved;
}

std::string resolvePathUnderRoot(std::string_view user_path, std::string_view root) {
  if (root.empty()) throw Exception(ErrorCodes::BAD_ARGUMENTS, "The directory to confine paths to is empty");
  std::string canonical_root = resolvePathCanonically(root);
  std::string full_path;
  if (!user_path.empty() && user_path.front() == '/') {
    full_path = user_path;
  } else {
    full_path = canonical_root + "/";
    full_path += user_path;
  }
  std::string canonical = resolvePathCanonically(full_path);
  bool inside = canonical_root == "/" || canonical == canonical_root ||
                (canonical.size() > canonical_root.size() && canonical[canonical_root.size()] == '/' &&
                 canonical.compare(0, canonical_root.size(), canonical_root) == 0);
  if (!inside) throw Exception(ErrorCodes::DATABASE_ACCESS_DENIED, "File `{}` is not inside `{}`", user_path, root);
  return canonical;
}

}  // namespace tally
