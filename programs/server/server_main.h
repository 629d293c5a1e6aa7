#pragma once
// `tally server`: ClickHouse's HTTP interface over a tally database.

namespace tally::cli {

/// Runs the server with the arguments after `server`; returns the exit code.
int runServer(int argc, char** argv);

}  // namespace tally::cli
