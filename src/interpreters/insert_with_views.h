#pragma once
// Inserts that fan out through materialized views: the rows for a table, and, recursively, the
// rows each materialized view on it derives for its target, are prepared first and committed
// together (storage/insert_transaction.h) — all of them or, if any view fails, none.

#include <functional>
#include <mutex>
#include <string>
#include <vector>

#include "interpreters/interpreters.h"
#include "storage/insert_transaction.h"

namespace tally {

/// Inserts `blocks` (every physical column of `storage`, which is db.table) and what its
/// materialized views derive from them, atomically.
void insertWithViews(StatementContext& sc, const StoragePtr& storage, const std::string& database, const std::string& table,
                     const std::vector<Block>& blocks);
/// Same, pulling the blocks from `next_block` (false at the end) as the insert goes: only a
/// piece of min_insert_block_size_rows rows is in memory at a time. An exception from
/// `next_block` aborts the whole insert (nothing becomes visible).
void insertWithViews(StatementContext& sc, const StoragePtr& storage, const std::string& database, const std::string& table,
                     const std::function<bool(Block&)>& next_block);

/// Runs the SELECT of a materialized view over `source_blocks` standing for its source table and
/// returns the rows for the view's target (every physical column of the target). With
/// `planning`, other threads run views of the same statement: the query is analyzed and built
/// under that mutex and executed by the calling thread alone.
std::vector<Block> runViewQuery(StatementContext& sc, const class StorageMaterializedView& view, const StoragePtr& source,
                                const std::vector<Block>& source_blocks, std::mutex* planning = nullptr);

/// Journal directory of the engine's atomic inserts ("" without a data path).
std::string insertJournalDirectory(Session& session);

}  // namespace tally
