#include "client/remote_connection.h"

#include "client/parameter_literals.h"
#include "client/text_result.h"

#include <boost/asio/connect.hpp>
#include <boost/asio/ip/tcp.hpp>
#include <boost/beast/core/flat_buffer.hpp>
#include <boost/beast/http.hpp>
#include <chrono>
#include <limits>
#include <optional>
#include <random>
#include <regex>

namespace tally::cli {

namespace net = boost::asio;
namespace beast = boost::beast;
namespace http = beast::http;
using tcp = net::ip::tcp;

namespace {

std::string urlEncode(std::string_view text) {
  static const char* hex = "0123456789ABCDEF";
  std::string out;
  for (unsigned char c : text) {
    if (std::isalnum(c) || c == '-' || c == '_' || c == '.' || c == '~') {
      out.push_back(char(c));
    } else {
      out.push_back('%');
      out.push_back(hex[c >> 4]);
      out.push_back(hex[c & 15]);
    }
  }
  return out;
}

std::string base64(std::string_view in) {
  static const char* table = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
  std::string out;
  size_t i = 0;
  for (; i + 2 < in.size(); i += 3) {
    uint32_t v = (uint8_t(in[i]) << 16) | (uint8_t(in[i + 1]) << 8) | uint8_t(in[i + 2]);
    out += {table[v >> 18], table[(v >> 12) & 63], table[(v >> 6) & 63], table[v & 63]};
  }
  if (i + 1 == in.size()) {
    uint32_t v = uint8_t(in[i]) << 16;
    out += {table[v >> 18], table[(v >> 12) & 63], '=', '='};
  } else if (i + 2 == in.size()) {
    uint32_t v = (uint8_t(in[i]) << 16) | (uint8_t(in[i + 1]) << 8);
    out += {table[v >> 18], table[(v >> 12) & 63], table[(v >> 6) & 63], '='};
  }
  return out;
}

uint64_t summaryField(const std::string& summary, const std::string& name) {
  std::string key = "\"" + name + "\":\"";
  size_t at = summary.find(key);
  if (at == std::string::npos) return 0;
  return std::strtoull(summary.c_str() + at + key.size(), nullptr, 10);
}

std::string randomSessionId() {
  std::random_device rd;
  std::mt19937_64 rng(rd());
  char buf[40];
  std::snprintf(buf, sizeof(buf), "tally-client-%016llx", (unsigned long long)rng());
  return buf;
}

}  // namespace

RemoteEndpoint parseEndpointUrl(const std::string& url) {
  static const std::regex pattern(R"(^http://(?:([^:@/]*)(?::([^@/]*))?@)?(\[[0-9A-Fa-f:.]+\]|[^:/@\[\]]+)(?::(\d{1,5}))?/?$)");
  std::smatch m;
  if (!std::regex_match(url, m, pattern))
    throw api::Error(36, "BAD_ARGUMENTS", "Expected http://[user[:password]@]host[:port], got '" + url + "'");
  auto decode = [](const std::string& text) {
    std::string out;
    for (size_t i = 0; i < text.size(); ++i) {
      if (text[i] == '%' && i + 2 < text.size() && std::isxdigit(static_cast<unsigned char>(text[i + 1])) &&
          std::isxdigit(static_cast<unsigned char>(text[i + 2]))) {
        out += char(std::stoi(text.substr(i + 1, 2), nullptr, 16));
        i += 2;
      } else {
        out += text[i];
      }
    }
    return out;
  };
  RemoteEndpoint endpoint;
  if (m[1].matched && m[1].length() > 0) endpoint.user = decode(m[1].str());
  if (m[2].matched) endpoint.password = decode(m[2].str());
  endpoint.host = m[3].str();
  if (endpoint.host.front() == '[') endpoint.host = endpoint.host.substr(1, endpoint.host.size() - 2);
  if (m[4].matched) endpoint.port = m[4].str();
  return endpoint;
}

api::Error parseServerError(const std::string& body, unsigned http_status) {
  static const std::regex pattern(R"(^Code: (\d+)\. DB::Exception: ([\s\S]*?)\.? \(([A-Z][A-Z0-9_]*)\)(?: \(version [^)]*\))?\s*$)");
  std::smatch m;
  if (std::regex_match(body, m, pattern)) return api::Error(std::stoi(m[1].str()), m[3].str(), m[2].str());
  // ClickHouse before 21.x: "Code: 36, e.displayText() = DB::Exception: ..., e.what() = DB::Exception".
  static const std::regex old_pattern(
      R"(^Code: (\d+), e\.displayText\(\) = DB::Exception: ([\s\S]*?)(?:, e\.what\(\) = DB::Exception)?\s*(?:\(version [^)]*\))?\s*$)");
  if (std::regex_match(body, m, old_pattern)) {
    const int code = std::stoi(m[1].str());
    return api::Error(code, api::errorCodeName(code), m[2].str());
  }
  std::string text = body;
  while (!text.empty() && (text.back() == '\n' || text.back() == '\r')) text.pop_back();
  return api::Error(1000, "POCO_EXCEPTION", "HTTP status " + std::to_string(http_status) + ": " + text);
}

struct RemoteConnection::Transport {
  net::io_context ioc;
  tcp::socket socket{ioc};
  beast::flat_buffer buffer;
  std::mutex mutex;
  bool connected = false;

