#include "server/query_handler.h"

#include <fmt/format.h>

#include <atomic>
#include <chrono>
#include <random>

#include "server/http_compression.h"
#include "server/http_status.h"
#include "server/native_compression.h"
#include "server/query_request.h"
#include "server/response_stream.h"

namespace tally::server {

namespace http = boost::beast::http;

namespace {

constexpr size_t kResponseBufferLimit = 1 << 16;

std::string randomQueryId() {
  thread_local std::mt19937_64 rng{std::random_device{}() ^ (uint64_t(std::hash<std::thread::id>{}(std::this_thread::get_id())))};
  uint64_t hi = rng(), lo = rng();
  hi = (hi & 0xFFFFFFFFFFFF0FFFull) | 0x0000000000004000ull;  // version 4
  lo = (lo & 0x3FFFFFFFFFFFFFFFull) | 0x8000000000000000ull;  // RFC 4122 variant
  return fmt::format("{:08x}-{:04x}-{:04x}-{:04x}-{:012x}", uint32_t(hi >> 32), uint32_t(hi >> 16) & 0xFFFF,
                     uint32_t(hi) & 0xFFFF, uint32_t(lo >> 48), lo & 0xFFFFFFFFFFFFull);
}

/// True when the statement text starts with INSERT (after spaces and comments).
bool startsWithInsert(std::string_view sql) {
  size_t i = 0;
  while (i < sql.size()) {
    if (std::isspace(static_cast<unsigned char>(sql[i]))) {
      ++i;
    } else if (sql.compare(i, 2, "--") == 0) {
      size_t nl = sql.find('\n', i);
      i = nl == std::string_view::npos ? sql.size() : nl + 1;
    } else if (sql.compare(i, 2, "/*") == 0) {
      size_t end = sql.find("*/", i + 2);
      i = end == std::string_view::npos ? sql.size() : end + 2;
    } else {
      break;
    }
  }
  if (sql.size() - i < 6) return false;
  static constexpr std::string_view word = "insert";
  for (size_t k = 0; k < 6; ++k)
    if (std::tolower(static_cast<unsigned char>(sql[i + k])) != word[k]) return false;
  return sql.size() == i + 6 || !std::isalnum(static_cast<unsigned char>(sql[i + 6]));
}

std::string progressJson(const api::Progress& p, uint64_t result_rows, uint64_t result_bytes, bool with_result) {
  std::string json = fmt::format(
      R"({{"read_rows":"{}","read_bytes":"{}","written_rows":"{}","written_bytes":"{}","total_rows_to_read":"{}")",
      p.read_rows, p.read_bytes, p.written_rows, p.written_bytes, p.total_rows_to_read);
  if (with_result) fmt::format_to(std::back_inserter(json), R"(,"result_rows":"{}","result_bytes":"{}")", result_rows, result_bytes);
  fmt::format_to(std::back_inserter(json), R"(,"elapsed_ns":"{}"}})", uint64_t(p.elapsed_seconds * 1e9));
  return json;
}

bool settingEnabled(const std::string& value) { return !value.empty() && value != "0" && value != "false"; }

/// An HTTP-level setting: from the URL if given there, else the connection's (session) value.
std::string httpSetting(const QueryRequest& request, api::Connection& connection, const char* name) {
  auto it = request.settings.find(name);
  if (it != request.settings.end()) return it->second;
  return connection.getSetting(name);
}

struct ProgressState {
  std::mutex mutex;
  api::Progress progress;
  std::chrono::steady_clock::time_point last_header{};
};

}  // namespace

QueryRequest parseHttpQueryRequest(const HttpRequest& request) {
  std::map<std::string, std::string> headers;
  for (const auto& field : request.base()) {
    std::string name(field.name_string().data(), field.name_string().size());
    for (char& c : name) c = char(std::tolower(static_cast<unsigned char>(c)));
    headers[name] = std::string(field.value().data(), field.value().size());
  }
  auto method = request.method_string();
  auto target = request.target();
  return parseQueryRequestFrom(std::string_view(method.data(), method.size()), std::string_view(target.data(), target.size()),
                               headers);
}

std::string errorBody(const api::Error& error) {
  return fmt::format("{} (version {})\n", error.displayText(), api::version());
}

bool handleQueryRequest(ServerContext& server, HttpRequest& request, boost::asio::ip::tcp::socket& socket,
                        const std::string& client_address) {
  auto started = std::chrono::steady_clock::now();
  server.metrics.queries.fetch_add(1, std::memory_order_relaxed);
  ++server.metrics.running_queries;
  struct RunningGauge {
    ServerMetrics& m;
    ~RunningGauge() { --m.running_queries; }
  } gauge{server.metrics};

  const bool head_only = request.method() == http::verb::head;
  std::optional<ResponseStream> response;
  std::string common_headers = "X-ClickHouse-Server-Display-Name: " + server.display_name + "\r\n";
  QueryLogEntry log;
  log.client_address = client_address;

  std::optional<SessionRegistry::Lease> lease;
  std::unique_ptr<api::Connection> own_connection;
  api::Connection* connection = nullptr;
  std::optional<RunningQueries::Handle> running;
  bool cancelled_by_watcher = false;
  std::unique_ptr<WriteBuffer> body_writer;    // HTTP compression (or none) into the response
  std::unique_ptr<WriteBuffer> native_writer;  // compress=1 framing into body_writer
  WriteBuffer* writer = nullptr;               // where the output goes
  bool compressed_response = false;
  bool slot_held = true;

  try {
    QueryRequest q = parseHttpQueryRequest(request);
    log.user = q.user;
    log.query_id = q.query_id.empty() ? randomQueryId() : q.query_id;
    common_headers += "X-ClickHouse-Query-Id: " + log.query_id + "\r\n";
    response.emplace(socket, request.version() >= 11, request.keep_alive(), head_only, kResponseBufferLimit,
                     q.wait_end_of_query);
    response->addHeader("X-ClickHouse-Server-Display-Name", server.display_name);
    response->addHeader("X-ClickHouse-Query-Id", log.query_id);

    if (request.method() == http::verb::post && !q.has_body_framing)
      throw api::Error(381, "HTTP_LENGTH_REQUIRED",
                       "The Transfer-Encoding is not chunked and there is no Content-Length header for POST request");

    if (!q.session_id.empty()) {
      uint32_t timeout = q.session_timeout.value_or(server.config.default_session_timeout);
      if (timeout > server.config.max_session_timeout)
        throw api::Error(374, "INVALID_SESSION_TIMEOUT",
                         fmt::format("Session timeout '{}' is larger than max_session_timeout: {}. Maximum session "
                                     "timeout could be modified in configuration file.",
                                     timeout, server.config.max_session_timeout));
      lease.emplace(server.sessions.acquire(q.session_id, q.user, timeout, q.session_check));
      if (q.close_session) lease->closeOnRelease();
      connection = &lease->connection();
    } else {
      own_connection = server.database->connect();
      connection = own_connection.get();
    }
    connection->authenticate(q.user, q.password);
    if (!q.database.empty()) connection->setCurrentDatabase(q.database);
    // The server's time zone is every connection's default; a session may SET its own.
    std::string timezone = connection->getSetting("session_timezone");
    if (timezone.empty()) {
      timezone = server.config.timezone;
      if (timezone != "UTC") connection->setSetting("session_timezone", timezone);
    }
    response->addHeader("X-ClickHouse-Timezone", timezone);

    std::string body = decodeRequestBody(std::move(request.body()), q.content_encoding, server.config.http_max_body_size);
    request.body().clear();
    if (q.decompress)
      body = decodeNativeCompressed(body, !q.skip_native_checksums, server.config.http_max_body_size);

    // The statement: the URL's `query` continued by the body, except that the body of an INSERT
    // whose statement is complete in the URL is its data.
    std::string sql;
    bool body_is_data = false;
    if (q.query.empty()) {
      sql = std::move(body);
    } else if (!body.empty() && startsWithInsert(q.query)) {
      sql = q.query;
      body_is_data = true;
    } else {
      sql = q.query;
      if (!body.empty()) sql.append("\n").append(body);
    }
    if (sql.find_first_not_of(" \t\r\n") == std::string::npos)
      throw api::Error(62, "SYNTAX_ERROR", "Empty query");
    log.query = sql.size() > 4096 ? sql.substr(0, 4096) : sql;

    api::ExecuteOptions options;
    options.default_format = q.default_format.empty() ? "TabSeparated" : q.default_format;
    options.settings = q.settings;
    options.parameters = q.parameters;
    options.query_id = log.query_id;
    if (q.readonly_method) {
      auto it = options.settings.find("readonly");
      if (it == options.settings.end() || it->second == "0") {
        if (connection->getSetting("readonly") == "0") options.settings["readonly"] = "2";
      }
    }
    size_t data_offset = 0;
    if (body_is_data) {
      options.input = [&body, &data_offset](char* buffer, size_t size) {
        size_t n = std::min(size, body.size() - data_offset);
        std::memcpy(buffer, body.data() + data_offset, n);
        data_offset += n;
        return n;
      };
    }

    // HTTP-level settings (URL parameters or the session's SET values).
    bool send_progress = settingEnabled(httpSetting(q, *connection, "send_progress_in_http_headers"));
    uint64_t progress_interval_ms = std::stoull("0" + httpSetting(q, *connection, "http_headers_progress_interval_ms"));
    if (settingEnabled(httpSetting(q, *connection, "add_http_cors_header")))
      response->addHeader("Access-Control-Allow-Origin", "*");
    CompressionMethod method = CompressionMethod::None;
    int level = 3;
    if (settingEnabled(httpSetting(q, *connection, "enable_http_compression"))) {
      method = chooseResponseCompression(q.accept_encoding);
      level = int(std::stoll("0" + httpSetting(q, *connection, "http_zlib_compression_level")));
      if (method == CompressionMethod::Gzip || method == CompressionMethod::Zlib) level = std::clamp(level, 1, 9);
      else if (method == CompressionMethod::Zstd) level = std::clamp(level, 1, 22);
      else if (method == CompressionMethod::Lz4) level = std::clamp(level, 0, 12);
      else level = -1;
    }
    if (method != CompressionMethod::None) {
      response->addHeader("Content-Encoding", compressionMethodName(method));
      compressed_response = true;
    }
    body_writer = wrapWriteBufferWithCompression(std::make_unique<ResponseBodyBuffer>(*response), method, level);

    std::string format_used = options.default_format;
    bool format_announced = false;
    options.on_format = [&](std::string_view format, std::string_view content_type) {
      format_used = std::string(format);
      format_announced = true;
      response->addHeader("X-ClickHouse-Format", format);
      response->addHeader("Content-Type", content_type);
    };
    ProgressState progress_state;
    options.on_progress = [&](const api::Progress& p) {
      std::lock_guard lock(progress_state.mutex);
      progress_state.progress = p;
      if (!send_progress) return;
      auto now = std::chrono::steady_clock::now();
      if (now - progress_state.last_header < std::chrono::milliseconds(progress_interval_ms)) return;
      progress_state.last_header = now;
      response->sendProgressHeader(progressJson(p, 0, 0, false));
    };
    if (q.compress) native_writer = std::make_unique<NativeCompressedWriteBuffer>(*body_writer);
    writer = native_writer ? native_writer.get() : body_writer.get();
    options.output = [writer](std::string_view data) { writer->write(data); };
    response->before_headers = [&](ResponseStream& r) {
      api::Progress p;
      {
        std::lock_guard lock(progress_state.mutex);
        p = progress_state.progress;
      }
      p.elapsed_seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - started).count();
      r.addHeader("X-ClickHouse-Summary", progressJson(p, 0, 0, false));
    };

    running = server.running.add(socket.native_handle(), connection, log.query_id);
    api::ExecuteResult result = connection->execute(sql, options);
    cancelled_by_watcher = server.running.remove(*running);
    running.reset();
    slot_held = false;

    writer->finalize();
    if (!format_announced) {
      response->addHeader("X-ClickHouse-Format", format_used);
      response->addHeader("Content-Type", "text/plain; charset=UTF-8");
    }
    response->before_headers = [&](ResponseStream& r) {
      api::Progress p = result.progress;
      p.elapsed_seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - started).count();
      r.addHeader("X-ClickHouse-Summary", progressJson(p, result.result_rows, result.result_bytes, true));
    };
    response->finish();

