#include "storage/engines/storage_blocks.h"

#include <algorithm>
#include <atomic>

#include "common/exception.h"

namespace tally {

namespace {

class BlocksStream final : public BlockStream {
 public:
  BlocksStream(Block header, std::vector<std::string> names, std::shared_ptr<const std::vector<Block>> blocks,
               std::shared_ptr<std::atomic<size_t>> next, QueryContext& context)
      : header_(std::move(header)), names_(std::move(names)), blocks_(std::move(blocks)), next_(std::move(next)),
        context_(context) {}
  const Block& header() const override { return header_; }
  std::string name() const override { return "BlocksSource"; }
  bool read(Block& block) override {
    if (context_.shouldStopReading(stop_token_)) return false;
    size_t i = next_->fetch_add(1);
    if (i >= blocks_->size()) return false;
    const Block& src = (*blocks_)[i];
    block = Block();
    for (size_t k = 0; k < names_.size(); ++k) {
      int pos = src.position(names_[k]);
      if (pos < 0) throw Exception(ErrorCodes::NO_SUCH_COLUMN_IN_TABLE, "There is no column {} in the inserted block", names_[k]);
      block.insert({src.at(size_t(pos)).column, header_.at(k).type, names_[k]});
    }
    block.setRows(src.rows());
    context_.addRead(block.rows(), block.bytes());
    return true;
  }

 private:
  Block header_;
  std::vector<std::string> names_;
  std::shared_ptr<const std::vector<Block>> blocks_;
  std::shared_ptr<std::atomic<size_t>> next_;
  QueryContext& context_;
  QueryContext::ReadStopToken stop_token_ = context_.readStopToken();
};

}  // namespace

StorageBlocks::StorageBlocks(ColumnsDescription columns, std::vector<Block> blocks, size_t max_streams)
    : blocks_(std::move(blocks)), max_streams_(std::max<size_t>(max_streams, 1)) {
  setColumns(std::move(columns));
}

BlockStreams StorageBlocks::read(const ReadRequest& request, QueryContext& context) {
  auto blocks = std::make_shared<const std::vector<Block>>(blocks_);
  auto next = std::make_shared<std::atomic<size_t>>(0);
  Block header = this->header(request.columns);
  size_t streams = std::max<size_t>(1, std::min({request.max_streams, max_streams_, blocks_.size()}));
  BlockStreams res;
  for (size_t i = 0; i < streams; ++i)
    res.push_back(std::make_unique<BlocksStream>(header, request.columns, blocks, next, context));
  return res;
}

std::optional<uint64_t> StorageBlocks::totalRows() const {
  uint64_t rows = 0;
  for (const auto& b : blocks_) rows += b.rows();
  return rows;
}

}  // namespace tally
