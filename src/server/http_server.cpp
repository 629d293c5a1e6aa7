#include "server/http_server.h"

#include <fmt/format.h>
#include <poll.h>
#include <unistd.h>

#include <boost/asio/ip/tcp.hpp>
#include <boost/asio/post.hpp>
#include <boost/asio/signal_set.hpp>
#include <boost/asio/strand.hpp>
#include <boost/asio/write.hpp>
#include <boost/beast/core/flat_buffer.hpp>
#include <boost/beast/core/tcp_stream.hpp>
#include <boost/beast/http/read.hpp>
#include <boost/beast/http/parser.hpp>
#include <boost/beast/http/error.hpp>
#include <thread>

#include "server/app_response.h"
#include "server/play_page.h"
#include "server/query_handler.h"
#include "server/query_request.h"
#include "server/query_thread_pool.h"
#include "server/server_context.h"

namespace tally::server {

namespace net = boost::asio;
namespace beast = boost::beast;
namespace http = beast::http;
using tcp = net::ip::tcp;

namespace {

std::string hostName() {
  char name[256] = {};
  if (gethostname(name, sizeof(name) - 1) != 0) return "localhost";
  return name;
}

/// A complete small response with Content-Length.
std::string simpleResponse(unsigned status, std::string_view reason, std::string_view content_type,
                           std::string_view body, bool keep_alive, bool head_only, std::string_view extra_headers = {}) {
  std::string out = fmt::format("HTTP/1.1 {} {}\r\nContent-Type: {}\r\nContent-Length: {}\r\n{}Connection: {}\r\n\r\n", status,
                                reason, content_type, body.size(), extra_headers, keep_alive ? "Keep-Alive" : "Close");
  if (!head_only) out.append(body);
  return out;
}

}  // namespace

struct HttpServer::Impl {
  Impl(ServerConfig config, std::shared_ptr<api::Database> database, std::shared_ptr<HttpApp> app_)
      : context(config, std::move(database), config.display_name.empty() ? hostName() : config.display_name),
        app(std::move(app_)),
        threads(config.io_threads ? config.io_threads : std::max(1u, std::thread::hardware_concurrency())),
        ioc(int(threads)), acceptor(ioc) {}

  ServerContext context;
  std::shared_ptr<HttpApp> app;
  size_t threads;
  net::io_context ioc;
  tcp::acceptor acceptor;
  QueryThreadPool query_threads;

  void accept();
};

namespace {

class HttpConnection : public std::enable_shared_from_this<HttpConnection> {
 public:
  HttpConnection(HttpServer::Impl& server, tcp::socket socket) : server_(server), stream_(std::move(socket)) {
    boost::system::error_code ec;
    auto endpoint = stream_.socket().remote_endpoint(ec);
    if (!ec) client_ = endpoint.address().to_string() + ":" + std::to_string(endpoint.port());
    stream_.socket().set_option(tcp::no_delay(true), ec);
    ++server_.context.metrics.open_connections;
    ++server_.context.metrics.accepted_connections;
  }
  ~HttpConnection() { --server_.context.metrics.open_connections; }

  void readRequest() {
    newParser();
    continueRead();
  }

 private:
  void newParser() {
    parser_.emplace();
    parser_->header_limit(uint32_t(std::min<size_t>(server_.context.config.http_max_header_size, UINT32_MAX)));
    parser_->body_limit(server_.context.config.http_max_body_size);
    continue_sent_ = false;
  }

  /// Reads the rest of the request in parser_ on the network threads.
  void continueRead() {
    if (parser_->is_header_done()) return onHeader({});
    stream_.expires_after(std::chrono::seconds(server_.context.config.keep_alive_timeout));
    http::async_read_header(stream_, buffer_, *parser_,
                            [self = shared_from_this()](beast::error_code ec, size_t) { self->onHeader(ec); });
  }

