#include "server/query_request.h"

#include <charconv>

#include "tally/tally.h"

namespace tally::server {

namespace {

int hexValue(char c) {
  if (c >= '0' && c <= '9') return c - '0';
  if (c >= 'a' && c <= 'f') return c - 'a' + 10;
  if (c >= 'A' && c <= 'F') return c - 'A' + 10;
  return -1;
}

std::string base64Decode(std::string_view in) {
  static const std::string_view alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
  std::string out;
  uint32_t buffer = 0;
  int bits = 0;
  for (char c : in) {
    if (c == '=') break;
    size_t v = alphabet.find(c);
    if (v == std::string_view::npos)
      throw api::Error(516, "AUTHENTICATION_FAILED", "Malformed base64 in the HTTP Authorization header");
    buffer = (buffer << 6) | uint32_t(v);
    bits += 6;
    if (bits >= 8) {
      bits -= 8;
      out.push_back(char((buffer >> bits) & 0xFF));
    }
  }
  return out;
}

bool parseFlag(const std::string& name, const std::string& value) {
  if (value == "1" || value == "true") return true;
  if (value == "0" || value == "false" || value.empty()) return false;
  throw api::Error(36, "BAD_ARGUMENTS", "Parameter " + name + " must be 0 or 1, got '" + value + "'");
}

[[noreturn]] void mixedCredentials(const std::string& what) {
  throw api::Error(516, "AUTHENTICATION_FAILED", what);
}

}  // namespace

std::string urlDecode(std::string_view text) {
  std::string out;
  out.reserve(text.size());
  for (size_t i = 0; i < text.size(); ++i) {
    char c = text[i];
    if (c == '+') {
      out.push_back(' ');
    } else if (c == '%' && i + 2 < text.size() && hexValue(text[i + 1]) >= 0 &&
               hexValue(text[i + 2]) >= 0) {
      out.push_back(char(hexValue(text[i + 1]) * 16 + hexValue(text[i + 2])));
      i += 2;
    } else {
      out.push_back(c);
    }
  }
  return out;
}

std::vector<std::pair<std::string, std::string>> parseQueryString(std::string_view query_string) {
  std::vector<std::pair<std::string, std::string>> result;
  while (!query_string.empty()) {
    size_t amp = query_string.find('&');
    std::string_view part = query_string.substr(0, amp);
    query_string = amp == std::string_view::npos ? std::string_view() : query_string.substr(amp + 1);
    size_t eq = part.find('=');
    std::string name = urlDecode(part.substr(0, eq));
    if (name.empty()) continue;
    result.emplace_back(std::move(name), eq == std::string_view::npos ? std::string() : urlDecode(part.substr(eq + 1)));
  }
  return result;
}

std::pair<std::string_view, std::string_view> splitTarget(std::string_view target) {
  size_t q = target.find('?');
  if (q == std::string_view::npos) return {target, {}};
  return {target.substr(0, q), target.substr(q + 1)};
}

QueryRequest parseQueryRequestFrom(std::string_view method, std::string_view target,
                                   const std::map<std::string, std::string>& headers) {
  auto header = [&](const char* name) -> const std::string& {
    static const std::string empty;
    auto it = headers.find(name);
    return it == headers.end() ? empty : it->second;
  };
  QueryRequest r;
  r.readonly_method = method != "POST";
  bool url_credentials = false;
  for (auto& [name, value] : parseQueryString(splitTarget(target).second)) {
    if (name == "query") r.query = std::move(value);
    else if (name == "database") r.database = std::move(value);
    else if (name == "default_format") r.default_format = std::move(value);
    else if (name == "query_id") r.query_id = std::move(value);
    else if (name == "session_id") r.session_id = std::move(value);
    else if (name == "session_timeout") {
      uint32_t seconds = 0;
      auto [end, ec] = std::from_chars(value.data(), value.data() + value.size(), seconds);
      if (ec != std::errc() || end != value.data() + value.size() || value.empty())
        throw api::Error(374, "INVALID_SESSION_TIMEOUT", "Invalid session timeout: '" + value + "'");
      r.session_timeout = seconds;
    } else if (name == "session_check") r.session_check = parseFlag(name, value);
    else if (name == "close_session") r.close_session = parseFlag(name, value);
    else if (name == "wait_end_of_query") r.wait_end_of_query = parseFlag(name, value);
    else if (name == "compress") r.compress = parseFlag(name, value);
    else if (name == "decompress") r.decompress = parseFlag(name, value);
    else if (name == "http_native_compression_disable_checksumming_on_decompress")
      r.skip_native_checksums = parseFlag(name, value);
    else if (name == "user") {
      r.user = std::move(value);
      url_credentials = true;
    } else if (name == "password") {
      r.password = std::move(value);
      url_credentials = true;
    } else if (name.compare(0, 6, "param_") == 0) r.parameters[name.substr(6)] = std::move(value);
    else if (name == "quota_key" || name == "buffer_size" || name == "stacktrace" || name == "role" ||
             name == "client_protocol_version") {
      // Accepted for compatibility; tally has no quotas keys, roles over HTTP or revisioned Native.
    } else if (!value.empty() || name == "readonly") r.settings[name] = std::move(value);
  }

  const std::string& authorization = header("authorization");
  const std::string& header_user = header("x-clickhouse-user");
  const std::string& header_key = header("x-clickhouse-key");
  bool header_credentials = !header_user.empty() || !header_key.empty();
  if (header_credentials) {
    if (!authorization.empty())
      mixedCredentials("Invalid authentication: it is not allowed to use X-ClickHouse HTTP headers and other authentication methods simultaneously");
    if (url_credentials)
      mixedCredentials("Invalid authentication: it is not allowed to use X-ClickHouse HTTP headers and authentication via parameters simultaneously");
    r.user = header_user.empty() ? "default" : header_user;
    r.password = header_key;
  } else if (!authorization.empty()) {
    if (url_credentials)
      mixedCredentials("Invalid authentication: it is not allowed to use Authorization HTTP header and authentication via parameters simultaneously");
    std::string_view auth = authorization;
    if (auth.size() < 6 || (auth.substr(0, 6) != "Basic " && auth.substr(0, 6) != "basic "))
      mixedCredentials("Invalid authentication: '" + std::string(auth.substr(0, auth.find(' '))) +
                       "' HTTP Authorization scheme is not supported");
    std::string decoded = base64Decode(auth.substr(6));
    size_t colon = decoded.find(':');
    r.user = decoded.substr(0, colon);
    r.password = colon == std::string::npos ? std::string() : decoded.substr(colon + 1);
    if (r.user.empty()) r.user = "default";
  }

  if (const std::string& db = header("x-clickhouse-database"); !db.empty()) r.database = db;
  if (const std::string& f = header("x-clickhouse-format"); !f.empty()) r.default_format = f;
  if (r.query_id.empty()) r.query_id = header("x-clickhouse-query-id");
  r.content_encoding = header("content-encoding");
  r.accept_encoding = header("accept-encoding");
  r.has_body_framing = !header("content-length").empty() || !header("transfer-encoding").empty();
  return r;
}

}  // namespace tally::server
