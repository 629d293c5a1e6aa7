#include "execution/operators/sorting_stream.h"

#include <algorithm>
#include <numeric>
#include <queue>

#include "columns/column_const.h"
#include "common/exception.h"

namespace tally {

namespace {

struct SortKeyColumns {
  std::vector<const Column*> columns;
  std::vector<int> directions;
  std::vector<int> nulls;

  int compare(size_t a, size_t b) const {
    for (size_t k = 0; k < columns.size(); ++k) {
      int c = columns[k]->compareAt(a, b, *columns[k], nulls[k]);
      if (c) return c * directions[k];
    }
    return 0;
  }
  int compareAcross(size_t a, const SortKeyColumns& other, size_t b) const {
    for (size_t k = 0; k < columns.size(); ++k) {
      int c = columns[k]->compareAt(a, b, *other.columns[k], nulls[k]);
      if (c) return c * directions[k];
    }
    return 0;
  }
};

SortKeyColumns keyColumns(const Block& block, const SortDescription& description, std::vector<ColumnPtr>& holders) {
  SortKeyColumns keys;
  for (const auto& d : description) {
    int pos = block.position(d.name);
    if (pos < 0) throw Exception(ErrorCodes::NOT_FOUND_COLUMN_IN_BLOCK, "Not found sort column {}", d.name);
    ColumnPtr c = materialize(block.at(size_t(pos)).column);
    holders.push_back(c);
    keys.columns.push_back(c.get());
    keys.directions.push_back(d.direction);
    keys.nulls.push_back(d.nulls_direction);
  }
  return keys;
}

Block permuteBlock(const Block& block, const Permutation& perm) {
  Block out;
  for (const auto& c : block) out.insert({materialize(c.column)->permute(perm, 0), c.type, c.name});
  out.setRows(perm.size());
  return out;
}

class SortingStream final : public BlockStream {
 public:
  SortingStream(BlockStreams inputs, SortDescription description, uint64_t limit, QueryContext& context)
      : inputs_(std::move(inputs)), description_(std::move(description)), limit_(limit), context_(context),
        header_(inputs_[0]->header().cloneEmpty()) {}

  const Block& header() const override { return header_; }
  std::string name() const override { return "Sorting"; }
  std::vector<const BlockStream*> children() const override { return streamPointers(inputs_); }

  bool read(Block& block) override {
    if (!done_) {
      sortAll();
      done_ = true;
    }
    return readResultSlice(result_, position_, context_.settings.max_block_size, block);
  }

 private:
  void sortAll() {
    size_t threads = inputs_.size();
    std::vector<std::vector<Block>> collected(threads);
    std::vector<size_t> rows(threads, 0);
    // Each thread keeps its rows; with a limit it trims to the best `limit` rows whenever it
    // holds more than a few times that, so memory stays bounded.
    drainInParallel(
        inputs_,
        [&](size_t t, Block& b) {
          rows[t] += b.rows();
          if (context_.settings.max_rows_to_sort && rows[t] > context_.settings.max_rows_to_sort)
            throw Exception(ErrorCodes::TOO_MANY_ROWS, "Limit for rows to sort exceeded: {} rows, maximum: {}", rows[t],
                            context_.settings.max_rows_to_sort);
          collected[t].push_back(materializeBlock(b));
          if (limit_ && rows[t] > std::max<uint64_t>(limit_ * 4, 65536)) {
            Block run = sortRun(concatenateBlocks(collected[t], header_));
            collected[t].clear();
            collected[t].push_back(std::move(run));
            rows[t] = collected[t][0].rows();
          }
        },
        context_);
    std::vector<Block> runs(threads);
    runInParallel(
        threads, threads,
        [&](size_t t) {
          if (!collected[t].empty()) runs[t] = sortRun(concatenateBlocks(collected[t], header_));
        },
        context_);
    std::vector<Block> non_empty;
    for (auto& r : runs)
      if (r && r.rows()) non_empty.push_back(std::move(r));
    if (non_empty.empty()) return;
    if (non_empty.size() == 1) {
      result_ = std::move(non_empty[0]);
      return;
    }
    result_ = mergeRuns(non_empty);
  }

  Block sortRun(const Block& block) {
    Permutation perm;
    sortBlockPermutation(block, description_, limit_, perm);
    return permuteBlock(block, perm);
  }

  Block mergeRuns(const std::vector<Block>& runs) {
    std::vector<std::vector<ColumnPtr>> holders(runs.size());
    std::vector<SortKeyColumns> keys;
    for (size_t i = 0; i < runs.size(); ++i) keys.push_back(keyColumns(runs[i], description_, holders[i]));
    std::vector<size_t> cursor(runs.size(), 0);
    MutableColumns out;
    for (const auto& c : header_) out.push_back(c.type->createColumn());
    size_t total = 0;
    for (const auto& r : runs) total += r.rows();
    size_t wanted = limit_ ? std::min<uint64_t>(limit_, total) : total;
    for (auto& c : out) c->reserve(wanted);
    for (size_t produced = 0; produced < wanted; ++produced) {
      size_t best = SIZE_MAX;
      for (size_t i = 0; i < runs.size(); ++i) {
        if (cursor[i] >= runs[i].rows()) continue;
        if (best == SIZE_MAX || keys[i].compareAcross(cursor[i], keys[best], cursor[best]) < 0) best = i;
      }
      for (size_t c = 0; c < out.size(); ++c) out[c]->insertFrom(*runs[best].at(c).column, cursor[best]);
      ++cursor[best];
      if ((produced & 0xFFFF) == 0) context_.checkAlive();
    }
    Block res;
    for (size_t c = 0; c < out.size(); ++c) res.insert({std::move(out[c]), header_.at(c).type, header_.at(c).name});
    res.setRows(wanted);
    return res;
  }

  BlockStreams inputs_;
  SortDescription description_;
  uint64_t limit_;
  QueryContext& context_;
  Block header_;
  Block result_;
  size_t position_ = 0;
  bool done_ = false;
};

}  // namespace

void sortBlockPermutation(const Block& block, const SortDescription& description, uint64_t limit, Permutation& perm) {
  size_t rows = block.rows();
  if (description.size() == 1) {
    int pos = block.position(description[0].name);
    if (pos < 0) throw Exception(ErrorCodes::NOT_FOUND_COLUMN_IN_BLOCK, "Not found sort column {}", description[0].name);
    ColumnPtr c = materialize(block.at(size_t(pos)).column);
    c->getPermutation(description[0].direction < 0, limit, description[0].nulls_direction, perm);
    return;
  }
  std::vector<ColumnPtr> holders;
  SortKeyColumns keys = keyColumns(block, description, holders);
  perm.resize(rows);
  std::iota(perm.begin(), perm.end(), 0);
  auto less = [&](uint64_t a, uint64_t b) {
    int c = keys.compare(a, b);
    return c < 0 || (c == 0 && a < b);
  };
  if (limit && limit < rows) {
    std::partial_sort(perm.begin(), perm.begin() + limit, perm.end(), less);
    perm.resize(limit);
  } else {
    std::sort(perm.begin(), perm.end(), less);
  }
}

BlockStreamPtr makeSortingStream(BlockStreams inputs, SortDescription description, uint64_t limit, QueryContext& context) {
  return std::make_unique<SortingStream>(std::move(inputs), std::move(description), limit, context);
}

}  // namespace tally
