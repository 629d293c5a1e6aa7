#pragma once
// Files that survive a crash: whole-file writes that are either complete or absent, and the
// fsyncs that make renames and new directory entries durable. Used for table metadata, data
// parts and the insert journal.

#include <string>
#include <string_view>

namespace tally {

/// Writes `content` to `path` atomically: a temporary file in the same directory, fsync,
/// rename over `path`, fsync of the directory. Throws CANNOT_WRITE_TO_FILE_DESCRIPTOR /
/// CANNOT_FSYNC / CANNOT_OPEN_FILE.
void writeFileDurably(const std::string& path, std::string_view content);

/// Writes `content` to a new file `path` and fsyncs it (no rename; the caller publishes the
/// directory holding it).
void writeFileSynced(const std::string& path, std::string_view content);

/// Writes `content` to a new file `path` without syncing it (a later syncFileSystem makes it
/// durable).
void writeFileUnsynced(const std::string& path, std::string_view content);

/// Flushes every written file of the file system holding `path` (syncfs(2)): one call makes a
/// whole set of new files durable, far cheaper than an fsync per file.
void syncFileSystem(const std::string& path);

/// rename(2) without syncing (the caller's journal or a later syncFileSystem covers it).
void renameUnsynced(const std::string& from, const std::string& to);

/// fsync of a directory, making entries created, renamed or removed in it durable.
void fsyncDirectory(const std::string& path);

/// rename(2) followed by fsync of both parent directories.
void renameDurably(const std::string& from, const std::string& to);

/// The whole content of a file. Throws CANNOT_OPEN_FILE / CANNOT_READ_FROM_FILE_DESCRIPTOR.
std::string readWholeFile(const std::string& path);

/// Reads `size` bytes at `offset` into `out` (resized). Throws CANNOT_READ_ALL_DATA if the file
/// is shorter.
void readFileRange(int fd, uint64_t offset, size_t size, std::string& out);

}  // namespace tally
