#pragma once
// Helpers for unit tests of storages, table functions and system tables: a StorageContext with
// an optional user_files confinement, table function arguments as the analyzer builds them,
// reading a storage through its streams (in parallel, as the executor does) into text rows, and
// temporary directories.

#include <gtest/gtest.h>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <mutex>
#include <random>
#include <string>
#include <vector>

#include "common/exception.h"
#include "execution/block_stream.h"
#include "io/path_confinement.h"
#include "io/write_buffer.h"
#include "storage/table_function.h"
#include "types/data_type_factory.h"

namespace tally::test {

namespace fs = std::filesystem;

/// Files may be read anywhere (relative to `root`, default the current directory), or only
/// inside `root` when confined — like the CLI and the server.
class TestStorageContext final : public StorageContext {
 public:
  explicit TestStorageContext(std::string root = "", bool confined = false)
      : root_(root.empty() ? fs::current_path().string() : std::move(root)), confined_(confined) {}

  Settings settings_value;

  const Settings& settings() const override { return settings_value; }
  std::string resolveUserPath(const std::string& path) const override {
    if (confined_) return resolvePathUnderRoot(path, root_);
    fs::path p(path);
    if (p.is_relative()) p = fs::path(root_) / p;
    return p.lexically_normal().string();
  }
  std::string userFilesRoot() const override { return root_; }

 private:
  std::string root_;
  bool confined_;
};

inline TableFunctionArgument stringArg(const std::string& s) {
  return {Field(s), dataTypeFromString("String"), "'" + s + "'"};
}
inline TableFunctionArgument uintArg(uint64_t v, const std::string& type = "UInt64") {
  return {Field(v), dataTypeFromString(type), std::to_string(v)};
}
inline TableFunctionArgument intArg(int64_t v) { return {Field(v), dataTypeFromString("Int64"), std::to_string(v)}; }
inline TableFunctionArgument floatArg(double v) { return {Field(v), dataTypeFromString("Float64"), std::to_string(v)}; }
inline TableFunctionArgument nullArg() { return {Field(), dataTypeFromString("Nullable(Nothing)"), "NULL"}; }
/// An identifier the analyzer could not evaluate (`stdin`, `CSV`).
inline TableFunctionArgument identifierArg(const std::string& name) { return {Field(), nullptr, name}; }
/// A constant of any type written as `type` with value `value`.
inline TableFunctionArgument typedArg(const std::string& type, Field value, const std::string& text = "") {
  return {std::move(value), dataTypeFromString(type), text};
}

inline StoragePtr tableFunction(const std::string& name, const std::vector<TableFunctionArgument>& args,
                                const StorageContext& context) {
  return TableFunctionFactory::instance().create(name, args, context);
}

/// Text of row `row` of a block: values in their plain text form, tab-separated.
inline std::string rowText(const Block& block, size_t row) {
  std::string s;
  WriteBufferFromString out(s);
  for (size_t c = 0; c < block.columns(); ++c) {
    if (c) out.write('\t');
    const auto& col = block.at(c);
    col.type->serializeText(*col.column, row, out, FormatSettings{});
  }
  out.finalize();
  return s;
}

struct ReadResult {
  std::vector<std::string> rows;  // in stream order (per stream; streams concatenated by index)
  size_t streams = 0;
  size_t blocks = 0;
  Block header;
};

/// Reads `columns` of a storage on up to `max_streams` streams, in parallel.
inline ReadResult readStorage(IStorage& storage, const std::vector<std::string>& columns, QueryContext& context,
                              size_t max_streams = 1, size_t max_block_size = 65536, uint64_t limit_hint = 0) {
  ReadRequest request;
  request.columns = columns;
  request.max_streams = max_streams;
  request.max_block_size = max_block_size;
  request.limit_hint = limit_hint;
  BlockStreams streams = storage.read(request, context);
  ReadResult result;
  result.streams = streams.size();
  if (!streams.empty()) result.header = streams[0]->header();
  std::vector<std::vector<std::string>> per_stream(streams.size());
  std::mutex mutex;
  size_t blocks = 0;
  drainInParallel(
      streams,
      [&](size_t i, Block& block) {
        EXPECT_GT(block.rows(), 0u);
        EXPECT_EQ(block.columns(), columns.size());
        std::vector<std::string> rows;
        for (size_t r = 0; r < block.rows(); ++r) rows.push_back(rowText(block, r));
        std::lock_guard lock(mutex);
        ++blocks;
        per_stream[i].insert(per_stream[i].end(), rows.begin(), rows.end());
      },
      context);
  for (auto& s : per_stream) result.rows.insert(result.rows.end(), s.begin(), s.end());
  result.blocks = blocks;
  return result;
}

inline std::vector<std::string> readRows(IStorage& storage, const std::vector<std::string>& columns,
                                         size_t max_streams = 1, size_t max_block_size = 65536) {
  QueryContext context{Settings()};
  return readStorage(storage, columns, context, max_streams, max_block_size).rows;
}

inline std::vector<std::string> sorted(std::vector<std::string> v) {
  std::sort(v.begin(), v.end());
  return v;
}

/// Names of a storage's ordinary columns (what * selects).
inline std::vector<std::string> columnNames(const IStorage& storage) {
  std::vector<std::string> names;
  for (const auto& c : storage.columns().ordinary()) names.push_back(c.name);
  return names;
}

/// "name Type, ..." of a storage's columns.
inline std::string structureOf(const IStorage& storage) {
  std::string s;
  for (const auto& c : storage.columns().all()) {
    if (!s.empty()) s += ", ";
    s += c.name + " " + c.type->name();
  }
  return s;
}

/// A fresh directory removed at the end of the test.
class TempDir {
 public:
  TempDir() {
    std::random_device rd;
    path_ = fs::temp_directory_path() / ("tally_storage_test_" + std::to_string(rd()) + std::to_string(rd()));
    fs::create_directories(path_);
  }
  ~TempDir() {
    std::error_code ec;
    fs::remove_all(path_, ec);
  }
  const fs::path& path() const { return path_; }
  std::string str() const { return path_.string(); }
  std::string file(const std::string& relative, const std::string& content) const {
    fs::path p = path_ / relative;
    fs::create_directories(p.parent_path());
    std::ofstream out(p, std::ios::binary);
    out << content;
    return p.string();
  }

 private:
  fs::path path_;
};

template <typename F>
Exception catchException(F&& f) {
  try {
    f();
  } catch (const Exception& e) {
    return e;
  }
  ADD_FAILURE() << "expected an exception";
  return Exception(0, std::string("no exception"));
}

}  // namespace tally::test
