#pragma once
// The rejects file: one JSON object per malformed row, appended as rows are found:
//   {"file": "...", "line": 12, "reason": "bad time", "raw": "download|..."}
// `line` for text inputs (1-based), `row` (null when the reader cannot number rows, as for
// Parquet) and `raw_row` (the row as JSON) for columnar inputs; `raw_hex` instead of `raw` when
// the text is not valid UTF-8. The file is created on the first reject only.

#include <cstdint>
#include <cstdio>
#include <string>
#include <string_view>

namespace tally::pypi::ingest {

class RejectsWriter {
 public:
  explicit RejectsWriter(std::string path) : path_(std::move(path)) {}
  ~RejectsWriter();
  RejectsWriter(const RejectsWriter&) = delete;
  RejectsWriter& operator=(const RejectsWriter&) = delete;

  /// A rejected line of a text file.
  void addLine(std::string_view file, uint64_t line, std::string_view reason, std::string_view raw);
  /// A rejected row of a columnar file, given as a JSON object (`raw_row`).
  void addRow(std::string_view file, std::string_view reason, std::string_view row_json);
  /// A whole file that could not be read (truncated archive, unknown shape, ...).
  void addFile(std::string_view file, std::string_view reason);

  uint64_t count() const { return count_; }
  const std::string& path() const { return path_; }
  void flush();

 private:
  void write(const std::string& record);
  std::string path_;
  FILE* file_ = nullptr;
  uint64_t count_ = 0;
};

/// Appends `s` as a JSON string literal (quotes included); invalid UTF-8 must be handled by
/// the caller.
void appendJsonString(std::string_view s, std::string& out);

}  // namespace tally::pypi::ingest
