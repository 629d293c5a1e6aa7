#pragma once
// One line of PyPI's Fastly CDN log as linehaul reads it (linehaul/events/parser.py):
//   download|<RFC 1123 time>|<country>|<url>|<tls protocol>|<tls cipher>|<project>|<version>|<type>|<user agent>
//   simple|<RFC 1123 time>|<country>|<url>|<tls protocol>|<tls cipher>||||<user agent>
// The time is read from characters 5..-4 ("07 Jan 2021 20:54:54") as UTC; an empty country is
// NULL; `(null)` project/version/type make the line invalid; an ignored user agent drops the
// download; an unrecognised one keeps it with NULL details.

#include <string>
#include <string_view>

#include "download_row.h"
#include "user_agent.h"

namespace tally::pypi::ingest {

enum class LineKind {
  Download,  ///< `row` filled
  Simple,    ///< a Simple-API request: not a download
  Empty,     ///< blank line
  Rejected,  ///< `reason` says why
};

class LinehaulLineParser {
 public:
  /// Parses `line` (without its newline). `row`'s strings point into `line` or into this
  /// parser, valid until the next call.
  LineKind parse(std::string_view line, DownloadRow& row);
  /// Why the last line was rejected.
  const std::string& reason() const { return reason_; }
  /// The user-agent details of the last download line.
  const UserAgentDetails& details() const { return details_; }

 private:
  LineKind reject(std::string reason) {
    reason_ = std::move(reason);
    return LineKind::Rejected;
  }
  UserAgentParser ua_parser_;
  UserAgentDetails details_;
  std::string project_, python_minor_, reason_;
};

/// "Thu, 07 Jan 2021 20:54:54 GMT" -> days since 1970-01-01; -1 when malformed.
int32_t parseRfc1123Date(std::string_view text);

/// Whether `s` is valid UTF-8.
bool isValidUtf8(std::string_view s);

}  // namespace tally::pypi::ingest
