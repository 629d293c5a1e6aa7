#include "interpreters/insert_with_views.h"

#include "analyzer/query_analyzer.h"
#include "common/exception.h"
#include "execution/operators/transform_streams.h"
#include "interpreters/defaults_filler.h"
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

void prepareWithViews(StatementContext& sc, const StoragePtr& storage, const std::string& database, const std::string& table,
                      const std::vector<Block>& blocks, InsertTransaction& txn, size_t depth) {
  if (depth > kMaxViewDepth)
    throw Exception(ErrorCodes::TOO_DEEP_RECURSION, "Materialized views nest deeper than {} levels (a cycle?)", kMaxViewDepth);
  txn.add(storage, storage->prepareInsert(blocks, sc.context));
  auto views = viewsOf(sc.session.catalog(), database, table);
  if (views.empty()) return;
  bool any_rows = false;
  for (const auto& b : blocks) any_rows |= b.rows() > 0;
  if (!any_rows) return;
  for (const auto& view : views) {
    std::vector<Block> derived;
    try {
      derived = runViewQuery(sc, *view, storage, blocks);
    } catch (Exception& e) {
      e.addMessage("while pushing to view " + view->database() + "." + view->targetTable());
      throw;
    }
    prepareWithViews(sc, view->target(), view->targetDatabase(), view->targetTable(), derived, txn, depth + 1);
  }
}

}  // namespace

std::string insertJournalDirectory(Session& session) {
  const std::string& root = session.engine().options().data_path;
  return root.empty() ? std::string() : root + "/journal";
}

std::vector<Block> runViewQuery(StatementContext& sc, const StorageMaterializedView& view, const StoragePtr& source,
                                const std::vector<Block>& source_blocks) {
  // The source table, for this query only, is the inserted rows.
  auto rows = std::make_shared<StorageBlocks>(ColumnsDescription(source->columns().physical()), source_blocks);
  std::string key = view.sourceDatabase() + "." + view.sourceTable();
  struct OverrideScope {
    Session& session;
    std::string key;
    StoragePtr previous;
    ~OverrideScope() {
      if (previous) session.table_overrides[key] = previous;
      else session.table_overrides.erase(key);
    }
  } scope{sc.session, key, nullptr};
  auto it = sc.session.table_overrides.find(key);
  if (it != sc.session.table_overrides.end()) scope.previous = it->second;
  sc.session.table_overrides[key] = rows;

  AnalyzerContext actx = makeAnalyzerContext(sc);
  actx.current_database = view.database();
  QueryAnalyzer analyzer(actx);
  QueryPlan plan = analyzer.analyze(view.selectQuery());

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
  std::vector<Block> out;
  Block b;
  while (stream->read(b))
    if (b.rows()) out.push_back(filler.fill(b));
  return out;
}

void insertWithViews(StatementContext& sc, const StoragePtr& storage, const std::string& database, const std::string& table,
                     const std::vector<Block>& blocks) {
  // Large inserts go through the views in pieces of about min_insert_block_size_rows rows (as
  // ClickHouse squashes inserted blocks), so each view query works on a cache-sized block; all
  // pieces still commit as one transaction.
  InsertTransaction txn(insertJournalDirectory(sc.session));
  const size_t piece_rows = std::max<uint64_t>(sc.context.settings.min_insert_block_size_rows, 1);
  std::vector<Block> piece;
  size_t rows = 0;
  for (const auto& block : blocks) {
    piece.push_back(block);
    rows += block.rows();
    if (rows >= piece_rows) {
      prepareWithViews(sc, storage, database, table, piece, txn, 0);
      piece.clear();
      rows = 0;
    }
  }
  if (!piece.empty() || blocks.empty()) prepareWithViews(sc, storage, database, table, piece, txn, 0);
  txn.commit();
}

}  // namespace tally
