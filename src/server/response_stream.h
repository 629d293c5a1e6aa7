#pragma once
// The body of one HTTP response, written to the client's socket.
//
// Small responses are buffered and sent in one write with Content-Length, so a query that
// fails before `buffer_limit` bytes gets a real error status. Past the limit the status line and
// headers go out and the body streams in chunks (HTTP/1.1 chunked; HTTP/1.0: until close).
// `buffer_all` (wait_end_of_query=1) never streams. Progress headers (X-ClickHouse-Progress)
// may be sent before the body starts: the status is then committed to 200.
// Thread-safe: progress may arrive from other threads than the body.

#include <boost/asio/ip/tcp.hpp>
#include <functional>
#include <mutex>
#include <string>
#include <string_view>

namespace tally::server {

class ResponseStream {
 public:
  ResponseStream(boost::asio::ip::tcp::socket& socket, bool http11, bool keep_alive, bool head_only,
                 size_t buffer_limit, bool buffer_all);

  void setStatus(unsigned status) { status_ = status; }
  /// Adds "name: value" to the headers (ignored once they are sent).
  void addHeader(std::string_view name, std::string_view value);
  /// Called right before the headers are sent, to add last-moment headers (the summary).
  std::function<void(ResponseStream&)> before_headers;

  /// Appends body bytes. Returns false once the client is gone (the bytes are dropped).
  bool write(std::string_view data);
  /// Sends an X-ClickHouse-Progress header line now (starting the headers, status 200).
  void sendProgressHeader(std::string_view json);
  /// Sends what is buffered and ends the response.
  void finish();

  /// Replaces the response with an error: status, the X-ClickHouse-Exception-Code header and
  /// the text as the body. If the body already started, the text is appended to it instead.
  void failWith(unsigned status, int code, std::string_view text, const std::string& extra_headers);

  bool bodyStarted() const { return body_started_; }
  bool clientGone() const { return client_gone_; }
  /// False when the connection must close after this response.
  bool keepAlive() const { return keep_alive_; }

 private:
  void startHeadersLocked();
  void endHeadersLocked(bool chunked);
  void sendLocked(std::string_view a, std::string_view b = {}, std::string_view c = {});

  boost::asio::ip::tcp::socket& socket_;
  std::mutex mutex_;
  bool http11_, keep_alive_, head_only_;
  size_t buffer_limit_;
  bool buffer_all_;
  unsigned status_ = 200;
  std::string headers_;  // "name: value\r\n" lines not yet sent
  std::string buffer_;   // body not yet sent
  bool headers_started_ = false, body_started_ = false, chunked_ = false, finished_ = false, client_gone_ = false;
};

}  // namespace tally::server
