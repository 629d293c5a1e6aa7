#pragma once
// ENGINE = MergeTree family (and Log): a table as a set of immutable sorted parts on disk.
//
// Insert: rows are split by partition, sorted by the sorting key, written as one new part per
// partition in a temporary directory (fsynced), then renamed into place and published by the
// insert coordinator (storage/insert_transaction.h), so an insert is all-or-nothing together
// with its materialized views. Reads take a snapshot of the active parts and skip granules
// through the sparse primary index and per-granule min/max. Background merges (MergeScheduler)
// combine small parts of a partition applying the engine's MergingMode; FINAL applies it at
// read time; OPTIMIZE merges on demand; mutations rewrite parts.
// Thread-safety: all public methods may be called concurrently.

#include <atomic>
#include <functional>
#include <map>
#include <mutex>
#include <set>
#include <shared_mutex>
#include <vector>

#include "columns/column_low_cardinality.h"
#include "execution/expression_evaluator.h"
#include "storage/merge_tree/compression_codec.h"
#include "storage/merge_tree/data_part.h"
#include "storage/merge_tree/merging_mode.h"
#include "storage/storage.h"
#include "storage/storage_factory.h"

namespace tally {

struct MutationStatus {
  std::string mutation_id;
  std::string command;
  int64_t create_time = 0;
  int64_t block_number = 0;
  size_t parts_to_do = 0;
  bool is_done = false;
  std::string latest_fail_reason;
};

struct MergeStatus {
  std::string result_part_name;
  std::vector<std::string> source_part_names;
  double elapsed = 0;
  uint64_t rows_read = 0, total_rows = 0;
  std::string partition_id;
};

class StorageMergeTree final : public IStorage {
 public:
  StorageMergeTree(const StorageCreateArguments& args, MergingMode mode, std::string engine_name, bool background_merges);
  ~StorageMergeTree() override;

  std::string engineName() const override { return engine_name_; }
  BlockStreams read(const ReadRequest& request, QueryContext& context) override;
  bool supportsInsert() const override { return true; }
  bool supportsFinal() const override { return mode_.kind != MergingMode::Kind::Ordinary; }
  void insert(const Block& block, QueryContext& context) override;
  void insert(const std::vector<Block>& blocks, QueryContext& context) override;
  std::unique_ptr<PreparedInsert> prepareInsert(const std::vector<Block>& blocks, QueryContext& context) override;
  bool hasDeduplicationToken(const std::string& token) const override;
  std::optional<uint64_t> totalRows() const override;
  /// From the parts' per-granule min/max (kept for integer, date/time, String and
  /// LowCardinality(String) columns, not Nullable or floating point ones).
  std::optional<std::vector<std::pair<Field, Field>>> columnsMinMax(const std::vector<std::string>& columns) const override;
  std::optional<uint64_t> totalBytes() const override;
  void truncate() override;
  void drop() override;

  /// Active parts, ordered by partition and block.
  std::vector<DataPartPtr> activeParts() const;
  const std::string& dataPath() const { return data_path_; }
  /// Moves the table's directory (RENAME TABLE).
  void moveData(const std::string& new_path) override;
  const MergingMode& mergingMode() const { return mode_; }
  std::vector<std::string> sortingKeyNames() const;

  /// One background merge step: merges some parts if worthwhile (and merges are enabled).
  /// Returns whether it did.
  bool mergeStep();
  /// SYSTEM STOP/START MERGES: pauses or resumes background merges (OPTIMIZE still merges).
  void setMergesEnabled(bool enabled);
  /// OPTIMIZE TABLE [PARTITION p] [FINAL]: merges the parts of each partition (of
  /// `partition_id` only, if not empty). FINAL also rewrites single parts. Returns false when
  /// there was nothing to do.
  bool optimize(bool final, const std::string& partition_id);
  /// Rewrites every active part through `transform` (the part's physical columns in, the
  /// table's physical columns out), as mutation `command`, all parts switching in one journaled
  /// commit. With `new_columns` the table's columns change to them at the same moment (ALTER
  /// of columns); sorting and partition key columns cannot change. Parts inserted while it runs
  /// are not affected.
  void mutate(const std::string& command, const std::function<Block(const Block&)>& transform,
              const ColumnsDescription* new_columns = nullptr);
  std::vector<MutationStatus> mutations() const;
  std::vector<MergeStatus> currentMerges() const;

  /// Partition id of a PARTITION expression value (for OPTIMIZE/ALTER ... PARTITION).
  std::string partitionIdOf(const Field& value) const;

 private:
  struct Snapshot {
    std::vector<DataPartPtr> parts;
    std::vector<ColumnLowCardinality::DictionaryPtr> dictionaries;  // per physical column
  };
  class PreparedParts;

