#pragma once
// DataPart: one immutable, sorted, columnar piece of a MergeTree table on disk (a directory;
// layout in docs/storage_format.md). Loading reads only the part's small index file (marks,
// sparse primary index, per-granule min/max, LowCardinality dictionaries); column data is read
// granule by granule when a query needs it. Shared (DataPartPtr) by the table's active set and
// running queries; a part replaced by a merge or a mutation is marked removed and its directory
// is deleted when the last reference goes.

#include <atomic>
#include <memory>
#include <mutex>
#include <string>
#include <vector>

#include "columns/column.h"
#include "common/field.h"
#include "common/pod_array.h"
#include "storage/merge_tree/compression_codec.h"
#include "storage/merge_tree/frame_cache.h"
#include "storage/merge_tree/part_name.h"
#include "types/block.h"

namespace tally {

struct PartColumn {
  std::string name;
  DataTypePtr type;
  std::string file;              // column file name in the part directory
  /// Granule g is at byte in_frame[g] of the decompressed frame that starts at byte marks[g] of
  /// `file` (a frame holds whole granules, at least kMinFrameBytes of them unless last);
  /// marks has granules + 1 entries, the last one the file's size.
  std::vector<uint64_t> marks;
  std::vector<uint32_t> in_frame;
  /// LowCardinality: width of the stored codes (1, 2 or 4) and the part's dictionary (values of
  /// the dictionary type without Nullable, code 0 first). 0 / null otherwise.
  uint8_t code_width = 0;
  ColumnPtr dictionary_values;
  /// LowCardinality: part code -> code in the table's dictionary (set when the part is attached),
  /// and the width (1, 2 or 4 bytes) that holds the largest of those codes: reads return codes
  /// of that width.
  PODArray<uint32_t> to_table_codes;
  uint8_t table_code_width = 4;
  /// Per granule min and max (empty when the type has no usable order).
  std::vector<Field> mins, maxs;
};

/// A new number for each DataPart object: names its frames in the FrameCache.
uint64_t nextDataPartId();

class DataPart {
 public:
  const uint64_t id = nextDataPartId();
  PartName name;
  std::string path;  // directory
  uint64_t rows = 0;
  size_t index_granularity = 8192;
  uint64_t bytes_on_disk = 0;
  int64_t modification_time = 0;
  std::string partition_value;  // the partition key's value as text ("tuple()" when none)
  std::vector<PartColumn> columns;
  /// Sparse primary index: for each sorting-key column, its values at the first row of every
  /// granule and at the part's last row (granules + 1 values).
  std::vector<std::string> key_names;
  Columns primary_index;
  /// insert_deduplication_token values of the inserts whose rows this part holds (file
  /// deduplication_tokens.txt, optional): a later insert with one of them is skipped.
  std::vector<std::string> deduplication_tokens;

  ~DataPart();
  size_t granules() const { return (rows + index_granularity - 1) / index_granularity; }
  size_t granuleRows(size_t g) const { return std::min<uint64_t>(index_granularity, rows - g * index_granularity); }
  /// Column position in `columns`, or -1.
  int columnPosition(const std::string& name) const;

  /// Rows of granules [first, last) of column `pos`: the values, or for a LowCardinality column
  /// a column of the table dictionary's codes (UInt8, UInt16 or UInt32: table_code_width). Thread-safe.
  /// With `cache`, decompressed frames are taken from it when there and kept in it otherwise.
  ColumnPtr readColumn(size_t pos, size_t first, size_t last, FrameCache* cache = nullptr) const;

  /// The part's directory is deleted when the last reference is dropped.
  void markRemoved() { removed_.store(true); }
  bool isRemoved() const { return removed_.load(); }

  /// Loads the part in directory `path`. Throws CORRUPTED_DATA / CHECKSUM_DOESNT_MATCH /
  /// NO_FILE_IN_DATA_PART when it is damaged.
  static std::shared_ptr<DataPart> load(const std::string& path, const PartName& name);

 private:
  int fileDescriptor(size_t pos) const;
  mutable std::mutex fd_mutex_;
  mutable std::vector<int> fds_;
  std::atomic<bool> removed_{false};
};

using DataPartPtr = std::shared_ptr<const DataPart>;
using MutableDataPartPtr = std::shared_ptr<DataPart>;

/// Writes a new part into directory `dir` (created; must not exist) from rows handed over in
/// sorting-key order by one or more write() calls, each with `key`, the sorting-key columns of
/// the same rows. Not streaming, every row is held until finish() (one call per insert); a
/// streaming writer (merges, big mutations) writes whole granules as they come, so memory stays
/// bounded; its LowCardinality codes are 4 bytes wide unless the column's dictionary is seeded
/// (seedDictionary) with every value to come — the width then fits the seed, and a value beyond
/// it fails the write with LOGICAL_ERROR.
/// Files are not synced: the commit (storage/insert_transaction.h) syncs the file system before
/// the part is renamed into place. `codecs` is per column of `header`. Not thread-safe.
class PartWriter {
 public:
  PartWriter(std::string dir, const PartName& name, const Block& header, const Block& key_header,
             const std::vector<CompressionCodec>& codecs, size_t index_granularity, std::string partition_value,
             bool streaming);
  ~PartWriter();
  PartWriter(const PartWriter&) = delete;
  PartWriter& operator=(const PartWriter&) = delete;

  /// Adds `values` (of the dictionary's value type) to the dictionary of LowCardinality column
  /// `column` of the header; no-op for other columns.
  void seedDictionary(size_t column, const Column& values);
  /// Appends rows (columns as in the header) and their key columns.
  void write(const Block& rows, const Block& key);
  /// Writes what is left and the part's index; the writer is spent afterwards.
  MutableDataPartPtr finish();

 private:
  struct ColumnState;
  static constexpr size_t kStreamingFlushRows = size_t(1) << 17;
  void flushRows(size_t count);
  void writeOut(ColumnState& c);

  std::string dir_;
  Block header_, key_header_;
  bool streaming_;
  MutableDataPartPtr part_;
  std::vector<std::unique_ptr<ColumnState>> columns_;
  std::vector<MutableColumnPtr> sparse_index_;
  Block pending_, pending_key_, last_key_;
};

/// Writes `block` (every physical column, already sorted by the key) as a new part: a
/// PartWriter given everything at once.
MutableDataPartPtr writePart(const std::string& dir, const PartName& name, const Block& block, const Block& key,
                             const std::vector<CompressionCodec>& codecs, size_t index_granularity,
                             const std::string& partition_value);

/// Records `tokens` in part directory `dir` (before the part is committed) and in `part`.
void writeDeduplicationTokens(DataPart& part, const std::string& dir, std::vector<std::string> tokens);

}  // namespace tally
