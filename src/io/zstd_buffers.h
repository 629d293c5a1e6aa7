#pragma once
// zstd streams through libzstd.

#include <zstd.h>

#include "io/codec_buffer.h"

namespace tally {

/// Decompresses zstd data read from the inner buffer; concatenated and skippable frames are
/// read one after another, as `zstd -d` does. Windows up to libzstd's default limit (128 MiB,
/// what `zstd -d` accepts without --memory) are supported.
class ZstdInflatingReadBuffer : public DecompressingReadBuffer {
 public:
  explicit ZstdInflatingReadBuffer(std::unique_ptr<ReadBuffer> in, size_t buffer_size = kDefaultBufferSize);
  explicit ZstdInflatingReadBuffer(ReadBuffer& in, size_t buffer_size = kDefaultBufferSize);
  ~ZstdInflatingReadBuffer() override;

 private:
  void init();
  bool nextImpl() override;

  ZSTD_DCtx* dctx_ = nullptr;
  bool in_frame_ = false;
};

/// Compresses into one zstd frame with a content checksum (as the zstd tool writes) at `level`
/// (-1: libzstd's default, 3; otherwise 1..22).
class ZstdDeflatingWriteBuffer : public CompressingWriteBuffer {
 public:
  explicit ZstdDeflatingWriteBuffer(std::unique_ptr<WriteBuffer> out, int level = -1,
                                    size_t buffer_size = kDefaultBufferSize);
  explicit ZstdDeflatingWriteBuffer(WriteBuffer& out, int level = -1, size_t buffer_size = kDefaultBufferSize);
  ~ZstdDeflatingWriteBuffer() override;

 private:
  void init(int level);
  void nextImpl() override;
  void finalizeImpl() override;

  ZSTD_CCtx* cctx_ = nullptr;
};

}  // namespace tally
