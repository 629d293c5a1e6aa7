#pragma once
// What a query request asks for, read from its URL, method and headers with ClickHouse's rules:
// reserved URL parameters (query, database, default_format, user, password, query_id,
// session_*, compress, decompress, wait_end_of_query, param_<name>, ...), every other non-empty
// parameter a setting, credentials from Basic auth, X-ClickHouse-User/Key or user/password
// parameters (mixing them is AUTHENTICATION_FAILED), GET/HEAD implying readonly.

#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace tally::server {

/// "%41+b" -> "A b" (form decoding: '+' is a space). Malformed escapes are kept as they are.
std::string urlDecode(std::string_view text);

/// Splits "a=1&b=%20" into decoded pairs, in order; empty names are skipped.
std::vector<std::pair<std::string, std::string>> parseQueryString(std::string_view query_string);

/// Splits a request target into its path and query string ("/?a=1" -> "/", "a=1").
std::pair<std::string_view, std::string_view> splitTarget(std::string_view target);

struct QueryRequest {
  bool readonly_method = false;       /// GET/HEAD: readonly=2 unless the request set readonly
  std::string query;                  /// the `query` parameter (the body continues it)
  std::string database, default_format, query_id;
  std::string session_id;
  std::optional<uint32_t> session_timeout;
  bool session_check = false, close_session = false;
  bool wait_end_of_query = false;
  bool compress = false, decompress = false;  /// ClickHouse native block compression
  bool skip_native_checksums = false;  /// http_native_compression_disable_checksumming_on_decompress
  std::string user = "default", password;
  std::map<std::string, std::string> settings;    /// every non-reserved parameter
  std::map<std::string, std::string> parameters;  /// param_<name> values, by name
  std::string content_encoding, accept_encoding;
  bool has_body_framing = false;  /// Content-Length or Transfer-Encoding given
};

/// Reads a query request from its method, target and headers (names in lower case).
/// Throws tally::api::Error (AUTHENTICATION_FAILED for mixed or unsupported credentials,
/// BAD_ARGUMENTS / INVALID_SESSION_TIMEOUT for malformed reserved parameters).
QueryRequest parseQueryRequestFrom(std::string_view method, std::string_view target,
                                   const std::map<std::string, std::string>& lower_case_headers);

}  // namespace tally::server
