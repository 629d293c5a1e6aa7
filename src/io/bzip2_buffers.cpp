#include "io/bzip2_buffers.h"

#include <algorithm>
#include <climits>

#include "common/exception.h"

namespace tally {

static const char* bzip2ErrorText(int ret) {
  switch (ret) {
    case BZ_DATA_ERROR:
      return "data integrity error";
    case BZ_DATA_ERROR_MAGIC:
      return "not in bzip2 format (bad magic number)";
    case BZ_MEM_ERROR:
      return "out of memory";
    case BZ_PARAM_ERROR:
      return "invalid parameter";
    case BZ_SEQUENCE_ERROR:
      return "sequence error";
    case BZ_CONFIG_ERROR:
      return "libbz2 is misconfigured";
    default:
      return "unknown error";
  }
}

// libbz2 counts in unsigned int: a window larger than that is fed in pieces.
static unsigned bzip2Chunk(size_t n) { return unsigned(std::min<size_t>(n, UINT_MAX)); }

Bzip2InflatingReadBuffer::Bzip2InflatingReadBuffer(std::unique_ptr<ReadBuffer> in, size_t buffer_size)
    : DecompressingReadBuffer(std::move(in), "bzip2", buffer_size) {}

Bzip2InflatingReadBuffer::Bzip2InflatingReadBuffer(ReadBuffer& in, size_t buffer_size)
    : DecompressingReadBuffer(in, "bzip2", buffer_size) {}

Bzip2InflatingReadBuffer::~Bzip2InflatingReadBuffer() { endStream(); }

void Bzip2InflatingReadBuffer::startStream() {
  stream_ = bz_stream{};
  int ret = BZ2_bzDecompressInit(&stream_, 0, 0);
  if (ret != BZ_OK) throwCorrupt(bzip2ErrorText(ret));
  in_stream_ = true;
}

void Bzip2InflatingReadBuffer::endStream() {
  if (in_stream_) BZ2_bzDecompressEnd(&stream_);
  in_stream_ = false;
}

bool Bzip2InflatingReadBuffer::nextImpl() {
  static char no_input = 0;
  while (true) {
    // At the end of the input a stream may still hold output that did not fit the window last
    // time: the decoder is called once more with no input before the end is judged.
    bool input_eof = inputExhausted();
    if (!in_stream_) {
      if (input_eof) return false;  // between streams: a clean end (or empty input)
      startStream();
    }

    stream_.next_in = input_eof ? &no_input : in_.position();
    stream_.avail_in = input_eof ? 0 : bzip2Chunk(in_.available());
    stream_.next_out = memory_.data();
    stream_.avail_out = bzip2Chunk(memory_.size());
    int ret = BZ2_bzDecompress(&stream_);
    bool consumed = !input_eof && stream_.next_in != in_.position();
    if (!input_eof) in_.setPosition(stream_.next_in);
    size_t produced = memory_.size() - stream_.avail_out;

    if (ret == BZ_STREAM_END) {
      endStream();  // another stream may follow
    } else if (ret != BZ_OK) {
      throwCorrupt(bzip2ErrorText(ret));
    }
    if (produced > 0) {
      set(memory_.data(), produced);
      return true;
    }
    if (input_eof && in_stream_) throwTruncated();
    if (!input_eof && !consumed && in_stream_) throwCorrupt("no progress possible");
  }
}

Bzip2DeflatingWriteBuffer::Bzip2DeflatingWriteBuffer(std::unique_ptr<WriteBuffer> out, int level, size_t buffer_size)
    : CompressingWriteBuffer(std::move(out), "bzip2", buffer_size) {
  init(level);
}

Bzip2DeflatingWriteBuffer::Bzip2DeflatingWriteBuffer(WriteBuffer& out, int level, size_t buffer_size)
    : CompressingWriteBuffer(out, "bzip2", buffer_size) {
  init(level);
}

void Bzip2DeflatingWriteBuffer::init(int level) {
  checkLevel(level, 1, 9);
  int ret = BZ2_bzCompressInit(&stream_, level == -1 ? 9 : level, 0, 0);
  if (ret != BZ_OK) throwCompressError(bzip2ErrorText(ret));
}

Bzip2DeflatingWriteBuffer::~Bzip2DeflatingWriteBuffer() { BZ2_bzCompressEnd(&stream_); }

void Bzip2DeflatingWriteBuffer::nextImpl() {
  stream_.next_in = begin_;
  stream_.avail_in = unsigned(pos_ - begin_);
  while (stream_.avail_in > 0) {
    reserveOutput();
    stream_.next_out = out_.position();
    stream_.avail_out = bzip2Chunk(out_.available());
    int ret = BZ2_bzCompress(&stream_, BZ_RUN);
    out_.setPosition(stream_.next_out);
    if (ret != BZ_RUN_OK) throwCompressError(bzip2ErrorText(ret));
  }
  resetWindow();
}

void Bzip2DeflatingWriteBuffer::finalizeImpl() {
  stream_.avail_in = 0;
  while (true) {
    reserveOutput();
    stream_.next_out = out_.position();
    stream_.avail_out = bzip2Chunk(out_.available());
    int ret = BZ2_bzCompress(&stream_, BZ_FINISH);
    out_.setPosition(stream_.next_out);
    if (ret == BZ_STREAM_END) break;
    if (ret != BZ_FINISH_OK) throwCompressError(bzip2ErrorText(ret));
  }
  out_.finalize();
}

}  // namespace tally
