#include "io/write_buffer.h"

#include <cerrno>
#include <fcntl.h>
#include <unistd.h>

#include "common/exception.h"

namespace tally {

WriteBufferFromString::WriteBufferFromString(std::string& out) : out_(out), committed_(out.size()) {
  out_.resize(committed_ + 256);
  set(out_.data() + committed_, out_.size() - committed_);
}

void WriteBufferFromString::nextImpl() {
  committed_ += size_t(pos_ - begin_);
  out_.resize(std::max<size_t>(out_.size() * 2, committed_ + 256));
  set(out_.data() + committed_, out_.size() - committed_);
}

void WriteBufferFromString::finalize() {
  if (finalized_) return;
  committed_ += size_t(pos_ - begin_);
  bytes_ += size_t(pos_ - begin_);
  out_.resize(committed_);
  begin_ = pos_ = end_ = nullptr;
  finalized_ = true;
}

WriteBufferFromFD::WriteBufferFromFD(int fd, size_t buffer_size) : fd_(fd), memory_(buffer_size) {
  set(memory_.data(), memory_.size());
}

WriteBufferFromFD::~WriteBufferFromFD() {
  try {
    finalize();
  } catch (...) {
  }
}

void WriteBufferFromFD::nextImpl() {
  const char* p = begin_;
  size_t n = size_t(pos_ - begin_);
  while (n > 0) {
    ssize_t written = ::write(fd_, p, n);
    if (written < 0) {
      if (errno == EINTR) continue;
      set(memory_.data(), memory_.size());
      throw Exception(ErrorCodes::CANNOT_WRITE_TO_FILE_DESCRIPTOR, "Cannot write to file descriptor {}: {}", fd_,
                      strerror(errno));
    }
    p += written;
    n -= size_t(written);
  }
  set(memory_.data(), memory_.size());
}

static int openForWrite(const std::string& path, bool append) {
  int fd = ::open(path.c_str(), O_WRONLY | O_CREAT | O_CLOEXEC | (append ? O_APPEND : O_TRUNC), 0644);
  if (fd < 0) throw Exception(ErrorCodes::CANNOT_OPEN_FILE, "Cannot open file {}: {}", path, strerror(errno));
  return fd;
}

WriteBufferFromFile::WriteBufferFromFile(const std::string& path, bool append)
    : WriteBufferFromFD(openForWrite(path, append)) {}

WriteBufferFromFile::~WriteBufferFromFile() {
  try {
    finalize();
  } catch (...) {
  }
  ::close(fd());
}

}  // namespace tally
