// The public embedding API (include/tally/tally.h) over the engine's sessions.

#include <mutex>

#include "columns/column_const.h"
#include "columns/column_low_cardinality.h"
#include "columns/column_nullable.h"
#include "common/exception.h"
#include "access/access_store.h"
#include "common/version.h"
#include "interpreters/execute_query.h"
#include "parser/parser.h"
#include "tally/tally.h"

namespace tally::api {

namespace {

Error toError(const tally::Exception& e) {
  return Error(e.code(), std::string(errorCodeName(e.code())), e.message());
}

[[noreturn]] void rethrowAsApiError() {
  tally::Exception e = currentException();
  throw toError(e);
}

/// Forwards formatted bytes to the caller's callback.
class CallbackWriteBuffer final : public tally::WriteBuffer {
 public:
  explicit CallbackWriteBuffer(std::function<void(std::string_view)> callback)
      : callback_(std::move(callback)), memory_(1 << 16) {
    set(memory_.data(), memory_.size());
  }
  ~CallbackWriteBuffer() override = default;

 private:
  void nextImpl() override {
    size_t n = size_t(pos_ - begin_);
    if (n && callback_) callback_(std::string_view(begin_, n));
    set(memory_.data(), memory_.size());
  }
  std::function<void(std::string_view)> callback_;
  tally::PODArray<char> memory_;
};

/// Pulls input data from the caller's callback.
class CallbackReadBuffer final : public tally::ReadBuffer {
 public:
  explicit CallbackReadBuffer(std::function<size_t(char*, size_t)> callback)
      : callback_(std::move(callback)), memory_(1 << 20) {
    set(memory_.data(), 0);
  }

 private:
  bool nextImpl() override {
    size_t n = callback_(memory_.data(), memory_.size());
    if (n == 0) return false;
    set(memory_.data(), n);
    return true;
  }
  std::function<size_t(char*, size_t)> callback_;
  tally::PODArray<char> memory_;
};

Progress toApi(const tally::Progress& p) {
  Progress r;
  r.read_rows = p.read_rows;
  r.read_bytes = p.read_bytes;
  r.total_rows_to_read = p.total_rows_to_read;
  r.written_rows = p.written_rows;
  r.written_bytes = p.written_bytes;
  r.elapsed_seconds = p.elapsed_seconds;
  return r;
}

class ResultImpl final : public Result {
 public:
  explicit ResultImpl(std::unique_ptr<QueryResultStream> stream) : stream_(std::move(stream)) {
    for (const auto& c : stream_->header()) names_.push_back(c.name);
  }
  size_t columnCount() const override { return names_.size(); }
  const std::string& columnName(size_t column) const override { return names_.at(column); }
  std::string columnType(size_t column) const override { return stream_->header().at(column).type->name(); }
  bool next() override {
    Block b;
    if (!stream_->next(b)) {
      current_ = Block();
      full_.clear();
      return false;
    }
    current_ = std::move(b);
    full_.clear();
    full_types_.clear();
    for (const auto& c : current_) {
      ColumnPtr col = materialize(c.column);
      DataTypePtr type = c.type;
      if (col->kind() == ColumnKind::LowCardinality) {
        col = static_cast<const ColumnLowCardinality&>(*col).convertToFullColumn();
        type = removeLowCardinality(type);  // the values' type, matching the full column
      }
      full_.push_back(col);
      full_types_.push_back(type);
    }
    return true;
  }
  size_t rows() const override { return current_.rows(); }
  bool isNull(size_t column, size_t row) const override { return full_.at(column)->isNullAt(row); }
  int64_t getInt64(size_t column, size_t row) const override {
    try {
      return full_.at(column)->getInt(row);
    } catch (...) {
      rethrowAsApiError();
    }
  }
  uint64_t getUInt64(size_t column, size_t row) const override {
    try {
      return full_.at(column)->getUInt(row);
    } catch (...) {
      rethrowAsApiError();
    }
  }
  double getDouble(size_t column, size_t row) const override {
    try {
      return full_.at(column)->getFloat64(row);
    } catch (...) {
      rethrowAsApiError();
    }
  }
  std::string getString(size_t column, size_t row) const override {
    return serializeToString(*full_types_.at(column), *full_.at(column), row);
  }

 private:
  std::unique_ptr<QueryResultStream> stream_;
  std::vector<std::string> names_;
  Block current_;
  std::vector<ColumnPtr> full_;
  std::vector<DataTypePtr> full_types_;
};

class ConnectionImpl final : public Connection {
 public:
  explicit ConnectionImpl(std::shared_ptr<Engine> engine) : session_(std::move(engine)) {}

