#pragma once
// ENGINE = Memory: rows kept in RAM as immutable column chunks. Inserts append a chunk under an
// exclusive lock (all-or-nothing); reads take a snapshot of the chunk list and hand chunks out
// to parallel streams.
//
// LowCardinality columns are re-encoded on insert into one append-only dictionary per column
// (codes never change once assigned), so every block read from the table shares the same
// dictionary and GROUP BY / filters can work on codes alone. A dictionary is copied only when
// a read holds it while an insert adds values.

#include <mutex>
#include <shared_mutex>
#include <vector>

#include "columns/column_low_cardinality.h"
#include "storage/storage.h"

namespace tally {

class StorageMemory final : public IStorage {
 public:
  explicit StorageMemory(ColumnsDescription columns);

  std::string engineName() const override { return "Memory"; }
  BlockStreams read(const ReadRequest& request, QueryContext& context) override;
  bool supportsInsert() const override { return true; }
  void insert(const Block& block, QueryContext& context) override;
  void insert(const std::vector<Block>& blocks, QueryContext& context) override;
  /// Builds the chunks (all the work that can fail) now; publish() only appends them.
  std::unique_ptr<PreparedInsert> prepareInsert(const std::vector<Block>& blocks, QueryContext& context) override;
  std::optional<uint64_t> totalRows() const override;
  std::optional<uint64_t> totalBytes() const override;
  void truncate() override;

 private:
  /// Rows per granule of the min/max statistics used to skip data (see column_conditions.h).
  static constexpr size_t kGranule = 8192;
  struct Chunk {
    Columns columns;  // physical columns; LowCardinality ones hold only their codes
    size_t rows = 0;
    /// Per physical column, min and max of each granule (of codes for LowCardinality); empty
    /// for columns without usable statistics.
    std::vector<std::vector<Field>> mins, maxs;
  };
  struct Snapshot {
    std::vector<std::shared_ptr<const Chunk>> chunks;
    std::vector<ColumnLowCardinality::DictionaryPtr> dictionaries;  // per physical column (null if not LC)
  };

  class PreparedChunks;
  /// Builds the chunks of `blocks` into the table's dictionaries (under the lock).
  std::vector<std::shared_ptr<const Chunk>> buildChunks(const std::vector<Block>& blocks);
  void publishChunks(const std::vector<std::shared_ptr<const Chunk>>& chunks, QueryContext& context);
  Snapshot snapshot() const;
  /// Per chunk, which granules the filter of `request` may match (empty vector: all of them).
  std::vector<std::vector<bool>> granulesToRead(const Snapshot& snap, const ReadRequest& request,
                                                QueryContext& context) const;
  /// Builds the chunk of `block` (interning LowCardinality values into `dictionaries`);
  /// called with the lock held.
  std::shared_ptr<const Chunk> makeChunk(const Block& block, std::vector<ColumnLowCardinality::DictionaryPtr>& dictionaries) const;

  mutable std::shared_mutex mutex_;
  std::vector<std::shared_ptr<const Chunk>> chunks_;
  std::vector<ColumnLowCardinality::DictionaryPtr> dictionaries_;
  Block physical_header_;
  uint64_t rows_ = 0;
  uint64_t bytes_ = 0;
};

}  // namespace tally
