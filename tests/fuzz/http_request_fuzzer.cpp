// libFuzzer target for the server's request reading: any bytes go through the HTTP parser
// (Beast, with the server's limits), and a complete request through the query-request reader
// (URL decoding, reserved parameters, settings, credentials) and the body decoders
// (Content-Encoding, then ClickHouse's checksummed blocks with decompress=1). Each must succeed or fail with an error, never crash or hang.

#include <boost/beast/core/flat_buffer.hpp>
#include <boost/beast/http/parser.hpp>
#include <boost/beast/http/string_body.hpp>
#include <cstddef>
#include <cstdint>
#include <string_view>

#include "server/http_compression.h"
#include "server/native_compression.h"
#include "server/query_handler.h"
#include "tally/tally.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  namespace http = boost::beast::http;
  http::request_parser<http::string_body> parser;
  parser.header_limit(1 << 16);
  parser.body_limit(1 << 20);
  parser.eager(true);
  boost::beast::error_code ec;
  parser.put(boost::asio::buffer(data, size), ec);
  if (!ec && !parser.is_done()) parser.put_eof(ec);
  if (ec || !parser.is_done()) return 0;
  try {
    auto& request = parser.get();
    tally::server::QueryRequest q = tally::server::parseHttpQueryRequest(request);
    std::string body = tally::server::decodeRequestBody(request.body(), q.content_encoding, 1 << 24);
    if (q.decompress) body = tally::server::decodeNativeCompressed(body, !q.skip_native_checksums, 1 << 24);
  } catch (const tally::api::Error&) {
  }
  return 0;
}
