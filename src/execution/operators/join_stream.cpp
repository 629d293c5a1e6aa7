#include "execution/operators/join_stream.h"

#include <atomic>
#include <mutex>

#include "columns/column_const.h"
#include "columns/column_low_cardinality.h"
#include "columns/column_nullable.h"
#include "common/arena.h"
#include "common/exception.h"
#include "common/hash.h"
#include "execution/hash_map.h"
#include "types/data_type_nullable.h"

namespace tally {

namespace {

/// Makes `column` fit `type`: Nullable wrapping (join_use_nulls) and plain values.
ColumnPtr adaptColumn(const ColumnPtr& column, const DataTypePtr& type) {
  ColumnPtr c = materialize(column);
  if (type->isNullable() && !c->isNullable()) return makeNullable(c);
  return c;
}

/// Everything built from the right side, shared by all probing streams.
struct JoinBuildState {
  std::mutex mutex;
  bool built = false;
  Block right;                          // all right rows, plus one trailing default/NULL row
  size_t right_rows = 0;                // rows before the default row
  Arena arena;
  StringHashMap<uint32_t> map;          // serialised key -> first row (chain through `next`)
  PODArray<uint32_t> next;              // next row with the same key, UINT32_MAX = end
  std::unique_ptr<std::atomic<uint8_t>[]> matched;  // for RIGHT/FULL
  std::atomic<size_t> streams_left{0};
  std::atomic<bool> tail_emitted{false};
};

bool keyHasNull(const std::vector<ColumnPtr>& keys, size_t row) {
  for (const auto& k : keys)
    if (k->isNullAt(row)) return true;
  return false;
}

std::vector<ColumnPtr> keyColumns(const Block& block, const std::vector<std::string>& names) {
  std::vector<ColumnPtr> res;
  for (const auto& n : names) {
    int pos = block.position(n);
    if (pos < 0) throw Exception(ErrorCodes::NOT_FOUND_COLUMN_IN_BLOCK, "Not found join key {} in block", n);
    ColumnPtr c = materialize(block.at(size_t(pos)).column);
    if (c->kind() == ColumnKind::LowCardinality) c = static_cast<const ColumnLowCardinality&>(*c).convertToFullColumn();
    res.push_back(c);
  }
  return res;
}

std::string_view serializeKey(const std::vector<ColumnPtr>& keys, size_t row, Arena& arena) {
  const char* begin = nullptr;
  size_t size = 0;
  for (const auto& k : keys) {
    // Nullable keys are compared by value: serialise the nested value (NULL rows never get here).
    const Column& c = k->isNullable() ? static_cast<const ColumnNullable&>(*k).getNestedColumn() : *k;
    size += c.serializeValueIntoArena(row, arena, begin);
  }
  return {begin, size};
}

void buildRight(JoinBuildState& state, BlockStreams& right, const JoinParams& params, QueryContext& context) {
  std::vector<std::vector<Block>> parts(right.size());
  drainInParallel(
      right, [&](size_t t, Block& b) { parts[t].push_back(materializeBlock(b)); }, context);
  std::vector<Block> all;
  for (auto& p : parts)
    for (auto& b : p) all.push_back(std::move(b));
  Block header = right[0]->header();
  Block merged = all.empty() ? header.cloneEmpty() : concatenateBlocks(all, header);
  state.right_rows = merged.rows();
  if (context.settings.max_rows_in_join && state.right_rows > context.settings.max_rows_in_join)
    throw Exception(ErrorCodes::SET_SIZE_LIMIT_EXCEEDED, "Limit for JOIN exceeded, max rows: {}, current rows: {}",
                    context.settings.max_rows_in_join, state.right_rows);
  if (state.right_rows >= UINT32_MAX)
    throw Exception(ErrorCodes::SET_SIZE_LIMIT_EXCEEDED, "The right side of a JOIN has too many rows");

  // Output columns of the right side, with one trailing default (or NULL) row for
  // non-matched left rows.
  for (const auto& rc : params.right_columns) {
    int pos = merged.position(rc.source);
    if (pos < 0) throw Exception(ErrorCodes::NOT_FOUND_COLUMN_IN_BLOCK, "Not found column {} in right side of JOIN", rc.source);
    ColumnPtr c = adaptColumn(merged.at(size_t(pos)).column, rc.type);
    auto with_default = c->cloneEmpty();
    with_default->insertRangeFrom(*c, 0, c->size());
    with_default->insertDefault();
    state.right.insert({std::move(with_default), rc.type, rc.output});
  }
  state.right.setRows(state.right_rows + 1);

  if (params.kind != JoinKind::Cross) {
    auto keys = keyColumns(merged, params.right_keys);
    state.next.resizeFill(state.right_rows, UINT32_MAX);
    bool any = params.strictness == JoinStrictness::Any || params.strictness == JoinStrictness::Semi ||
               params.strictness == JoinStrictness::Anti;
    for (size_t row = 0; row < state.right_rows; ++row) {
      if (keyHasNull(keys, row)) continue;
      std::string_view key = serializeKey(keys, row, state.arena);
      bool inserted;
      auto& cell = state.map.emplace(key, hashBytes(key), inserted);
      if (inserted) {
        cell.value = reinterpret_cast<uint32_t*>(state.arena.alloc(sizeof(uint32_t) * 2, alignof(uint32_t)));
        cell.value[0] = uint32_t(row);  // first
        cell.value[1] = uint32_t(row);  // last
      } else if (!any) {
        state.next[cell.value[1]] = uint32_t(row);
        cell.value[1] = uint32_t(row);
      }
    }
  }
  if (params.kind == JoinKind::Right || params.kind == JoinKind::Full) {
    state.matched.reset(new std::atomic<uint8_t>[state.right_rows ? state.right_rows : 1]);
    for (size_t i = 0; i < state.right_rows; ++i) state.matched[i].store(0, std::memory_order_relaxed);
  }
  state.built = true;
}

class JoinStream final : public BlockStream {
 public:
  JoinStream(BlockStreamPtr left, std::shared_ptr<BlockStreams> right, std::shared_ptr<JoinBuildState> state,
             const JoinParams& params, QueryContext& context)
      : left_(std::move(left)), right_(std::move(right)), state_(std::move(state)), params_(params), context_(context) {
    for (const auto& lc : params_.left_columns) header_.insert({nullptr, lc.type, lc.output});
    for (const auto& rc : params_.right_columns) header_.insert({nullptr, rc.type, rc.output});
  }
  const Block& header() const override { return header_; }
  std::string name() const override { return "Join"; }
  std::vector<const BlockStream*> children() const override { return {left_.get()}; }

