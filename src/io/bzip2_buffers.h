#pragma once
// bzip2 streams through libbz2.

#include <bzlib.h>

#include "io/codec_buffer.h"

namespace tally {

/// Decompresses bzip2 data read from the inner buffer; concatenated streams (as pbzip2 writes)
/// are read one after another, as `bzip2 -d` does.
class Bzip2InflatingReadBuffer : public DecompressingReadBuffer {
 public:
  explicit Bzip2InflatingReadBuffer(std::unique_ptr<ReadBuffer> in, size_t buffer_size = kDefaultBufferSize);
  explicit Bzip2InflatingReadBuffer(ReadBuffer& in, size_t buffer_size = kDefaultBufferSize);
  ~Bzip2InflatingReadBuffer() override;

 private:
  bool nextImpl() override;
  void startStream();
  void endStream();

  bz_stream stream_{};
  bool in_stream_ = false;
};

/// Compresses into one bzip2 stream at `level` (the block size in 100 KB units; -1: 9, as the
/// bzip2 tool; otherwise 1..9).
class Bzip2DeflatingWriteBuffer : public CompressingWriteBuffer {
 public:
  explicit Bzip2DeflatingWriteBuffer(std::unique_ptr<WriteBuffer> out, int level = -1,
                                     size_t buffer_size = kDefaultBufferSize);
  explicit Bzip2DeflatingWriteBuffer(WriteBuffer& out, int level = -1, size_t buffer_size = kDefaultBufferSize);
  ~Bzip2DeflatingWriteBuffer() override;

 private:
  void init(int level);
  void nextImpl() override;
  void finalizeImpl() override;

  bz_stream stream_{};
};

}  // namespace tally
