#include "server/http_status.h"

namespace tally::server {

unsigned httpStatusForErrorCode(int code) {
  switch (code) {
    case 194: return 401;  // REQUIRED_PASSWORD
    case 192: case 193: case 516: case 512: case 497: return 403;
    case 36: case 427: case 6: case 25: case 26: case 38: case 41: case 72: case 441: case 442: case 443:
    case 376: case 27: case 15: case 44: case 37: case 123: case 8: case 167: case 168: case 223: case 62:
    case 117: case 53: case 321:
      return 400;
    case 60: case 46: case 47: case 50: case 56: case 81: case 115: case 152: case 63: case 73: case 336:
    case 78: case 511:
      return 404;
    case 229: return 413;  // QUERY_IS_TOO_LARGE
    case 48: return 501;   // NOT_IMPLEMENTED
    case 209: case 76: case 439: return 503;
    case 381: return 411;  // HTTP_LENGTH_REQUIRED
    case 159: return 408;  // TIMEOUT_EXCEEDED
    default: return 500;
  }
}

std::string_view httpReasonPhrase(unsigned status) {
  switch (status) {
    case 200: return "OK";
    case 204: return "No Content";
    case 400: return "Bad Request";
    case 401: return "Unauthorized";
    case 403: return "Forbidden";
    case 404: return "Not Found";
    case 405: return "Method Not Allowed";
    case 408: return "Request Timeout";
    case 411: return "Length Required";
    case 413: return "Payload Too Large";
    case 431: return "Request Header Fields Too Large";
    case 501: return "Not Implemented";
    case 503: return "Service Unavailable";
    default: return status >= 500 ? "Internal Server Error" : "Error";
  }
}

}  // namespace tally::server
