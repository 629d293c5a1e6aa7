#include "execution/operators/window_stream.h"

#include <algorithm>
#include <cmath>

#include "columns/column_const.h"
#include "columns/column_low_cardinality.h"
#include "columns/column_nullable.h"
#include "common/arena.h"
#include "common/exception.h"
#include "types/data_type_nullable.h"
#include "types/data_type_number.h"
#include "types/least_supertype.h"

namespace tally {

namespace {

const char* const kWindowOnly[] = {"row_number", "rank", "dense_rank", "percent_rank", "cume_dist", "ntile",
                                   "lagInFrame", "leadInFrame", "lag", "lead", "first_value", "last_value",
                                   "nth_value", "any_value"};

ColumnPtr fullColumn(const ColumnPtr& c) {
  ColumnPtr m = materialize(c);
  if (m->kind() == ColumnKind::LowCardinality) return static_cast<const ColumnLowCardinality&>(*m).convertToFullColumn();
  return m;
}

class WindowStream final : public BlockStream {
 public:
  WindowStream(BlockStreams inputs, std::vector<WindowDescription> windows, QueryContext& context)
      : inputs_(std::move(inputs)), windows_(std::move(windows)), context_(context) {
    header_ = inputs_[0]->header().cloneEmpty();
    for (const auto& w : windows_)
      for (const auto& f : w.functions)
        if (header_.position(f.name) < 0) header_.insert({nullptr, f.result_type, f.name});
  }
  const Block& header() const override { return header_; }
  std::string name() const override { return "Window"; }
  std::vector<const BlockStream*> children() const override { return streamPointers(inputs_); }

  bool read(Block& block) override {
    if (!done_) {
      compute();
      done_ = true;
    }
    return readResultSlice(result_, position_, context_.settings.max_block_size, block);
  }

 private:
  void compute() {
    std::vector<std::vector<Block>> parts(inputs_.size());
    drainInParallel(
        inputs_, [&](size_t t, Block& b) { parts[t].push_back(materializeBlock(b)); }, context_);
    std::vector<Block> all;
    for (auto& p : parts)
      for (auto& b : p) all.push_back(std::move(b));
    if (all.empty()) return;
    Block data = concatenateBlocks(all, inputs_[0]->header());
    for (const auto& w : windows_) data = computeWindow(data, w);
    // Output in header order.
    Block out;
    for (const auto& h : header_) out.insert(data.at(size_t(data.position(h.name))));
    out.setRows(data.rows());
    result_ = std::move(out);
  }

  Block computeWindow(const Block& input, const WindowDescription& w) {
    // Sort by partition keys, then order keys.
    SortDescription description;
    for (const auto& p : w.partition_by) description.push_back({p, 1, 1});
    for (const auto& o : w.order_by) description.push_back(o);
    Block data;
    if (description.empty()) {
      data = input;
    } else {
      Permutation perm;
      sortBlockPermutation(input, description, 0, perm);
      for (const auto& c : input) data.insert({c.column->permute(perm, 0), c.type, c.name});
      data.setRows(input.rows());
    }
    size_t rows = data.rows();

    std::vector<ColumnPtr> partition_cols, order_cols;
    for (const auto& p : w.partition_by) partition_cols.push_back(fullColumn(data.at(size_t(data.position(p))).column));
    for (const auto& o : w.order_by) order_cols.push_back(fullColumn(data.at(size_t(data.position(o.name))).column));

    // Partition starts and peer-group starts.
    std::vector<size_t> partition_starts{0};
    for (size_t i = 1; i < rows; ++i) {
      for (const auto& c : partition_cols)
        if (c->compareAt(i, i - 1, *c, 1) != 0) {
          partition_starts.push_back(i);
          break;
        }
    }
    partition_starts.push_back(rows);
    PODArray<uint8_t> new_peer(rows, 0);
    for (size_t p = 0; p + 1 < partition_starts.size(); ++p) {
      size_t start = partition_starts[p];
      new_peer[start] = 1;
      for (size_t i = start + 1; i < partition_starts[p + 1]; ++i)
        for (const auto& c : order_cols)
          if (c->compareAt(i, i - 1, *c, 1) != 0) {
            new_peer[i] = 1;
            break;
          }
    }

    for (const auto& f : w.functions) {
      context_.checkAlive();
      std::vector<ColumnPtr> args;
      for (const auto& a : f.arguments) args.push_back(fullColumn(data.at(size_t(data.position(a))).column));
      auto result = f.result_type->createColumn();
      result->reserve(rows);
      for (size_t p = 0; p + 1 < partition_starts.size(); ++p)
        computePartition(f, w, args, order_cols, new_peer, partition_starts[p], partition_starts[p + 1], *result);
      int existing = data.position(f.name);
      if (existing >= 0)
        data.at(size_t(existing)).column = std::move(result);
      else
        data.insert({std::move(result), f.result_type, f.name});
    }
    return data;
  }

