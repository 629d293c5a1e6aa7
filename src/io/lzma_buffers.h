#pragma once
// xz streams through liblzma.

#include <lzma.h>

#include "io/codec_buffer.h"

namespace tally {

/// Decompresses .xz data read from the inner buffer (concatenated streams and stream padding
/// included, as `xz -d` does); legacy .lzma files are recognised too.
class LzmaInflatingReadBuffer : public DecompressingReadBuffer {
 public:
  explicit LzmaInflatingReadBuffer(std::unique_ptr<ReadBuffer> in, size_t buffer_size = kDefaultBufferSize);
  explicit LzmaInflatingReadBuffer(ReadBuffer& in, size_t buffer_size = kDefaultBufferSize);
  ~LzmaInflatingReadBuffer() override;

 private:
  void init();
  bool nextImpl() override;

  lzma_stream stream_ = LZMA_STREAM_INIT;
  bool started_ = false;
  bool finished_ = false;
};

/// Compresses into one .xz stream with a CRC64 check (as the xz tool writes) at `level` (-1:
/// liblzma's default, 6; otherwise 0..9).
class LzmaDeflatingWriteBuffer : public CompressingWriteBuffer {
 public:
  explicit LzmaDeflatingWriteBuffer(std::unique_ptr<WriteBuffer> out, int level = -1,
                                    size_t buffer_size = kDefaultBufferSize);
  explicit LzmaDeflatingWriteBuffer(WriteBuffer& out, int level = -1, size_t buffer_size = kDefaultBufferSize);
  ~LzmaDeflatingWriteBuffer() override;

 private:
  void init(int level);
  void nextImpl() override;
  void finalizeImpl() override;

  lzma_stream stream_ = LZMA_STREAM_INIT;
};

}  // namespace tally
