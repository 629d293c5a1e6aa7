#pragma once
// The plumbing shared by the stream decompressors and compressors (zlib_buffers.h,
// zstd_buffers.h, lzma_buffers.h, lz4_buffers.h, bzip2_buffers.h): the inner buffer, owned or
// borrowed, the window memory, and the errors they raise.

#include <memory>
#include <string_view>

#include "common/pod_array.h"
#include "io/read_buffer.h"
#include "io/write_buffer.h"

namespace tally {

/// A ReadBuffer whose window holds data decompressed from the inner buffer `in_`. Subclasses
/// implement nextImpl(): consume compressed bytes straight from in_'s window (advancing its
/// position by what the codec took) and expose the output through set(memory_.data(), n).
class DecompressingReadBuffer : public ReadBuffer {
 public:
  /// Size of the decompressed window unless a constructor is told otherwise.
  static constexpr size_t kDefaultBufferSize = 1 << 20;

  /// The codec's name as messages give it ("gzip", "zstd", ...).
  std::string_view codecName() const { return codec_; }

 protected:
  /// Owns `in`.
  DecompressingReadBuffer(std::unique_ptr<ReadBuffer> in, std::string_view codec, size_t buffer_size);
  /// Borrows `in`: the caller keeps it alive as long as this buffer.
  DecompressingReadBuffer(ReadBuffer& in, std::string_view codec, size_t buffer_size);

  /// CANNOT_DECOMPRESS "Cannot decompress <codec> stream: <detail> (near compressed offset N)", N being
  /// in_'s offset (codecs that do not report how far they got leave it at their window's start).
  [[noreturn]] void throwCorrupt(std::string_view detail) const;
  /// CANNOT_DECOMPRESS "Unexpected end of compressed stream (<codec>, N compressed bytes read)".
  [[noreturn]] void throwTruncated() const;
  /// True when in_ has no more bytes; otherwise its window holds at least one (refilled if it
  /// was empty, past any empty windows the source hands out).
  bool inputExhausted() {
    while (in_.available() == 0)
      if (!in_.next()) return true;
    return false;
  }

  std::unique_ptr<ReadBuffer> holder_;
  ReadBuffer& in_;
  std::string_view codec_;
  PODArray<char> memory_;
};

/// A WriteBuffer that compresses what is written into the inner buffer `out_`. Subclasses
/// implement nextImpl() (compress [begin_, pos_) into out_'s window, then reset the window to
/// memory_) and finalizeImpl() (write the stream's end, then out_.finalize()).
class CompressingWriteBuffer : public WriteBuffer {
 public:
  /// Size of the uncompressed window unless a constructor is told otherwise.
  static constexpr size_t kDefaultBufferSize = 1 << 20;

  std::string_view codecName() const { return codec_; }

 protected:
  /// Owns `out`.
  CompressingWriteBuffer(std::unique_ptr<WriteBuffer> out, std::string_view codec, size_t buffer_size);
  /// Borrows `out`: the caller keeps it alive as long as this buffer.
  CompressingWriteBuffer(WriteBuffer& out, std::string_view codec, size_t buffer_size);

  /// CANNOT_COMPRESS "Cannot compress <codec> stream: <detail>".
  [[noreturn]] void throwCompressError(std::string_view detail) const;
  /// BAD_ARGUMENTS unless min_level <= level <= max_level (-1, the default, is always accepted).
  void checkLevel(int level, int min_level, int max_level) const;
  /// Makes out_'s window non-empty (flushing it when full).
  void reserveOutput();
  /// Points the window at memory_ again, after nextImpl() consumed it.
  void resetWindow() { set(memory_.data(), memory_.size()); }

  std::unique_ptr<WriteBuffer> holder_;
  WriteBuffer& out_;
  std::string_view codec_;
  PODArray<char> memory_;
};

}  // namespace tally
