// RLE/bit-packed hybrid encoder and page compressors of the Parquet writer (see encoding.h).

#include "formats/parquet/encoding.h"

#include <snappy.h>
#include <zlib.h>
#include <zstd.h>

#include <algorithm>
#include <cstring>

#include "common/exception.h"

namespace tally::parquet {

namespace {

void putVarint(uint64_t v, std::string& out) {
  while (v >= 0x80) {
    out.push_back(char(uint8_t(v) | 0x80));
    v >>= 7;
  }
  out.push_back(char(v));
}

template <typename T>
size_t runLength(const T* values, size_t i, size_t n, size_t cap) {
  size_t j = i + 1;
  while (j < n && j - i < cap && values[j] == values[i]) ++j;
  return j - i;
}

template <typename T>
void encodeHybrid(const T* values, size_t n, int bit_width, std::string& out) {
  const size_t value_bytes = size_t((bit_width + 7) / 8);
  size_t i = 0;
  while (i < n) {
    size_t run = runLength(values, i, n, SIZE_MAX);
    if (run >= 8) {
      putVarint(uint64_t(run) << 1, out);
      uint32_t v = uint32_t(values[i]);
      for (size_t b = 0; b < value_bytes; ++b) out.push_back(char(uint8_t(v >> (8 * b))));
      i += run;
      continue;
    }
    // Bit-packed groups of 8 until a run of >= 8 starts at a group boundary (at most 63
    // groups per header so that it fits one varint byte).
    size_t start = i;
    size_t groups = 0;
    while (i < n && groups < 63) {
      if (groups > 0 && runLength(values, i, n, 8) >= 8) break;
      i += 8;
      ++groups;
    }
    i = std::min(i, n);
    putVarint((uint64_t(groups) << 1) | 1, out);
    const size_t total_bits = groups * 8 * size_t(bit_width);
    const size_t at = out.size();
    out.resize(at + total_bits / 8);
    auto* dst = reinterpret_cast<uint8_t*>(out.data() + at);
    uint64_t acc = 0;
    int bits = 0;
    const size_t stop = start + groups * 8;
    for (size_t k = start; k < stop; ++k) {
      acc |= uint64_t(k < i ? uint32_t(values[k]) : 0u) << bits;
      bits += bit_width;
      while (bits >= 8) {
        *dst++ = uint8_t(acc);
        acc >>= 8;
        bits -= 8;
      }
    }
  }
}

}  // namespace

void encodeRleBitPacked(const uint32_t* values, size_t n, int bit_width, std::string& out) {
  encodeHybrid(values, n, bit_width, out);
}
void encodeRleBitPacked(const uint16_t* values, size_t n, int bit_width, std::string& out) {
  encodeHybrid(values, n, bit_width, out);
}

Codec codecFromName(std::string_view name) {
  std::string lower(name);
  std::transform(lower.begin(), lower.end(), lower.begin(), [](unsigned char c) { return char(std::tolower(c)); });
  if (lower == "zstd") return Codec::ZSTD;
  if (lower == "snappy") return Codec::SNAPPY;
  if (lower == "gzip") return Codec::GZIP;
  if (lower == "none" || lower == "uncompressed") return Codec::UNCOMPRESSED;
  if (lower == "lz4" || lower == "brotli")
    throw Exception(ErrorCodes::NOT_IMPLEMENTED, "Parquet compression method '{}' is not supported for output", name);
  throw Exception(ErrorCodes::BAD_ARGUMENTS,
                  "Unknown Parquet compression method '{}': expected zstd, snappy, gzip or none", name);
}

PageCompressor::PageCompressor(Codec codec, int level) : codec_(codec), level_(level) {
  if (codec_ == Codec::ZSTD) zstd_ = ZSTD_createCCtx();
}

PageCompressor::~PageCompressor() {
  if (zstd_) ZSTD_freeCCtx(static_cast<ZSTD_CCtx*>(zstd_));
}

void PageCompressor::compress(std::string_view data, std::string& out) {
  switch (codec_) {
    case Codec::UNCOMPRESSED: out.assign(data.data(), data.size()); return;
    case Codec::ZSTD: {
      out.resize(ZSTD_compressBound(data.size()));
      size_t n = ZSTD_compressCCtx(static_cast<ZSTD_CCtx*>(zstd_), out.data(), out.size(), data.data(), data.size(),
                                   level_ ? level_ : 3);
      if (ZSTD_isError(n))
        throw Exception(ErrorCodes::LOGICAL_ERROR, "ZSTD compression failed: {}", ZSTD_getErrorName(n));
      out.resize(n);
      return;
    }
    case Codec::SNAPPY: {
      out.resize(snappy::MaxCompressedLength(data.size()));
      size_t n = 0;
      snappy::RawCompress(data.data(), data.size(), out.data(), &n);
      out.resize(n);
      return;
    }
    case Codec::GZIP: {
      z_stream zs{};
      if (deflateInit2(&zs, level_ ? level_ : Z_DEFAULT_COMPRESSION, Z_DEFLATED, 15 + 16, 8, Z_DEFAULT_STRATEGY) != Z_OK)
        throw Exception(ErrorCodes::LOGICAL_ERROR, "gzip compression: deflateInit2 failed");
      out.resize(deflateBound(&zs, uLong(data.size())) + 32);
      zs.next_in = reinterpret_cast<Bytef*>(const_cast<char*>(data.data()));
      zs.avail_in = uInt(data.size());
      zs.next_out = reinterpret_cast<Bytef*>(out.data());
      zs.avail_out = uInt(out.size());
      int rc = deflate(&zs, Z_FINISH);
      size_t n = out.size() - zs.avail_out;
      deflateEnd(&zs);
      if (rc != Z_STREAM_END) throw Exception(ErrorCodes::LOGICAL_ERROR, "gzip compression failed ({})", rc);
      out.resize(n);
      return;
    }
    default: throw Exception(ErrorCodes::NOT_IMPLEMENTED, "Parquet output codec {} is not supported", int(codec_));
  }
}

}  // namespace tally::parquet
