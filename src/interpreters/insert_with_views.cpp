#include "interpreters/insert_with_views.h"

#include <cstdint>
#include <map>
#include <mutex>
#include <set>

#include "analyzer/query_analyzer.h"
#include "common/exception.h"
#include "common/profile_events.h"
#include "execution/block_stream.h"
#include "execution/operators/transform_streams.h"
#include "interpreters/defaults_filler.h"
#include "interpreters/view_preaggregation.h"
#include "storage/engines/storage_materialized_view.h"
#include "storage/engines/storage_blocks.h"

namespace tally {

namespace {

constexpr size_t kMaxViewDepth = 32;

std::vector<std::shared_ptr<StorageMaterializedView>> viewsOf(Catalog& catalog, const std::string& database,
                                                              const std::string& table) {
  std::vector<std::shared_ptr<StorageMaterializedView>> views;
  for (const auto& db : catalog.databases())
    for (const auto& [name, entry] : db->tables())
      if (auto mv = std::dynamic_pointer_cast<StorageMaterializedView>(entry.storage))
        if (mv->sourceDatabase() == database && mv->sourceTable() == table) views.push_back(mv);
  return views;
}

/// Runs one view over `blocks` (rows of its source `storage`) and prepares what it derives, with
/// the views on its target in turn.
void prepareWithViews(StatementContext& sc, const StoragePtr& storage, const std::string& database, const std::string& table,
                      const std::vector<Block>& blocks, InsertTransaction& txn, size_t depth);

/// What a view reads in place of its source table: its query, the columns and the rows.
struct ViewInput {
  const ASTPtr* query;
  const ColumnsDescription* columns;
  const std::vector<Block>* blocks;
};

std::vector<Block> runViewSelect(StatementContext& sc, const StorageMaterializedView& view, const ViewInput& input,
                                 std::mutex* planning);

void prepareView(StatementContext& sc, const StorageMaterializedView& view, const ViewInput& input,
                 InsertTransaction& txn, size_t depth, std::mutex* planning) {
  std::vector<Block> derived;
  try {
    derived = runViewSelect(sc, view, input, planning);
  } catch (Exception& e) {
    e.addMessage("while pushing to view " + view.database() + "." + view.targetTable());
    throw;
  }
  prepareWithViews(sc, view.target(), view.targetDatabase(), view.targetTable(), derived, txn, depth + 1);
}

bool anyRows(const std::vector<Block>& blocks) {
  for (const auto& b : blocks)
    if (b.rows() > 0) return true;
  return false;
}

void prepareWithViews(StatementContext& sc, const StoragePtr& storage, const std::string& database, const std::string& table,
                      const std::vector<Block>& blocks, InsertTransaction& txn, size_t depth) {
  if (depth > kMaxViewDepth)
    throw Exception(ErrorCodes::TOO_DEEP_RECURSION, "Materialized views nest deeper than {} levels (a cycle?)", kMaxViewDepth);
  txn.add(storage, storage->prepareInsert(blocks, sc.context));
  if (!anyRows(blocks)) return;
  const ColumnsDescription columns(storage->columns().physical());
  for (const auto& view : viewsOf(sc.session.catalog(), database, table))
    prepareView(sc, *view, ViewInput{&view->selectQuery(), &columns, &blocks}, txn, depth, nullptr);
}

AnalyzerContext contextOver(StatementContext& sc, std::map<std::string, StoragePtr>& overrides,
                            const std::string& current_database) {
  AnalyzerContext actx = makeAnalyzerContext(sc);
  actx.table_overrides = &overrides;
  actx.current_database = current_database;
  return actx;
}

/// The views of one table that read its inserted rows collapsed (interpreters/view_preaggregation.h),
/// when at least two of them can.
struct SharedCollapse {
  bool active = false;
  std::vector<ASTPtr> rewritten;  // per view: its query over collapsed rows, or null
  ASTPtr query;                   // the collapsing query
};

SharedCollapse planSharedCollapse(StatementContext& sc, const StoragePtr& storage, const std::string& database,
                                  const std::string& table, const std::vector<std::shared_ptr<StorageMaterializedView>>& views) {
  SharedCollapse plan;
  if (!sc.context.settings.optimize_views_shared_aggregation) return plan;
  std::set<std::string> source_columns, read;
  for (const auto& c : storage->columns().physical()) source_columns.insert(c.name);
  size_t eligible = 0;
  for (const auto& view : views) {
    plan.rewritten.push_back(rewriteForCollapsedRows(view->selectQuery(), source_columns, sc.context.function_context, read));
    eligible += plan.rewritten.back() != nullptr;
  }
  if (eligible < 2) return plan;
  std::vector<std::string> columns;
  for (const auto& c : storage->columns().physical())
    if (read.count(c.name)) columns.push_back(c.name);
  plan.query = collapseQuery(database, table, columns);
  plan.active = true;
  return plan;
}

/// The rows of `piece` collapsed by `plan.query`, with their header in `columns`.
std::vector<Block> collapseRows(StatementContext& sc, const SharedCollapse& plan, const StoragePtr& storage,
                                const std::string& database, const std::string& table, const std::vector<Block>& piece,
                                ColumnsDescription& columns) {
  auto rows = std::make_shared<StorageBlocks>(ColumnsDescription(storage->columns().physical()), piece);
  std::map<std::string, StoragePtr> overrides = sc.session.table_overrides;
  overrides[database + "." + table] = rows;
  AnalyzerContext actx = contextOver(sc, overrides, database);
  QueryAnalyzer analyzer(actx);
  QueryPlan query_plan = analyzer.analyze(plan.query);
  columns = ColumnsDescription::fromBlock(query_plan.header());
  QueryPipeline pipeline = query_plan.build(sc.context);
  std::vector<Block> out;
  Block b;
  while (pipeline.stream->read(b))
    if (b.rows()) out.push_back(std::move(b));
  return out;
}

size_t totalRows(const std::vector<Block>& blocks) {
  size_t n = 0;
  for (const auto& b : blocks) n += b.rows();
  return n;
}

}  // namespace

std::string insertJournalDirectory(Session& session) {
  const std::string& root = session.engine().options().data_path;
  return root.empty() ? std::string() : root + "/journal";
}

std::vector<Block> runViewQuery(StatementContext& sc, const StorageMaterializedView& view, const StoragePtr& source,
                                const std::vector<Block>& source_blocks, std::mutex* planning) {
  const ColumnsDescription columns(source->columns().physical());
  return runViewSelect(sc, view, ViewInput{&view.selectQuery(), &columns, &source_blocks}, planning);
}

namespace {

std::vector<Block> runViewSelect(StatementContext& sc, const StorageMaterializedView& view, const ViewInput& input,
                                 std::mutex* planning) {
  // The source table, for this query only, is the inserted rows (read by one stream when views
  // run in parallel: each view is then one thread's work, with no partial states to merge).
  auto rows = std::make_shared<StorageBlocks>(*input.columns, *input.blocks, planning ? 1 : SIZE_MAX);
  std::unique_lock planning_lock = planning ? std::unique_lock(*planning) : std::unique_lock<std::mutex>();
  std::map<std::string, StoragePtr> overrides = sc.session.table_overrides;
  overrides[view.sourceDatabase() + "." + view.sourceTable()] = rows;
  AnalyzerContext actx = contextOver(sc, overrides, view.database());
  QueryAnalyzer analyzer(actx);
  QueryPlan plan = analyzer.analyze(*input.query);

  // Result columns go to the target's columns of the same name.
  StoragePtr target = view.target();
  const ColumnsDescription& target_columns = target->columns();
  Block insert_header;
  std::vector<size_t> positions;
  const Block& result_header = plan.header();
  for (size_t i = 0; i < result_header.columns(); ++i) {
    const ColumnDescription* d = target_columns.find(result_header.at(i).name);
    if (!d || d->default_kind == "ALIAS") continue;
    insert_header.insert({nullptr, d->type, d->name});
    positions.push_back(i);
  }
  DefaultsFiller filler(analyzer, target_columns, insert_header);
  QueryPipeline pipeline = plan.build(sc.context);

  // Project by name, then convert to the target's types.
  class Projection final : public BlockStream {
   public:
    Projection(BlockStreamPtr in, std::vector<size_t> positions, Block header)
        : in_(std::move(in)), positions_(std::move(positions)), header_(std::move(header)) {
      for (auto p : positions_) projected_.insert(in_->header().at(p));
    }
    const Block& header() const override { return projected_; }
    std::string name() const override { return "ViewProjection"; }
    bool read(Block& block) override {
      Block b;
      if (!in_->read(b)) return false;
      block = Block();
      for (auto p : positions_) block.insert(b.at(p));
      block.setRows(b.rows());
      return true;
    }

   private:
    BlockStreamPtr in_;
    std::vector<size_t> positions_;
    Block header_, projected_;
  };
  BlockStreamPtr stream = std::make_unique<Projection>(std::move(pipeline.stream), positions, insert_header);
  stream = makeConvertingStream(std::move(stream), insert_header, sc.context);
  if (planning_lock.owns_lock()) planning_lock.unlock();
  std::vector<Block> out;
  Block b;
  while (stream->read(b))
    if (b.rows()) out.push_back(filler.fill(b));
  return out;
}

}  // namespace

void insertWithViews(StatementContext& sc, const StoragePtr& storage, const std::string& database, const std::string& table,
                     const std::function<bool(Block&)>& next_block) {
  // The rows go through the views in pieces of about min_insert_block_size_rows rows (as
  // ClickHouse squashes inserted blocks), so each view query works on a cache-sized block and
  // memory stays bounded by a piece whatever the input size; every piece's parts wait, prepared
  // on disk, for the one commit at the end.
  // insert_deduplication_token: an insert whose token the table already holds is skipped,
  // views included (ClickHouse's deduplication, kept by tally for MergeTree tables without
  // needing non_replicated_deduplication_window). Checked again at the commit, under one lock,
  // so two inserts with the same token cannot both land.
  const std::string& token = sc.context.settings.insert_deduplication_token;
  const bool deduplicate = sc.context.settings.insert_deduplicate && !token.empty();
  if (deduplicate && storage->hasDeduplicationToken(token)) return sc.context.setInsertOutcome(0, true);
  InsertTransaction txn(insertJournalDirectory(sc.session));
  const size_t piece_rows = std::max<uint64_t>(sc.context.settings.min_insert_block_size_rows, 1);
  const auto views = viewsOf(sc.session.catalog(), database, table);
  SharedCollapse shared = planSharedCollapse(sc, storage, database, table, views);
  const ColumnsDescription source_columns(storage->columns().physical());
  std::mutex planning;
  bool any_piece = false;
  bool any_rows_recorded = false;  // the token goes with the first piece that has rows
  uint64_t total_rows = 0;
  while (true) {
    std::vector<Block> piece;
    size_t rows = 0;
    Block b;
    while (rows < piece_rows && next_block(b)) {
      rows += b.rows();
      piece.push_back(std::move(b));
    }
    if (piece.empty() && any_piece) break;
    any_piece = true;
    // The piece's write to the table and each view over it are tasks on max_threads threads,
    // each view query single-threaded. Plans are built one at a time (plan building shares the
    // query context); chains below a view run inside its task.
    // Views that read collapsed rows get them from one GROUP BY of the piece; when collapsing
    // saves under a tenth of the rows, the rest of the insert skips it.
    std::vector<Block> collapsed;
    ColumnsDescription collapsed_columns;
    const bool collapse = shared.active && anyRows(piece);
    if (collapse) {
      collapsed = collapseRows(sc, shared, storage, database, table, piece, collapsed_columns);
      const size_t collapsed_rows = totalRows(collapsed);
      ProfileEvents::increment(ProfileEvents::ViewsCollapsedSourceRows, rows);
      ProfileEvents::increment(ProfileEvents::ViewsCollapsedRows, collapsed_rows);
      if (collapsed_rows * 10 > rows * 9) shared.active = false;
    }
    const size_t tasks = 1 + (anyRows(piece) ? views.size() : 0);
    runInParallel(
        tasks, sc.context.maxThreads(),
        [&](size_t i) {
          if (i == 0) {
            auto prepared = storage->prepareInsert(piece, sc.context);
            if (deduplicate && !any_rows_recorded) prepared->setDeduplicationToken(token);
            txn.add(storage, std::move(prepared));
          }
          else if (collapse && shared.rewritten[i - 1])
            prepareView(sc, *views[i - 1], ViewInput{&shared.rewritten[i - 1], &collapsed_columns, &collapsed}, txn, 0,
                        &planning);
          else
            prepareView(sc, *views[i - 1], ViewInput{&views[i - 1]->selectQuery(), &source_columns, &piece}, txn, 0,
                        &planning);
        },
        sc.context);
    any_rows_recorded = any_rows_recorded || rows > 0;
    total_rows += rows;
    if (rows < piece_rows) break;
  }
  if (!deduplicate) {
    txn.commit();
    return sc.context.setInsertOutcome(total_rows, false);
  }
  static std::mutex deduplication_commit;
  std::lock_guard lock(deduplication_commit);
  if (storage->hasDeduplicationToken(token)) return sc.context.setInsertOutcome(0, true);  // the prepared parts are dropped
  txn.commit();
  sc.context.setInsertOutcome(total_rows, false);
}

void insertWithViews(StatementContext& sc, const StoragePtr& storage, const std::string& database, const std::string& table,
                     const std::vector<Block>& blocks) {
  size_t next = 0;
  insertWithViews(sc, storage, database, table, [&](Block& b) {
    if (next >= blocks.size()) return false;
    b = blocks[next++];
    return true;
  });
}

}  // namespace tally