  /// Answers `Expect: 100-continue` once the header is in; false if the client is gone.
  bool sendContinueIfExpected() {
    if (continue_sent_ || parser_->is_done() || !beast::iequals(parser_->get()[http::field::expect], "100-continue"))
      return true;
    continue_sent_ = true;
    static constexpr std::string_view cont = "HTTP/1.1 100 Continue\r\n\r\n";
    boost::system::error_code write_ec;
    net::write(stream_.socket(), net::buffer(cont.data(), cont.size()), write_ec);
    return !write_ec;
  }

  void onHeader(beast::error_code ec) {
    if (ec) return onReadError(ec);
    auto& request = parser_->get();
    if (request.target().size() > server_.context.config.http_max_uri_size)
      return reject(400, "Bad Request", "Bad request: the URI is longer than http_max_uri_size\n");
    if (!sendContinueIfExpected()) return close();
    stream_.expires_after(std::chrono::seconds(300));
    http::async_read(stream_, buffer_, *parser_,
                     [self = shared_from_this()](beast::error_code ec, size_t) { self->onRequest(ec); });
  }

  void onReadError(beast::error_code ec) {
    if (ec == http::error::end_of_stream || ec == net::error::eof || ec == beast::error::timeout ||
        ec == net::error::operation_aborted || ec == net::error::connection_reset)
      return close();
    ++server_.context.metrics.bad_requests;
    if (ec == http::error::header_limit)
      return reject(400, "Bad Request", "Bad request: the HTTP header is larger than http_max_header_size\n");
    if (ec == http::error::body_limit)
      return reject(413, "Payload Too Large", "Bad request: the HTTP body is larger than http_max_body_size\n");
    reject(400, "Bad Request", "Bad request: " + ec.message() + "\n");
  }

  void reject(unsigned status, std::string_view reason, const std::string& text) {
    write(simpleResponse(status, reason, "text/plain; charset=UTF-8", text, false, false));
    close();
  }

  void onRequest(beast::error_code ec) {
    if (ec) return onReadError(ec);
    stream_.expires_never();
    auto& metrics = server_.context.metrics;
    metrics.http_requests.fetch_add(1, std::memory_order_relaxed);
    auto& request = parser_->get();
    const bool keep_alive = request.keep_alive();
    const auto method = request.method();
    const bool head_only = method == http::verb::head;
    const bool get_like = method == http::verb::get || head_only;
    auto [path, query_string] = splitTarget(std::string_view(request.target().data(), request.target().size()));

    if (get_like && (path == "/ping" || path == "/replicas_status"))
      return respond(simpleResponse(200, "OK", "text/html; charset=UTF-8", "Ok.\n", keep_alive, head_only), keep_alive);
    if (get_like && path == "/metrics")
      return respond(simpleResponse(200, "OK", "text/plain; version=0.0.4; charset=UTF-8",
                                    metrics.prometheusText(server_.context.sessions.size()) +
                                        (server_.app ? server_.app->metricsText() : std::string()),
                                    keep_alive, head_only),
                     keep_alive);
    if (get_like && path == "/play")
      return respond(simpleResponse(200, "OK", "text/html; charset=UTF-8", playPageHtml(), keep_alive, head_only), keep_alive);
    if (method == http::verb::options)
      return respond(simpleResponse(204, "No Content", "text/plain; charset=UTF-8", "", keep_alive, false,
                                    "Access-Control-Allow-Origin: *\r\nAccess-Control-Allow-Methods: POST, GET, OPTIONS\r\n"
                                    "Access-Control-Allow-Headers: origin, x-requested-with, x-clickhouse-format, "
                                    "x-clickhouse-user, x-clickhouse-key, Authorization, Content-Type\r\n"
                                    "Access-Control-Max-Age: 86400\r\n"),
                     keep_alive);
    if (get_like && server_.app) {
      AppRequest app_request{std::string(path), std::string(query_string), std::string(request[http::field::accept]),
                             std::string(request[http::field::if_none_match]),
                             std::string(request[http::field::user_agent])};
      if (server_.app->handles(app_request)) {
        std::string accept_encoding(request[http::field::accept_encoding]);
        return server_.query_threads.post([self = shared_from_this(), app_request = std::move(app_request),
                                           accept_encoding = std::move(accept_encoding), keep_alive, head_only] {
          std::string bytes = appResponseBytes(self->server_.app->handle(app_request), accept_encoding, keep_alive, head_only);
          net::post(self->stream_.get_executor(), [self, bytes = std::move(bytes), keep_alive] { self->respond(bytes, keep_alive); });
        });
      }
    }
    if (get_like && path == "/" && query_string.empty())
      return respond(simpleResponse(200, "OK", "text/html; charset=UTF-8", "Ok.\n", keep_alive, head_only), keep_alive);
    if (!isQueryRequest(request)) {
      std::string text = fmt::format(
          "There is no handle {}\n\nUse / or /ping for health checks.\nOr /replicas_status for more sophisticated health "
          "checks.\n\nSend queries from your program with POST method or GET /?query=...\n\nUse /play for a SQL "
          "playground in the browser.\n",
          std::string(path));
      return respond(simpleResponse(404, "Not Found", "text/plain; charset=UTF-8", text, keep_alive, head_only), keep_alive);
    }
    if (!server_.context.running.tryReserve()) {
      metrics.rejected_queries.fetch_add(1, std::memory_order_relaxed);
      api::Error error(202, "TOO_MANY_SIMULTANEOUS_QUERIES",
                       fmt::format("Too many simultaneous queries. Maximum: {}", server_.context.config.max_concurrent_queries));
      std::string headers = "X-ClickHouse-Exception-Code: 202\r\nX-ClickHouse-Server-Display-Name: " +
                            server_.context.display_name + "\r\n";
      return respond(simpleResponse(500, "Internal Server Error", "text/plain; charset=UTF-8", errorBody(error),
                                    keep_alive, head_only, headers),
                     keep_alive);
    }
    server_.query_threads.post([self = shared_from_this()] { self->runQueries(); });
  }

