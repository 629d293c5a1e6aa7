#pragma once
// Configuration of `tally server`. Each option has one name, used in three places, later ones
// winning: the YAML config file (`http_port: 8123`), the environment (`TALLY_HTTP_PORT=8123`)
// and the command line (`--http_port 8123` or `--http_port=8123`).

#include <cstdint>
#include <string>
#include <vector>

namespace tally::server {

struct ServerConfig {
  std::string path = "./tally-data";      /// data directory (persistent storage)
  std::string listen_host = "127.0.0.1";  /// address to bind
  uint16_t http_port = 8123;
  std::string user_files_path;            /// where file() may read and write (empty: <path>/user_files)
  std::string default_password;           /// password of the `default` user (empty: none)
  std::string display_name;               /// X-ClickHouse-Server-Display-Name (empty: host name)
  std::string log_file;                   /// query log (JSON lines); empty: stderr; "none": off
  std::string timezone = "UTC";           /// default session_timezone, sent as X-ClickHouse-Timezone
  size_t max_concurrent_queries = 100;    /// TOO_MANY_SIMULTANEOUS_QUERIES past it
  size_t io_threads = 0;                  /// network threads; 0: one per core
  uint32_t keep_alive_timeout = 10;       /// seconds an idle keep-alive connection stays open
  uint32_t default_session_timeout = 60;  /// seconds (session_timeout URL parameter default)
  uint32_t max_session_timeout = 3600;
  size_t http_max_uri_size = 1 << 20;         /// longer request lines get 400
  size_t http_max_header_size = 1 << 20;      /// total header bytes (the request line included)
  uint64_t http_max_body_size = 1ull << 32;   /// larger bodies get 413
  uint32_t pypi_app = 1;                      /// serve the PyPI app (docs/pypi_app.md)
  std::string pypi_web_dir;                   /// its front end; empty: <directory of the executable>/web
  /// The app reads this server's ClickPy-style database instead of the embedded one:
  /// "http://[user[:password]@]host[:port]" (ClickHouse's or tally's HTTP interface); empty: embedded.
  std::string pypi_clickhouse;
  std::string pypi_play_url;                  /// Play links with pypi_clickhouse (empty: none)
};

/// The options and their meaning, for --help.
std::string serverConfigHelp();

/// Builds the configuration from the config file (`--config FILE`, or TALLY_CONFIG), the
/// environment (`environ`-style "NAME=value" strings) and the arguments (after `server`).
/// Throws std::runtime_error with a message naming the bad option or file.
ServerConfig loadServerConfig(const std::vector<std::string>& args, const std::vector<std::string>& environment);

}  // namespace tally::server
