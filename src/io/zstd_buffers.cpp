#include "io/zstd_buffers.h"

#include "common/exception.h"

namespace tally {

ZstdInflatingReadBuffer::ZstdInflatingReadBuffer(std::unique_ptr<ReadBuffer> in, size_t buffer_size)
    : DecompressingReadBuffer(std::move(in), "zstd", buffer_size) {
  init();
}

ZstdInflatingReadBuffer::ZstdInflatingReadBuffer(ReadBuffer& in, size_t buffer_size)
    : DecompressingReadBuffer(in, "zstd", buffer_size) {
  init();
}

void ZstdInflatingReadBuffer::init() {
  dctx_ = ZSTD_createDCtx();
  if (!dctx_) throwCorrupt("cannot create a decompression context");
}

ZstdInflatingReadBuffer::~ZstdInflatingReadBuffer() { ZSTD_freeDCtx(dctx_); }

bool ZstdInflatingReadBuffer::nextImpl() {
  while (true) {
    // At the end of the input a frame may still hold output that did not fit the window last
    // time: the decoder is called once more with no input before the end is judged.
    bool input_eof = inputExhausted();
    if (input_eof && !in_frame_) return false;  // between frames: a clean end (or empty input)

    ZSTD_inBuffer input{input_eof ? nullptr : in_.position(), input_eof ? 0 : in_.available(), 0};
    ZSTD_outBuffer output{memory_.data(), memory_.size(), 0};
    size_t ret = ZSTD_decompressStream(dctx_, &output, &input);
    if (!input_eof) in_.setPosition(in_.position() + input.pos);
    if (ZSTD_isError(ret)) throwCorrupt(ZSTD_getErrorName(ret));
    in_frame_ = ret != 0;  // 0: a frame ended and everything it holds has been returned

    if (output.pos > 0) {
      set(memory_.data(), output.pos);
      return true;
    }
    if (input_eof) {
      if (in_frame_) throwTruncated();
      return false;
    }
    if (input.pos == 0) throwCorrupt("no progress possible");
  }
}

ZstdDeflatingWriteBuffer::ZstdDeflatingWriteBuffer(std::unique_ptr<WriteBuffer> out, int level, size_t buffer_size)
    : CompressingWriteBuffer(std::move(out), "zstd", buffer_size) {
  init(level);
}

ZstdDeflatingWriteBuffer::ZstdDeflatingWriteBuffer(WriteBuffer& out, int level, size_t buffer_size)
    : CompressingWriteBuffer(out, "zstd", buffer_size) {
  init(level);
}

void ZstdDeflatingWriteBuffer::init(int level) {
  checkLevel(level, 1, ZSTD_maxCLevel());
  cctx_ = ZSTD_createCCtx();
  if (!cctx_) throwCompressError("cannot create a compression context");
  size_t ret = ZSTD_CCtx_setParameter(cctx_, ZSTD_c_compressionLevel, level == -1 ? ZSTD_CLEVEL_DEFAULT : level);
  if (!ZSTD_isError(ret)) ret = ZSTD_CCtx_setParameter(cctx_, ZSTD_c_checksumFlag, 1);
  if (ZSTD_isError(ret)) {
    ZSTD_freeCCtx(cctx_);
    throwCompressError(ZSTD_getErrorName(ret));
  }
}

ZstdDeflatingWriteBuffer::~ZstdDeflatingWriteBuffer() { ZSTD_freeCCtx(cctx_); }

void ZstdDeflatingWriteBuffer::nextImpl() {
  ZSTD_inBuffer input{begin_, size_t(pos_ - begin_), 0};
  while (input.pos < input.size) {
    reserveOutput();
    ZSTD_outBuffer output{out_.position(), out_.available(), 0};
    size_t ret = ZSTD_compressStream2(cctx_, &output, &input, ZSTD_e_continue);
    out_.setPosition(out_.position() + output.pos);
    if (ZSTD_isError(ret)) throwCompressError(ZSTD_getErrorName(ret));
  }
  resetWindow();
}

void ZstdDeflatingWriteBuffer::finalizeImpl() {
  ZSTD_inBuffer input{nullptr, 0, 0};
  while (true) {
    reserveOutput();
    ZSTD_outBuffer output{out_.position(), out_.available(), 0};
    size_t ret = ZSTD_compressStream2(cctx_, &output, &input, ZSTD_e_end);
    out_.setPosition(out_.position() + output.pos);
    if (ZSTD_isError(ret)) throwCompressError(ZSTD_getErrorName(ret));
    if (ret == 0) break;
  }
  out_.finalize();
}

}  // namespace tally