  static bool isQueryRequest(const http::request<http::string_body>& request) {
    auto [path, query_string] = splitTarget(std::string_view(request.target().data(), request.target().size()));
    const auto method = request.method();
    const bool get_like = method == http::verb::get || method == http::verb::head;
    const bool query_path = path == "/" || path == "/query" || path.empty();
    if (get_like && path == "/" && query_string.empty()) return false;
    return query_path && ((get_like && !query_string.empty()) || method == http::verb::post);
  }

  /// On a query thread, in a reserved slot: runs the request, then keeps serving the requests
  /// that follow on this keep-alive connection without a hop through the network threads, as
  /// long as they come quickly; an idle connection goes back to the network threads.
  void runQueries() {
    auto& context = server_.context;
    while (true) {
      bool keep = false;
      try {
        keep = handleQueryRequest(context, parser_->get(), stream_.socket(), client_);
      } catch (...) {
        keep = false;
      }
      auto self = shared_from_this();
      if (!keep) return net::post(stream_.get_executor(), [self] { self->close(); });
      beast::error_code ec;
      switch (readNextRequestHere(ec)) {
        case HotRead::Idle: return net::post(stream_.get_executor(), [self] { self->continueRead(); });
        case HotRead::Error: return net::post(stream_.get_executor(), [self, ec] { self->onReadError(ec); });
        case HotRead::Request: break;
      }
      if (parser_->get().target().size() > context.config.http_max_uri_size || !isQueryRequest(parser_->get()) ||
          !context.running.tryReserve())
        return net::post(stream_.get_executor(), [self] { self->onRequest({}); });
      context.metrics.http_requests.fetch_add(1, std::memory_order_relaxed);
    }
  }

  enum class HotRead { Request, Idle, Error };

