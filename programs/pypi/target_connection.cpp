#include "pypi/target_connection.h"

#include "client/remote_connection.h"

namespace tally::cli {

bool TargetOptions::accept(const std::string& name, const std::string& value) {
  if (name == "--path") data_path = value;
  else if (name == "--host") host = value;
  else if (name == "--port") port = value;
  else if (name == "--user") user = value;
  else if (name == "--password") password = value;
  else return false;
  return true;
}

Target openTarget(const TargetOptions& options, const std::string& tool) {
  Target t;
  if (options.remote()) {
    if (!options.data_path.empty())
      throw api::Error(36, "BAD_ARGUMENTS", "--path and --host/--port are exclusive (see tally pypi " + tool + " --help)");
    RemoteEndpoint endpoint;
    if (!options.host.empty()) endpoint.host = options.host;
    if (!options.port.empty()) endpoint.port = options.port;
    if (!options.user.empty()) endpoint.user = options.user;
    endpoint.password = options.password;
    auto conn = std::make_unique<RemoteConnection>(endpoint);
    conn->authenticate(endpoint.user, endpoint.password);  // fails early on a bad address or password
    t.connection = std::move(conn);
    t.remote = true;
    t.describe = "server " + endpoint.host + ":" + endpoint.port;
    return t;
  }
  if (options.data_path.empty())
    throw api::Error(36, "BAD_ARGUMENTS",
                     "--path DATA_DIR or --host/--port is required (see tally pypi " + tool + " --help)");
  api::Options o;
  o.data_path = options.data_path;
  t.database = api::Database::open(o);
  t.connection = t.database->connect();
  t.describe = "data directory " + options.data_path;
  return t;
}

}  // namespace tally::cli
