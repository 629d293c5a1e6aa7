#pragma once
// Progress of `tally pypi load` on stderr: a redrawn one-line bar when stderr is a terminal
// (files done/total, rows, rows/s, MB/s, ETA by bytes), otherwise a plain line every
// `plain_interval` seconds. Thread-safe: update() may be called from the engine's progress
// callback thread.

#include <chrono>
#include <cstdint>
#include <mutex>
#include <string>

namespace tally::pypi::ingest {

class ProgressReporter {
 public:
  ProgressReporter(uint64_t total_files, uint64_t total_bytes, bool terminal, double plain_interval = 5.0);

  /// Starts the next file (`bytes` its size).
  void startFile(const std::string& path, uint64_t bytes);
  /// Within the current file: `rows` loaded and `bytes` of it read so far.
  void update(uint64_t rows, uint64_t bytes);
  /// The current file is done (loaded or skipped).
  void finishFile(uint64_t rows);
  /// Clears the bar (before other output).
  void clear();

  double elapsedSeconds() const;

 private:
  void draw(bool force);
  std::mutex mutex_;
  std::chrono::steady_clock::time_point start_, last_draw_;
  uint64_t total_files_, total_bytes_, files_done_ = 0;
  uint64_t rows_done_ = 0, bytes_done_ = 0;  // of finished files
  uint64_t file_rows_ = 0, file_bytes_ = 0, file_size_ = 0;
  bool terminal_, drawn_ = false;
  double plain_interval_;
};

}  // namespace tally::pypi::ingest
