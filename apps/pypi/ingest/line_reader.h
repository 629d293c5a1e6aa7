#pragma once
// Reads a text file line by line, decompressing .gz (zlib, multi-member) and .zst on the fly.
// Lines are returned without '\n'; a truncated or corrupt compressed stream throws
// tally::api::Error(CANNOT_DECOMPRESS, 271) naming the file, after the lines before it.

#include <cstdint>
#include <cstdio>
#include <memory>
#include <string>
#include <string_view>

namespace tally::pypi::ingest {

class LineReader {
 public:
  explicit LineReader(const std::string& path);
  ~LineReader();
  LineReader(const LineReader&) = delete;
  LineReader& operator=(const LineReader&) = delete;

  /// Next line (valid until the next call); false at the end of the file.
  bool next(std::string_view& line);
  /// 1-based number of the line last returned.
  uint64_t lineNumber() const { return line_number_; }
  /// Compressed bytes read from the file so far (for progress).
  uint64_t bytesRead() const { return file_bytes_read_; }

 private:
  /// Appends more decompressed bytes to buffer_; false at the end of the input.
  bool fill();

  struct Decoder;
  std::string path_;
  FILE* file_ = nullptr;
  std::unique_ptr<Decoder> decoder_;
  std::string buffer_;
  size_t begin_ = 0;  // start of unread data in buffer_
  bool eof_ = false;
  uint64_t line_number_ = 0, file_bytes_read_ = 0;
};

}  // namespace tally::pypi::ingest
