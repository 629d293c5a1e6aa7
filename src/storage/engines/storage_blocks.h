#pragma once
// StorageBlocks: a read-only table over blocks already in memory (the rows of one INSERT, seen
// by the materialized views on its table). No copies, no re-encoding: reads hand out the
// blocks themselves, one stream per block up to max_streams.

#include <cstdint>
#include <vector>

#include "storage/storage.h"

namespace tally {

class StorageBlocks final : public IStorage {
 public:
  /// `blocks` hold (at least) every physical column of `columns`. Reads use at most
  /// `max_streams` streams (1: one thread reads every block in order).
  StorageBlocks(ColumnsDescription columns, std::vector<Block> blocks, size_t max_streams = SIZE_MAX);

  std::string engineName() const override { return "Blocks"; }
  BlockStreams read(const ReadRequest& request, QueryContext& context) override;
  std::optional<uint64_t> totalRows() const override;

 private:
  std::vector<Block> blocks_;
  size_t max_streams_;
};

}  // namespace tally
