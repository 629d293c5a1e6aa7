#pragma once
// File name expansion for the file() table function, with ClickHouse's glob syntax (see
// glob_pattern.h): `*`, `?`, `**`, `{a,b}`, `{N..M}`, `{01..10}`.

#include <string>
#include <string_view>
#include <vector>

namespace tally {

/// True when `path` holds a glob character (`*`, `?` or `{`), as ClickHouse decides it.
bool hasGlobs(std::string_view path);

/// The files (anything but directories; symbolic links count by what they point to) whose
/// whole path matches `pattern`, sorted lexicographically, without repeats. Results keep the
/// form of the pattern: a relative pattern (resolved against the current directory) gives
/// relative paths, "./x/*.csv" gives "./x/a.csv"; repeated slashes are collapsed.
///  - A pattern without globs gives itself when it names an existing file, and the files
///    directly inside it (as "dir/*") when it names a directory.
///  - `*` and `?` match dot files too; "." and ".." are never matched by a wildcard.
///  - `**` as a whole segment is any number of directories, zero included ("a/**/b.csv"), or,
///    last, every file below ("a/**"); it does not descend into symbolic links to directories,
///    so link cycles cannot loop.
///  - Only directories that can hold a match are read: literal segments are not listed, and a
///    segment of alternatives / ranges without wildcards is looked up name by name.
///  - Directories that do not exist or cannot be read contribute nothing; no match at all gives
///    an empty vector (the caller decides whether that is an error).
/// Throws BAD_ARGUMENTS for a pattern with a zero byte, or one whose brace groups holding '/'
/// expand to more than 10000 patterns.
std::vector<std::string> expandGlob(std::string_view pattern);

/// expandGlob confined to `root` (the server's user_files): a relative pattern is relative to
/// `root`; the literal directory prefix of the pattern must resolve inside `root` before
/// anything is listed, and every match is passed through resolvePathUnderRoot (path_confinement.h).
/// Returns the matches' canonical absolute paths, sorted, without repeats. Throws
/// DATABASE_ACCESS_DENIED when the pattern or any match (through `..` or a symbolic link) is outside.
std::vector<std::string> expandGlobUnderRoot(std::string_view pattern, std::string_view root);

}  // namespace tally
