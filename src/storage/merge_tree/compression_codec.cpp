#include "storage/merge_tree/compression_codec.h"

#include <lz4.h>
#include <lz4hc.h>
#include <xxhash.h>
#include <zstd.h>

#include <cstring>
#include <vector>

#include "common/exception.h"
#include "parser/ast.h"
#include "parser/parser.h"

namespace tally {

namespace {

// Frame header: method u8, transform u8, width u8, reserved u8, compressed size u32,
// raw size u32, xxh64 of the payload u64.
struct __attribute__((packed)) FrameHeader {
  uint8_t method, transform, width, reserved;
  uint32_t compressed_size, raw_size;
  uint64_t checksum;
};
static_assert(sizeof(FrameHeader) == CompressionCodec::kHeaderSize);

/// Rewrites each value from itself and the previous original value: Delta keeps v - prev,
/// Gorilla keeps v ^ prev; decoding inverts it in place.
enum class Step { DeltaEncode, DeltaDecode, XorEncode, XorDecode };

template <typename T>
void transformValues(char* data, size_t n, Step step) {
  T prev = 0;
  for (size_t i = 0; i < n; ++i) {
    T v;
    std::memcpy(&v, data + i * sizeof(T), sizeof(T));
    T out;
    switch (step) {
      case Step::DeltaEncode: out = T(v - prev), prev = v; break;
      case Step::DeltaDecode: out = prev = T(prev + v); break;
      case Step::XorEncode: out = T(v ^ prev), prev = v; break;
      case Step::XorDecode: out = prev = T(prev ^ v); break;
    }
    std::memcpy(data + i * sizeof(T), &out, sizeof(T));
  }
}

void applyStep(uint8_t width, char* data, size_t bytes, Step step) {
  switch (width) {
    case 1: transformValues<uint8_t>(data, bytes, step); break;
    case 2: transformValues<uint16_t>(data, bytes / 2, step); break;
    case 4: transformValues<uint32_t>(data, bytes / 4, step); break;
    default: transformValues<uint64_t>(data, bytes / 8, step); break;
  }
}

/// T64: the bytes of each value position grouped into planes (all first bytes, then all second
/// bytes, ...), so the constant high bytes of small integers become long runs.
void bytePlanesEncode(std::string& buf, uint8_t width) {
  size_t n = buf.size() / width;
  std::string out(buf.size(), '\0');
  for (size_t i = 0; i < n; ++i)
    for (size_t b = 0; b < width; ++b) out[b * n + i] = buf[i * width + b];
  std::memcpy(out.data() + n * width, buf.data() + n * width, buf.size() - n * width);
  buf.swap(out);
}

void bytePlanesDecode(std::string& buf, uint8_t width) {
  size_t n = buf.size() / width;
  std::string out(buf.size(), '\0');
  for (size_t i = 0; i < n; ++i)
    for (size_t b = 0; b < width; ++b) out[i * width + b] = buf[b * n + i];
  std::memcpy(out.data() + n * width, buf.data() + n * width, buf.size() - n * width);
  buf.swap(out);
}

void applyTransform(CompressionCodec::Transform t, uint8_t width, std::string& buf, bool encode) {
  size_t usable = width ? buf.size() / width * width : 0;
  char* data = buf.data();
  switch (t) {
    case CompressionCodec::Transform::None: return;
    case CompressionCodec::Transform::Delta:
      applyStep(width, data, usable, encode ? Step::DeltaEncode : Step::DeltaDecode);
      return;
    case CompressionCodec::Transform::DoubleDelta:
      applyStep(width, data, usable, encode ? Step::DeltaEncode : Step::DeltaDecode);
      applyStep(width, data, usable, encode ? Step::DeltaEncode : Step::DeltaDecode);
      return;
    case CompressionCodec::Transform::Gorilla:
      applyStep(width, data, usable, encode ? Step::XorEncode : Step::XorDecode);
      return;
    case CompressionCodec::Transform::T64:
      if (encode)
        bytePlanesEncode(buf, width);
      else
        bytePlanesDecode(buf, width);
      return;
  }
}

int64_t intArgument(const ASTFunction& f, size_t i, const std::string& codec) {
  const auto& args = f.args();
  if (i >= args.size()) return -1;
  if (args[i]->kind != ASTKind::Literal) throw Exception(ErrorCodes::ILLEGAL_CODEC_PARAMETER, "{} codec argument must be a number", codec);
  const Field& v = args[i]->as<ASTLiteral>().value;
  if (v.which() == Field::Which::UInt64) return int64_t(v.get<uint64_t>());
  if (v.which() == Field::Which::Int64) return v.get<int64_t>();
  throw Exception(ErrorCodes::ILLEGAL_CODEC_PARAMETER, "{} codec argument must be an integer", codec);
}

}  // namespace

CompressionCodec CompressionCodec::fromDeclaration(const std::string& codec_text, const DataType& type) {
  CompressionCodec codec;
  if (codec_text.empty()) return codec;
  ASTPtr ast = parseExpression(codec_text);
  if (ast->kind != ASTKind::Function) throw Exception(ErrorCodes::UNKNOWN_CODEC, "Cannot parse codec {}", codec_text);
  const auto& outer = ast->as<ASTFunction>();
  bool has_method = false;
  for (const auto& part : outer.args()) {
    std::string name;
    const ASTFunction* f = nullptr;
    if (part->kind == ASTKind::Identifier) {
      name = part->as<ASTIdentifier>().name();
    } else if (part->kind == ASTKind::Function) {
      f = &part->as<ASTFunction>();
      name = f->name;
    } else {
      throw Exception(ErrorCodes::UNKNOWN_CODEC, "Unknown codec {}", formatAST(*part));
    }
    auto transform = [&](Transform t) {
      size_t width = type.haveMaximumSizeOfValue() ? type.sizeOfValueInMemory() : 0;
      if (width != 1 && width != 2 && width != 4 && width != 8)
        throw Exception(ErrorCodes::ILLEGAL_SYNTAX_FOR_CODEC_TYPE, "Codec {} is not applicable for {} because the data type is not of fixed size",
                        name, type.name());
      if (t == Transform::Gorilla && !type.isFloat() && width < 4)
        throw Exception(ErrorCodes::ILLEGAL_SYNTAX_FOR_CODEC_TYPE, "Codec Gorilla is not applicable for {}", type.name());
      if (f && t == Transform::Delta) {
        int64_t w = intArgument(*f, 0, name);
        if (w != -1 && w != 1 && w != 2 && w != 4 && w != 8)
          throw Exception(ErrorCodes::ILLEGAL_CODEC_PARAMETER, "Delta value for delta codec can be 1, 2, 4 or 8, given {}", w);
      }
      codec.transform_ = t;
      codec.width_ = uint8_t(width);
    };
    if (name == "NONE") {
      codec.method_ = Method::None, has_method = true;
    } else if (name == "LZ4") {
      codec.method_ = Method::LZ4, has_method = true;
    } else if (name == "LZ4HC") {
      codec.method_ = Method::LZ4HC, has_method = true;
      codec.level_ = f ? int(intArgument(*f, 0, name)) : 9;
      if (codec.level_ < 0) codec.level_ = 9;
      if (codec.level_ > 12) throw Exception(ErrorCodes::ILLEGAL_CODEC_PARAMETER, "LZ4HC level must be at most 12");
    } else if (name == "ZSTD") {
      codec.method_ = Method::ZSTD, has_method = true;
      codec.level_ = f ? int(intArgument(*f, 0, name)) : 1;
      if (codec.level_ < 0) codec.level_ = 1;
      if (codec.level_ > 22)
        throw Exception(ErrorCodes::ILLEGAL_CODEC_PARAMETER, "ZSTD codec can't have level more than 22, given {}", codec.level_);
    } else if (name == "Delta") {
      transform(Transform::Delta);
    } else if (name == "DoubleDelta") {
      transform(Transform::DoubleDelta);
    } else if (name == "Gorilla") {
      transform(Transform::Gorilla);
    } else if (name == "T64") {
      transform(Transform::T64);
    } else {
      throw Exception(ErrorCodes::UNKNOWN_CODEC, "Unknown codec family code: {}", name);
    }
  }
  // A transform alone is followed by LZ4 (ClickHouse adds the default codec after it).
  if (!has_method) codec.method_ = Method::LZ4;
  return codec;
}

void CompressionCodec::compress(std::string_view raw, std::string& out) const {
  std::string transformed;
  std::string_view input = raw;
  if (transform_ != Transform::None) {
    transformed.assign(raw);
    applyTransform(transform_, width_, transformed, true);
    input = transformed;
  }
  size_t at = out.size();
  size_t bound = 0;
  switch (method_) {
    case Method::None: bound = input.size(); break;
    case Method::LZ4:
    case Method::LZ4HC: bound = size_t(LZ4_compressBound(int(input.size()))); break;
    case Method::ZSTD: bound = ZSTD_compressBound(input.size()); break;
  }
  out.resize(at + kHeaderSize + bound);
  char* dst = out.data() + at + kHeaderSize;
  size_t written = 0;
  switch (method_) {
    case Method::None:
      std::memcpy(dst, input.data(), input.size());
      written = input.size();
      break;
    case Method::LZ4:
      written = size_t(LZ4_compress_default(input.data(), dst, int(input.size()), int(bound)));
      break;
    case Method::LZ4HC:
      written = size_t(LZ4_compress_HC(input.data(), dst, int(input.size()), int(bound), level_));
      break;
    case Method::ZSTD: {
      size_t r = ZSTD_compress(dst, bound, input.data(), input.size(), level_);
      if (ZSTD_isError(r)) throw Exception(ErrorCodes::CANNOT_COMPRESS, "ZSTD compression failed: {}", ZSTD_getErrorName(r));
      written = r;
      break;
    }
  }
  if (written == 0 && !input.empty()) throw Exception(ErrorCodes::CANNOT_COMPRESS, "Cannot compress a granule");
  FrameHeader h{uint8_t(method_), uint8_t(transform_), width_, 0, uint32_t(written), uint32_t(raw.size()), XXH3_64bits(dst, written)};
  std::memcpy(out.data() + at, &h, kHeaderSize);
  out.resize(at + kHeaderSize + written);
}

size_t CompressionCodec::decompress(const char* data, size_t available, std::string& raw) {
  if (available < kHeaderSize) throw Exception(ErrorCodes::CORRUPTED_DATA, "Compressed frame header is truncated");
  FrameHeader h;
  std::memcpy(&h, data, kHeaderSize);
  if (h.compressed_size > available - kHeaderSize || h.method > 3 || h.transform > 4)
    throw Exception(ErrorCodes::CORRUPTED_DATA, "Compressed frame is truncated or has a corrupted header");
  const char* payload = data + kHeaderSize;
  if (XXH3_64bits(payload, h.compressed_size) != h.checksum)
    throw Exception(ErrorCodes::CHECKSUM_DOESNT_MATCH, "Checksum doesn't match: corrupted data in a compressed frame");
  raw.resize(h.raw_size);
  switch (Method(h.method)) {
    case Method::None:
      if (h.compressed_size != h.raw_size) throw Exception(ErrorCodes::CORRUPTED_DATA, "Uncompressed frame has a wrong size");
      std::memcpy(raw.data(), payload, h.raw_size);
      break;
    case Method::LZ4:
    case Method::LZ4HC: {
      int r = LZ4_decompress_safe(payload, raw.data(), int(h.compressed_size), int(h.raw_size));
      if (r < 0 || uint32_t(r) != h.raw_size) throw Exception(ErrorCodes::CANNOT_DECOMPRESS, "Cannot decompress LZ4-encoded data");
      break;
    }
    case Method::ZSTD: {
      size_t r = ZSTD_decompress(raw.data(), h.raw_size, payload, h.compressed_size);
      if (ZSTD_isError(r) || r != h.raw_size) throw Exception(ErrorCodes::CANNOT_DECOMPRESS, "Cannot decompress ZSTD-encoded data");
      break;
    }
  }
  if (h.transform) {
    if (h.width != 1 && h.width != 2 && h.width != 4 && h.width != 8) throw Exception(ErrorCodes::CORRUPTED_DATA, "Bad transform width");
    applyTransform(Transform(h.transform), h.width, raw, false);
  }
  return kHeaderSize + h.compressed_size;
}

}  // namespace tally