  bool read(Block& block) override {
    ensureBuilt();
    while (!left_done_) {
      Block in;
      if (!left_->read(in)) {
        left_done_ = true;
        break;
      }
      context_.checkAlive();
      Block out = probe(in);
      if (out.rows()) {
        block = std::move(out);
        return true;
      }
    }
    // The last left stream to finish emits the right rows nobody matched.
    if ((params_.kind == JoinKind::Right || params_.kind == JoinKind::Full) && !finished_counted_) {
      finished_counted_ = true;
      if (state_->streams_left.fetch_sub(1) == 1 && !state_->tail_emitted.exchange(true)) {
        Block tail = nonMatchedRight();
        if (tail.rows()) {
          block = std::move(tail);
          return true;
        }
      }
    }
    return false;
  }

 private:
  void ensureBuilt() {
    std::lock_guard lock(state_->mutex);
    if (!state_->built) buildRight(*state_, *right_, params_, context_);
  }

  Block probe(const Block& in) {
    size_t rows = in.rows();
    JoinBuildState& s = *state_;
    Offsets replicate(rows);
    PODArray<uint64_t> right_rows;
    right_rows.reserve(rows);
    uint64_t total = 0;
    uint32_t default_row = uint32_t(s.right_rows);
    bool left_outer = params_.kind == JoinKind::Left || params_.kind == JoinKind::Full;
    bool track = params_.kind == JoinKind::Right || params_.kind == JoinKind::Full;

    if (params_.kind == JoinKind::Cross) {
      for (size_t i = 0; i < rows; ++i) {
        for (size_t r = 0; r < s.right_rows; ++r) right_rows.push_back(r);
        total += s.right_rows;
        replicate[i] = total;
      }
    } else {
      auto keys = keyColumns(in, params_.left_keys);
      Arena arena;
      for (size_t i = 0; i < rows; ++i) {
        uint32_t* found = nullptr;
        if (!keyHasNull(keys, i)) {
          std::string_view key = serializeKey(keys, i, arena);
          found = s.map.find(key, hashBytes(key));
        }
        switch (params_.strictness) {
          case JoinStrictness::Semi:
            if (found) {
              right_rows.push_back(found[0]);
              ++total;
            }
            break;
          case JoinStrictness::Anti:
            if (!found) {
              right_rows.push_back(default_row);
              ++total;
            }
            break;
          case JoinStrictness::Any:
            if (found) {
              right_rows.push_back(found[0]);
              if (track) s.matched[found[0]].store(1, std::memory_order_relaxed);
              ++total;
            } else if (left_outer) {
              right_rows.push_back(default_row);
              ++total;
            }
            break;
          default:
            if (found) {
              for (uint32_t r = found[0]; r != UINT32_MAX; r = s.next[r]) {
                right_rows.push_back(r);
                if (track) s.matched[r].store(1, std::memory_order_relaxed);
                ++total;
              }
            } else if (left_outer) {
              right_rows.push_back(default_row);
              ++total;
            }
        }
        replicate[i] = total;
      }
    }
    Block out;
    if (total == 0) return out;
    for (const auto& lc : params_.left_columns) {
      int pos = in.position(lc.source);
      ColumnPtr c = adaptColumn(in.at(size_t(pos)).column, lc.type);
      out.insert({c->replicate(replicate), lc.type, lc.output});
    }
    for (size_t k = 0; k < params_.right_columns.size(); ++k) {
      const auto& c = s.right.at(k);
      out.insert({c.column->permute(right_rows, 0), c.type, c.name});
    }
    out.setRows(total);
    return out;
  }

