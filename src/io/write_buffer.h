#pragma once
// WriteBuffer: buffered byte sink. Callers write into [pos, end) directly or through write();
// when the buffer is full, next() hands its contents to the sink (a string, a file descriptor,
// a compressor, ...). finalize() must be called before destruction to flush the tail; a
// destructor never throws, so data not finalised may be lost.

#include <cstring>
#include <memory>
#include <string>
#include <string_view>

#include "common/pod_array.h"

namespace tally {

class WriteBuffer {
 public:
  virtual ~WriteBuffer() = default;

  void write(const char* data, size_t n) {
    while (n > 0) {
      if (pos_ == end_) next();
      size_t chunk = std::min(n, size_t(end_ - pos_));
      std::memcpy(pos_, data, chunk);
      pos_ += chunk;
      data += chunk;
      n -= chunk;
    }
  }
  void write(std::string_view s) { write(s.data(), s.size()); }
  void write(char c) {
    if (pos_ == end_) next();
    *pos_++ = c;
  }

  /// Flushes the buffer to the sink and makes room.
  void next() {
    size_t used = size_t(pos_ - begin_);
    bytes_ += used;
    nextImpl();
  }
  /// Flushes everything (including any sink-side state, e.g. a compressor's trailer).
  virtual void finalize() {
    if (finalized_) return;
    next();
    finalizeImpl();
    finalized_ = true;
  }

  /// Total bytes written so far.
  size_t count() const { return bytes_ + size_t(pos_ - begin_); }

  char* position() { return pos_; }
  char* bufferEnd() { return end_; }
  void setPosition(char* pos) { pos_ = pos; }
  size_t available() const { return size_t(end_ - pos_); }

 protected:
  WriteBuffer() = default;
  void set(char* begin, size_t size) {
    begin_ = pos_ = begin;
    end_ = begin + size;
  }
  /// Consumes [begin_, pos_) and resets the window (set()).
  virtual void nextImpl() = 0;
  virtual void finalizeImpl() {}

  char* begin_ = nullptr;
  char* pos_ = nullptr;
  char* end_ = nullptr;
  size_t bytes_ = 0;
  bool finalized_ = false;
};

/// Appends to a std::string owned by the caller; the string has its final size after finalize().
class WriteBufferFromString : public WriteBuffer {
 public:
  explicit WriteBufferFromString(std::string& out);
  ~WriteBufferFromString() override { finalize(); }
  void finalize() override;

 private:
  void nextImpl() override;
  std::string& out_;
  size_t committed_;
};

/// Writes to a file descriptor (not owned) through a 64 KiB buffer.
class WriteBufferFromFD : public WriteBuffer {
 public:
  explicit WriteBufferFromFD(int fd, size_t buffer_size = 65536);
  ~WriteBufferFromFD() override;
  int fd() const { return fd_; }

 private:
  void nextImpl() override;
  int fd_;
  PODArray<char> memory_;
};

/// Creates (truncates) and writes a file; fsync on finalize if requested.
class WriteBufferFromFile : public WriteBufferFromFD {
 public:
  explicit WriteBufferFromFile(const std::string& path, bool append = false);
  ~WriteBufferFromFile() override;
};

}  // namespace tally
