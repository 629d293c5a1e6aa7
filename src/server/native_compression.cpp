#include "server/native_compression.h"

#include <fmt/format.h>
#include <lz4.h>
#include <zstd.h>

#include <cstring>

#include "functions/hash/city_hash.h"
#include "tally/tally.h"

namespace tally::server {

namespace {

constexpr size_t kChecksumSize = 16;
constexpr size_t kHeaderSize = 9;
constexpr size_t kBlockSize = 1 << 20;
constexpr uint8_t kMethodNone = 0x02, kMethodLz4 = 0x82, kMethodZstd = 0x90;

uint32_t load32(const char* p) {
  uint32_t v;
  std::memcpy(&v, p, 4);
  return v;
}

[[noreturn]] void corrupt(const std::string& what) {
  throw api::Error(271, "CANNOT_DECOMPRESS", "Cannot decompress the request body (compressed blocks): " + what);
}

}  // namespace

std::string decodeNativeCompressed(std::string_view data, bool verify_checksums, uint64_t max_size) {
  std::string out;
  size_t pos = 0;
  while (pos < data.size()) {
    if (data.size() - pos < kChecksumSize + kHeaderSize) corrupt("the data ends inside a block header");
    const char* frame = data.data() + pos;
    const char* header = frame + kChecksumSize;
    uint8_t method = uint8_t(header[0]);
    uint32_t compressed_size = load32(header + 1);
    uint32_t uncompressed_size = load32(header + 5);
    if (compressed_size < kHeaderSize) corrupt(fmt::format("a block claims {} compressed bytes", compressed_size));
    if (compressed_size > data.size() - pos - kChecksumSize) corrupt("the data ends inside a block");
    if (out.size() + uncompressed_size > max_size)
      throw api::Error(39, "TOO_LARGE_SIZE_COMPRESSED",
                       fmt::format("The decompressed request body would be larger than {} bytes", max_size));
    if (verify_checksums) {
      auto [low, high] = city_hash_v1_0_2::cityHash128(header, compressed_size);
      uint64_t expected_low, expected_high;
      std::memcpy(&expected_low, frame, 8);
      std::memcpy(&expected_high, frame + 8, 8);
      if (low != expected_low || high != expected_high)
        throw api::Error(40, "CHECKSUM_DOESNT_MATCH",
                         fmt::format("Checksum doesn't match: corrupted data. Reference: {:016x}{:016x}. Actual: "
                                     "{:016x}{:016x}. Size of compressed block: {}",
                                     expected_high, expected_low, high, low, compressed_size));
    }
    const char* body = header + kHeaderSize;
    size_t body_size = compressed_size - kHeaderSize;
    size_t old = out.size();
    out.resize(old + uncompressed_size);
    if (method == kMethodLz4) {
      int n = LZ4_decompress_safe(body, out.data() + old, int(body_size), int(uncompressed_size));
      if (n < 0 || uint32_t(n) != uncompressed_size) corrupt("an LZ4 block is corrupt");
    } else if (method == kMethodZstd) {
      size_t n = ZSTD_decompress(out.data() + old, uncompressed_size, body, body_size);
      if (ZSTD_isError(n) || n != uncompressed_size) corrupt("a ZSTD block is corrupt");
    } else if (method == kMethodNone) {
      if (body_size != uncompressed_size) corrupt("an uncompressed block has inconsistent sizes");
      std::memcpy(out.data() + old, body, body_size);
    } else {
      throw api::Error(89, "UNKNOWN_COMPRESSION_METHOD", fmt::format("Unknown compression method: {:#04x}", method));
    }
    pos += kChecksumSize + compressed_size;
  }
  return out;
}

NativeCompressedWriteBuffer::NativeCompressedWriteBuffer(WriteBuffer& out) : out_(out), memory_(kBlockSize, '\0') {
  set(memory_.data(), memory_.size());
}

NativeCompressedWriteBuffer::~NativeCompressedWriteBuffer() = default;

void NativeCompressedWriteBuffer::nextImpl() {
  size_t n = size_t(pos_ - begin_);
  if (n) {
    int bound = LZ4_compressBound(int(n));
    frame_.resize(kChecksumSize + kHeaderSize + size_t(bound));
    char* header = frame_.data() + kChecksumSize;
    int compressed = LZ4_compress_default(begin_, header + kHeaderSize, int(n), bound);
    uint32_t compressed_size = uint32_t(compressed) + kHeaderSize;
    uint32_t uncompressed_size = uint32_t(n);
    header[0] = char(kMethodLz4);
    std::memcpy(header + 1, &compressed_size, 4);
    std::memcpy(header + 5, &uncompressed_size, 4);
    auto [low, high] = city_hash_v1_0_2::cityHash128(header, compressed_size);
    std::memcpy(frame_.data(), &low, 8);
    std::memcpy(frame_.data() + 8, &high, 8);
    out_.write(frame_.data(), kChecksumSize + compressed_size);
  }
  set(memory_.data(), memory_.size());
}

void NativeCompressedWriteBuffer::finalizeImpl() { out_.finalize(); }

}  // namespace tally::server
