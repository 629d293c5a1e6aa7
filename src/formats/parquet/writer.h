#pragma once
// The Parquet writer: tally blocks in, a Parquet file out (the engine's `Parquet` output format
// and `tally pypi generate` both write through it, so there is one writer).
//
// Layout: "PAR1", row groups (a new one every `row_group_rows` rows or `row_group_bytes` of
// buffered encoded data), each with one column chunk per leaf: an optional dictionary page
// (PLAIN values) then data pages V1 (RLE repetition and definition levels, values
// RLE_DICTIONARY or PLAIN), compressed with one codec; then the footer (FileMetaData, with
// min/max/null_count statistics per chunk and TYPE_ORDER column orders) and "PAR1".
//
// Type mapping (ClickHouse's Parquet output): Int8/16/32 and UInt8/16/32 INT32 with INTEGER
// annotations, Int64/UInt64 INT64, Float32 FLOAT, Float64 DOUBLE, Bool BOOLEAN, String
// BYTE_ARRAY (STRING), FixedString(N) FIXED_LEN_BYTE_ARRAY(N), Date/Date32 INT32 (DATE),
// DateTime INT64 TIMESTAMP(MILLIS, UTC), DateTime64(s) INT64 TIMESTAMP(MILLIS/MICROS/NANOS by
// s, UTC), Nullable(T) OPTIONAL, Tuple a group of its named elements ("1", "2", ... when
// unnamed), Array(T) the 3-level LIST (`group (LIST) { repeated group list { element } }`),
// LowCardinality(T) T (its codes are mapped to the chunk dictionary without hashing values),
// Enum/UUID/IPv4-like and other types their String text. tally has no Map type.
//
// Values are taken column by column (no per-row virtual calls); dictionaries hash each distinct
// value once per chunk; a chunk whose dictionary grows past `max_dictionary_bytes` continues
// with PLAIN pages.

#include <cstdint>
#include <memory>
#include <string>
#include <vector>

#include "formats/parquet/metadata.h"
#include "io/write_buffer.h"
#include "types/block.h"

namespace tally::parquet {

struct WriterOptions {
  Codec codec = Codec::ZSTD;
  int compression_level = 0;  // 0: the codec's default
  uint64_t row_group_rows = 1000000;
  uint64_t row_group_bytes = 512ull << 20;
  uint64_t page_bytes = 1ull << 20;
  uint64_t max_dictionary_bytes = 1ull << 20;
  bool use_dictionary = true;
  /// Top-level columns written PLAIN even when use_dictionary (e.g. high-cardinality ones).
  std::vector<std::string> plain_columns;
  std::string created_by = "tally";
};

class ParquetWriter {
 public:
  /// `header` gives the column names and types (its columns may be empty). Unsupported types
  /// throw NOT_IMPLEMENTED naming the column.
  ParquetWriter(WriteBuffer& out, const Block& header, WriterOptions options);
  ~ParquetWriter();
  ParquetWriter(const ParquetWriter&) = delete;
  ParquetWriter& operator=(const ParquetWriter&) = delete;

  /// Appends the rows of `block` (same columns as the header, in order).
  void write(const Block& block);
  /// Flushes the last row group and writes the footer. Called once; no write() after it.
  void finish();

  uint64_t rowsWritten() const;

 private:
  struct Impl;
  std::unique_ptr<Impl> impl_;
};

}  // namespace tally::parquet
