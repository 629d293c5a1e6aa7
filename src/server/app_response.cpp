#include "server/app_response.h"

#include <fmt/format.h>
#include <zlib.h>

#include "server/http_status.h"

namespace tally::server {

namespace {

/// gzip (RFC 1952) of `data`, or empty when zlib fails.
std::string gzip(std::string_view data) {
  z_stream zs{};
  if (deflateInit2(&zs, 6, Z_DEFLATED, 15 + 16, 8, Z_DEFAULT_STRATEGY) != Z_OK) return {};
  std::string out(deflateBound(&zs, uLong(data.size())) + 32, '\0');
  zs.next_in = reinterpret_cast<Bytef*>(const_cast<char*>(data.data()));
  zs.avail_in = uInt(data.size());
  zs.next_out = reinterpret_cast<Bytef*>(out.data());
  zs.avail_out = uInt(out.size());
  int rc = deflate(&zs, Z_FINISH);
  out.resize(zs.total_out);
  deflateEnd(&zs);
  return rc == Z_STREAM_END ? out : std::string();
}

bool acceptsGzip(std::string_view accept_encoding) { return accept_encoding.find("gzip") != std::string_view::npos; }

}  // namespace

std::string appResponseBytes(const AppResponse& response, std::string_view accept_encoding, bool keep_alive,
                             bool head_only) {
  std::string_view body = response.body;
  std::string compressed;
  std::string headers;
  if (response.compressible && body.size() > 1024 && acceptsGzip(accept_encoding)) {
    compressed = gzip(body);
    if (!compressed.empty()) {
      body = compressed;
      headers += "Content-Encoding: gzip\r\n";
    }
  }
  if (response.compressible) headers += "Vary: Accept-Encoding\r\n";
  for (const auto& [name, value] : response.headers) headers += name + ": " + value + "\r\n";
  std::string out = fmt::format("HTTP/1.1 {} {}\r\nContent-Type: {}\r\nContent-Length: {}\r\n{}Connection: {}\r\n\r\n",
                                response.status, httpReasonPhrase(response.status), response.content_type, body.size(),
                                headers, keep_alive ? "Keep-Alive" : "Close");
  if (!head_only) out.append(body);
  return out;
}

}  // namespace tally::server
