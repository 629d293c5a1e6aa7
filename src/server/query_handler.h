#pragma once
// The query endpoint (`/`, `/query`): runs one SQL statement from the URL and/or body with
// ClickHouse's HTTP semantics and writes the response (headers, body, errors, compression).

#include <boost/asio/ip/tcp.hpp>
#include <boost/beast/http/message.hpp>
#include <boost/beast/http/string_body.hpp>
#include <string>

#include "server/query_request.h"
#include "server/server_context.h"

namespace tally::server {

using HttpRequest = boost::beast::http::request<boost::beast::http::string_body>;

/// Handles one query request on `socket` (in a reserved RunningQueries slot, which it frees).
/// Returns true when the connection may serve another request.
bool handleQueryRequest(ServerContext& server, HttpRequest& request, boost::asio::ip::tcp::socket& socket,
                        const std::string& client_address);

/// The query request a parsed HTTP request carries (parseQueryRequestFrom over its method,
/// target and headers). Throws tally::api::Error like parseQueryRequestFrom.
QueryRequest parseHttpQueryRequest(const HttpRequest& request);

/// "Code: N. DB::Exception: <message>. (NAME) (version X)\n", the error body ClickHouse sends.
std::string errorBody(const api::Error& error);

}  // namespace tally::server
