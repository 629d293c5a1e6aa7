#include "io/durable_file.h"

#include <fcntl.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>
#include <filesystem>

#include "common/exception.h"

namespace tally {

namespace {

class FileDescriptor {
 public:
  explicit FileDescriptor(int fd) : fd_(fd) {}
  ~FileDescriptor() {
    if (fd_ >= 0) ::close(fd_);
  }
  int get() const { return fd_; }

 private:
  int fd_;
};

void writeAll(int fd, std::string_view content, const std::string& path) {
  const char* p = content.data();
  size_t left = content.size();
  while (left) {
    ssize_t n = ::write(fd, p, left);
    if (n < 0) {
      if (errno == EINTR) continue;
      throw Exception(ErrorCodes::CANNOT_WRITE_TO_FILE_DESCRIPTOR, "Cannot write to file {}: {}", path, std::strerror(errno));
    }
    p += n;
    left -= size_t(n);
  }
}

void syncFd(int fd, const std::string& path) {
  if (::fsync(fd) != 0) throw Exception(ErrorCodes::CANNOT_FSYNC, "Cannot fsync {}: {}", path, std::strerror(errno));
}

std::string parentOf(const std::string& path) {
  auto parent = std::filesystem::path(path).parent_path();
  return parent.empty() ? "." : parent.string();
}

}  // namespace

void writeFileSynced(const std::string& path, std::string_view content) {
  FileDescriptor fd(::open(path.c_str(), O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0644));
  if (fd.get() < 0) throw Exception(ErrorCodes::CANNOT_OPEN_FILE, "Cannot open file {} for writing: {}", path, std::strerror(errno));
  writeAll(fd.get(), content, path);
  syncFd(fd.get(), path);
}

void writeFileUnsynced(const std::string& path, std::string_view content) {
  FileDescriptor fd(::open(path.c_str(), O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0644));
  if (fd.get() < 0) throw Exception(ErrorCodes::CANNOT_OPEN_FILE, "Cannot open file {} for writing: {}", path, std::strerror(errno));
  writeAll(fd.get(), content, path);
}

void syncFileSystem(const std::string& path) {
  FileDescriptor fd(::open(path.c_str(), O_RDONLY | O_CLOEXEC));
  if (fd.get() < 0) throw Exception(ErrorCodes::CANNOT_OPEN_FILE, "Cannot open {}: {}", path, std::strerror(errno));
  if (::syncfs(fd.get()) != 0) throw Exception(ErrorCodes::CANNOT_FSYNC, "Cannot sync the file system of {}: {}", path, std::strerror(errno));
}

void renameUnsynced(const std::string& from, const std::string& to) {
  if (::rename(from.c_str(), to.c_str()) != 0)
    throw Exception(ErrorCodes::CANNOT_WRITE_TO_FILE_DESCRIPTOR, "Cannot rename {} to {}: {}", from, to, std::strerror(errno));
}

void writeFileDurably(const std::string& path, std::string_view content) {
  std::string tmp = path + ".tmp";
  writeFileSynced(tmp, content);
  if (::rename(tmp.c_str(), path.c_str()) != 0)
    throw Exception(ErrorCodes::CANNOT_WRITE_TO_FILE_DESCRIPTOR, "Cannot rename {} to {}: {}", tmp, path, std::strerror(errno));
  fsyncDirectory(parentOf(path));
}

void fsyncDirectory(const std::string& path) {
  FileDescriptor fd(::open(path.c_str(), O_RDONLY | O_DIRECTORY | O_CLOEXEC));
  if (fd.get() < 0) throw Exception(ErrorCodes::CANNOT_OPEN_FILE, "Cannot open directory {}: {}", path, std::strerror(errno));
  syncFd(fd.get(), path);
}

void renameDurably(const std::string& from, const std::string& to) {
  if (::rename(from.c_str(), to.c_str()) != 0)
    throw Exception(ErrorCodes::CANNOT_WRITE_TO_FILE_DESCRIPTOR, "Cannot rename {} to {}: {}", from, to, std::strerror(errno));
  std::string a = parentOf(from), b = parentOf(to);
  fsyncDirectory(b);
  if (a != b) fsyncDirectory(a);
}

std::string readWholeFile(const std::string& path) {
  FileDescriptor fd(::open(path.c_str(), O_RDONLY | O_CLOEXEC));
  if (fd.get() < 0) throw Exception(ErrorCodes::CANNOT_OPEN_FILE, "Cannot open file {}: {}", path, std::strerror(errno));
  std::string out;
  char buf[65536];
  while (true) {
    ssize_t n = ::read(fd.get(), buf, sizeof(buf));
    if (n < 0) {
      if (errno == EINTR) continue;
      throw Exception(ErrorCodes::CANNOT_READ_FROM_FILE_DESCRIPTOR, "Cannot read file {}: {}", path, std::strerror(errno));
    }
    if (n == 0) break;
    out.append(buf, size_t(n));
  }
  return out;
}

void readFileRange(int fd, uint64_t offset, size_t size, std::string& out) {
  out.resize(size);
  size_t done = 0;
  while (done < size) {
    ssize_t n = ::pread(fd, out.data() + done, size - done, off_t(offset + done));
    if (n < 0) {
      if (errno == EINTR) continue;
      throw Exception(ErrorCodes::CANNOT_READ_FROM_FILE_DESCRIPTOR, "Cannot read data part file: {}", std::strerror(errno));
    }
    if (n == 0) throw Exception(ErrorCodes::CANNOT_READ_ALL_DATA, "Data part file is shorter than its marks say");
    done += size_t(n);
  }
}

}  // namespace tally
