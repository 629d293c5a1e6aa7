#pragma once
// Where `tally pypi load|reconcile|repair` write and read: an embedded data directory
// (--path DIR; the server must not run on it) or a running server (--host/--port/--user/
// --password, ClickHouse's HTTP interface through RemoteConnection, so the server keeps
// answering its other clients meanwhile).

#include <memory>
#include <string>

#include "tally/tally.h"

namespace tally::cli {

struct TargetOptions {
  std::string data_path;  // --path
  std::string host, port, user, password;  // --host/--port/--user/--password
  bool remote() const { return !host.empty() || !port.empty(); }

  /// Consumes the option `name` (one of the above) with `value`; false when `name` is not one.
  bool accept(const std::string& name, const std::string& value);
};

struct Target {
  std::shared_ptr<api::Database> database;  // embedded only
  std::unique_ptr<api::Connection> connection;
  bool remote = false;
  std::string describe;  // "server localhost:8123" or "data directory /x"
};

/// Opens the target. Throws Error(BAD_ARGUMENTS) when neither or both of --path and --host/--port
/// are given, and the server's error (e.g. AUTHENTICATION_FAILED, NETWORK_ERROR) when it cannot
/// be reached.
Target openTarget(const TargetOptions& options, const std::string& tool);

}  // namespace tally::cli
