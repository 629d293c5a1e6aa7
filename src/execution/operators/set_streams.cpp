#include "execution/operators/set_streams.h"

#include "columns/column_array.h"
#include "columns/column_const.h"
#include "common/arena.h"
#include "common/exception.h"
#include "common/hash.h"
#include "execution/hash_map.h"
#include "types/data_type_array.h"

namespace tally {

namespace {

std::vector<size_t> positionsOf(const Block& header, const std::vector<std::string>& names) {
  std::vector<size_t> res;
  if (names.empty()) {
    for (size_t i = 0; i < header.columns(); ++i) res.push_back(i);
    return res;
  }
  for (const auto& n : names) {
    int pos = header.position(n);
    if (pos < 0) throw Exception(ErrorCodes::NOT_FOUND_COLUMN_IN_BLOCK, "Not found column {} in block", n);
    res.push_back(size_t(pos));
  }
  return res;
}

/// Keeps the rows of `in` for which keep(key) is true, key being the row's values of the
/// `positions` columns serialised into `arena`. Returns false when no row is kept.
template <typename Keep>
bool filterRowsByKey(Block& in, const std::vector<size_t>& positions, Arena& arena, Keep&& keep, Block& out) {
  size_t rows = in.rows();
  std::vector<ColumnPtr> keys;
  for (size_t p : positions) keys.push_back(materialize(in.at(p).column));
  Filter filter(rows);
  size_t kept = 0;
  for (size_t i = 0; i < rows; ++i) {
    const char* begin = nullptr;
    size_t size = 0;
    for (const auto& k : keys) size += k->serializeValueIntoArena(i, arena, begin);
    filter[i] = keep(std::string_view(begin, size));
    kept += filter[i];
  }
  if (kept == 0) return false;
  if (kept == rows) {
    out = std::move(in);
    return true;
  }
  Block filtered;
  for (const auto& c : in) filtered.insert({c.column->filter(filter, ssize_t(kept)), c.type, c.name});
  filtered.setRows(kept);
  out = std::move(filtered);
  return true;
}

class DistinctStream final : public BlockStream {
 public:
  DistinctStream(BlockStreamPtr input, std::vector<std::string> columns, QueryContext& context)
      : input_(std::move(input)), context_(context), header_(input_->header().cloneEmpty()) {
    positions_ = positionsOf(header_, columns);
  }
  const Block& header() const override { return header_; }
  std::string name() const override { return "Distinct"; }
  std::vector<const BlockStream*> children() const override { return {input_.get()}; }

  bool read(Block& block) override {
    while (true) {
      Block in;
      if (!input_->read(in)) return false;
      context_.checkAlive();
      bool any = filterRowsByKey(in, positions_, arena_, [&](std::string_view key) {
        bool inserted;
        auto& cell = seen_.emplace(key, hashBytes(key), inserted);
        if (inserted) cell.value = &marker_;
        return inserted;
      }, block);
      if (context_.settings.max_rows_in_set && seen_.size() > context_.settings.max_rows_in_set)
        throw Exception(ErrorCodes::SET_SIZE_LIMIT_EXCEEDED, "Limit for rows in DISTINCT exceeded");
      if (any) return true;
    }
  }

 private:
  BlockStreamPtr input_;
  QueryContext& context_;
  Block header_;
  std::vector<size_t> positions_;
  Arena arena_;
  StringHashMap<char> seen_;
  char marker_ = 0;
};

class LimitByStream final : public BlockStream {
 public:
  LimitByStream(BlockStreamPtr input, std::vector<std::string> columns, uint64_t limit, uint64_t offset,
                QueryContext& context)
      : input_(std::move(input)), limit_(limit), offset_(offset), context_(context),
        header_(input_->header().cloneEmpty()) {
    positions_ = positionsOf(header_, columns);
  }
  const Block& header() const override { return header_; }
  std::string name() const override { return "LimitBy"; }
  std::vector<const BlockStream*> children() const override { return {input_.get()}; }

  bool read(Block& block) override {
    while (true) {
      Block in;
      if (!input_->read(in)) return false;
      context_.checkAlive();
      bool any = filterRowsByKey(in, positions_, arena_, [&](std::string_view key) {
        bool inserted;
        auto& cell = counts_.emplace(key, hashBytes(key), inserted);
        if (inserted) {
          cell.value = reinterpret_cast<uint64_t*>(arena_.alloc(sizeof(uint64_t)));
          *cell.value = 0;
        }
        uint64_t n = (*cell.value)++;
        return n >= offset_ && n < offset_ + limit_;
      }, block);
      if (any) return true;
    }
  }

