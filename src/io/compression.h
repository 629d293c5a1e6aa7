#pragma once
// Stream compression of whole files and HTTP bodies: choosing the method (from a file extension,
// an explicit hint or a Content-Encoding header) and wrapping a ReadBuffer / WriteBuffer in the
// matching decompressor / compressor. ClickHouse's internal "native" block compression
// (CityHash128-checksummed frames) is a different thing and lives elsewhere.
//
// Decompressors accept concatenated streams (several gzip members, zstd / lz4 / xz frames, bzip2
// streams) and an entirely empty input (an empty result). Corrupt input throws CANNOT_DECOMPRESS
// with a message naming the method; input that ends inside a stream throws CANNOT_DECOMPRESS
// "Unexpected end of compressed stream (<method>)". Compressors write the standard container of
// each tool, so `gzip -d`, `zstd -d`, `xz -d`, `lz4 -d` and `bzip2 -d` read their output.

#include <memory>
#include <string_view>

#include "io/read_buffer.h"
#include "io/write_buffer.h"

namespace tally {

enum class CompressionMethod {
  None,
  Gzip,   /// gzip container (RFC 1952), zlib library
  Zlib,   /// "deflate": the zlib container (RFC 1950); raw deflate is also accepted on reading
  Xz,     /// xz container, liblzma (legacy .lzma files are also accepted on reading)
  Zstd,   /// zstd frames, libzstd
  Lz4,    /// LZ4 *frame* format (what the lz4 tool writes), liblz4
  Bzip2,  /// bzip2 streams, libbz2
};

/// ClickHouse's rules (`chooseCompressionMethod`): with hint "" or "auto" the extension of
/// `path_or_ext` decides (case-insensitive; "gz"/"gzip" -> Gzip, "deflate" -> Zlib, "xz"/"lzma" ->
/// Xz, "zst"/"zstd" -> Zstd, "lz4" -> Lz4, "bz2" -> Bzip2, anything else -> None). `path_or_ext` may
/// be a path ("data.csv.gz"), an extension with its dot (".gz") or a bare extension ("gz").
/// Hint "none" gives None; any other hint names the method itself (same names as extensions,
/// the hint wins over the extension).
/// Throws NOT_IMPLEMENTED "... compression is not supported" for brotli ("br", "brotli") and
/// snappy, and NOT_IMPLEMENTED "Unknown compression method '<hint>'..." for an unknown hint.
CompressionMethod chooseCompressionMethod(std::string_view path_or_ext, std::string_view hint = "auto");

/// `path` without a trailing compression extension (any one chooseCompressionMethod knows,
/// including br/snappy), for format detection: "a/data.csv.gz" -> "a/data.csv", "x.tsv" -> "x.tsv".
/// The result views `path`.
std::string_view stripCompressionExtension(std::string_view path);

/// The method of an HTTP Content-Encoding value (case-insensitive, surrounding spaces ignored):
/// ""/"identity" -> None; "gzip"/"x-gzip" -> Gzip; "deflate" -> Zlib; "xz"/"lzma" -> Xz;
/// "zstd"/"zst" -> Zstd; "lz4" -> Lz4; "bz2"/"bzip2" -> Bzip2. Throws NOT_IMPLEMENTED for "br" and
/// "snappy" ("... is not supported") and for anything else ("Unknown compression method ...").
CompressionMethod compressionFromContentEncoding(std::string_view content_encoding);

/// The Content-Encoding token for a method ("gzip", "deflate", "xz", "zstd", "lz4", "bz2"; "" for
/// None). Also the method's name in messages.
std::string_view compressionMethodName(CompressionMethod method);

/// Wraps `in` in a decompressor that takes ownership of it; None returns `in` itself.
std::unique_ptr<ReadBuffer> wrapReadBufferWithCompression(std::unique_ptr<ReadBuffer> in, CompressionMethod method);

/// Wraps `out` in a compressor that takes ownership of it; None returns `out` itself.
/// `level` -1 is the library's default (gzip/deflate 6, xz 6, zstd 3, lz4 0 = fast, bzip2 9);
/// otherwise the valid ranges are gzip/deflate 0..9, xz 0..9, zstd 1..22, lz4 0..12 (3 and up use
/// LZ4 HC), bzip2 1..9; other values throw BAD_ARGUMENTS.
/// finalize() of the result finishes the compressed stream and then finalizes `out`. Destroying
/// it without finalize() leaves the stream unterminated on purpose: an aborted write must not
/// look like a complete file (readers report the truncation).
std::unique_ptr<WriteBuffer> wrapWriteBufferWithCompression(std::unique_ptr<WriteBuffer> out, CompressionMethod method,
                                                            int level = -1);

}  // namespace tally