  void connect(const RemoteEndpoint& endpoint) {
    tcp::resolver resolver(ioc);
    boost::system::error_code ec;
    auto results = resolver.resolve(endpoint.host, endpoint.port, ec);
    if (ec) throw api::Error(210, "NETWORK_ERROR", "Cannot resolve " + endpoint.host + ": " + ec.message());
    socket = tcp::socket(ioc);
    net::connect(socket, results, ec);
    if (ec)
      throw api::Error(210, "NETWORK_ERROR",
                       "Connection refused (" + endpoint.host + ":" + endpoint.port + "): " + ec.message());
    socket.set_option(tcp::no_delay(true));
    buffer.clear();
    connected = true;
  }
  void close() {
    boost::system::error_code ec;
    socket.shutdown(tcp::socket::shutdown_both, ec);
    socket.close(ec);
    connected = false;
  }
};

RemoteConnection::RemoteConnection(RemoteEndpoint endpoint)
    : endpoint_(std::move(endpoint)), session_id_(randomSessionId()), transport_(std::make_unique<Transport>()) {}

RemoteConnection::~RemoteConnection() = default;

std::string RemoteConnection::getSetting(const std::string& name) const {
  auto it = settings_.find(name);
  return it == settings_.end() ? std::string() : it->second;
}

void RemoteConnection::authenticate(const std::string& user, const std::string& password) {
  endpoint_.user = user;
  endpoint_.password = password;
  api::ExecuteOptions options;
  execute("SELECT 1", options);
}

std::unique_ptr<api::Result> RemoteConnection::query(std::string_view sql,
                                                    const std::map<std::string, std::string>& parameters) {
  // The whole result as TSVWithNamesAndTypes, converted on access (for small results: counts,
  // catalogs, ledgers; large results should stream through execute()).
  api::ExecuteOptions options;
  options.default_format = "TSVWithNamesAndTypes";
  options.parameters = parameters;
  std::string body;
  options.output = [&](std::string_view data) { body.append(data); };
  execute(sql, options);
  return parseTextResult(body);
}

void RemoteConnection::cancel() {
  // Closing the socket makes the server cancel the query (it watches for the client leaving).
  boost::system::error_code ec;
  transport_->socket.shutdown(tcp::socket::shutdown_both, ec);
}

api::ExecuteResult RemoteConnection::execute(std::string_view sql, const api::ExecuteOptions& options) {
  auto started = std::chrono::steady_clock::now();
  std::string target = "/?default_format=" + urlEncode(options.default_format);
  if (endpoint_.session) target += "&session_id=" + urlEncode(session_id_);
  if (!database_.empty()) target += "&database=" + urlEncode(database_);
  if (!options.query_id.empty()) target += "&query_id=" + urlEncode(options.query_id);
  auto add_settings = [&](const std::map<std::string, std::string>& settings) {
    for (const auto& [k, v] : settings) target += "&" + urlEncode(k) + "=" + urlEncode(v);
  };
  add_settings(settings_);
  add_settings(options.settings);
  std::map<std::string, std::string> parameters = parameters_;
  for (const auto& [k, v] : options.parameters) parameters[k] = v;
  std::string inlined;
  if (endpoint_.inline_parameters) {
    inlined = inlineQueryParameters(sql, parameters);
    sql = inlined;
  } else {
    for (const auto& [k, v] : parameters) target += "&param_" + urlEncode(k) + "=" + urlEncode(v);
  }

  http::request<http::string_body> request{http::verb::post, "/", 11};
  request.set(http::field::host, endpoint_.host);
  request.set(http::field::user_agent, "tally-client/" + api::version());
  request.set(http::field::authorization, "Basic " + base64(endpoint_.user + ":" + endpoint_.password));
  request.keep_alive(true);
  if (options.input) {
    // The statement goes in the URL, the data (INSERT ... FORMAT) is the body.
    target += "&query=" + urlEncode(sql);
    std::string data;
    char chunk[65536];
    while (size_t n = options.input(chunk, sizeof(chunk))) data.append(chunk, n);
    request.body() = std::move(data);
  } else {
    request.body() = std::string(sql);
  }
  request.target(target);
  request.prepare_payload();

  Transport& t = *transport_;
  std::lock_guard lock(t.mutex);
  std::optional<http::response_parser<http::buffer_body>> parser;
  boost::system::error_code ec;
  for (int attempt = 0; attempt < 2; ++attempt) {
    parser.emplace();
    parser->body_limit(std::numeric_limits<std::uint64_t>::max());  // boost::none misbehaves in Beast 1.74
    if (!t.connected) t.connect(endpoint_);
    http::write(t.socket, request, ec);
    if (!ec) http::read_header(t.socket, t.buffer, *parser, ec);
    if (!ec) break;
    t.close();  // a kept-alive connection the server closed: retry once on a new one
  }
  if (ec) throw api::Error(210, "NETWORK_ERROR", "Cannot talk to the server: " + ec.message());

  auto& response = parser->get();
  unsigned status = response.result_int();
  std::string format(response["X-ClickHouse-Format"]);
  std::string content_type(response[http::field::content_type]);
  if (status == 200 && options.on_format && !format.empty()) options.on_format(format, content_type);
  std::string error_text;
  uint64_t body_bytes = 0;
  char chunk[65536];
  while (!parser->is_done()) {
    response.body().data = chunk;
    response.body().size = sizeof(chunk);
    http::read(t.socket, t.buffer, *parser, ec);
    if (ec == http::error::need_buffer) ec = {};
    if (ec) {
      t.close();
      throw api::Error(210, "NETWORK_ERROR", "Connection to the server broke: " + ec.message());
    }
    size_t n = sizeof(chunk) - response.body().size;
    body_bytes += n;
    if (status != 200)
      error_text.append(chunk, n);
    else if (n && options.output)
      options.output(std::string_view(chunk, n));
  }
  std::string summary(response["X-ClickHouse-Summary"]);
  if (!parser->keep_alive()) t.close();
  if (status != 200) throw parseServerError(error_text, status);

  api::ExecuteResult result;
  result.format = format;
  result.query_id = std::string(response["X-ClickHouse-Query-Id"]);
  result.result_rows = summaryField(summary, "result_rows");
  result.result_bytes = body_bytes;
  result.has_result = body_bytes > 0 || result.result_rows > 0;
  result.progress.read_rows = summaryField(summary, "read_rows");
  result.progress.read_bytes = summaryField(summary, "read_bytes");
  result.progress.written_rows = summaryField(summary, "written_rows");
  result.progress.written_bytes = summaryField(summary, "written_bytes");
  result.progress.elapsed_seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - started).count();
  // USE changes the database of later requests; SET lives in the server's session.
  static const std::regex use_statement(R"(^\s*USE\s+`?([A-Za-z0-9_]+)`?\s*;?\s*$)", std::regex::icase);
  std::match_results<std::string_view::const_iterator> m;
  if (std::regex_match(sql.begin(), sql.end(), m, use_statement)) database_ = m[1].str();
  return result;
}

}  // namespace tally::cli
