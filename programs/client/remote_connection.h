#pragma once
// An api::Connection to a server speaking ClickHouse's HTTP interface (tally server or
// ClickHouse): each statement is one POST; SET and USE persist through a session_id; results
// stream into ExecuteOptions::output as they arrive; server errors become api::Error with the
// server's code and message. query() reads the whole result as TSVWithNamesAndTypes (small
// results only).

#include <atomic>
#include <map>
#include <memory>
#include <mutex>
#include <string>

#include "tally/tally.h"

namespace tally::cli {

struct RemoteEndpoint {
  std::string host = "localhost";
  std::string port = "8123";
  std::string user = "default";
  std::string password;
  /// The server has no query parameters (ClickHouse before 19.x): {name:Type} placeholders are
  /// written into the statement as checked literals (inlineQueryParameters) instead of param_*.
  bool inline_parameters = false;
  /// Statements share a server session (session_id), so SET and temporary tables persist. Off
  /// for stateless readers (the PyPI app), which then hold no session on the server.
  bool session = true;
};

class RemoteConnection final : public api::Connection {
 public:
  explicit RemoteConnection(RemoteEndpoint endpoint);
  ~RemoteConnection() override;

  api::ExecuteResult execute(std::string_view sql, const api::ExecuteOptions& options) override;
  std::unique_ptr<api::Result> query(std::string_view sql, const std::map<std::string, std::string>& parameters) override;
  void cancel() override;
  void setSetting(const std::string& name, const std::string& value) override { settings_[name] = value; }
  std::string getSetting(const std::string& name) const override;
  void setParameter(const std::string& name, const std::string& value) override { parameters_[name] = value; }
  std::string currentDatabase() const override { return database_; }
  void setCurrentDatabase(const std::string& database) override { database_ = database; }
  void setUser(const std::string& user) override { endpoint_.user = user; }
  void authenticate(const std::string& user, const std::string& password) override;
  std::string currentUser() const override { return endpoint_.user; }

 private:
  struct Transport;
  RemoteEndpoint endpoint_;
  std::string session_id_;
  std::string database_;
  std::map<std::string, std::string> settings_, parameters_;
  std::unique_ptr<Transport> transport_;
};

/// "http://[user[:password]@]host[:port][/]" (user and password percent-encoded) as an endpoint.
/// Throws Error(BAD_ARGUMENTS) for another scheme or a malformed URL.
RemoteEndpoint parseEndpointUrl(const std::string& url);

/// Parses a ClickHouse error body ("Code: 60. DB::Exception: ... (UNKNOWN_TABLE) (version ...)").
api::Error parseServerError(const std::string& body, unsigned http_status);

}  // namespace tally::cli
