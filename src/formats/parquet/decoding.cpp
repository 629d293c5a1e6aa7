#include "formats/parquet/decoding.h"

#include <snappy.h>
#include <zlib.h>
#include <zstd.h>

#include <cstring>

#include "common/exception.h"

namespace tally::parquet {

void decompressPage(Codec codec, const char* src, size_t size, size_t uncompressed_size, std::vector<char>& dst,
                    const std::string& what) {
  // A page expands at most this much with its codec (deflate ~1032:1; zstd's RLE blocks, as
  // for a column of one value, ~32768:1); a larger claim is corrupt metadata and must not make
  // us allocate it.
  const size_t max_ratio = codec == Codec::ZSTD ? 32768 : 1100;
  if (uncompressed_size > size * max_ratio + 1024 || uncompressed_size > (size_t(1) << 31))
    throw Exception(ErrorCodes::INCORRECT_DATA, "Parquet: {}: implausible uncompressed page size {} for {} bytes",
                    what, uncompressed_size, size);
  dst.resize(uncompressed_size);
  switch (codec) {
    case Codec::UNCOMPRESSED:
      if (size != uncompressed_size)
        throw Exception(ErrorCodes::INCORRECT_DATA, "Parquet: {}: uncompressed page of {} bytes declares {}", what,
                        size, uncompressed_size);
      std::memcpy(dst.data(), src, size);
      return;
    case Codec::SNAPPY: {
      size_t length = 0;
      if (!snappy::GetUncompressedLength(src, size, &length) || length != uncompressed_size ||
          !snappy::RawUncompress(src, size, dst.data()))
        throw Exception(ErrorCodes::CANNOT_DECOMPRESS, "Parquet: {}: corrupt SNAPPY page", what);
      return;
    }
    case Codec::ZSTD: {
      size_t r = ZSTD_decompress(dst.data(), uncompressed_size, src, size);
      if (ZSTD_isError(r) || r != uncompressed_size)
        throw Exception(ErrorCodes::CANNOT_DECOMPRESS, "Parquet: {}: corrupt ZSTD page ({})", what,
                        ZSTD_isError(r) ? ZSTD_getErrorName(r) : "wrong size");
      return;
    }
    case Codec::GZIP: {
      z_stream z{};
      if (inflateInit2(&z, 15 + 32) != Z_OK)
        throw Exception(ErrorCodes::CANNOT_DECOMPRESS, "Parquet: {}: cannot initialise zlib", what);
      z.next_in = reinterpret_cast<Bytef*>(const_cast<char*>(src));
      z.avail_in = uInt(size);
      z.next_out = reinterpret_cast<Bytef*>(dst.data());
      z.avail_out = uInt(uncompressed_size);
      int rc = inflate(&z, Z_FINISH);
      size_t produced = uncompressed_size - z.avail_out;
      inflateEnd(&z);
      if (rc != Z_STREAM_END || produced != uncompressed_size)
        throw Exception(ErrorCodes::CANNOT_DECOMPRESS, "Parquet: {}: corrupt GZIP page", what);
      return;
    }
    default:
      throw Exception(ErrorCodes::NOT_IMPLEMENTED, "Parquet: {}: compression codec {} is not supported", what,
                      int(codec));
  }
}

RleBitPackedDecoder::RleBitPackedDecoder(const uint8_t* data, size_t size, int bit_width, const std::string* what)
    : pos_(data), end_(data + size), bit_width_(bit_width),
      mask_(bit_width >= 32 ? 0xffffffffu : (1u << bit_width) - 1), what_(what) {
  if (bit_width < 0 || bit_width > 32)
    throw Exception(ErrorCodes::INCORRECT_DATA, "Parquet: {}: bit width {} out of range", *what_, bit_width);
}

void RleBitPackedDecoder::nextRun() {
  uint64_t header = 0;
  for (int shift = 0;; shift += 7) {
    if (pos_ == end_ || shift > 35)
      throw Exception(ErrorCodes::INCORRECT_DATA, "Parquet: {}: RLE/bit-packed data ends early", *what_);
    uint8_t b = *pos_++;
    header |= uint64_t(b & 0x7f) << shift;
    if (!(b & 0x80)) break;
  }
  if (header & 1) {
    uint64_t groups = header >> 1;
    packed_left_ = groups * 8;
    size_t bytes = size_t(groups) * size_t(bit_width_);
    // The last run may be cut short after its last value: keep what exists.
    packed_bytes_ = std::min(bytes, size_t(end_ - pos_));
    packed_ = pos_;
    packed_bit_ = 0;
    pos_ += packed_bytes_;
    if (packed_left_ == 0)
      throw Exception(ErrorCodes::INCORRECT_DATA, "Parquet: {}: empty bit-packed run", *what_);
  } else {
    rle_left_ = header >> 1;
    size_t bytes = size_t(bit_width_ + 7) / 8;
    if (size_t(end_ - pos_) < bytes)
      throw Exception(ErrorCodes::INCORRECT_DATA, "Parquet: {}: RLE run value past the end", *what_);
    uint32_t v = 0;
    std::memcpy(&v, pos_, bytes);
    pos_ += bytes;
    rle_value_ = v & mask_;
    if (rle_left_ == 0) throw Exception(ErrorCodes::INCORRECT_DATA, "Parquet: {}: empty RLE run", *what_);
  }
}

inline uint32_t RleBitPackedDecoder::unpackOne() {
  size_t byte = size_t(packed_bit_ >> 3);
  unsigned shift = unsigned(packed_bit_ & 7);
  size_t need = (size_t(shift) + size_t(bit_width_) + 7) / 8;
  if (byte + need > packed_bytes_)
    throw Exception(ErrorCodes::INCORRECT_DATA, "Parquet: {}: bit-packed run ends early", *what_);
  uint64_t word = 0;
  if (packed_bytes_ - byte >= 8)
    std::memcpy(&word, packed_ + byte, 8);
  else
    std::memcpy(&word, packed_ + byte, packed_bytes_ - byte);
  packed_bit_ += uint64_t(bit_width_);
  return uint32_t(word >> shift) & mask_;
}

template <typename T>
void RleBitPackedDecoder::decode(T* out, size_t n) {
  size_t done = 0;
  while (done < n) {
    if (rle_left_ == 0 && packed_left_ == 0) nextRun();
    if (rle_left_ > 0) {
      size_t k = size_t(std::min<uint64_t>(rle_left_, n - done));
      T v = T(rle_value_);
      for (size_t i = 0; i < k; ++i) out[done + i] = v;
      done += k;
      rle_left_ -= k;
    } else {
      size_t k = size_t(std::min<uint64_t>(packed_left_, n - done));
      if (bit_width_ == 0) {
        for (size_t i = 0; i < k; ++i) out[done + i] = 0;
      } else {
        for (size_t i = 0; i < k; ++i) out[done + i] = T(unpackOne());
      }
      done += k;
      packed_left_ -= k;
    }
  }
}

template void RleBitPackedDecoder::decode<uint8_t>(uint8_t*, size_t);
template void RleBitPackedDecoder::decode<uint16_t>(uint16_t*, size_t);
template void RleBitPackedDecoder::decode<uint32_t>(uint32_t*, size_t);

namespace {
uint64_t readUleb(const uint8_t*& p, const uint8_t* end, const std::string& what) {
  uint64_t v = 0;
  for (int shift = 0; shift < 64; shift += 7) {
    if (p == end) throw Exception(ErrorCodes::INCORRECT_DATA, "Parquet: {}: DELTA_BINARY_PACKED data ends early", what);
    uint8_t b = *p++;
    v |= uint64_t(b & 0x7f) << shift;
    if (!(b & 0x80)) return v;
  }
  throw Exception(ErrorCodes::INCORRECT_DATA, "Parquet: {}: bad varint in DELTA_BINARY_PACKED data", what);
}
}  // namespace

template <typename T>
size_t decodeDeltaBinaryPacked(const uint8_t* data, size_t size, T* out, size_t n, const std::string& what) {
  const uint8_t* p = data;
  const uint8_t* end = data + size;
  uint64_t block_size = readUleb(p, end, what);
  uint64_t miniblocks = readUleb(p, end, what);
  uint64_t total = readUleb(p, end, what);
  uint64_t zz = readUleb(p, end, what);
  int64_t first = int64_t(zz >> 1) ^ -int64_t(zz & 1);
  if (miniblocks == 0 || block_size == 0 || block_size % 128 != 0 || block_size / miniblocks % 32 != 0 ||
      block_size > (1u << 20))
    throw Exception(ErrorCodes::INCORRECT_DATA, "Parquet: {}: bad DELTA_BINARY_PACKED header", what);
  if (total < n)
    throw Exception(ErrorCodes::INCORRECT_DATA, "Parquet: {}: DELTA_BINARY_PACKED holds {} values, {} needed", what,
                    total, n);
  const uint64_t per_mini = block_size / miniblocks;
  uint64_t value = uint64_t(first);
  size_t done = 0;
  if (n > 0) out[done++] = T(value);
  while (done < n) {
    uint64_t zmin = readUleb(p, end, what);
    int64_t min_delta = int64_t(zmin >> 1) ^ -int64_t(zmin & 1);
    if (uint64_t(end - p) < miniblocks)
      throw Exception(ErrorCodes::INCORRECT_DATA, "Parquet: {}: DELTA_BINARY_PACKED data ends early", what);
    const uint8_t* widths = p;
    p += miniblocks;
    for (uint64_t m = 0; m < miniblocks && done < n; ++m) {
      int w = widths[m];
      if (w > 64) throw Exception(ErrorCodes::INCORRECT_DATA, "Parquet: {}: bit width {} in DELTA_BINARY_PACKED", what, w);
      size_t bytes = size_t(per_mini) * size_t(w) / 8;
      size_t have = std::min(bytes, size_t(end - p));
      for (uint64_t i = 0; i < per_mini && done < n; ++i) {
        uint64_t delta = 0;
        if (w > 0) {
          uint64_t bit = i * uint64_t(w);
          for (int b = 0; b < w; ++b) {
            uint64_t pos = bit + uint64_t(b);
            if ((pos >> 3) >= have)
              throw Exception(ErrorCodes::INCORRECT_DATA, "Parquet: {}: DELTA_BINARY_PACKED data ends early", what);
            delta |= uint64_t((p[pos >> 3] >> (pos & 7)) & 1) << b;
          }
        }
        value += uint64_t(min_delta) + delta;
        out[done] = T(value);
        ++done;
      }
      p += have;
    }
  }
  return size_t(p - data);
}

template size_t decodeDeltaBinaryPacked<int32_t>(const uint8_t*, size_t, int32_t*, size_t, const std::string&);
template size_t decodeDeltaBinaryPacked<int64_t>(const uint8_t*, size_t, int64_t*, size_t, const std::string&);

}  // namespace tally::parquet
