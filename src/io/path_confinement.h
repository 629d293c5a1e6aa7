#pragma once
// Confining user-supplied paths to a directory (the server's user_files): resolution of `..` and
// symbolic links the way the kernel would, then a prefix check.

#include <string>
#include <string_view>

namespace tally {

/// The canonical absolute form of `path` (relative paths resolve against the current
/// directory): `.`, `..` and repeated slashes removed and every symbolic link among the existing
/// components replaced by its target, recursively; components that do not exist are kept as
/// written (a later `..` removes them). Throws CANNOT_STAT when links nest more than 40 deep, and
/// BAD_ARGUMENTS for a path holding a zero byte.
std::string resolvePathCanonically(std::string_view path);

/// The canonical absolute path (resolvePathCanonically) of `user_path`, which must lie inside
/// `root` (itself resolved the same way) or be `root` itself. A relative `user_path` is relative
/// to `root`, as ClickHouse's file() is relative to user_files_path. Throws DATABASE_ACCESS_DENIED (291)
/// "File `<user_path>` is not inside `<root>`" otherwise, which catches `..` and symbolic links
/// leading out; BAD_ARGUMENTS for an empty root.
/// The check is as good as the moment it runs: a link swapped afterwards is not seen, so open the
/// returned path (which holds no symbolic link) rather than the user's.
std::string resolvePathUnderRoot(std::string_view user_path, std::string_view root);

}  // namespace tally
