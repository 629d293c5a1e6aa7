#pragma once
// The fast path of JSONEachRow input: the input is copied in chunks cut at line feeds into a
// padded buffer and parsed with simdjson's On-Demand document stream. Keys are matched to
// columns by position first (rows usually repeat the key order), then by a hash lookup; values
// of Strings, LowCardinality(String), numbers, Bool, Date, DateTime and their Nullable forms
// are appended straight into the typed columns, other types go through their DataType JSON
// reader on the value's raw text. At the first document it cannot take as it is (malformed
// JSON, duplicate or unknown keys when not skipped, a value its column rejects) the reader
// stops; takeUnparsed() then gives the bytes from that document on, for the generic reader to
// continue with (and report errors exactly as ClickHouse does).

#include <memory>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "columns/column.h"
#include "common/pod_array.h"
#include "formats/low_cardinality_cache.h"
#include "io/read_buffer.h"
#include "types/block.h"
#include "types/format_settings.h"

namespace tally {

class TimeZone;

class JSONEachRowFastReader {
 public:
  JSONEachRowFastReader(ReadBuffer& in, const Block& header, const FormatSettings& settings);
  ~JSONEachRowFastReader();

  /// Appends up to max_rows rows (one value per column each) and returns how many. Returns
  /// fewer only at the end of the input or when the generic reader must take over.
  size_t read(MutableColumns& columns, size_t max_rows);
  /// The generic reader must continue from takeUnparsed().
  bool needsFallback() const { return fallback_; }
  /// Bytes read from the input but not parsed (from the document that stopped the fast path).
  std::string takeUnparsed();

 private:
  enum class Kind : uint8_t {
    Generic,
    String,
    LowCardinalityString,
    UInt8,
    UInt16,
    UInt32,
    UInt64,
    Int8,
    Int16,
    Int32,
    Int64,
    Float32,
    Float64,
    Bool,
    Date,
    DateTime,
  };
  struct Target {
    Kind kind = Kind::Generic;
    bool nullable = false;
    bool simple_name = false;
    std::string name;
    DataTypePtr type;
    const TimeZone* zone = nullptr;
    /// Codes of recent values of a LowCardinality(String) column.
    std::unique_ptr<LowCardinalityInsertCache> lc_cache;
  };
  struct Stream;

  bool startStream();
  void finishStream();
  bool fill();
  void fallbackAt(size_t offset);

  ReadBuffer& in_;
  FormatSettings settings_;
  std::vector<Target> targets_;
  std::unordered_map<std::string, size_t> positions_;
  std::vector<size_t> order_;
  std::vector<uint8_t> seen_;

  PODArray<char> buffer_;
  size_t size_ = 0;
  size_t cut_ = 0;
  size_t target_chunk_ = 1 << 20;
  bool eof_ = false;
  bool finished_ = false;
  bool fallback_ = false;
  size_t fallback_offset_ = 0;
  std::unique_ptr<Stream> stream_;
  std::string scratch_;
};

}  // namespace tally