  /// Frame [begin, end) of row i in partition [ps, pe).
  std::pair<size_t, size_t> frameOf(const WindowDescription& w, const std::vector<ColumnPtr>& order_cols,
                                    const PODArray<uint8_t>& new_peer, size_t ps, size_t pe, size_t i) const {
    const WindowFrame& frame = w.frame;
    auto peer_start = [&](size_t r) {
      while (r > ps && !new_peer[r]) --r;
      return r;
    };
    auto peer_end = [&](size_t r) {
      ++r;
      while (r < pe && !new_peer[r]) ++r;
      return r;
    };
    auto offset_of = [](const WindowFrameBoundary& b) { return b.offset.as<double>(); };
    bool no_order = order_cols.empty();
    auto range_offset = [&](const WindowFrameBoundary& b, bool is_begin) -> size_t {
      // RANGE with a numeric offset on the single ORDER BY column.
      const Column& c = *order_cols[0];
      double direction = w.order_by[0].direction;
      double v = c.getFloat64(i);
      double k = offset_of(b);
      double bound = v + direction * (b.preceding ? -k : k);
      if (is_begin) {
        size_t r = ps;
        while (r < pe && direction * (c.getFloat64(r) - bound) < 0) ++r;
        return r;
      }
      size_t r = pe;
      while (r > ps && direction * (c.getFloat64(r - 1) - bound) > 0) --r;
      return r;
    };

    size_t begin = ps, end = pe;
    switch (frame.begin.type) {
      case WindowBoundType::Unbounded: begin = frame.begin.preceding ? ps : pe; break;
      case WindowBoundType::Current:
        begin = frame.type == WindowFrameType::Rows ? i : (no_order ? ps : peer_start(i));
        break;
      case WindowBoundType::Offset:
        if (frame.type == WindowFrameType::Rows) {
          int64_t k = frame.begin.offset.as<int64_t>();
          int64_t b = frame.begin.preceding ? int64_t(i) - k : int64_t(i) + k;
          begin = size_t(std::clamp<int64_t>(b, int64_t(ps), int64_t(pe)));
        } else {
          begin = range_offset(frame.begin, true);
        }
        break;
    }
    switch (frame.end.type) {
      case WindowBoundType::Unbounded: end = frame.end.preceding ? ps : pe; break;
      case WindowBoundType::Current:
        end = frame.type == WindowFrameType::Rows ? i + 1 : (no_order ? pe : peer_end(i));
        break;
      case WindowBoundType::Offset:
        if (frame.type == WindowFrameType::Rows) {
          int64_t k = frame.end.offset.as<int64_t>();
          int64_t e = frame.end.preceding ? int64_t(i) - k + 1 : int64_t(i) + k + 1;
          end = size_t(std::clamp<int64_t>(e, int64_t(ps), int64_t(pe)));
        } else {
          end = range_offset(frame.end, false);
        }
        break;
    }
    if (end < begin) end = begin;
    return {begin, end};
  }

