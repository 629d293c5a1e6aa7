#pragma once
// Views (CREATE VIEW v AS SELECT ...): the storage only holds the query and the columns it
// returns; the analyzer reads a view by analysing viewQuery() in its place, so read() is never
// called on it and throws.

#include "storage/storage.h"

namespace tally {

class StorageView final : public IStorage {
 public:
  StorageView(ColumnsDescription columns, ASTPtr query);

  std::string engineName() const override { return "View"; }
  BlockStreams read(const ReadRequest& request, QueryContext& context) override;
  ASTPtr viewQuery() const override { return query_; }

 private:
  ASTPtr query_;
};

}  // namespace tally
