#pragma once
// ReadBuffer: buffered byte source. Data is exposed as the window [pos, end); next() refills
// it from the source (memory, file descriptor, decompressor, ...). Parsers work on the window
// directly and call eof()/next() at its edge. offset() counts bytes consumed, for messages.

#include <cstring>
#include <memory>
#include <string>
#include <string_view>

#include "common/pod_array.h"

namespace tally {

class ReadBuffer {
 public:
  virtual ~ReadBuffer() = default;

  /// True when no more data: the window is empty and the source is exhausted.
  bool eof() { return pos_ == end_ && !next(); }
  /// Refills the window; false at the end of the source.
  bool next() {
    consumed_ += size_t(end_ - begin_);
    if (!nextImpl()) {
      begin_ = pos_ = end_;
      return false;
    }
    return true;
  }

  char* position() { return pos_; }
  char* bufferEnd() { return end_; }
  void setPosition(char* pos) { pos_ = pos; }
  size_t available() const { return size_t(end_ - pos_); }
  /// Bytes consumed since the start of the source.
  size_t offset() const { return consumed_ + size_t(pos_ - begin_); }

  /// Peeks the next byte; false at EOF.
  bool peek(char& c) {
    if (eof()) return false;
    c = *pos_;
    return true;
  }
  /// Reads one byte; false at EOF.
  bool read(char& c) {
    if (eof()) return false;
    c = *pos_++;
    return true;
  }
  /// Reads up to n bytes; returns how many were read.
  size_t read(char* to, size_t n) {
    size_t done = 0;
    while (done < n && !eof()) {
      size_t chunk = std::min(n - done, available());
      std::memcpy(to + done, pos_, chunk);
      pos_ += chunk;
      done += chunk;
    }
    return done;
  }
  /// Reads exactly n bytes or throws CANNOT_READ_ALL_DATA.
  void readStrict(char* to, size_t n);
  /// Skips up to n bytes.
  size_t ignore(size_t n);
  /// Reads everything left into `out` (appends).
  void readAll(std::string& out);

 protected:
  ReadBuffer() = default;
  void set(char* begin, size_t size) {
    begin_ = pos_ = begin;
    end_ = begin + size;
  }
  /// Points the window at new data (set()); returns false at the end of the source.
  virtual bool nextImpl() = 0;

  char* begin_ = nullptr;
  char* pos_ = nullptr;
  char* end_ = nullptr;
  size_t consumed_ = 0;
};

using ReadBufferPtr = std::unique_ptr<ReadBuffer>;

/// Reads from memory the caller keeps alive.
class ReadBufferFromMemory : public ReadBuffer {
 public:
  ReadBufferFromMemory(const char* data, size_t size) { set(const_cast<char*>(data), size); }
  explicit ReadBufferFromMemory(std::string_view s) : ReadBufferFromMemory(s.data(), s.size()) {}

 private:
  bool nextImpl() override { return false; }
};

/// Reads from an owned string.
class ReadBufferFromOwnString : public ReadBuffer {
 public:
  explicit ReadBufferFromOwnString(std::string s) : data_(std::move(s)) { set(data_.data(), data_.size()); }

 private:
  bool nextImpl() override { return false; }
  std::string data_;
};

/// Reads from a file descriptor (not owned) through a buffer.
class ReadBufferFromFD : public ReadBuffer {
 public:
  explicit ReadBufferFromFD(int fd, size_t buffer_size = 1 << 20);
  int fd() const { return fd_; }

 private:
  bool nextImpl() override;
  int fd_;
  PODArray<char> memory_;
};

/// Opens and reads a file (owned descriptor).
class ReadBufferFromFile : public ReadBufferFromFD {
 public:
  explicit ReadBufferFromFile(const std::string& path, size_t buffer_size = 1 << 20);
  ~ReadBufferFromFile() override;
  const std::string& path() const { return path_; }

 private:
  std::string path_;
};

}  // namespace tally
