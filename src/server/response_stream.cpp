#include "server/response_stream.h"

#include <fmt/format.h>

#include <array>
#include <boost/asio/write.hpp>

#include "server/http_status.h"

namespace tally::server {

ResponseStream::ResponseStream(boost::asio::ip::tcp::socket& socket, bool http11, bool keep_alive, bool head_only,
                               size_t buffer_limit, bool buffer_all)
    : socket_(socket), http11_(http11), keep_alive_(keep_alive), head_only_(head_only), buffer_limit_(buffer_limit),
      buffer_all_(buffer_all) {}

void ResponseStream::addHeader(std::string_view name, std::string_view value) {
  std::lock_guard lock(mutex_);
  if (headers_started_ && body_started_) return;
  headers_.append(name).append(": ").append(value).append("\r\n");
}

void ResponseStream::sendLocked(std::string_view a, std::string_view b, std::string_view c) {
  if (client_gone_) return;
  std::array<boost::asio::const_buffer, 3> buffers{boost::asio::buffer(a.data(), a.size()),
                                                   boost::asio::buffer(b.data(), b.size()),
                                                   boost::asio::buffer(c.data(), c.size())};
  boost::system::error_code ec;
  boost::asio::write(socket_, buffers, ec);
  if (ec) {
    client_gone_ = true;
    keep_alive_ = false;
  }
}

void ResponseStream::startHeadersLocked() {
  if (headers_started_) return;
  headers_started_ = true;
  std::string line = fmt::format("HTTP/1.{} {} {}\r\n", http11_ ? 1 : 0, status_, httpReasonPhrase(status_));
  sendLocked(line);
}

void ResponseStream::endHeadersLocked(bool chunked) {
  if (before_headers) {
    auto callback = std::move(before_headers);
    before_headers = nullptr;
    mutex_.unlock();
    callback(*this);
    mutex_.lock();
  }
  std::string head;
  if (!headers_started_)
    head = fmt::format("HTTP/1.{} {} {}\r\n", http11_ ? 1 : 0, status_, httpReasonPhrase(status_));
  headers_started_ = true;
  head += headers_;
  headers_.clear();
  if (!chunked) {
    fmt::format_to(std::back_inserter(head), "Content-Length: {}\r\n", buffer_.size());
  } else if (http11_) {
    chunked_ = true;
    head += "Transfer-Encoding: chunked\r\n";
  } else {
    keep_alive_ = false;
  }
  head += keep_alive_ ? (http11_ ? "Connection: Keep-Alive\r\n" : "Connection: Keep-Alive\r\n")
                      : "Connection: Close\r\n";
  head += "\r\n";
  body_started_ = true;
  if (head_only_ || buffer_.empty()) {
    sendLocked(head);
  } else if (!chunked) {
    sendLocked(head, buffer_);
  } else {
    std::string size = fmt::format("{:x}\r\n", buffer_.size());
    sendLocked(head + size, buffer_, "\r\n");
  }
  buffer_.clear();
}

bool ResponseStream::write(std::string_view data) {
  std::lock_guard lock(mutex_);
  if (client_gone_) return false;
  if (!body_started_) {
    buffer_.append(data);
    if (!buffer_all_ && buffer_.size() >= buffer_limit_) endHeadersLocked(true);
    return !client_gone_;
  }
  if (head_only_ || data.empty()) return true;
  if (chunked_)
    sendLocked(fmt::format("{:x}\r\n", data.size()), data, "\r\n");
  else
    sendLocked(data);
  return !client_gone_;
}

void ResponseStream::sendProgressHeader(std::string_view json) {
  std::lock_guard lock(mutex_);
  if (body_started_ || client_gone_) return;
  startHeadersLocked();
  sendLocked(fmt::format("X-ClickHouse-Progress: {}\r\n", json));
}

void ResponseStream::finish() {
  std::lock_guard lock(mutex_);
  if (finished_) return;
  finished_ = true;
  if (!body_started_) {
    endHeadersLocked(false);
    return;
  }
  if (chunked_ && !head_only_) sendLocked("0\r\n\r\n");
}

void ResponseStream::failWith(unsigned status, int code, std::string_view text, const std::string& extra_headers) {
  std::lock_guard lock(mutex_);
  if (!body_started_) {
    buffer_.clear();
    if (!headers_started_) {
      status_ = status;
      headers_ = extra_headers;
    } else {
      headers_.clear();
    }
    headers_ += "Content-Type: text/plain; charset=UTF-8\r\n";
    fmt::format_to(std::back_inserter(headers_), "X-ClickHouse-Exception-Code: {}\r\n", code);
    before_headers = nullptr;
    buffer_.append(text);
    endHeadersLocked(false);
    finished_ = true;
    return;
  }
  // The body is on its way with status 200: the error text ends it, as ClickHouse does.
  if (head_only_) return;
  if (chunked_)
    sendLocked(fmt::format("{:x}\r\n", text.size()), text, "\r\n");
  else
    sendLocked(text);
}

}  // namespace tally::server