 private:
  BlockStreamPtr input_;
  uint64_t limit_, offset_;
  QueryContext& context_;
  Block header_;
  std::vector<size_t> positions_;
  Arena arena_;
  StringHashMap<uint64_t> counts_;
};

class ArrayJoinStream final : public BlockStream {
 public:
  ArrayJoinStream(BlockStreamPtr input, std::vector<ArrayJoinColumn> columns, bool left, QueryContext& context)
      : input_(std::move(input)), columns_(std::move(columns)), left_(left), context_(context) {
    header_ = arrayJoinHeader(input_->header(), columns_);
    for (const auto& a : columns_) source_positions_.push_back(size_t(input_->header().position(a.source)));
  }
  const Block& header() const override { return header_; }
  std::string name() const override { return left_ ? "LeftArrayJoin" : "ArrayJoin"; }
  std::vector<const BlockStream*> children() const override { return {input_.get()}; }

  bool read(Block& block) override {
    while (true) {
      Block in;
      if (!input_->read(in)) return false;
      context_.checkAlive();
      size_t rows = in.rows();
      std::vector<ColumnPtr> arrays;
      for (size_t p : source_positions_) arrays.push_back(materialize(in.at(p).column));
      const auto& first = static_cast<const ColumnArray&>(*arrays[0]);
      for (size_t k = 1; k < arrays.size(); ++k) {
        const auto& other = static_cast<const ColumnArray&>(*arrays[k]);
        for (size_t i = 0; i < rows; ++i)
          if (other.sizeAt(i) != first.sizeAt(i))
            throw Exception(ErrorCodes::SIZES_OF_ARRAYS_DONT_MATCH, "Sizes of ARRAY-JOIN-ed arrays do not match");
      }
      // Replication offsets: each row appears max(size, left ? 1 : 0) times.
      Offsets replicate(rows);
      uint64_t total = 0;
      for (size_t i = 0; i < rows; ++i) {
        size_t n = first.sizeAt(i);
        if (left_ && n == 0) n = 1;
        total += n;
        replicate[i] = total;
      }
      if (total == 0) continue;
      Block out;
      for (size_t c = 0; c < header_.columns(); ++c) {
        const auto& col = header_.at(c);
        int array_index = -1;
        for (size_t k = 0; k < columns_.size(); ++k)
          if (columns_[k].result == col.name) array_index = int(k);
        if (array_index >= 0) {
          out.insert({elements(static_cast<const ColumnArray&>(*arrays[size_t(array_index)]), rows, col.type), col.type,
                      col.name});
        } else {
          out.insert({in.at(size_t(in.position(col.name))).column->replicate(replicate), col.type, col.name});
        }
      }
      out.setRows(total);
      block = std::move(out);
      return true;
    }
  }

 private:
  ColumnPtr elements(const ColumnArray& array, size_t rows, const DataTypePtr& element_type) const {
    if (!left_) return array.getDataPtr();
    // LEFT: an empty array contributes one default element.
    bool any_empty = false;
    for (size_t i = 0; i < rows; ++i)
      if (array.sizeAt(i) == 0) any_empty = true;
    if (!any_empty) return array.getDataPtr();
    auto res = element_type->createColumn();
    for (size_t i = 0; i < rows; ++i) {
      size_t n = array.sizeAt(i);
      if (n == 0)
        res->insertDefault();
      else
        res->insertRangeFrom(array.getData(), array.offsetAt(i), n);
    }
    return res;
  }

  BlockStreamPtr input_;
  std::vector<ArrayJoinColumn> columns_;
  bool left_;
  QueryContext& context_;
  Block header_;
  std::vector<size_t> source_positions_;
};

}  // namespace

Block arrayJoinHeader(const Block& in, const std::vector<ArrayJoinColumn>& columns) {
  Block header;
  for (const auto& c : in) header.insert({nullptr, c.type, c.name});
  for (const auto& a : columns) {
    int pos = in.position(a.source);
    if (pos < 0) throw Exception(ErrorCodes::NOT_FOUND_COLUMN_IN_BLOCK, "Not found column {} in block", a.source);
    DataTypePtr type = in.at(size_t(pos)).type;
    if (type->typeId() != TypeIndex::Array)
      throw Exception(ErrorCodes::TYPE_MISMATCH, "ARRAY JOIN requires array argument, got {} ({})", type->name(), a.source);
    DataTypePtr element = static_cast<const DataTypeArray&>(*type).getNestedType();
    int result_pos = header.position(a.result);
    if (result_pos >= 0)
      header.at(size_t(result_pos)).type = element;
    else
      header.insert({nullptr, element, a.result});
  }
  return header;
}

BlockStreamPtr makeDistinctStream(BlockStreamPtr input, std::vector<std::string> columns, QueryContext& context) {
  return std::make_unique<DistinctStream>(std::move(input), std::move(columns), context);
}
BlockStreamPtr makeLimitByStream(BlockStreamPtr input, std::vector<std::string> columns, uint64_t limit, uint64_t offset,
                                 QueryContext& context) {
  return std::make_unique<LimitByStream>(std::move(input), std::move(columns), limit, offset, context);
}
BlockStreamPtr makeArrayJoinStream(BlockStreamPtr input, std::vector<ArrayJoinColumn> columns, bool left,
                                   QueryContext& context) {
  return std::make_unique<ArrayJoinStream>(std::move(input), std::move(columns), left, context);
}

}  // namespace tally
