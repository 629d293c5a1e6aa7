#pragma once
// The files a file() / ENGINE = File path names: ClickHouse globs (`*`, `?`, `{a,b}`, `{N..M}`,
// `**`) expanded, a directory standing for the files directly inside it, and every path passed
// through the session's file access policy (StorageContext::resolveUserPath), so a server
// confined to user_files refuses paths leaving it (DATABASE_ACCESS_DENIED).

#include <string>
#include <vector>

#include "storage/table_function.h"

namespace tally {

/// Resolved paths of `path`; `from_glob` is set when they come from a glob or a directory
/// (then they may be none). A plain path is returned resolved even if it does not exist.
std::vector<std::string> resolveFilePaths(const std::string& path, const StorageContext& context, bool& from_glob);

}  // namespace tally
