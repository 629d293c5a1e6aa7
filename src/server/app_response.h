#pragma once
// Turns an application's response (server/http_app.h) into HTTP/1.1 bytes: status line,
// Content-Type, the app's headers, gzip when the client accepts it and it pays off.

#include <string>
#include <string_view>

#include "server/http_app.h"

namespace tally::server {

/// The complete response; the body is left out for HEAD (`head_only`).
std::string appResponseBytes(const AppResponse& response, std::string_view accept_encoding, bool keep_alive,
                             bool head_only);

}  // namespace tally::server