  void loadParts();
  /// Where this table's own commits (merges, mutations, direct inserts) keep their journal;
  /// empty for tables of an in-memory catalog (nothing to make durable).
  std::string journalDirectory() const { return owns_temporary_path_ ? std::string() : data_path_; }
  /// Writes the parts of `block` (split by partition) into temporary directories.
  std::vector<MutableDataPartPtr> writeTemporaryParts(const Block& block, const std::string& prefix);
  /// Sorted, mode-applied data of `block` (physical columns) plus its key columns.
  void sortBlock(Block& block, Block& key, const std::vector<size_t>* runs = nullptr) const;
  /// Publishes parts (already at their final paths): computes LowCardinality remaps against
  /// the table dictionaries and adds them to the active set, removing `replaced` (which must
  /// all be active; otherwise nothing changes and false is returned).
  bool attachParts(const std::vector<MutableDataPartPtr>& parts, const std::vector<DataPartPtr>& replaced);
  bool attachPartsLocked(const std::vector<MutableDataPartPtr>& parts, const std::vector<DataPartPtr>& replaced);
  /// Columns, codecs, key evaluators and (fresh) LowCardinality dictionaries for `columns`.
  struct Schema {
    ColumnsDescription columns;
    Block physical_header;
    std::vector<CompressionCodec> codecs;
    std::unique_ptr<ExpressionEvaluator> key_evaluator, partition_evaluator;
    std::vector<ColumnLowCardinality::DictionaryPtr> dictionaries;
  };
  Schema makeSchema(const ColumnsDescription& columns) const;
  Snapshot snapshot() const;
  /// Reads whole parts into one block of `columns` (LowCardinality as table codes).
  Block readParts(const std::vector<DataPartPtr>& parts, const Snapshot& snap, const std::vector<std::string>& columns) const;
  Block readPartsFull(const std::vector<DataPartPtr>& parts) const;
  /// Merges `parts` (same partition, contiguous blocks) into one new active part.
  bool mergeParts(const std::vector<DataPartPtr>& parts);
  /// Writes the merge of `parts` as a new part in `dir` (streaming; not yet committed).
  MutableDataPartPtr mergeIntoPart(const std::vector<DataPartPtr>& parts, const PartName& name,
                                   const std::string& dir) const;
  /// Granules [first, last) of `part`: columns `names` (LowCardinality over the table's
  /// dictionaries; defaults for a column the part lacks).
  Block readPartGranules(const DataPart& part, const Snapshot& snap, const std::vector<std::string>& names,
                         size_t first, size_t last) const;
  std::vector<std::string> physicalNames() const;
  static constexpr size_t kMergeChunkRows = 65536;
  std::atomic<bool> shutting_down_{false};
  /// Mutations rewrite bigger parts a chunk at a time.
  static constexpr size_t kStreamingMutationRows = size_t(4) << 20;
  std::vector<std::vector<bool>> granulesToRead(const Snapshot& snap, const ReadRequest& request, QueryContext& context) const;
  BlockStreams readFinal(const Snapshot& snap, const ReadRequest& request, QueryContext& context) const;
  std::string partitionIdAndValue(const Field& value, std::string& value_text) const;

  std::string engine_name_;
  MergingMode mode_;
  bool background_merges_;
  std::string data_path_;
  bool owns_temporary_path_ = false;
  size_t index_granularity_ = 8192;
  Block physical_header_;
  std::vector<CompressionCodec> codecs_;
  Exprs sorting_key_;
  ExprPtr partition_key_;
  std::unique_ptr<ExpressionEvaluator> key_evaluator_;        // physical -> physical + sorting key columns
  std::unique_ptr<ExpressionEvaluator> partition_evaluator_;  // physical -> partition value

  mutable std::shared_mutex mutex_;  // guards parts_, dictionaries_
  std::vector<DataPartPtr> parts_;
  std::vector<ColumnLowCardinality::DictionaryPtr> dictionaries_;
  std::atomic<int64_t> next_block_{1};
  /// Block numbers of parts written but not yet published (inserts in flight). A merge never
  /// spans one: its result would cover (and at restart remove) the part committed later.
  std::set<int64_t> inflight_blocks_;  // guarded by mutex_
  bool spansInflightBlock(int64_t min_block, int64_t max_block) const;
  /// Whether a merge of `sources` into `result` may still be committed: the sources are all
  /// active, and no block of the result's range is in flight or in another active part (a part
  /// published between the merge's selection and its end). Called under merge_mutex_, which
  /// keeps that true until the merged part is attached: later blocks are numbered above the range.
  bool mergeRangeIsExactly(const std::vector<DataPartPtr>& sources, const PartName& result) const;
  void releaseBlocks(const std::vector<int64_t>& blocks);
  std::atomic<uint64_t> temp_counter_{0};

  std::mutex merge_mutex_;  // one merge or mutation at a time
  /// Shared by every prepared insert until it is published or dropped; exclusive for a column
  /// change (ALTER ... COLUMN), so no part with the old columns is published after one.
  std::shared_mutex structure_mutex_;
  std::atomic<bool> merges_enabled_{true};
  mutable std::mutex status_mutex_;
  std::vector<MutationStatus> mutations_;
  std::vector<MergeStatus> merges_;
};

}  // namespace tally
