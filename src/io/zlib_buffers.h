#pragma once
// gzip and deflate (zlib container) streams through zlib.

#include <zlib.h>

#include "io/codec_buffer.h"

namespace tally {

/// Decompresses gzip (`gzip` = true) or "deflate" (false) data read from the inner buffer.
/// Both accept a gzip or a zlib container (detected from the header); "deflate" also accepts raw
/// deflate data without a header, which some HTTP clients send. Concatenated members / streams
/// are read one after another, as `gzip -d` does.
class ZlibInflatingReadBuffer : public DecompressingReadBuffer {
 public:
  ZlibInflatingReadBuffer(std::unique_ptr<ReadBuffer> in, bool gzip, size_t buffer_size = kDefaultBufferSize);
  ZlibInflatingReadBuffer(ReadBuffer& in, bool gzip, size_t buffer_size = kDefaultBufferSize);
  ~ZlibInflatingReadBuffer() override;

 private:
  bool nextImpl() override;
  /// Starts a stream at the current input (in_ has at least one byte available).
  void startStream();

  bool gzip_;
  bool initialized_ = false;
  bool in_stream_ = false;
  z_stream stream_{};
};

/// Compresses into a gzip (`gzip` = true) or zlib ("deflate") container at `level` (-1: zlib's
/// default, 6; otherwise 0..9).
class ZlibDeflatingWriteBuffer : public CompressingWriteBuffer {
 public:
  ZlibDeflatingWriteBuffer(std::unique_ptr<WriteBuffer> out, bool gzip, int level = -1,
                           size_t buffer_size = kDefaultBufferSize);
  ZlibDeflatingWriteBuffer(WriteBuffer& out, bool gzip, int level = -1, size_t buffer_size = kDefaultBufferSize);
  ~ZlibDeflatingWriteBuffer() override;

 private:
  void init(bool gzip, int level);
  void nextImpl() override;
  void finalizeImpl() override;

  z_stream stream_{};
};

}  // namespace tally