    log.kind = result.kind;
    log.read_rows = result.progress.read_rows;
    log.read_bytes = result.progress.read_bytes;
    log.written_rows = result.progress.written_rows;
    log.written_bytes = result.progress.written_bytes;
    log.result_rows = result.result_rows;
    log.result_bytes = result.result_bytes;
    if (result.kind == "Select") server.metrics.select_queries.fetch_add(1, std::memory_order_relaxed);
    if (result.kind == "Insert") {
      server.metrics.insert_queries.fetch_add(1, std::memory_order_relaxed);
      server.metrics.inserted_rows.fetch_add(result.progress.written_rows, std::memory_order_relaxed);
      server.metrics.inserted_bytes.fetch_add(result.progress.written_bytes, std::memory_order_relaxed);
    }
    server.metrics.read_rows.fetch_add(result.progress.read_rows, std::memory_order_relaxed);
    server.metrics.read_bytes.fetch_add(result.progress.read_bytes, std::memory_order_relaxed);
    server.metrics.result_rows.fetch_add(result.result_rows, std::memory_order_relaxed);
  } catch (...) {
    if (running) {
      cancelled_by_watcher = server.running.remove(*running);
      running.reset();
    } else if (slot_held) {
      server.running.unreserve();
    }
    slot_held = false;
    if (!response) response.emplace(socket, request.version() >= 11, request.keep_alive(), head_only, kResponseBufferLimit, false);
    api::Error error(1001, "STD_EXCEPTION", "Unknown exception");
    try {
      throw;
    } catch (const api::Error& e) {
      error = e;
    } catch (const std::exception& e) {
      error = api::Error(1001, "STD_EXCEPTION", e.what());
    }
    if (error.code() == 164 && request.method() != http::verb::post)
      error = api::Error(164, "READONLY",
                         error.message() + ". For queries over HTTP, method GET implies readonly. You should use "
                                           "method POST for modifying queries");
    unsigned status = httpStatusForErrorCode(error.code());
    std::string text = errorBody(error);
    std::string extra = common_headers;
    if (status == 401) extra += "WWW-Authenticate: Basic realm=\"ClickHouse server HTTP API\"\r\n";
    if (response->bodyStarted() && (compressed_response || native_writer) && writer) {
      try {
        writer->write(text);
        writer->finalize();
      } catch (...) {
      }
    } else {
      response->failWith(status, error.code(), text, extra);
    }
    response->finish();
    server.metrics.failed_queries.fetch_add(1, std::memory_order_relaxed);
    if (cancelled_by_watcher || response->clientGone()) server.metrics.cancelled_queries.fetch_add(1, std::memory_order_relaxed);
    log.error_code = error.code();
    log.error = error.displayText();
    log.http_status = response->bodyStarted() ? 200 : status;
  }
  log.duration_seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - started).count();
  server.log.write(log);
  return response->keepAlive() && !response->clientGone() && !cancelled_by_watcher;
}

}  // namespace tally::server
