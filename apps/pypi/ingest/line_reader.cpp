#include "line_reader.h"

#include <zlib.h>
#include <zstd.h>

#include <cerrno>
#include <cstring>
#include <vector>

#include "tally/tally.h"

namespace tally::pypi::ingest {

namespace {
constexpr size_t kChunk = 1 << 20;

bool endsWith(const std::string& s, std::string_view suffix) {
  return s.size() >= suffix.size() && s.compare(s.size() - suffix.size(), suffix.size(), suffix) == 0;
}

[[noreturn]] void decompressError(const std::string& path, const std::string& what) {
  throw api::Error(271, "CANNOT_DECOMPRESS", "Cannot decompress " + path + ": " + what);
}
}  // namespace

struct LineReader::Decoder {
  enum Kind { None, Gzip, Zstd } kind = None;
  z_stream z{};
  ZSTD_DStream* zstd = nullptr;
  std::vector<char> in;
  size_t in_pos = 0, in_size = 0;
  bool stream_ended = true;  // between members/frames: input may end cleanly here
  ~Decoder() {
    if (kind == Gzip) inflateEnd(&z);
    if (zstd) ZSTD_freeDStream(zstd);
  }
};

LineReader::LineReader(const std::string& path) : path_(path), decoder_(std::make_unique<Decoder>()) {
  file_ = std::fopen(path.c_str(), "rb");
  if (!file_)
    throw api::Error(errno == ENOENT ? 107 : 1001, errno == ENOENT ? "FILE_DOESNT_EXIST" : "STD_EXCEPTION",
                     "Cannot open file " + path + ": " + std::strerror(errno));
  if (endsWith(path, ".gz") || endsWith(path, ".gzip")) {
    decoder_->kind = Decoder::Gzip;
    if (inflateInit2(&decoder_->z, 15 + 32) != Z_OK) decompressError(path, "inflateInit2 failed");
  } else if (endsWith(path, ".zst") || endsWith(path, ".zstd")) {
    decoder_->kind = Decoder::Zstd;
    decoder_->zstd = ZSTD_createDStream();
    ZSTD_initDStream(decoder_->zstd);
  }
  decoder_->in.resize(kChunk);
}

LineReader::~LineReader() {
  if (file_) std::fclose(file_);
}

bool LineReader::fill() {
  Decoder& d = *decoder_;
  if (d.kind == Decoder::None) {
    size_t old = buffer_.size();
    buffer_.resize(old + kChunk);
    size_t n = std::fread(buffer_.data() + old, 1, kChunk, file_);
    buffer_.resize(old + n);
    file_bytes_read_ += n;
    if (n == 0 && std::ferror(file_)) throw api::Error(1001, "STD_EXCEPTION", "Cannot read file " + path_);
    return n > 0;
  }
  while (true) {
    if (d.in_pos == d.in_size) {
      d.in_size = std::fread(d.in.data(), 1, d.in.size(), file_);
      d.in_pos = 0;
      file_bytes_read_ += d.in_size;
      if (d.in_size == 0) {
        if (std::ferror(file_)) throw api::Error(1001, "STD_EXCEPTION", "Cannot read file " + path_);
        if (!d.stream_ended) decompressError(path_, "unexpected end of compressed data (truncated file?)");
        return false;
      }
    }
    size_t old = buffer_.size();
    buffer_.resize(old + kChunk);
    size_t produced = 0;
    if (d.kind == Decoder::Gzip) {
      d.z.next_in = reinterpret_cast<Bytef*>(d.in.data() + d.in_pos);
      d.z.avail_in = uInt(d.in_size - d.in_pos);
      d.z.next_out = reinterpret_cast<Bytef*>(buffer_.data() + old);
      d.z.avail_out = uInt(kChunk);
      int rc = inflate(&d.z, Z_NO_FLUSH);
      d.in_pos = d.in_size - d.z.avail_in;
      produced = kChunk - d.z.avail_out;
      if (rc == Z_STREAM_END) {
        d.stream_ended = true;
        inflateReset(&d.z);  // concatenated gzip members
      } else if (rc == Z_OK || rc == Z_BUF_ERROR) {
        d.stream_ended = false;
      } else {
        buffer_.resize(old);
        decompressError(path_, d.z.msg ? d.z.msg : "inflate failed");
      }
    } else {
      ZSTD_inBuffer in{d.in.data(), d.in_size, d.in_pos};
      ZSTD_outBuffer out{buffer_.data() + old, kChunk, 0};
      size_t rc = ZSTD_decompressStream(d.zstd, &out, &in);
      d.in_pos = in.pos;
      produced = out.pos;
      if (ZSTD_isError(rc)) {
        buffer_.resize(old);
        decompressError(path_, ZSTD_getErrorName(rc));
      }
      d.stream_ended = rc == 0;
    }
    buffer_.resize(old + produced);
    if (produced > 0) return true;
  }
}

bool LineReader::next(std::string_view& line) {
  while (true) {
    const char* data = buffer_.data() + begin_;
    size_t avail = buffer_.size() - begin_;
    if (const void* nl = std::memchr(data, '\n', avail)) {
      size_t len = static_cast<const char*>(nl) - data;
      line = std::string_view(data, len);
      begin_ += len + 1;
      ++line_number_;
      return true;
    }
    if (eof_) {
      if (avail == 0) return false;
      line = std::string_view(data, avail);
      begin_ = buffer_.size();
      ++line_number_;
      return true;
    }
    // Keep the partial line, drop what was consumed.
    if (begin_ > 0) {
      buffer_.erase(0, begin_);
      begin_ = 0;
    }
    if (!fill()) eof_ = true;
  }
}

}  // namespace tally::pypi::ingest
