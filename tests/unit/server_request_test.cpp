// The server's request reading: URL decoding, reserved parameters versus settings, param_<name>,
// the credential rules (one method per request, AUTHENTICATION_FAILED when mixed), GET implying
// readonly; the configuration precedence (file < environment < flags); the error-code to HTTP
// status mapping; ClickHouse's block-compression frames.

#include <gtest/gtest.h>

#include <cstdio>
#include <filesystem>
#include <fstream>

#include "io/write_buffer.h"
#include "server/http_status.h"
#include "server/native_compression.h"
#include "server/query_request.h"
#include "server/server_config.h"
#include "tally/tally.h"

namespace tally::server {
namespace {

int errorCode(const std::function<void()>& f) {
  try {
    f();
  } catch (const api::Error& e) {
    return e.code();
  }
  return 0;
}

TEST(ServerRequest, UrlDecoding) {
  EXPECT_EQ(urlDecode("SELECT%201+%2B+1"), "SELECT 1 + 1");
  EXPECT_EQ(urlDecode("%zz%4"), "%zz%4");  // malformed escapes stay as they are
  auto pairs = parseQueryString("a=1&&=x&b=%3D&c");
  ASSERT_EQ(pairs.size(), 3u);
  EXPECT_EQ(pairs[0], (std::pair<std::string, std::string>{"a", "1"}));
  EXPECT_EQ(pairs[1], (std::pair<std::string, std::string>{"b", "="}));
  EXPECT_EQ(pairs[2], (std::pair<std::string, std::string>{"c", ""}));
  EXPECT_EQ(splitTarget("/query?x=1").first, "/query");
  EXPECT_EQ(splitTarget("/query?x=1").second, "x=1");
  EXPECT_EQ(splitTarget("/ping").second, "");
}

TEST(ServerRequest, ReservedParametersSettingsAndParams) {
  QueryRequest r = parseQueryRequestFrom(
      "GET",
      "/?query=SELECT%201&database=db&default_format=JSON&query_id=q1&session_id=s&session_timeout=30&session_check=1"
      "&param_x=42&max_threads=2&empty_setting=&wait_end_of_query=1&compress=1",
      {});
  EXPECT_TRUE(r.readonly_method);
  EXPECT_EQ(r.query, "SELECT 1");
  EXPECT_EQ(r.database, "db");
  EXPECT_EQ(r.default_format, "JSON");
  EXPECT_EQ(r.query_id, "q1");
  EXPECT_EQ(r.session_id, "s");
  EXPECT_EQ(r.session_timeout, 30u);
  EXPECT_TRUE(r.session_check);
  EXPECT_TRUE(r.wait_end_of_query);
  EXPECT_TRUE(r.compress);
  EXPECT_EQ(r.parameters.at("x"), "42");
  EXPECT_EQ(r.settings.size(), 1u);  // empty values are not settings
  EXPECT_EQ(r.settings.at("max_threads"), "2");
  EXPECT_EQ(r.user, "default");
  EXPECT_FALSE(parseQueryRequestFrom("POST", "/", {}).readonly_method);
  EXPECT_EQ(errorCode([] { parseQueryRequestFrom("GET", "/?session_timeout=abc", {}); }), 374);
  EXPECT_EQ(errorCode([] { parseQueryRequestFrom("GET", "/?wait_end_of_query=maybe", {}); }), 36);
}

TEST(ServerRequest, HeadersWinOverParameters) {
  QueryRequest r = parseQueryRequestFrom(
      "POST", "/?database=a&default_format=TSV",
      {{"x-clickhouse-database", "b"}, {"x-clickhouse-format", "JSONEachRow"}, {"x-clickhouse-query-id", "h"},
       {"content-encoding", "gzip"}, {"content-length", "3"}});
  EXPECT_EQ(r.database, "b");
  EXPECT_EQ(r.default_format, "JSONEachRow");
  EXPECT_EQ(r.query_id, "h");
  EXPECT_EQ(r.content_encoding, "gzip");
  EXPECT_TRUE(r.has_body_framing);
}

TEST(ServerRequest, Credentials) {
  // Basic auth: base64("alice:pw:x") -> user alice, password "pw:x".
  QueryRequest basic = parseQueryRequestFrom("POST", "/", {{"authorization", "Basic YWxpY2U6cHc6eA=="}});
  EXPECT_EQ(basic.user, "alice");
  EXPECT_EQ(basic.password, "pw:x");
  QueryRequest headers =
      parseQueryRequestFrom("POST", "/", {{"x-clickhouse-user", "bob"}, {"x-clickhouse-key", "k"}});
  EXPECT_EQ(headers.user, "bob");
  EXPECT_EQ(headers.password, "k");
  QueryRequest params = parseQueryRequestFrom("POST", "/?user=carol&password=p", {});
  EXPECT_EQ(params.user, "carol");
  EXPECT_EQ(params.password, "p");
  // One method per request.
  EXPECT_EQ(errorCode([] {
              parseQueryRequestFrom("POST", "/?user=a", {{"authorization", "Basic YTpi"}});
            }),
            516);
  EXPECT_EQ(errorCode([] {
              parseQueryRequestFrom("POST", "/", {{"authorization", "Basic YTpi"}, {"x-clickhouse-user", "a"}});
            }),
            516);
  EXPECT_EQ(errorCode([] { parseQueryRequestFrom("POST", "/?password=x", {{"x-clickhouse-key", "k"}}); }), 516);
  EXPECT_EQ(errorCode([] { parseQueryRequestFrom("POST", "/", {{"authorization", "Bearer token"}}); }), 516);
  EXPECT_EQ(errorCode([] { parseQueryRequestFrom("POST", "/", {{"authorization", "Basic @@@"}}); }), 516);
}

TEST(ServerStatus, ClickHouseMapping) {
  EXPECT_EQ(httpStatusForErrorCode(62), 400u);   // SYNTAX_ERROR
  EXPECT_EQ(httpStatusForErrorCode(60), 404u);   // UNKNOWN_TABLE
  EXPECT_EQ(httpStatusForErrorCode(115), 404u);  // UNKNOWN_SETTING
  EXPECT_EQ(httpStatusForErrorCode(516), 403u);  // AUTHENTICATION_FAILED
  EXPECT_EQ(httpStatusForErrorCode(194), 401u);  // REQUIRED_PASSWORD
  EXPECT_EQ(httpStatusForErrorCode(381), 411u);  // HTTP_LENGTH_REQUIRED
  EXPECT_EQ(httpStatusForErrorCode(48), 501u);   // NOT_IMPLEMENTED
  EXPECT_EQ(httpStatusForErrorCode(159), 408u);  // TIMEOUT_EXCEEDED
  EXPECT_EQ(httpStatusForErrorCode(164), 500u);  // READONLY
  EXPECT_EQ(httpStatusForErrorCode(202), 500u);  // TOO_MANY_SIMULTANEOUS_QUERIES
}

TEST(ServerConfig, FileThenEnvironmentThenFlags) {
  auto dir = std::filesystem::temp_directory_path() / "tally_server_config_test";
  std::filesystem::create_directories(dir);
  auto file = (dir / "c.yaml").string();
  std::ofstream(file) << "http_port: 9001\nmax_concurrent_queries: 5\ndisplay_name: file\n";
  ServerConfig c = loadServerConfig({"--config", file, "--http_port=9003"},
                                    {"TALLY_HTTP_PORT=9002", "TALLY_DISPLAY_NAME=env", "OTHER=1"});
  EXPECT_EQ(c.http_port, 9003);
  EXPECT_EQ(c.display_name, "env");
  EXPECT_EQ(c.max_concurrent_queries, 5u);
  EXPECT_EQ(c.listen_host, "127.0.0.1");
  EXPECT_EQ(c.path, "./tally-data");
  EXPECT_THROW(loadServerConfig({"--nope", "1"}, {}), std::runtime_error);
  EXPECT_THROW(loadServerConfig({"--http_port", "70000"}, {}), std::runtime_error);
  EXPECT_THROW(loadServerConfig({"--http_port"}, {}), std::runtime_error);
  std::ofstream(file) << "unknown_key: 1\n";
  EXPECT_THROW(loadServerConfig({"--config", file}, {}), std::runtime_error);
  std::filesystem::remove_all(dir);
}

TEST(NativeCompression, RoundTripAndCorruption) {
  std::string payload;
  for (int i = 0; i < 300000; ++i) payload += std::to_string(i % 1000) + ",";
  std::string framed;
  {
    WriteBufferFromString sink(framed);
    NativeCompressedWriteBuffer out(sink);
    out.write(payload);
    out.finalize();
  }
  EXPECT_LT(framed.size(), payload.size());
  EXPECT_EQ(uint8_t(framed[16]), 0x82);  // LZ4 block
  EXPECT_EQ(decodeNativeCompressed(framed, true, 1 << 30), payload);
  std::string bad = framed;
  bad[30] ^= 1;
  EXPECT_EQ(errorCode([&] { decodeNativeCompressed(bad, true, 1 << 30); }), 40);  // CHECKSUM_DOESNT_MATCH
  EXPECT_EQ(errorCode([&] { decodeNativeCompressed(framed.substr(0, framed.size() - 1), true, 1 << 30); }), 271);
  EXPECT_EQ(errorCode([&] { decodeNativeCompressed(framed, true, 1000); }), 39);  // over the size limit
  EXPECT_EQ(decodeNativeCompressed("", true, 10), "");
}

}  // namespace
}  // namespace tally::server
