#include "io/read_buffer.h"

#include <cerrno>
#include <fcntl.h>
#include <unistd.h>

#include "common/exception.h"

namespace tally {

void ReadBuffer::readStrict(char* to, size_t n) {
  size_t got = read(to, n);
  if (got != n)
    throw Exception(ErrorCodes::CANNOT_READ_ALL_DATA, "Cannot read all data. Bytes read: {}. Bytes expected: {}.", got, n);
}

size_t ReadBuffer::ignore(size_t n) {
  size_t done = 0;
  while (done < n && !eof()) {
    size_t chunk = std::min(n - done, available());
    pos_ += chunk;
    done += chunk;
  }
  return done;
}

void ReadBuffer::readAll(std::string& out) {
  while (!eof()) {
    out.append(pos_, end_);
    pos_ = end_;
  }
}

ReadBufferFromFD::ReadBufferFromFD(int fd, size_t buffer_size) : fd_(fd), memory_(buffer_size) {
  set(memory_.data(), 0);
}

bool ReadBufferFromFD::nextImpl() {
  while (true) {
    ssize_t n = ::read(fd_, memory_.data(), memory_.size());
    if (n < 0) {
      if (errno == EINTR) continue;
      throw Exception(ErrorCodes::CANNOT_READ_FROM_FILE_DESCRIPTOR, "Cannot read from file descriptor {}: {}", fd_,
                      strerror(errno));
    }
    if (n == 0) return false;
    set(memory_.data(), size_t(n));
    return true;
  }
}

static int openForRead(const std::string& path) {
  int fd = ::open(path.c_str(), O_RDONLY | O_CLOEXEC);
  if (fd < 0) {
    int code = errno == ENOENT ? ErrorCodes::FILE_DOESNT_EXIST : ErrorCodes::CANNOT_OPEN_FILE;
    throw Exception(code, "Cannot open file {}, errno: {}, strerror: {}", path, errno, strerror(errno));
  }
  return fd;
}

ReadBufferFromFile::ReadBufferFromFile(const std::string& path, size_t buffer_size)
    : ReadBufferFromFD(openForRead(path), buffer_size), path_(path) {}

ReadBufferFromFile::~ReadBufferFromFile() { ::close(fd()); }

}  // namespace tally
