#pragma once
// LZ4 *frame* streams (what the lz4 tool writes and HTTP's `Content-Encoding: lz4` means) through
// liblz4's LZ4F API. Not ClickHouse's native LZ4 block compression.

#include <lz4frame.h>

#include "io/codec_buffer.h"

namespace tally {

/// Decompresses LZ4 frames read from the inner buffer; concatenated and skippable frames are
/// read one after another, as `lz4 -d` does.
class Lz4InflatingReadBuffer : public DecompressingReadBuffer {
 public:
  explicit Lz4InflatingReadBuffer(std::unique_ptr<ReadBuffer> in, size_t buffer_size = kDefaultBufferSize);
  explicit Lz4InflatingReadBuffer(ReadBuffer& in, size_t buffer_size = kDefaultBufferSize);
  ~Lz4InflatingReadBuffer() override;

 private:
  void init();
  bool nextImpl() override;

  LZ4F_dctx* dctx_ = nullptr;
  bool in_frame_ = false;
};

/// Compresses into one LZ4 frame (1 MiB linked blocks, content checksum) at `level` (-1 or 0:
/// fast LZ4; 1..12, where 3 and up use LZ4 HC).
class Lz4DeflatingWriteBuffer : public CompressingWriteBuffer {
 public:
  explicit Lz4DeflatingWriteBuffer(std::unique_ptr<WriteBuffer> out, int level = -1,
                                   size_t buffer_size = kDefaultBufferSize);
  explicit Lz4DeflatingWriteBuffer(WriteBuffer& out, int level = -1, size_t buffer_size = kDefaultBufferSize);
  ~Lz4DeflatingWriteBuffer() override;

 private:
  void init(int level);
  void nextImpl() override;
  void finalizeImpl() override;
  /// Writes the frame header once.
  void begin();
  /// Runs `produce(dst, capacity) -> bytes written or LZ4F error code` with at least `bound`
  /// bytes of room: in out_'s window when it has them, otherwise through tmp_.
  template <typename Produce>
  void emit(size_t bound, Produce&& produce);

  LZ4F_cctx* cctx_ = nullptr;
  LZ4F_preferences_t preferences_{};
  bool begun_ = false;
  PODArray<char> tmp_;
};

}  // namespace tally
