#include "io/compression.h"

#include <string>

#include "common/exception.h"
#include "io/bzip2_buffers.h"
#include "io/lz4_buffers.h"
#include "io/lzma_buffers.h"
#include "io/zlib_buffers.h"
#include "io/zstd_buffers.h"

namespace tally {

namespace {

// A compression name as an extension or hint spells it. Brotli and snappy are recognised only
// to be refused by name.
struct CompressionName {
  std::string_view name;
  CompressionMethod method;
  std::string_view unsupported;  // non-empty: "<this> compression is not supported"
};

// clang-format off
constexpr CompressionName kCompressionNames[] = {
    {"gz", CompressionMethod::Gzip, {}},
    {"gzip", CompressionMethod::Gzip, {}},
    {"deflate", CompressionMethod::Zlib, {}},
    {"xz", CompressionMethod::Xz, {}},
    {"lzma", CompressionMethod::Xz, {}},
    {"zst", CompressionMethod::Zstd, {}},
    {"zstd", CompressionMethod::Zstd, {}},
    {"lz4", CompressionMethod::Lz4, {}},
    {"bz2", CompressionMethod::Bzip2, {}},
    {"br", CompressionMethod::None, "Brotli"},
    {"brotli", CompressionMethod::None, "Brotli"},
    {"snappy", CompressionMethod::None, "Snappy"},
};
// clang-format on

std::string compressionLower(std::string_view s) {
  std::string result(s);
  for (char& c : result)
    if (c >= 'A' && c <= 'Z') c = char(c - 'A' + 'a');
  return result;
}

const CompressionName* findCompressionName(std::string_view lowered) {
  for (const auto& entry : kCompressionNames)
    if (entry.name == lowered) return &entry;
  return nullptr;
}

CompressionMethod supportedOrThrow(const CompressionName& entry) {
  if (!entry.unsupported.empty())
    throw Exception(ErrorCodes::NOT_IMPLEMENTED, "{} compression is not supported", entry.unsupported);
  return entry.method;
}

// The extension of the last path component ("gz" for "a/b.csv.gz"); a string without '/' and
// '.' is taken as a bare extension itself. Empty when there is none.
std::string_view compressionExtension(std::string_view path_or_ext) {
  size_t slash = path_or_ext.rfind('/');
  std::string_view name = slash == std::string_view::npos ? path_or_ext : path_or_ext.substr(slash + 1);
  size_t dot = name.rfind('.');
  if (dot == std::string_view::npos) return slash == std::string_view::npos ? name : std::string_view{};
  return name.substr(dot + 1);
}

}  // namespace

CompressionMethod chooseCompressionMethod(std::string_view path_or_ext, std::string_view hint) {
  std::string lowered_hint = compressionLower(hint);
  if (lowered_hint.empty() || lowered_hint == "auto") {
    const CompressionName* entry = findCompressionName(compressionLower(compressionExtension(path_or_ext)));
    return entry ? supportedOrThrow(*entry) : CompressionMethod::None;
  }
  if (lowered_hint == "none") return CompressionMethod::None;
  if (const CompressionName* entry = findCompressionName(lowered_hint)) return supportedOrThrow(*entry);
  throw Exception(ErrorCodes::NOT_IMPLEMENTED,
                  "Unknown compression method '{}'. Only 'auto', 'none', 'gzip', 'deflate', 'br', 'xz', 'zstd', "
                  "'lz4', 'bz2', 'snappy' are supported as compression methods",
                  hint);
}

std::string_view stripCompressionExtension(std::string_view path) {
  size_t slash = path.rfind('/');
  size_t dot = path.rfind('.');
  if (dot == std::string_view::npos || (slash != std::string_view::npos && dot < slash)) return path;
  if (!findCompressionName(compressionLower(path.substr(dot + 1)))) return path;
  return path.substr(0, dot);
}

CompressionMethod compressionFromContentEncoding(std::string_view content_encoding) {
  std::string_view value = content_encoding;
  while (!value.empty() && (value.front() == ' ' || value.front() == '\t')) value.remove_prefix(1);
  while (!value.empty() && (value.back() == ' ' || value.back() == '\t')) value.remove_suffix(1);
  std::string lowered = compressionLower(value);
  if (lowered.empty() || lowered == "identity") return CompressionMethod::None;
  if (lowered == "x-gzip") return CompressionMethod::Gzip;
  if (lowered == "bzip2" || lowered == "x-bzip2") return CompressionMethod::Bzip2;
  if (const CompressionName* entry = findCompressionName(lowered)) return supportedOrThrow(*entry);
  throw Exception(ErrorCodes::NOT_IMPLEMENTED,
                  "Unknown compression method '{}'. Only 'gzip', 'deflate', 'br', 'xz', 'zstd', 'lz4', 'bz2', "
                  "'snappy' are supported as HTTP content encodings",
                  value);
}

std::string_view compressionMethodName(CompressionMethod method) {
  switch (method) {
    case CompressionMethod::None:
      return "";
    case CompressionMethod::Gzip:
      return "gzip";
    case CompressionMethod::Zlib:
      return "deflate";
    case CompressionMethod::Xz:
      return "xz";
    case CompressionMethod::Zstd:
      return "zstd";
    case CompressionMethod::Lz4:
      return "lz4";
    case CompressionMethod::Bzip2:
      return "bz2";
  }
  return "";
}

std::unique_ptr<ReadBuffer> wrapReadBufferWithCompression(std::unique_ptr<ReadBuffer> in, CompressionMethod method) {
  switch (method) {
    case CompressionMethod::None:
      return in;
    case CompressionMethod::Gzip:
      return std::make_unique<ZlibInflatingReadBuffer>(std::move(in), true);
    case CompressionMethod::Zlib:
      return std::make_unique<ZlibInflatingReadBuffer>(std::move(in), false);
    case CompressionMethod::Xz:
      return std::make_unique<LzmaInflatingReadBuffer>(std::move(in));
    case CompressionMethod::Zstd:
      return std::make_unique<ZstdInflatingReadBuffer>(std::move(in));
    case CompressionMethod::Lz4:
      return std::make_unique<Lz4InflatingReadBuffer>(std::move(in));
    case CompressionMethod::Bzip2:
      return std::make_unique<Bzip2InflatingReadBuffer>(std::move(in));
  }
  throw Exception(ErrorCodes::LOGICAL_ERROR, "Unexpected compression method {}", int(method));
}

std::unique_ptr<WriteBuffer> wrapWriteBufferWithCompression(std::unique_ptr<WriteBuffer> out, CompressionMethod method,
                                                            int level) {
  switch (method) {
    case CompressionMethod::None:
      return out;
    case CompressionMethod::Gzip:
      return std::make_unique<ZlibDeflatingWriteBuffer>(std::move(out), true, level);
    case CompressionMethod::Zlib:
      return std::make_unique<ZlibDeflatingWriteBuffer>(std::move(out), false, level);
    case CompressionMethod::Xz:
      return std::make_unique<LzmaDeflatingWriteBuffer>(std::move(out), level);
    case CompressionMethod::Zstd:
      return std::make_unique<ZstdDeflatingWriteBuffer>(std::move(out), level);
    case CompressionMethod::Lz4:
      return std::make_unique<Lz4DeflatingWriteBuffer>(std::move(out), level);
    case CompressionMethod::Bzip2:
      return std::make_unique<Bzip2DeflatingWriteBuffer>(std::move(out), level);
  }
  throw Exception(ErrorCodes::LOGICAL_ERROR, "Unexpected compression method {}", int(method));
}

}  // namespace tally
