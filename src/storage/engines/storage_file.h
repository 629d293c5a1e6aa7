#pragma once
// ENGINE = File(format[, path][, compression]) and the storage behind file(path, ...): rows kept
// in files of a data format. Reads parse the files in parallel (file_source.h); INSERT appends
// the rows in the format (the header of WithNames formats only to an empty file), compressed
// per the file's extension or the compression argument.
//
// Virtual columns _path, _file (LowCardinality(String)), _size (Nullable(UInt64)) and _time
// (Nullable(DateTime)) can be selected but are not part of `*`.
//
// A one-shot stream (stdin of clickhouse-local) is read by the first query only; afterwards the
// table reads as empty.

#include <memory>
#include <mutex>
#include <string>
#include <vector>

#include "common/settings.h"
#include "io/read_buffer.h"
#include "storage/storage.h"

namespace tally {

class RecordedStream;

class StorageFile final : public IStorage {
 public:
  struct Options {
    std::string format = "auto";       // a format name, or "auto" (file extension, then content)
    std::string compression = "auto";  // "auto" (extension), "none" or a method (gzip, zstd, ...)
    /// Files to read (resolved, globs already expanded), in read order.
    std::vector<std::string> paths;
    /// True when `paths` come from a glob or a directory: none matching is an empty table, not
    /// FILE_DOESNT_EXIST.
    bool from_glob = false;
    /// Where INSERT appends ("" = the table is read-only).
    std::string write_path;
    /// The file belongs to the table (File engine without a path): DROP removes it.
    bool owns_file = false;
    /// ENGINE clause as SHOW CREATE prints it.
    std::string engine_full = "File";
  };

  /// Empty `columns`: the structure is inferred from the first non-empty file (and the format
  /// detected when it is "auto"), with inference settings from `settings`.
  StorageFile(ColumnsDescription columns, Options options, const Settings& settings);

  /// Reads `source` once (stdin). `compression` applies to the stream; empty `columns` are
  /// inferred from the start of the stream.
  StorageFile(ColumnsDescription columns, std::string format, std::unique_ptr<ReadBuffer> source,
              std::string compression = "none", const Settings& settings = Settings());

  ~StorageFile() override;

  std::string engineName() const override { return "File"; }
  std::string engineFull() const override { return options_.engine_full; }
  std::vector<ColumnDescription> virtualColumns() const override;
  BlockStreams read(const ReadRequest& request, QueryContext& context) override;

  bool supportsInsert() const override { return !options_.write_path.empty(); }
  void insert(const Block& block, QueryContext& context) override;
  /// All blocks of one INSERT go through one output format (one Parquet file). Formats that
  /// cannot be appended to (Parquet) throw CANNOT_APPEND_TO_FILE when the file already has
  /// data, unless engine_file_truncate_on_insert.
  void insert(const std::vector<Block>& blocks, QueryContext& context) override;
  void truncate() override;
  void drop() override;

  /// The format in use (after detection of "auto").
  const std::string& format() const { return options_.format; }
  /// Size of the chunks big files are cut into for parallel parsing (tuning and tests).
  void setParallelParsingChunkBytes(size_t bytes) { chunk_bytes_ = bytes; }

 private:
  Options options_;
  bool is_stream_ = false;
  std::unique_ptr<RecordedStream> stream_;  // one-shot source, until the first read takes it
  std::mutex stream_mutex_;
  std::mutex write_mutex_;
  size_t chunk_bytes_ = size_t(8) << 20;
};

}  // namespace tally
