#include "query_runner.h"

#include <chrono>

#include "json_text.h"

namespace tally::pypi {

namespace {

bool isNumericType(const std::string& type) {
  std::string t = type;
  if (t.starts_with("Nullable(")) t = t.substr(9, t.size() - 10);
  if (t.starts_with("LowCardinality(")) t = t.substr(15, t.size() - 16);
  return t.starts_with("UInt") || t.starts_with("Int") || t.starts_with("Float") || t.starts_with("Decimal") || t == "Bool";
}

}  // namespace

int QueryResult::column(const std::string& name) const {
  for (size_t i = 0; i < names.size(); ++i)
    if (names[i] == name) return int(i);
  return -1;
}

std::string QueryResult::rowsJson() const {
  std::string out = "[";
  for (size_t r = 0; r < rows.size(); ++r) {
    if (r) out += ',';
    out += '{';
    for (size_t c = 0; c < names.size(); ++c) {
      if (c) out += ',';
      appendJsonString(out, names[c]);
      out += ':';
      const std::string& v = rows[r][c];
      if (numeric[c] && !v.empty() && v != "nan" && v != "inf" && v != "-inf") {
        out += types[c] == "Bool" ? (v == "true" || v == "1" ? "true" : "false") : v;
      } else {
        appendJsonString(out, v);
      }
    }
    out += '}';
  }
  out += ']';
  return out;
}

std::string QueryResult::columnsJson() const {
  std::string out = "[";
  for (size_t c = 0; c < names.size(); ++c) {
    if (c) out += ',';
    out += "{\"name\":" + jsonString(names[c]) + ",\"type\":" + jsonString(types[c]) + "}";
  }
  return out + "]";
}

std::string QueryResult::csv() const {
  auto field = [](std::string& out, const std::string& v) {
    if (v.find_first_of(",\"\r\n") == std::string::npos) {
      out += v;
      return;
    }
    out += '"';
    for (char ch : v) {
      if (ch == '"') out += '"';
      out += ch;
    }
    out += '"';
  };
  std::string out;
  for (size_t c = 0; c < names.size(); ++c) {
    if (c) out += ',';
    field(out, names[c]);
  }
  out += "\r\n";
  for (const auto& row : rows) {
    for (size_t c = 0; c < row.size(); ++c) {
      if (c) out += ',';
      field(out, row[c]);
    }
    out += "\r\n";
  }
  return out;
}

QueryRunner::QueryRunner(ConnectionFactory connect) : connect_(std::move(connect)) {}

std::unique_ptr<api::Connection> QueryRunner::acquire() {
  {
    std::lock_guard lock(mutex_);
    if (!idle_.empty()) {
      auto c = std::move(idle_.back());
      idle_.pop_back();
      return c;
    }
  }
  return connect_();
}

void QueryRunner::release(std::unique_ptr<api::Connection> connection) {
  std::lock_guard lock(mutex_);
  if (idle_.size() < 64) idle_.push_back(std::move(connection));
}

QueryResult QueryRunner::run(const std::string& sql, const std::map<std::string, std::string>& params) {
  auto start = std::chrono::steady_clock::now();
  auto connection = acquire();
  QueryResult out;
  auto result = connection->query(sql, params);
  for (size_t c = 0; c < result->columnCount(); ++c) {
    out.names.push_back(result->columnName(c));
    out.types.push_back(result->columnType(c));
    out.numeric.push_back(isNumericType(out.types.back()));
  }
  while (result->next())
    for (size_t r = 0; r < result->rows(); ++r) {
      std::vector<std::string> row;
      row.reserve(out.names.size());
      for (size_t c = 0; c < out.names.size(); ++c) row.push_back(result->isNull(c, r) ? std::string() : result->getString(c, r));
      out.rows.push_back(std::move(row));
    }
  result.reset();
  release(std::move(connection));
  out.elapsed_ms = std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - start).count();
  return out;
}

std::string QueryRunner::scalar(const std::string& sql, const std::map<std::string, std::string>& params,
                                const std::string& fallback) {
  QueryResult r = run(sql, params);
  if (r.rows.empty() || r.rows[0].empty()) return fallback;
  return r.rows[0][0];
}

}  // namespace tally::pypi
