#pragma once
// ENGINE = Null and the null('structure') table function: inserts are accepted and discarded,
// reads return nothing.

#include "storage/storage.h"

namespace tally {

class StorageNull final : public IStorage {
 public:
  explicit StorageNull(ColumnsDescription columns) { setColumns(std::move(columns)); }

  std::string engineName() const override { return "Null"; }
  BlockStreams read(const ReadRequest& request, QueryContext& context) override;
  bool supportsInsert() const override { return true; }
  void insert(const Block& block, QueryContext& context) override;
  void truncate() override {}
};

}  // namespace tally
