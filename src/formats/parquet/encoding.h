#pragma once
// Low-level Parquet encoding for the writer: the RLE/bit-packed hybrid (levels, dictionary
// indices) and page compression (ZSTD, SNAPPY, GZIP, UNCOMPRESSED). The counterparts of
// decoding.h; both work on whole buffers the caller reuses between pages.

#include <cstdint>
#include <string>
#include <string_view>

#include "formats/parquet/metadata.h"

namespace tally::parquet {

/// Appends the RLE/bit-packed hybrid encoding of values[0..n) with `bit_width` (0..32) to out.
/// Runs of >= 8 equal values become RLE runs, the rest bit-packed groups of 8 (the last group
/// padded with zeros; readers stop at the page's value count).
void encodeRleBitPacked(const uint32_t* values, size_t n, int bit_width, std::string& out);
void encodeRleBitPacked(const uint16_t* values, size_t n, int bit_width, std::string& out);

/// Codec by ClickHouse's output_format_parquet_compression_method name (zstd, snappy, gzip,
/// none/uncompressed, case-insensitive); throws BAD_ARGUMENTS for another name, NOT_IMPLEMENTED
/// for a known one tally does not write (lz4, brotli).
Codec codecFromName(std::string_view name);

/// Compresses pages with one codec, reusing its context between calls (one per writer).
class PageCompressor {
 public:
  PageCompressor(Codec codec, int level);
  ~PageCompressor();
  PageCompressor(const PageCompressor&) = delete;
  PageCompressor& operator=(const PageCompressor&) = delete;

  Codec codec() const { return codec_; }
  /// Replaces out with the compressed form of data (the same bytes for UNCOMPRESSED).
  void compress(std::string_view data, std::string& out);

 private:
  Codec codec_;
  int level_;
  void* zstd_ = nullptr;  // ZSTD_CCtx
};

}  // namespace tally::parquet
