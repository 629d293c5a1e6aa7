#include "io/zlib_buffers.h"

#include <algorithm>
#include <climits>

#include "common/exception.h"

namespace tally {

// zlib counts in uInt: a window larger than that is fed in pieces.
static uInt zlibChunk(size_t n) { return uInt(std::min<size_t>(n, UINT_MAX)); }

ZlibInflatingReadBuffer::ZlibInflatingReadBuffer(std::unique_ptr<ReadBuffer> in, bool gzip, size_t buffer_size)
    : DecompressingReadBuffer(std::move(in), gzip ? "gzip" : "deflate", buffer_size), gzip_(gzip) {}

ZlibInflatingReadBuffer::ZlibInflatingReadBuffer(ReadBuffer& in, bool gzip, size_t buffer_size)
    : DecompressingReadBuffer(in, gzip ? "gzip" : "deflate", buffer_size), gzip_(gzip) {}

ZlibInflatingReadBuffer::~ZlibInflatingReadBuffer() {
  if (initialized_) inflateEnd(&stream_);
}

void ZlibInflatingReadBuffer::startStream() {
  // 15 + 32: a zlib or gzip header, told apart by zlib. "deflate" without either header is raw
  // deflate (-15). A zlib header is CMF (method 8, window <= 32 KiB) then FLG with CMF*256+FLG
  // divisible by 31; gzip starts with 0x1f 0x8b.
  int window_bits = 15 + 32;
  if (!gzip_) {
    const auto* p = reinterpret_cast<const unsigned char*>(in_.position());
    size_t n = in_.available();
    bool gzip_magic = p[0] == 0x1f && (n < 2 || p[1] == 0x8b);
    bool zlib_header = (p[0] & 0x0f) == 8 && (p[0] >> 4) <= 7 && (n < 2 || ((p[0] << 8) | p[1]) % 31 == 0);
    if (!gzip_magic && !zlib_header) window_bits = -15;
  }
  int ret;
  if (!initialized_) {
    stream_ = z_stream{};
    ret = inflateInit2(&stream_, window_bits);
    if (ret == Z_OK) initialized_ = true;
  } else {
    ret = inflateReset2(&stream_, window_bits);
  }
  if (ret != Z_OK) throwCorrupt(fmt::format("inflateInit failed: {}", zError(ret)));
  in_stream_ = true;
}

bool ZlibInflatingReadBuffer::nextImpl() {
  while (true) {
    // At the end of the input a stream may still hold output that did not fit the window
    // last time: inflate is called once more with no input, and only then is the end judged.
    bool input_eof = inputExhausted();
    if (!in_stream_) {
      if (input_eof) return false;  // between members: a clean end (or empty input)
      startStream();
    }

    stream_.next_in = input_eof ? nullptr : reinterpret_cast<Bytef*>(in_.position());
    stream_.avail_in = input_eof ? 0 : zlibChunk(in_.available());
    stream_.next_out = reinterpret_cast<Bytef*>(memory_.data());
    stream_.avail_out = zlibChunk(memory_.size());
    int ret = inflate(&stream_, Z_NO_FLUSH);
    if (!input_eof) in_.setPosition(reinterpret_cast<char*>(stream_.next_in));
    size_t produced = memory_.size() - stream_.avail_out;

    switch (ret) {
      case Z_OK:
        break;
      case Z_STREAM_END:
        in_stream_ = false;  // another member may follow
        break;
      case Z_BUF_ERROR:
        // No progress possible: without input that is a truncated stream; with input and
        // output space both offered, zlib cannot go on.
        if (input_eof) throwTruncated();
        throwCorrupt("no progress possible");
      case Z_NEED_DICT:
        throwCorrupt("the stream needs a preset dictionary");
      case Z_MEM_ERROR:
        throwCorrupt("out of memory");
      default:
        throwCorrupt(stream_.msg ? stream_.msg : zError(ret));
    }
    if (produced > 0) {
      set(memory_.data(), produced);
      return true;
    }
    if (input_eof && in_stream_) throwTruncated();
  }
}

ZlibDeflatingWriteBuffer::ZlibDeflatingWriteBuffer(std::unique_ptr<WriteBuffer> out, bool gzip, int level,
                                                   size_t buffer_size)
    : CompressingWriteBuffer(std::move(out), gzip ? "gzip" : "deflate", buffer_size) {
  init(gzip, level);
}

ZlibDeflatingWriteBuffer::ZlibDeflatingWriteBuffer(WriteBuffer& out, bool gzip, int level, size_t buffer_size)
    : CompressingWriteBuffer(out, gzip ? "gzip" : "deflate", buffer_size) {
  init(gzip, level);
}

void ZlibDeflatingWriteBuffer::init(bool gzip, int level) {
  checkLevel(level, 0, 9);
  int ret = deflateInit2(&stream_, level == -1 ? Z_DEFAULT_COMPRESSION : level, Z_DEFLATED, gzip ? 15 + 16 : 15, 8,
                         Z_DEFAULT_STRATEGY);
  if (ret != Z_OK) throwCompressError(fmt::format("deflateInit failed: {}", zError(ret)));
}

ZlibDeflatingWriteBuffer::~ZlibDeflatingWriteBuffer() { deflateEnd(&stream_); }

void ZlibDeflatingWriteBuffer::nextImpl() {
  stream_.next_in = reinterpret_cast<Bytef*>(begin_);
  stream_.avail_in = uInt(pos_ - begin_);
  while (stream_.avail_in > 0) {
    reserveOutput();
    stream_.next_out = reinterpret_cast<Bytef*>(out_.position());
    stream_.avail_out = zlibChunk(out_.available());
    int ret = deflate(&stream_, Z_NO_FLUSH);
    out_.setPosition(reinterpret_cast<char*>(stream_.next_out));
    if (ret != Z_OK && ret != Z_BUF_ERROR) throwCompressError(zError(ret));
  }
  resetWindow();
}

void ZlibDeflatingWriteBuffer::finalizeImpl() {
  stream_.next_in = nullptr;
  stream_.avail_in = 0;
  while (true) {
    reserveOutput();
    stream_.next_out = reinterpret_cast<Bytef*>(out_.position());
    stream_.avail_out = zlibChunk(out_.available());
    int ret = deflate(&stream_, Z_FINISH);
    out_.setPosition(reinterpret_cast<char*>(stream_.next_out));
    if (ret == Z_STREAM_END) break;
    if (ret != Z_OK && ret != Z_BUF_ERROR) throwCompressError(zError(ret));
  }
  out_.finalize();
}

}  // namespace tally
