#pragma once
// ClickHouse's mapping of error codes to HTTP statuses (exceptionCodeToHTTPStatus), and the
// names of the codes the server itself raises.

#include <string_view>

namespace tally::server {

/// The HTTP status for an error code: 400 for malformed input (SYNTAX_ERROR, CANNOT_PARSE_*...),
/// 403 for authentication failures, 404 for unknown objects (tables, settings, formats...),
/// 411, 413, 501, 503, 408 for their codes, 500 for everything else.
unsigned httpStatusForErrorCode(int code);

/// The status line's reason phrase ("OK", "Bad Request", ...).
std::string_view httpReasonPhrase(unsigned status);

}  // namespace tally::server