  ExecuteResult execute(std::string_view sql, const ExecuteOptions& options) override {
    std::unique_ptr<CallbackWriteBuffer> out;
    std::unique_ptr<CallbackReadBuffer> in;
    QueryIO io;
    if (options.output) {
      out = std::make_unique<CallbackWriteBuffer>(options.output);
      io.output = out.get();
    } else {
      out = std::make_unique<CallbackWriteBuffer>(nullptr);
      io.output = out.get();
    }
    if (options.input) {
      in = std::make_unique<CallbackReadBuffer>(options.input);
      io.input = in.get();
    }
    io.default_format = options.default_format;
    io.output_is_terminal = options.output_is_terminal;
    io.input_format = options.input_format;
    io.settings = options.settings;
    io.parameters = options.parameters;
    io.query_id = options.query_id;
    io.on_start = [this](QueryContext& context) {
      std::lock_guard lock(mutex_);
      running_ = &context;
      if (cancel_requested_) context.cancel();
    };
    if (options.on_progress) io.on_progress = [cb = options.on_progress](const tally::Progress& p) { cb(toApi(p)); };
    if (options.on_format)
      io.on_format = [cb = options.on_format](const std::string& f, const std::string& t) { cb(f, t); };
    struct Running {
      ConnectionImpl& c;
      ~Running() {
        std::lock_guard lock(c.mutex_);
        c.running_ = nullptr;
        c.cancel_requested_ = false;
      }
    } running{*this};
    try {
      QueryResultInfo info = executeQuery(session_, sql, io);
      out->finalize();
      ExecuteResult r;
      r.kind = info.query_kind;
      r.format = info.format;
      r.has_result = info.has_result;
      r.result_rows = info.result_rows;
      r.result_bytes = info.result_bytes;
      r.progress = toApi(info.progress);
      r.query_id = info.query_id;
      r.inserted_rows = info.inserted_rows;
      r.insert_deduplicated = info.insert_deduplicated;
      return r;
    } catch (...) {
      rethrowAsApiError();
    }
  }

  std::unique_ptr<Result> query(std::string_view sql, const std::map<std::string, std::string>& parameters) override {
    try {
      return std::make_unique<ResultImpl>(executeQueryForBlocks(session_, sql, parameters));
    } catch (...) {
      rethrowAsApiError();
    }
  }

  void cancel() override {
    std::lock_guard lock(mutex_);
    if (running_)
      running_->cancel();
    else
      cancel_requested_ = false;
  }

  void setSetting(const std::string& name, const std::string& value) override {
    try {
      session_.checkSettingChange(name, Field(value));
      session_.settings.setFromString(name, value);
    } catch (...) {
      rethrowAsApiError();
    }
  }
  std::string getSetting(const std::string& name) const override {
    try {
      return session_.settings.getString(name);
    } catch (...) {
      rethrowAsApiError();
    }
  }
  void setParameter(const std::string& name, const std::string& value) override { session_.query_parameters[name] = value; }
  std::string currentDatabase() const override { return session_.current_database; }
  void setCurrentDatabase(const std::string& database) override {
    try {
      session_.catalog().getDatabase(database);
      session_.current_database = database;
    } catch (...) {
      rethrowAsApiError();
    }
  }
  void setUser(const std::string& user) override {
    try {
      if (!session_.engine().access().userExists(user))
        throw tally::Exception(ErrorCodes::AUTHENTICATION_FAILED,
                               "{}: Authentication failed: password is incorrect, or there is no user with such name", user);
      session_.login(user);
    } catch (...) {
      rethrowAsApiError();
    }
  }
  void authenticate(const std::string& user, const std::string& password) override {
    try {
      session_.engine().access().authenticate(user, password);
      session_.login(user);
    } catch (...) {
      rethrowAsApiError();
    }
  }
  std::string currentUser() const override { return session_.user; }

 private:
  Session session_;
  std::mutex mutex_;
  QueryContext* running_ = nullptr;
  bool cancel_requested_ = false;
};

class DatabaseImpl final : public Database {
 public:
  explicit DatabaseImpl(std::shared_ptr<Engine> engine) : engine_(std::move(engine)) {}
  std::unique_ptr<Connection> connect() override { return std::make_unique<ConnectionImpl>(engine_); }

 private:
  std::shared_ptr<Engine> engine_;
};

}  // namespace

Error::Error(int code, std::string name, std::string message)
    : code_(code), name_(std::move(name)), message_(std::move(message)) {
  display_ = tally::Exception(code_, message_).displayText();
}

std::shared_ptr<Database> Database::open(const Options& options) {
  try {
    EngineOptions e;
    e.data_path = options.data_path;
    e.user_files_path = options.user_files_path;
    e.default_database = options.default_database;
    e.extra_databases = options.extra_databases;
    e.default_password = options.default_password;
    e.users_file = options.users_file;
    return std::make_shared<DatabaseImpl>(Engine::open(e));
  } catch (...) {
    rethrowAsApiError();
  }
}

std::vector<Statement> splitStatements(std::string_view script, bool keep_going) {
  try {
    std::vector<Statement> res;
    for (const auto& s : parseMultipleQueries(script, {}, keep_going)) {
      Statement st;
      st.begin = s.begin;
      st.end = s.end;
      if (s.error) {
        try {
          std::rethrow_exception(s.error);
        } catch (...) {
          st.syntax_error = toError(currentException());
        }
        res.push_back(std::move(st));
        continue;
      }
      st.is_insert_with_inline_data =
          s.ast->kind == ASTKind::InsertQuery && s.ast->as<ASTInsertQuery>().has_inline_data;
      res.push_back(st);
    }
    return res;
  } catch (...) {
    rethrowAsApiError();
  }
}

std::string version() { return kClickHouseCompatibleVersion; }

std::string errorCodeName(int code) { return std::string(tally::errorCodeName(code)); }

}  // namespace tally::api
