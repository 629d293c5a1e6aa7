#pragma once
// `tally client`: runs queries on a server over ClickHouse's HTTP interface.

namespace tally::cli {

/// Runs the client with the arguments after `client`; returns the exit code.
int runClient(int argc, char** argv);

}  // namespace tally::cli
