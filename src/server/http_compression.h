#pragma once
// HTTP-level compression: request bodies by Content-Encoding, responses by Accept-Encoding
// (only with enable_http_compression=1), using tally's stream compressors (src/io).

#include <cstdint>
#include <memory>
#include <string>
#include <string_view>

#include "io/compression.h"
#include "io/write_buffer.h"

namespace tally::server {

class ResponseStream;

/// The request body decoded per its Content-Encoding. Throws tally::api::Error:
/// CANNOT_DECOMPRESS for corrupt or truncated data, NOT_IMPLEMENTED for unknown encodings,
/// BAD_ARGUMENTS when the decoded body would exceed `max_size` bytes (a compression bomb).
std::string decodeRequestBody(std::string body, std::string_view content_encoding, uint64_t max_size);

/// The response encoding for an Accept-Encoding value, ClickHouse's priority by substring:
/// zstd > lz4 > gzip > deflate > xz > bz2; None when nothing matches.
CompressionMethod chooseResponseCompression(std::string_view accept_encoding);

/// A WriteBuffer whose bytes become the response body.
class ResponseBodyBuffer final : public WriteBuffer {
 public:
  explicit ResponseBodyBuffer(ResponseStream& response);

 private:
  void nextImpl() override;
  ResponseStream& response_;
  char memory_[16384];
};

}  // namespace tally::server
