#pragma once
// Low-level Parquet decoding: page decompression (SNAPPY, GZIP, ZSTD, UNCOMPRESSED), the
// RLE/bit-packed hybrid (definition/repetition levels, dictionary indices, RLE booleans) and
// DELTA_BINARY_PACKED integers. All decoders work on a byte range and never read outside it:
// a run, length or count that does not fit throws INCORRECT_DATA naming `what`.

#include <cstdint>
#include <string>
#include <vector>

#include "formats/parquet/metadata.h"

namespace tally::parquet {

/// Bits needed for values 0..max_value (0 for max_value == 0).
inline int bitWidthOf(uint32_t max_value) {
  int w = 0;
  while (max_value) {
    ++w;
    max_value >>= 1;
  }
  return w;
}

/// Decompresses `size` bytes at `src` into `dst` (resized to exactly `uncompressed_size`).
/// `what` names the column and page for messages. Unsupported codecs are NOT_IMPLEMENTED.
void decompressPage(Codec codec, const char* src, size_t size, size_t uncompressed_size, std::vector<char>& dst,
                    const std::string& what);

/// The RLE/bit-packed hybrid encoding of the Parquet spec, for bit widths 0..32.
class RleBitPackedDecoder {
 public:
  RleBitPackedDecoder(const uint8_t* data, size_t size, int bit_width, const std::string* what);

  /// Decodes exactly n values into out; throws if the data ends first.
  template <typename T>
  void decode(T* out, size_t n);

 private:
  void nextRun();
  uint32_t unpackOne();

  const uint8_t* pos_;
  const uint8_t* end_;
  int bit_width_;
  uint32_t mask_;
  const std::string* what_;
  uint64_t rle_left_ = 0;
  uint32_t rle_value_ = 0;
  uint64_t packed_left_ = 0;     // values left in the bit-packed run
  const uint8_t* packed_ = nullptr;
  size_t packed_bytes_ = 0;      // bytes of the run that exist
  uint64_t packed_bit_ = 0;      // bit position in the run
};

/// DELTA_BINARY_PACKED: decodes the first n values (Int32 or Int64 physical, n <= the count in
/// the header) into out and returns the bytes consumed up to the end of the miniblock holding
/// the n-th value (the end of the encoded data when n is the whole count).
template <typename T>
size_t decodeDeltaBinaryPacked(const uint8_t* data, size_t size, T* out, size_t n, const std::string& what);

}  // namespace tally::parquet
