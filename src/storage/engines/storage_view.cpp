#include "storage/engines/storage_view.h"

#include "common/exception.h"
#include "storage/storage_factory.h"

namespace tally {

StorageView::StorageView(ColumnsDescription columns, ASTPtr query) : query_(std::move(query)) {
  if (!query_) throw Exception(ErrorCodes::LOGICAL_ERROR, "A view needs a query");
  setColumns(std::move(columns));
}

BlockStreams StorageView::read(const ReadRequest&, QueryContext&) {
  throw Exception(ErrorCodes::LOGICAL_ERROR, "A view is read through its query, not through the storage");
}

REGISTER_STORAGE(View) {
  // Views are created by CREATE VIEW (which constructs StorageView with its query); naming the
  // engine explicitly is refused as ClickHouse does.
  factory.registerStorage("View", [](const StorageCreateArguments&) -> StoragePtr {
    throw Exception(ErrorCodes::INCORRECT_QUERY, "Specifying ENGINE is not allowed for a View");
  });
}

}  // namespace tally
