#include "storage/system/storage_system_numbers.h"

#include <algorithm>
#include <atomic>
#include <functional>

#include "columns/column_vector.h"
#include "types/data_type_number.h"

namespace tally {

namespace storage_system_numbers {

/// Hands out consecutive row ranges to parallel streams; `limit` = nullopt for no end.
class RowRangeClaimer {
 public:
  explicit RowRangeClaimer(std::optional<uint64_t> limit) : limit_(limit) {}

  /// Claims up to `rows` rows; returns {first row, count}, count 0 at the end.
  std::pair<uint64_t, uint64_t> claim(uint64_t rows) {
    if (!limit_) return {next_.fetch_add(rows, std::memory_order_relaxed), rows};
    uint64_t current = next_.load(std::memory_order_relaxed);
    uint64_t count;
    do {
      if (current >= *limit_) return {current, 0};
      count = std::min(rows, *limit_ - current);
    } while (!next_.compare_exchange_weak(current, current + count, std::memory_order_relaxed));
    return {current, count};
  }

 private:
  std::optional<uint64_t> limit_;
  std::atomic<uint64_t> next_{0};
};

/// Fills a column with the values of rows [start, start + count).
using RowsGenerator = std::function<ColumnPtr(uint64_t start, uint64_t count)>;

class SequenceSource final : public BlockStream {
 public:
  SequenceSource(Block header, std::shared_ptr<RowRangeClaimer> claimer, RowsGenerator generate, size_t first_block,
                 size_t block_size, size_t value_bytes, std::string name, QueryContext& context)
      : header_(std::move(header)), claimer_(std::move(claimer)), generate_(std::move(generate)),
        first_block_(first_block), block_size_(block_size), value_bytes_(value_bytes), name_(std::move(name)),
        context_(context) {}

  const Block& header() const override { return header_; }
  std::string name() const override { return name_; }

  bool read(Block& block) override {
    if (stopped_ || context_.shouldStopReading(stop_token_)) return false;
    context_.checkAlive();
    uint64_t want = first_ ? first_block_ : block_size_;
    first_ = false;
    auto [start, count] = claimer_->claim(want);
    if (count == 0) return false;
    Block out;
    if (header_.columns() > 0) {
      ColumnPtr column = generate_(start, count);
      for (const auto& h : header_) out.insert({column, h.type, h.name});
    }
    out.setRows(count);
    block = std::move(out);
    if (!context_.addRead(count, count * value_bytes_)) stopped_ = true;
    return true;
  }

 private:
  Block header_;
  std::shared_ptr<RowRangeClaimer> claimer_;
  RowsGenerator generate_;
  size_t first_block_, block_size_, value_bytes_;
  std::string name_;
  QueryContext& context_;
  QueryContext::ReadStopToken stop_token_ = context_.readStopToken();
  bool first_ = true;
  bool stopped_ = false;
};

BlockStreams makeSequenceStreams(const IStorage& storage, const ReadRequest& request, QueryContext& context,
                                 bool multithreaded, std::optional<uint64_t> rows, RowsGenerator generate,
                                 size_t value_bytes, const std::string& name) {
  Block header = storage.header(request.columns);
  size_t block_size = std::max<size_t>(request.max_block_size, 1);
  size_t first_block = block_size;
  if (request.limit_hint > 0 && request.limit_hint < first_block) first_block = request.limit_hint;
  if (rows) context.addTotalRowsToRead(*rows);
  size_t streams = multithreaded ? std::max<size_t>(request.max_streams, 1) : 1;
  if (rows) streams = std::max<size_t>(1, std::min<uint64_t>(streams, (*rows + block_size - 1) / block_size));
  auto claimer = std::make_shared<RowRangeClaimer>(rows);
  BlockStreams res;
  for (size_t i = 0; i < streams; ++i)
    res.push_back(std::make_unique<SequenceSource>(header, claimer, generate, first_block, block_size, value_bytes,
                                                   name, context));
  return res;
}

}  // namespace storage_system_numbers

StorageNumbers::StorageNumbers(bool multithreaded, std::optional<uint64_t> rows, uint64_t offset, uint64_t step,
                               std::string column_name)
    : multithreaded_(multithreaded), rows_(rows), offset_(offset), step_(step) {
  setColumns(ColumnsDescription({{std::move(column_name), typeUInt64(), "", nullptr, "", ""}}));
}

BlockStreams StorageNumbers::read(const ReadRequest& request, QueryContext& context) {
  uint64_t offset = offset_, step = step_;
  auto generate = [offset, step](uint64_t start, uint64_t count) -> ColumnPtr {
    auto column = ColumnUInt64::create(count);
    uint64_t* data = column->getData().data();
    uint64_t base = offset + start * step;
    if (step == 1) {
      for (uint64_t i = 0; i < count; ++i) data[i] = base + i;
    } else {
      for (uint64_t i = 0; i < count; ++i) data[i] = base + i * step;
    }
    return column;
  };
  return storage_system_numbers::makeSequenceStreams(*this, request, context, multithreaded_, rows_, generate,
                                                     sizeof(uint64_t), "Numbers");
}

StorageZeros::StorageZeros(bool multithreaded, std::optional<uint64_t> rows)
    : multithreaded_(multithreaded), rows_(rows) {
  setColumns(ColumnsDescription({{"zero", typeUInt8(), "", nullptr, "", ""}}));
}

BlockStreams StorageZeros::read(const ReadRequest& request, QueryContext& context) {
  auto generate = [](uint64_t, uint64_t count) -> ColumnPtr { return std::make_shared<ColumnUInt8>(count, UInt8(0)); };
  return storage_system_numbers::makeSequenceStreams(*this, request, context, multithreaded_, rows_, generate,
                                                     sizeof(uint8_t), "Zeros");
}

}  // namespace tally