  void computePartition(const WindowFunctionDescription& f, const WindowDescription& w, const std::vector<ColumnPtr>& args,
                        const std::vector<ColumnPtr>& order_cols, const PODArray<uint8_t>& new_peer, size_t ps,
                        size_t pe, Column& result) {
    const std::string& fn = f.function_name;
    size_t n = pe - ps;
    if (fn == "row_number") {
      for (size_t i = ps; i < pe; ++i) result.insert(Field(uint64_t(i - ps + 1)));
      return;
    }
    if (fn == "rank" || fn == "dense_rank" || fn == "percent_rank") {
      uint64_t rank = 0, dense = 0;
      for (size_t i = ps; i < pe; ++i) {
        if (new_peer[i]) {
          rank = i - ps + 1;
          ++dense;
        }
        if (fn == "rank")
          result.insert(Field(rank));
        else if (fn == "dense_rank")
          result.insert(Field(dense));
        else
          result.insert(Field(n > 1 ? double(rank - 1) / double(n - 1) : 0.0));
      }
      return;
    }
    if (fn == "cume_dist") {
      for (size_t i = ps; i < pe; ++i) {
        size_t e = i + 1;
        while (e < pe && !new_peer[e]) ++e;
        result.insert(Field(double(e - ps) / double(n)));
      }
      return;
    }
    if (fn == "ntile") {
      uint64_t buckets = f.parameters.empty() ? 1 : f.parameters[0].as<uint64_t>();
      if (buckets == 0) throw Exception(ErrorCodes::BAD_ARGUMENTS, "Argument of ntile must be a positive integer");
      uint64_t base = n / buckets, extra = n % buckets;
      for (size_t i = 0; i < n; ++i) {
        uint64_t bucket;
        uint64_t big = extra * (base + 1);
        if (i < big)
          bucket = i / (base + 1) + 1;
        else
          bucket = extra + (base ? (i - big) / base : 0) + 1;
        result.insert(Field(bucket));
      }
      return;
    }
    if (fn == "lagInFrame" || fn == "leadInFrame" || fn == "lag" || fn == "lead") {
      bool lag = fn == "lagInFrame" || fn == "lag";
      bool in_frame = fn == "lagInFrame" || fn == "leadInFrame";
      const Column& value = *args[0];
      const Column* offset_col = args.size() > 1 ? args[1].get() : nullptr;
      const Column* default_col = args.size() > 2 ? args[2].get() : nullptr;
      for (size_t i = ps; i < pe; ++i) {
        int64_t offset = offset_col ? offset_col->getInt(i) : 1;
        if (offset < 0)
          throw Exception(ErrorCodes::BAD_ARGUMENTS, "The offset for function {} must be non-negative, got {}", fn, offset);
        int64_t target = lag ? int64_t(i) - offset : int64_t(i) + offset;
        size_t lo = ps, hi = pe;
        if (in_frame) std::tie(lo, hi) = frameOf(w, order_cols, new_peer, ps, pe, i);
        if (target >= int64_t(lo) && target < int64_t(hi)) {
          insertValue(result, value, size_t(target), f.result_type);
        } else if (default_col) {
          insertValue(result, *default_col, i, f.result_type);
        } else {
          result.insertDefault();
        }
      }
      return;
    }
    if (fn == "first_value" || fn == "last_value" || fn == "nth_value" || fn == "any_value") {
      const Column& value = *args[0];
      for (size_t i = ps; i < pe; ++i) {
        auto [lo, hi] = frameOf(w, order_cols, new_peer, ps, pe, i);
        int64_t target = -1;
        if (fn == "first_value" || fn == "any_value")
          target = lo < hi ? int64_t(lo) : -1;
        else if (fn == "last_value")
          target = lo < hi ? int64_t(hi) - 1 : -1;
        else {
          int64_t nth = args.size() > 1 ? args[1]->getInt(i) : 1;
          if (nth <= 0) throw Exception(ErrorCodes::BAD_ARGUMENTS, "nth_value's offset must be positive, got {}", nth);
          target = int64_t(lo) + nth - 1 < int64_t(hi) ? int64_t(lo) + nth - 1 : -1;
        }
        if (target >= 0)
          insertValue(result, value, size_t(target), f.result_type);
        else
          result.insertDefault();
      }
      return;
    }
    // Aggregate over the frame.
    const IAggregateFunction& agg = *f.aggregate;
    std::vector<const Column*> cols;
    for (const auto& a : args) cols.push_back(a.get());
    Arena arena;
    AggregateDataPtr place = arena.alloc(std::max<size_t>(agg.sizeOfData(), 1), std::max<size_t>(agg.alignOfData(), 1));
    agg.create(place);
    struct Guard {
      const IAggregateFunction& agg;
      AggregateDataPtr& place;
      ~Guard() { agg.destroy(place); }
    } guard{agg, place};
    size_t state_begin = ps, state_end = ps;  // rows [state_begin, state_end) are in the state
    size_t last_begin = SIZE_MAX, last_end = SIZE_MAX;
    for (size_t i = ps; i < pe; ++i) {
      auto [lo, hi] = frameOf(w, order_cols, new_peer, ps, pe, i);
      if (lo == last_begin && hi == last_end && i > ps) {
        result.insertFrom(result, result.size() - 1);
        continue;
      }
      if (lo == state_begin && hi >= state_end) {
        agg.addRange(state_end, hi, place, cols.data(), &arena);  // extend
      } else {
        agg.destroy(place);
        agg.create(place);
        agg.addRange(lo, hi, place, cols.data(), &arena);
        state_begin = lo;
      }
      state_end = hi;
      agg.insertResultInto(place, result, &arena);
      last_begin = lo;
      last_end = hi;
    }
  }

