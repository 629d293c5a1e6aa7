#pragma once
// ClickHouse's "native" block compression over HTTP (compress=1 / decompress=1): a sequence of
// frames, each
//   16 bytes  CityHash128 v1.0.2 of the next 9 + N bytes (low 64 bits, then high, little-endian)
//    1 byte   method: 0x82 LZ4 block, 0x90 ZSTD, 0x02 none
//    4 bytes  compressed size, the 9 header bytes included (LE)
//    4 bytes  uncompressed size (LE)
//    N bytes  the compressed data.

#include <cstdint>
#include <string>
#include <string_view>

#include "io/write_buffer.h"

namespace tally::server {

/// The concatenated payload of the frames in `data`. Throws tally::api::Error:
/// CHECKSUM_DOESNT_MATCH (40) unless `verify_checksums` is false, UNKNOWN_COMPRESSION_METHOD
/// (89), CANNOT_DECOMPRESS (271) for truncated or corrupt frames, TOO_LARGE_SIZE_COMPRESSED (39)
/// when a frame claims more than `max_size` bytes in total.
std::string decodeNativeCompressed(std::string_view data, bool verify_checksums, uint64_t max_size);

/// A WriteBuffer that frames what is written to it into LZ4 blocks of up to 1 MiB (as
/// ClickHouse does for compress=1) and writes them to `out` (not owned).
class NativeCompressedWriteBuffer final : public WriteBuffer {
 public:
  explicit NativeCompressedWriteBuffer(WriteBuffer& out);
  ~NativeCompressedWriteBuffer() override;

 private:
  void nextImpl() override;
  void finalizeImpl() override;
  WriteBuffer& out_;
  std::string memory_;
  std::string frame_;
};

}  // namespace tally::server
