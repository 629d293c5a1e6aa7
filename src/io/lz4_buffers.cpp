#include "io/lz4_buffers.h"

#include "common/exception.h"

namespace tally {

Lz4InflatingReadBuffer::Lz4InflatingReadBuffer(std::unique_ptr<ReadBuffer> in, size_t buffer_size)
    : DecompressingReadBuffer(std::move(in), "lz4", buffer_size) {
  init();
}

Lz4InflatingReadBuffer::Lz4InflatingReadBuffer(ReadBuffer& in, size_t buffer_size)
    : DecompressingReadBuffer(in, "lz4", buffer_size) {
  init();
}

void Lz4InflatingReadBuffer::init() {
  LZ4F_errorCode_t ret = LZ4F_createDecompressionContext(&dctx_, LZ4F_VERSION);
  if (LZ4F_isError(ret)) throwCorrupt(LZ4F_getErrorName(ret));
}

Lz4InflatingReadBuffer::~Lz4InflatingReadBuffer() { LZ4F_freeDecompressionContext(dctx_); }

bool Lz4InflatingReadBuffer::nextImpl() {
  while (true) {
    // At the end of the input a frame may still hold output that did not fit the window last
    // time: the decoder is called once more with no input before the end is judged.
    bool input_eof = inputExhausted();
    if (input_eof && !in_frame_) return false;  // between frames: a clean end (or empty input)

    size_t src_size = input_eof ? 0 : in_.available();
    size_t dst_size = memory_.size();
    // The return value hints how many bytes the frame still needs; 0 once it is complete and
    // fully returned, after which the context starts on the next frame by itself.
    size_t ret =
        LZ4F_decompress(dctx_, memory_.data(), &dst_size, input_eof ? nullptr : in_.position(), &src_size, nullptr);
    if (LZ4F_isError(ret)) throwCorrupt(LZ4F_getErrorName(ret));
    if (!input_eof) in_.setPosition(in_.position() + src_size);
    in_frame_ = ret != 0;

    if (dst_size > 0) {
      set(memory_.data(), dst_size);
      return true;
    }
    if (input_eof) {
      if (in_frame_) throwTruncated();
      return false;
    }
    if (src_size == 0) throwCorrupt("no progress possible");
  }
}

Lz4DeflatingWriteBuffer::Lz4DeflatingWriteBuffer(std::unique_ptr<WriteBuffer> out, int level, size_t buffer_size)
    : CompressingWriteBuffer(std::move(out), "lz4", buffer_size) {
  init(level);
}

Lz4DeflatingWriteBuffer::Lz4DeflatingWriteBuffer(WriteBuffer& out, int level, size_t buffer_size)
    : CompressingWriteBuffer(out, "lz4", buffer_size) {
  init(level);
}

void Lz4DeflatingWriteBuffer::init(int level) {
  checkLevel(level, 0, 12);
  preferences_.frameInfo.blockSizeID = LZ4F_max1MB;
  preferences_.frameInfo.blockMode = LZ4F_blockLinked;
  preferences_.frameInfo.contentChecksumFlag = LZ4F_contentChecksumEnabled;
  preferences_.compressionLevel = level == -1 ? 0 : level;
  LZ4F_errorCode_t ret = LZ4F_createCompressionContext(&cctx_, LZ4F_VERSION);
  if (LZ4F_isError(ret)) throwCompressError(LZ4F_getErrorName(ret));
}

Lz4DeflatingWriteBuffer::~Lz4DeflatingWriteBuffer() { LZ4F_freeCompressionContext(cctx_); }

template <typename Produce>
void Lz4DeflatingWriteBuffer::emit(size_t bound, Produce&& produce) {
  if (out_.available() < bound) out_.next();
  reserveOutput();
  if (out_.available() >= bound) {
    size_t written = produce(out_.position(), out_.available());
    if (LZ4F_isError(written)) throwCompressError(LZ4F_getErrorName(written));
    out_.setPosition(out_.position() + written);
  } else {
    tmp_.resize(bound);
    size_t written = produce(tmp_.data(), tmp_.size());
    if (LZ4F_isError(written)) throwCompressError(LZ4F_getErrorName(written));
    out_.write(tmp_.data(), written);
  }
}

void Lz4DeflatingWriteBuffer::begin() {
  if (begun_) return;
  emit(LZ4F_HEADER_SIZE_MAX,
       [&](char* dst, size_t capacity) { return LZ4F_compressBegin(cctx_, dst, capacity, &preferences_); });
  begun_ = true;
}

void Lz4DeflatingWriteBuffer::nextImpl() {
  begin();
  size_t size = size_t(pos_ - begin_);
  if (size > 0) {
    emit(LZ4F_compressBound(size, &preferences_),
         [&](char* dst, size_t capacity) { return LZ4F_compressUpdate(cctx_, dst, capacity, begin_, size, nullptr); });
  }
  resetWindow();
}

void Lz4DeflatingWriteBuffer::finalizeImpl() {
  begin();
  emit(LZ4F_compressBound(0, &preferences_),
       [&](char* dst, size_t capacity) { return LZ4F_compressEnd(cctx_, dst, capacity, nullptr); });
  out_.finalize();
}

}  // namespace tally
