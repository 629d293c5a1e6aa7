#include "io/lzma_buffers.h"

#include "common/exception.h"

namespace tally {

static const char* lzmaErrorText(lzma_ret ret) {
  switch (ret) {
    case LZMA_MEM_ERROR:
      return "out of memory";
    case LZMA_MEMLIMIT_ERROR:
      return "memory usage limit reached";
    case LZMA_FORMAT_ERROR:
      return "file format not recognized";
    case LZMA_OPTIONS_ERROR:
      return "unsupported options";
    case LZMA_DATA_ERROR:
      return "compressed data is corrupt";
    case LZMA_BUF_ERROR:
      return "no progress possible";
    case LZMA_UNSUPPORTED_CHECK:
      return "unsupported integrity check";
    case LZMA_PROG_ERROR:
      return "programming error";
    default:
      return "unknown error";
  }
}

LzmaInflatingReadBuffer::LzmaInflatingReadBuffer(std::unique_ptr<ReadBuffer> in, size_t buffer_size)
    : DecompressingReadBuffer(std::move(in), "xz", buffer_size) {
  init();
}

LzmaInflatingReadBuffer::LzmaInflatingReadBuffer(ReadBuffer& in, size_t buffer_size)
    : DecompressingReadBuffer(in, "xz", buffer_size) {
  init();
}

void LzmaInflatingReadBuffer::init() {
  lzma_ret ret = lzma_auto_decoder(&stream_, UINT64_MAX, LZMA_CONCATENATED);
  if (ret != LZMA_OK) throwCorrupt(lzmaErrorText(ret));
}

LzmaInflatingReadBuffer::~LzmaInflatingReadBuffer() { lzma_end(&stream_); }

bool LzmaInflatingReadBuffer::nextImpl() {
  if (finished_) return false;
  while (true) {
    // With LZMA_CONCATENATED the decoder only knows the input ended when told so (LZMA_FINISH);
    // then it returns LZMA_STREAM_END for a complete stream and LZMA_BUF_ERROR for a cut one.
    bool input_eof = inputExhausted();
    if (input_eof && !started_) return false;  // empty input
    started_ = true;

    stream_.next_in = input_eof ? nullptr : reinterpret_cast<const uint8_t*>(in_.position());
    stream_.avail_in = input_eof ? 0 : in_.available();
    stream_.next_out = reinterpret_cast<uint8_t*>(memory_.data());
    stream_.avail_out = memory_.size();
    lzma_ret ret = lzma_code(&stream_, input_eof ? LZMA_FINISH : LZMA_RUN);
    if (!input_eof) in_.setPosition(const_cast<char*>(reinterpret_cast<const char*>(stream_.next_in)));
    size_t produced = memory_.size() - stream_.avail_out;

    if (ret == LZMA_STREAM_END) {
      finished_ = true;
    } else if (ret == LZMA_BUF_ERROR && input_eof) {
      throwTruncated();
    } else if (ret != LZMA_OK) {
      throwCorrupt(lzmaErrorText(ret));
    }
    if (produced > 0) {
      set(memory_.data(), produced);
      return true;
    }
    if (finished_) return false;
  }
}

LzmaDeflatingWriteBuffer::LzmaDeflatingWriteBuffer(std::unique_ptr<WriteBuffer> out, int level, size_t buffer_size)
    : CompressingWriteBuffer(std::move(out), "xz", buffer_size) {
  init(level);
}

LzmaDeflatingWriteBuffer::LzmaDeflatingWriteBuffer(WriteBuffer& out, int level, size_t buffer_size)
    : CompressingWriteBuffer(out, "xz", buffer_size) {
  init(level);
}

void LzmaDeflatingWriteBuffer::init(int level) {
  checkLevel(level, 0, 9);
  lzma_ret ret = lzma_easy_encoder(&stream_, level == -1 ? LZMA_PRESET_DEFAULT : uint32_t(level), LZMA_CHECK_CRC64);
  if (ret != LZMA_OK) throwCompressError(lzmaErrorText(ret));
}

LzmaDeflatingWriteBuffer::~LzmaDeflatingWriteBuffer() { lzma_end(&stream_); }

void LzmaDeflatingWriteBuffer::nextImpl() {
  stream_.next_in = reinterpret_cast<const uint8_t*>(begin_);
  stream_.avail_in = size_t(pos_ - begin_);
  while (stream_.avail_in > 0) {
    reserveOutput();
    stream_.next_out = reinterpret_cast<uint8_t*>(out_.position());
    stream_.avail_out = out_.available();
    lzma_ret ret = lzma_code(&stream_, LZMA_RUN);
    out_.setPosition(reinterpret_cast<char*>(stream_.next_out));
    if (ret != LZMA_OK) throwCompressError(lzmaErrorText(ret));
  }
  resetWindow();
}

void LzmaDeflatingWriteBuffer::finalizeImpl() {
  stream_.next_in = nullptr;
  stream_.avail_in = 0;
  while (true) {
    reserveOutput();
    stream_.next_out = reinterpret_cast<uint8_t*>(out_.position());
    stream_.avail_out = out_.available();
    lzma_ret ret = lzma_code(&stream_, LZMA_FINISH);
    out_.setPosition(reinterpret_cast<char*>(stream_.next_out));
    if (ret == LZMA_STREAM_END) break;
    if (ret != LZMA_OK) throwCompressError(lzmaErrorText(ret));
  }
  out_.finalize();
}

}  // namespace tally