  /// Waits up to kHotWait for the next request and reads it on this thread. Idle when none came
  /// in time or it is still arriving (parser_ keeps what was read; continueRead() goes on).
  HotRead readNextRequestHere(beast::error_code& ec) {
    static constexpr auto kHotWait = std::chrono::milliseconds(2);
    auto& socket = stream_.socket();
    newParser();
    const auto deadline = std::chrono::steady_clock::now() + kHotWait;
    socket.non_blocking(true, ec);
    if (ec) return HotRead::Error;
    struct RestoreBlocking {
      tcp::socket& s;
      ~RestoreBlocking() {
        boost::system::error_code ignored;
        s.non_blocking(false, ignored);
      }
    } restore{socket};
    bool wait = buffer_.size() == 0;
    while (true) {
      if (wait) {
        auto left = std::chrono::duration_cast<std::chrono::milliseconds>(deadline - std::chrono::steady_clock::now());
        pollfd p{socket.native_handle(), POLLIN, 0};
        if (left.count() <= 0 || ::poll(&p, 1, int(left.count())) <= 0) return HotRead::Idle;
      }
      if (!parser_->is_header_done()) http::read_header(socket, buffer_, *parser_, ec);
      if (!ec && parser_->is_header_done()) {
        if (!sendContinueIfExpected()) {
          ec = net::error::connection_reset;
          return HotRead::Error;
        }
        http::read(socket, buffer_, *parser_, ec);
      }
      if (!ec) return HotRead::Request;
      if (ec != net::error::would_block && ec != net::error::try_again) return HotRead::Error;
      ec = {};
      wait = true;
    }
  }

  void respond(const std::string& bytes, bool keep_alive) {
    if (!write(bytes) || !keep_alive) return close();
    readRequest();
  }

  bool write(const std::string& bytes) {
    boost::system::error_code ec;
    net::write(stream_.socket(), net::buffer(bytes), ec);
    return !ec;
  }

  void close() {
    boost::system::error_code ec;
    stream_.socket().shutdown(tcp::socket::shutdown_both, ec);
    stream_.socket().close(ec);
  }

  HttpServer::Impl& server_;
  beast::tcp_stream stream_;
  beast::flat_buffer buffer_;
  std::optional<http::request_parser<http::string_body>> parser_;
  bool continue_sent_ = false;
  std::string client_;
};

}  // namespace

void HttpServer::Impl::accept() {
  acceptor.async_accept(net::make_strand(ioc), [this](beast::error_code ec, tcp::socket socket) {
    if (!acceptor.is_open()) return;
    if (!ec) std::make_shared<HttpConnection>(*this, std::move(socket))->readRequest();
    accept();
  });
}

HttpServer::HttpServer(ServerConfig config, std::shared_ptr<api::Database> database, std::shared_ptr<HttpApp> app)
    : impl_(std::make_unique<Impl>(std::move(config), std::move(database), std::move(app))) {}

HttpServer::~HttpServer() = default;

void HttpServer::listen() {
  const auto& config = impl_->context.config;
  boost::system::error_code ec;
  auto address = net::ip::make_address(config.listen_host, ec);
  if (ec) throw std::runtime_error("Invalid listen_host '" + config.listen_host + "': " + ec.message());
  tcp::endpoint endpoint(address, config.http_port);
  auto& acceptor = impl_->acceptor;
  acceptor.open(endpoint.protocol(), ec);
  if (!ec) acceptor.set_option(net::socket_base::reuse_address(true), ec);
  if (!ec) acceptor.bind(endpoint, ec);
  if (!ec) acceptor.listen(net::socket_base::max_listen_connections, ec);
  if (ec)
    throw std::runtime_error(fmt::format("Cannot listen on {}:{}: {}", config.listen_host, config.http_port, ec.message()));
}

uint16_t HttpServer::port() const { return impl_->acceptor.local_endpoint().port(); }

void HttpServer::run() {
  impl_->context.log.event("start", fmt::format("listening on http://{}:{}", impl_->context.config.listen_host, port()));
  impl_->accept();
  net::signal_set signals(impl_->ioc, SIGINT, SIGTERM);
  signals.async_wait([this](beast::error_code ec, int) {
    if (!ec) stop();
  });
  std::vector<std::thread> workers;
  for (size_t i = 1; i < impl_->threads; ++i) workers.emplace_back([this] { impl_->ioc.run(); });
  impl_->ioc.run();
  for (auto& t : workers) t.join();
  impl_->context.log.event("stop", "server stopped");
}

void HttpServer::stop() {
  net::post(impl_->ioc, [this] {
    boost::system::error_code ec;
    impl_->acceptor.close(ec);
    impl_->ioc.stop();
  });
}

}  // namespace tally::server
