#pragma once
// A column's compression: CODEC(...) as declared (or LZ4 by default), applied to each granule
// frame of a column file. Optional value transforms for fixed-width data (Delta(w),
// DoubleDelta, Gorilla, T64) come first, then one general-purpose compressor (LZ4, LZ4HC(l),
// ZSTD(l), NONE). Frames carry a checksum of their bytes; a mismatch on reading throws
// CHECKSUM_DOESNT_MATCH. Layout: docs/storage_format.md.

#include <cstdint>
#include <string>
#include <string_view>

#include "types/data_type.h"

namespace tally {

class CompressionCodec {
 public:
  enum class Method : uint8_t { None = 0, LZ4 = 1, LZ4HC = 2, ZSTD = 3 };
  enum class Transform : uint8_t { None = 0, Delta = 1, DoubleDelta = 2, Gorilla = 3, T64 = 4 };

  /// LZ4, no transform.
  CompressionCodec() = default;
  /// From a column's CODEC(...) text ("" for the default). Throws UNKNOWN_CODEC,
  /// ILLEGAL_CODEC_PARAMETER, or ILLEGAL_SYNTAX_FOR_CODEC_TYPE (a transform on a type without
  /// fixed-width values).
  static CompressionCodec fromDeclaration(const std::string& codec_text, const DataType& type);

  /// Appends one frame holding `raw` to `out`.
  void compress(std::string_view raw, std::string& out) const;
  /// Decodes the frame at `data` (at most `available` bytes) into `raw` (replaced); returns the
  /// frame's size in bytes. Throws CORRUPTED_DATA / CHECKSUM_DOESNT_MATCH.
  static size_t decompress(const char* data, size_t available, std::string& raw);

  static constexpr size_t kHeaderSize = 20;

 private:
  Method method_ = Method::LZ4;
  int level_ = 0;
  Transform transform_ = Transform::None;
  uint8_t width_ = 0;  // value width for transforms
};

}  // namespace tally
