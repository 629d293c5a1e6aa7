#include "server/http_compression.h"

#include <fmt/format.h>

#include "common/exception.h"
#include "io/read_buffer.h"
#include "server/response_stream.h"
#include "tally/tally.h"

namespace tally::server {

std::string decodeRequestBody(std::string body, std::string_view content_encoding, uint64_t max_size) {
  if (content_encoding.empty()) return body;
  try {
    CompressionMethod method = compressionFromContentEncoding(content_encoding);
    if (method == CompressionMethod::None) return body;
    auto in = wrapReadBufferWithCompression(std::make_unique<ReadBufferFromOwnString>(std::move(body)), method);
    std::string decoded;
    while (!in->eof()) {
      decoded.append(in->position(), in->available());
      in->setPosition(in->bufferEnd());
      if (decoded.size() > max_size)
        throw api::Error(36, "BAD_ARGUMENTS",
                         fmt::format("The decompressed request body is larger than http_max_body_size ({} bytes)", max_size));
    }
    return decoded;
  } catch (const tally::Exception& e) {
    throw api::Error(e.code(), std::string(errorCodeName(e.code())), e.message());
  }
}

CompressionMethod chooseResponseCompression(std::string_view accept_encoding) {
  if (accept_encoding.find("zstd") != std::string_view::npos) return CompressionMethod::Zstd;
  if (accept_encoding.find("lz4") != std::string_view::npos) return CompressionMethod::Lz4;
  if (accept_encoding.find("gzip") != std::string_view::npos) return CompressionMethod::Gzip;
  if (accept_encoding.find("deflate") != std::string_view::npos) return CompressionMethod::Zlib;
  if (accept_encoding.find("xz") != std::string_view::npos) return CompressionMethod::Xz;
  if (accept_encoding.find("bz2") != std::string_view::npos) return CompressionMethod::Bzip2;
  return CompressionMethod::None;
}

ResponseBodyBuffer::ResponseBodyBuffer(ResponseStream& response) : response_(response) {
  set(memory_, sizeof(memory_));
}

void ResponseBodyBuffer::nextImpl() {
  size_t n = size_t(pos_ - begin_);
  if (n) response_.write(std::string_view(begin_, n));
  set(memory_, sizeof(memory_));
}

}  // namespace tally::server