  static void insertValue(Column& result, const Column& source, size_t row, const DataTypePtr& result_type) {
    if (result.isNullable() && !source.isNullable())
      static_cast<ColumnNullable&>(result).insertFromNotNullable(source, row);
    else if (!result.isNullable() && source.isNullable())
      result.insertFrom(static_cast<const ColumnNullable&>(source).getNestedColumn(), row);
    else
      result.insertFrom(source, row);
  }

  BlockStreams inputs_;
  std::vector<WindowDescription> windows_;
  QueryContext& context_;
  Block header_;
  Block result_;
  size_t position_ = 0;
  bool done_ = false;
};

}  // namespace

bool isWindowOnlyFunction(const std::string& name) {
  for (const char* n : kWindowOnly)
    if (name == n) return true;
  return false;
}

DataTypePtr windowOnlyFunctionReturnType(const std::string& name, const DataTypes& arguments) {
  auto need = [&](size_t min, size_t max) {
    if (arguments.size() < min || arguments.size() > max)
      throw Exception(ErrorCodes::NUMBER_OF_ARGUMENTS_DOESNT_MATCH,
                      "Number of arguments for window function {} doesn't match: passed {}", name, arguments.size());
  };
  if (name == "row_number" || name == "rank" || name == "dense_rank") {
    need(0, 0);
    return typeUInt64();
  }
  if (name == "percent_rank" || name == "cume_dist") {
    need(0, 0);
    return typeFloat64();
  }
  if (name == "ntile") {
    need(1, 1);
    return typeUInt64();
  }
  if (name == "lagInFrame" || name == "leadInFrame" || name == "lag" || name == "lead") {
    need(1, 3);
    if (arguments.size() == 3) {
      DataTypePtr common = tryGetLeastSupertype({arguments[0], arguments[2]});
      if (!common)
        throw Exception(ErrorCodes::BAD_ARGUMENTS, "The default value of {} ({}) is incompatible with the value type {}",
                        name, arguments[2]->name(), arguments[0]->name());
      return arguments[0];
    }
    return arguments[0];
  }
  if (name == "nth_value") {
    need(2, 2);
    return arguments[0];
  }
  need(1, 1);
  return arguments[0];
}

BlockStreamPtr makeWindowStream(BlockStreams inputs, std::vector<WindowDescription> windows, QueryContext& context) {
  return std::make_unique<WindowStream>(std::move(inputs), std::move(windows), context);
}

}  // namespace tally
