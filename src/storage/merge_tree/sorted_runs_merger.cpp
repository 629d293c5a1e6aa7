#include "storage/merge_tree/sorted_runs_merger.h"

#include <optional>
#include <vector>

#include "columns/column_const.h"

namespace tally {

namespace {

struct Run {
  Block rows, key;
  size_t pos = 0;      // first row not yet handed over
  bool ended = false;  // nothing more on disk
  size_t size() const { return rows.rows(); }
};

int compareKeys(const Block& a, size_t i, const Block& b, size_t j) {
  for (size_t k = 0; k < a.columns(); ++k) {
    int c = a.at(k).column->compareAt(i, j, *b.at(k).column, 1);
    if (c) return c;
  }
  return 0;
}

Block materialized(Block block) {
  Block out;
  for (const auto& c : block) out.insert({materialize(c.column), c.type, c.name});
  out.setRows(block.rows());
  return out;
}

/// Rows [from, to) of a and then all rows of b (same columns).
Block appendRows(const Block& a, size_t from, const Block& b) {
  size_t keep = a.rows() - from;
  if (keep == 0) return b;
  Block out;
  for (size_t i = 0; i < b.columns(); ++i) {
    const auto& c = b.at(i);
    MutableColumnPtr m = c.column->cloneEmpty();
    m->reserve(keep + c.column->size());
    m->insertRangeFrom(*a.at(i).column, from, keep);
    m->insertRangeFrom(*c.column, 0, c.column->size());
    out.insert({std::move(m), c.type, c.name});
  }
  out.setRows(keep + b.rows());
  return out;
}

/// Reads the next chunk of `run` behind its unconsumed rows; false when there is none.
bool refill(Run& run, size_t index, const ReadRunChunk& read, const KeyOfRows& key_of) {
  if (run.ended) return false;
  Block more;
  while (true) {
    if (!read(index, more)) {
      run.ended = true;
      return false;
    }
    if (more.rows()) break;
  }
  more = materialized(std::move(more));
  Block more_key = materialized(key_of(more));
  run.rows = appendRows(run.rows, run.pos, more);
  run.key = appendRows(run.key, run.pos, more_key);
  run.pos = 0;
  return true;
}

/// First row in [run.pos, size) whose key is not below row `row` of `bound`.
size_t lowerBound(const Run& run, const Block& bound, size_t row) {
  size_t lo = run.pos, hi = run.size();
  while (lo < hi) {
    size_t mid = lo + (hi - lo) / 2;
    if (compareKeys(run.key, mid, bound, row) < 0) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

}  // namespace

void mergeSortedRuns(size_t runs, const ReadRunChunk& read, const KeyOfRows& key_of, const EmitBatch& emit) {
  std::vector<Run> state(runs);
  std::vector<size_t> take(runs);
  while (true) {
    bool any = false;
    for (size_t r = 0; r < runs; ++r) {
      if (state[r].pos == state[r].size()) refill(state[r], r, read, key_of);
      any |= state[r].pos < state[r].size();
    }
    if (!any) return;
    // The frontier: the smallest last buffered key among runs with more rows on disk. Rows
    // below it are complete in every run; with no such run everything buffered is complete.
    std::optional<size_t> frontier;
    for (size_t r = 0; r < runs; ++r) {
      const Run& run = state[r];
      if (run.ended || run.pos == run.size()) continue;
      if (!frontier || compareKeys(run.key, run.size() - 1, state[*frontier].key, state[*frontier].size() - 1) < 0)
        frontier = r;
    }
    size_t total = 0;
    for (size_t r = 0; r < runs; ++r) {
      const Run& run = state[r];
      if (!frontier) take[r] = run.size();
      else take[r] = lowerBound(run, state[*frontier].key, state[*frontier].size() - 1);
      total += take[r] - run.pos;
    }
    if (total == 0) {
      // Every buffered row left equals the frontier key: read further in the runs ending at it.
      const Run& f = state[*frontier];
      Block bound = f.key;
      size_t bound_row = f.size() - 1;
      for (size_t r = 0; r < runs; ++r) {
        Run& run = state[r];
        if (!run.ended && run.pos < run.size() && compareKeys(run.key, run.size() - 1, bound, bound_row) == 0)
          refill(run, r, read, key_of);
      }
      continue;
    }
    Block batch;
    std::vector<size_t> run_rows;
    for (size_t r = 0; r < runs; ++r) {
      Run& run = state[r];
      if (take[r] == run.pos) continue;
      run_rows.push_back(take[r] - run.pos);
      if (batch.columns() == 0) {
        batch = run.rows.cloneEmpty();
        for (size_t i = 0; i < batch.columns(); ++i) {
          MutableColumnPtr m = run.rows.at(i).column->cloneEmpty();
          m->reserve(total);
          batch.at(i).column = std::move(m);
        }
      }
      for (size_t i = 0; i < batch.columns(); ++i)
        batch.at(i).column->assumeMutable()->insertRangeFrom(*run.rows.at(i).column, run.pos, take[r] - run.pos);
      run.pos = take[r];
    }
    batch.setRows(total);
    emit(batch, run_rows);
  }
}

}  // namespace tally
