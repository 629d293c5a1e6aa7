#include "progress.h"

#include <algorithm>
#include <cstdio>

namespace tally::pypi::ingest {

ProgressReporter::ProgressReporter(uint64_t total_files, uint64_t total_bytes, bool terminal, double plain_interval)
    : start_(std::chrono::steady_clock::now()), last_draw_(start_), total_files_(total_files),
      total_bytes_(total_bytes), terminal_(terminal), plain_interval_(plain_interval) {}

double ProgressReporter::elapsedSeconds() const {
  return std::chrono::duration<double>(std::chrono::steady_clock::now() - start_).count();
}

void ProgressReporter::startFile(const std::string&, uint64_t bytes) {
  std::lock_guard lock(mutex_);
  file_rows_ = file_bytes_ = 0;
  file_size_ = bytes;
}

void ProgressReporter::update(uint64_t rows, uint64_t bytes) {
  std::lock_guard lock(mutex_);
  file_rows_ = rows;
  file_bytes_ = std::min(bytes, file_size_);
  draw(false);
}

void ProgressReporter::finishFile(uint64_t rows) {
  std::lock_guard lock(mutex_);
  ++files_done_;
  rows_done_ += rows;
  bytes_done_ += file_size_;
  file_rows_ = file_bytes_ = file_size_ = 0;
  draw(false);
}

void ProgressReporter::clear() {
  std::lock_guard lock(mutex_);
  if (terminal_ && drawn_) std::fputs("\r\033[K", stderr);
  drawn_ = false;
}

void ProgressReporter::draw(bool force) {
  auto now = std::chrono::steady_clock::now();
  double since = std::chrono::duration<double>(now - last_draw_).count();
  if (!force && since < (terminal_ ? 0.1 : plain_interval_)) return;
  last_draw_ = now;
  double elapsed = std::max(1e-9, std::chrono::duration<double>(now - start_).count());
  uint64_t rows = rows_done_ + file_rows_, bytes = bytes_done_ + file_bytes_;
  double rps = rows / elapsed, mbps = bytes / elapsed / 1e6;
  char eta[32] = "--:--";
  if (bytes > 0 && total_bytes_ > bytes) {
    long secs = long((total_bytes_ - bytes) / (bytes / elapsed));
    std::snprintf(eta, sizeof eta, "%ld:%02ld", secs / 60, secs % 60);
  } else if (bytes >= total_bytes_) {
    std::snprintf(eta, sizeof eta, "0:00");
  }
  char line[256];
  std::snprintf(line, sizeof line, "files %llu/%llu  rows %llu  %.0f rows/s  %.1f MB/s  ETA %s",
                static_cast<unsigned long long>(files_done_), static_cast<unsigned long long>(total_files_),
                static_cast<unsigned long long>(rows), rps, mbps, eta);
  if (terminal_) {
    int width = 40;
    int filled = total_bytes_ ? int(width * std::min(1.0, double(bytes) / double(total_bytes_))) : 0;
    std::string bar(size_t(filled), '#');
    bar.resize(size_t(width), '.');
    std::fprintf(stderr, "\r\033[K[%s] %s", bar.c_str(), line);
    drawn_ = true;
  } else {
    std::fprintf(stderr, "progress: %s\n", line);
  }
  std::fflush(stderr);
}

}  // namespace tally::pypi::ingest
