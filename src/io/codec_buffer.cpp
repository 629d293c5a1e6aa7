#include "io/codec_buffer.h"

#include <algorithm>

#include "common/exception.h"

namespace tally {

// Windows are capped at 1 GiB so that every codec's 32-bit size fields can describe them.
static constexpr size_t kMaxCodecWindow = size_t(1) << 30;

DecompressingReadBuffer::DecompressingReadBuffer(std::unique_ptr<ReadBuffer> in, std::string_view codec,
                                                 size_t buffer_size)
    : holder_(std::move(in)),
      in_(*holder_),
      codec_(codec),
      memory_(std::clamp<size_t>(buffer_size, 64, kMaxCodecWindow)) {
  set(memory_.data(), 0);
}

DecompressingReadBuffer::DecompressingReadBuffer(ReadBuffer& in, std::string_view codec, size_t buffer_size)
    : in_(in), codec_(codec), memory_(std::clamp<size_t>(buffer_size, 64, kMaxCodecWindow)) {
  set(memory_.data(), 0);
}

void DecompressingReadBuffer::throwCorrupt(std::string_view detail) const {
  throw Exception(ErrorCodes::CANNOT_DECOMPRESS, "Cannot decompress {} stream: {} (near compressed offset {})", codec_,
                  detail, in_.offset());
}

void DecompressingReadBuffer::throwTruncated() const {
  throw Exception(ErrorCodes::CANNOT_DECOMPRESS, "Unexpected end of compressed stream ({}, {} compressed bytes read)",
                  codec_, in_.offset());
}

CompressingWriteBuffer::CompressingWriteBuffer(std::unique_ptr<WriteBuffer> out, std::string_view codec,
                                               size_t buffer_size)
    : holder_(std::move(out)),
      out_(*holder_),
      codec_(codec),
      memory_(std::clamp<size_t>(buffer_size, 64, kMaxCodecWindow)) {
  resetWindow();
}

CompressingWriteBuffer::CompressingWriteBuffer(WriteBuffer& out, std::string_view codec, size_t buffer_size)
    : out_(out), codec_(codec), memory_(std::clamp<size_t>(buffer_size, 64, kMaxCodecWindow)) {
  resetWindow();
}

void CompressingWriteBuffer::throwCompressError(std::string_view detail) const {
  throw Exception(ErrorCodes::CANNOT_COMPRESS, "Cannot compress {} stream: {}", codec_, detail);
}

void CompressingWriteBuffer::checkLevel(int level, int min_level, int max_level) const {
  if (level != -1 && (level < min_level || level > max_level))
    throw Exception(ErrorCodes::BAD_ARGUMENTS, "Invalid {} compression level {}: expected {}..{}", codec_, level,
                    min_level, max_level);
}

void CompressingWriteBuffer::reserveOutput() {
  if (out_.available() > 0) return;
  out_.next();
  if (out_.available() == 0)
    throw Exception(ErrorCodes::CANNOT_WRITE_AFTER_END_OF_BUFFER, "Cannot write {} stream: the output is finalized",
                    codec_);
}

}  // namespace tally