  Block nonMatchedRight() {
    JoinBuildState& s = *state_;
    Permutation rows;
    for (size_t r = 0; r < s.right_rows; ++r)
      if (!s.matched[r].load(std::memory_order_relaxed)) rows.push_back(r);
    Block out;
    if (rows.empty()) return out;
    for (const auto& lc : params_.left_columns) {
      auto c = lc.type->createColumn();
      c->insertManyDefaults(rows.size());
      out.insert({std::move(c), lc.type, lc.output});
    }
    for (size_t k = 0; k < params_.right_columns.size(); ++k) {
      const auto& c = s.right.at(k);
      out.insert({c.column->permute(rows, 0), c.type, c.name});
    }
    out.setRows(rows.size());
    return out;
  }

  BlockStreamPtr left_;
  std::shared_ptr<BlockStreams> right_;
  std::shared_ptr<JoinBuildState> state_;
  JoinParams params_;
  QueryContext& context_;
  Block header_;
  bool left_done_ = false;
  bool finished_counted_ = false;
};

}  // namespace

BlockStreams makeJoinStreams(BlockStreams left, BlockStreams right, JoinParams params, QueryContext& context) {
  auto state = std::make_shared<JoinBuildState>();
  auto shared_right = std::make_shared<BlockStreams>(std::move(right));
  state->streams_left.store(left.size());
  BlockStreams res;
  for (auto& l : left) res.push_back(std::make_unique<JoinStream>(std::move(l), shared_right, state, params, context));
  return res;
}

}  // namespace tally
