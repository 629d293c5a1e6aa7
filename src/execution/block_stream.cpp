#include "execution/block_stream.h"

#include <condition_variable>
#include <deque>
#include <exception>
#include <mutex>
#include <thread>

#include "columns/column_const.h"
#include "common/exception.h"

namespace tally {

void runInParallel(size_t count, size_t threads, const std::function<void(size_t)>& fn, QueryContext& context) {
  if (count == 0) return;
  threads = std::max<size_t>(1, std::min(threads, count));
  std::atomic<size_t> next{0};
  std::exception_ptr first_error;
  std::mutex error_mutex;
  auto worker = [&]() {
    MemoryTrackerGuard guard(&context.memory_tracker);
    try {
      while (true) {
        size_t i = next.fetch_add(1);
        if (i >= count) break;
        if (context.isCancelled()) break;
        fn(i);
      }
    } catch (...) {
      std::lock_guard lock(error_mutex);
      if (!first_error) first_error = std::current_exception();
      context.cancel();
    }
    current_memory::flush();
  };
  std::vector<std::thread> pool;
  for (size_t t = 1; t < threads; ++t) pool.emplace_back(worker);
  worker();
  for (auto& t : pool) t.join();
  if (first_error) std::rethrow_exception(first_error);
}

void drainInParallel(BlockStreams& streams, const std::function<void(size_t, Block&)>& consume, QueryContext& context) {
  runInParallel(
      streams.size(), streams.size(),
      [&](size_t i) {
        Block block;
        while (streams[i]->read(block)) {
          consume(i, block);
          context.checkAlive();
        }
      },
      context);
}

bool readResultSlice(const Block& result, size_t& position, size_t block_size, Block& out) {
  if (!result || position >= result.rows()) return false;
  size_t length = std::min(std::max<size_t>(block_size, 1), result.rows() - position);
  Block slice;
  for (const auto& c : result) slice.insert({c.column->cut(position, length), c.type, c.name});
  slice.setRows(length);
  position += length;
  out = std::move(slice);
  return true;
}

std::vector<const BlockStream*> streamPointers(const BlockStreams& inputs) {
  std::vector<const BlockStream*> res;
  for (const auto& i : inputs) res.push_back(i.get());
  return res;
}

namespace {

class UnionStream final : public BlockStream {
 public:
  UnionStream(BlockStreams inputs, QueryContext& context)
      : inputs_(std::move(inputs)), context_(context), header_(inputs_[0]->header().cloneEmpty()) {}

  ~UnionStream() override {
    {
      std::lock_guard lock(mutex_);
      stop_ = true;
    }
    not_full_.notify_all();
    for (auto& t : threads_) t.join();
  }

  const Block& header() const override { return header_; }
  std::string name() const override { return "Union"; }
  std::vector<const BlockStream*> children() const override { return streamPointers(inputs_); }

  bool read(Block& block) override {
    if (!started_) start();
    std::unique_lock lock(mutex_);
    not_empty_.wait(lock, [&] { return !queue_.empty() || finished_ == inputs_.size() || error_; });
    if (error_) {
      auto e = error_;
      error_ = nullptr;
      std::rethrow_exception(e);
    }
    if (queue_.empty()) return false;
    block = std::move(queue_.front());
    queue_.pop_front();
    not_full_.notify_one();
    return true;
  }

 private:
  void start() {
    started_ = true;
    for (size_t i = 0; i < inputs_.size(); ++i) {
      threads_.emplace_back([this, i]() {
        MemoryTrackerGuard guard(&context_.memory_tracker);
        try {
          Block b;
          while (true) {
            {
              std::lock_guard lock(mutex_);
              if (stop_) break;
            }
            if (!inputs_[i]->read(b)) break;
            std::unique_lock lock(mutex_);
            not_full_.wait(lock, [&] { return queue_.size() < capacity_ || stop_; });
            if (stop_) break;
            queue_.push_back(std::move(b));
            not_empty_.notify_one();
          }
        } catch (...) {
          std::lock_guard lock(mutex_);
          if (!error_) error_ = std::current_exception();
          context_.cancel();
        }
        current_memory::flush();
        std::lock_guard lock(mutex_);
        ++finished_;
        not_empty_.notify_all();
      });
    }
  }

  BlockStreams inputs_;
  QueryContext& context_;
  Block header_;
  std::vector<std::thread> threads_;
  std::mutex mutex_;
  std::condition_variable not_empty_, not_full_;
  std::deque<Block> queue_;
  size_t capacity_ = 8;
  size_t finished_ = 0;
  bool started_ = false;
  bool stop_ = false;
  std::exception_ptr error_;
};

class BlocksStream final : public BlockStream {
 public:
  BlocksStream(Block header, std::vector<Block> blocks, std::string name)
      : header_(std::move(header)), blocks_(std::move(blocks)), name_(std::move(name)) {}
  const Block& header() const override { return header_; }
  std::string name() const override { return name_; }
  bool read(Block& block) override {
    while (next_ < blocks_.size()) {
      Block& b = blocks_[next_++];
      if (b.rows() == 0) continue;
      block = std::move(b);
      return true;
    }
    return false;
  }

 private:
  Block header_;
  std::vector<Block> blocks_;
  size_t next_ = 0;
  std::string name_;
};

}  // namespace

BlockStreamPtr unionStreams(BlockStreams streams, QueryContext& context) {
  if (streams.empty()) throw Exception(ErrorCodes::LOGICAL_ERROR, "unionStreams of no streams");
  if (streams.size() == 1) return std::move(streams[0]);
  return std::make_unique<UnionStream>(std::move(streams), context);
}

BlockStreamPtr makeBlocksStream(Block header, std::vector<Block> blocks, std::string name) {
  return std::make_unique<BlocksStream>(header.cloneEmpty(), std::move(blocks), std::move(name));
}

std::vector<Block> readAll(BlockStream& stream) {
  std::vector<Block> res;
  Block b;
  while (stream.read(b)) res.push_back(std::move(b));
  return res;
}

Block materializeBlock(const Block& block) {
  Block res;
  for (const auto& c : block) res.insert({c.column ? materialize(c.column) : nullptr, c.type, c.name});
  res.setRows(block.rows());
  return res;
}

Block concatenateBlocks(const std::vector<Block>& blocks, const Block& header) {
  Block res;
  size_t total_rows = 0;
  for (const auto& b : blocks) total_rows += b.rows();
  if (blocks.size() == 1) return materializeBlock(blocks[0]);
  for (size_t i = 0; i < header.columns(); ++i) {
    auto column = header.at(i).type->createColumn();
    column->reserve(total_rows);
    for (const auto& b : blocks) {
      ColumnPtr c = materialize(b.at(i).column);
      column->insertRangeFrom(*c, 0, c->size());
    }
    res.insert({std::move(column), header.at(i).type, header.at(i).name});
  }
  res.setRows(total_rows);
  return res;
}

}  // namespace tally
