#pragma once
// tally's version. Clients of the ClickHouse protocol parse the server version to decide
// which features to use, so tally reports a ClickHouse-compatible four-part version for the
// dialect level it implements, and its own release separately.

namespace tally {

/// What version() and the HTTP/client handshakes report.
inline constexpr const char* kClickHouseCompatibleVersion = "25.8.1.1";
/// tally's own release.
inline constexpr const char* kTallyVersion = "0.1.0";
/// revision() as the native protocol reports it.
inline constexpr unsigned kProtocolRevision = 54460;

}  // namespace tally
