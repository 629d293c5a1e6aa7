#include "storage/engines/storage_materialized_view.h"

#include "common/exception.h"

namespace tally {

StorageMaterializedView::StorageMaterializedView(ColumnsDescription columns, ASTPtr query, std::string database,
                                                 std::string source_database, std::string source_table,
                                                 std::string target_database, std::string target_table, bool inner_target,
                                                 Catalog& catalog)
    : query_(std::move(query)), database_(std::move(database)), source_database_(std::move(source_database)),
      source_table_(std::move(source_table)), target_database_(std::move(target_database)),
      target_table_(std::move(target_table)), inner_target_(inner_target), catalog_(catalog) {
  setColumns(std::move(columns));
}

StoragePtr StorageMaterializedView::target() const { return catalog_.getTable(target_database_, target_table_); }

BlockStreams StorageMaterializedView::read(const ReadRequest& request, QueryContext& context) {
  return target()->read(request, context);
}

void StorageMaterializedView::insert(const std::vector<Block>& blocks, QueryContext& context) { target()->insert(blocks, context); }

std::unique_ptr<PreparedInsert> StorageMaterializedView::prepareInsert(const std::vector<Block>& blocks, QueryContext& context) {
  return target()->prepareInsert(blocks, context);
}

bool StorageMaterializedView::supportsFinal() const {
  auto t = catalog_.tryGetTable(target_database_, target_table_);
  return t && t->supportsFinal();
}

std::optional<uint64_t> StorageMaterializedView::totalRows() const {
  auto t = catalog_.tryGetTable(target_database_, target_table_);
  return t ? t->totalRows() : std::nullopt;
}

std::optional<uint64_t> StorageMaterializedView::totalBytes() const {
  auto t = catalog_.tryGetTable(target_database_, target_table_);
  return t ? t->totalBytes() : std::nullopt;
}

void StorageMaterializedView::truncate() { target()->truncate(); }

void StorageMaterializedView::drop() {
  if (!inner_target_) return;
  // The inner table goes with the view.
  if (auto db = catalog_.tryGetDatabase(target_database_)) {
    if (auto t = db->tryGetTable(target_table_)) {
      db->removeTable(target_table_);
      t->drop();
    }
  }
}

}  // namespace tally
