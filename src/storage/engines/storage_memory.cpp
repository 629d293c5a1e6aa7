#include "storage/engines/storage_memory.h"

#include <atomic>
#include <map>

#include "columns/column_const.h"
#include "common/exception.h"
#include "storage/column_conditions.h"
#include "storage/storage_factory.h"
#include "types/data_type_low_cardinality.h"

namespace tally {

StorageMemory::StorageMemory(ColumnsDescription columns) {
  setColumns(std::move(columns));
  physical_header_ = columns_.physicalHeader();
  for (const auto& c : physical_header_) {
    if (c.type->typeId() == TypeIndex::LowCardinality) {
      auto fresh = std::static_pointer_cast<ColumnLowCardinality>(c.type->createColumn());
      dictionaries_.push_back(fresh->getDictionaryPtr());
    } else {
      dictionaries_.push_back(nullptr);
    }
  }
}

std::shared_ptr<const StorageMemory::Chunk> StorageMemory::makeChunk(
    const Block& block, std::vector<ColumnLowCardinality::DictionaryPtr>& dictionaries) const {
  size_t rows = block.rows();
  auto chunk = std::make_shared<Chunk>();
  chunk->rows = rows;
  for (size_t i = 0; i < physical_header_.columns(); ++i) {
    const auto& h = physical_header_.at(i);
    int pos = block.position(h.name);
    if (pos < 0) throw Exception(ErrorCodes::NO_SUCH_COLUMN_IN_TABLE, "Missing column {} in inserted block", h.name);
    ColumnPtr values = materialize(block.at(size_t(pos)).column);
    if (!dictionaries[i]) {
      chunk->columns.push_back(values);
      continue;
    }
    // Re-encode into the table's dictionary. The column takes the only table-side reference,
    // so it appends in place unless a reader still holds the dictionary (then it copies).
    auto target = std::make_shared<ColumnLowCardinality>(std::move(dictionaries[i]), ColumnUInt8::create());
    try {
      target->insertRangeFrom(*values, 0, rows);
    } catch (...) {
      dictionaries[i] = target->getDictionaryPtr();  // extra entries are harmless
      throw;
    }
    dictionaries[i] = target->getDictionaryPtr();
    chunk->columns.push_back(target->getIndexesPtr());
  }
  // Min/max statistics per granule.
  chunk->mins.resize(chunk->columns.size());
  chunk->maxs.resize(chunk->columns.size());
  for (size_t i = 0; i < chunk->columns.size(); ++i) {
    const Column& column = *chunk->columns[i];
    std::vector<Field> mins, maxs;
    bool usable = true;
    for (size_t start = 0; usable && start < rows; start += kGranule) {
      Field lo, hi;
      usable = columnRangeMinMax(column, start, std::min(kGranule, rows - start), lo, hi);
      mins.push_back(std::move(lo));
      maxs.push_back(std::move(hi));
    }
    if (!usable) continue;
    chunk->mins[i] = std::move(mins);
    chunk->maxs[i] = std::move(maxs);
  }
  return chunk;
}

std::vector<std::vector<bool>> StorageMemory::granulesToRead(const Snapshot& snap, const ReadRequest& request,
                                                             QueryContext& context) const {
  std::vector<std::vector<bool>> result(snap.chunks.size());
  if (!request.filter_hint) return result;
  std::map<std::string, std::pair<std::string, DataTypePtr>> columns;
  for (const auto& [filter_name, storage_name] : request.filter_hint_columns) {
    int pos = physical_header_.position(storage_name);
    if (pos >= 0) columns[filter_name] = {storage_name, physical_header_.at(size_t(pos)).type};
  }
  std::vector<ColumnCondition> conditions = extractColumnConditions(request.filter_hint, columns, context.function_context);
  // Conditions on LowCardinality columns become conditions on codes.
  struct Bound {
    size_t column;
    ColumnCondition condition;
  };
  std::vector<Bound> bounds;
  for (auto& c : conditions) {
    size_t p = size_t(physical_header_.position(c.column));
    if (const auto& dict = snap.dictionaries[p]) {
      if (c.value.which() != Field::Which::String) continue;
      uint32_t code = 0;
      if (!dict->find(c.value.get<std::string>(), code)) {
        // The value is not in the table at all: nothing can match.
        for (size_t k = 0; k < snap.chunks.size(); ++k) result[k].assign((snap.chunks[k]->rows + kGranule - 1) / kGranule, false);
        return result;
      }
      c.value = Field(uint64_t(code));
    }
    bounds.push_back({p, std::move(c)});
  }
  if (bounds.empty()) return result;
  for (size_t k = 0; k < snap.chunks.size(); ++k) {
    const Chunk& chunk = *snap.chunks[k];
    size_t granules = (chunk.rows + kGranule - 1) / kGranule;
    std::vector<bool> read(granules, true);
    for (const auto& b : bounds) {
      const auto& mins = chunk.mins[b.column];
      if (mins.size() != granules) continue;
      for (size_t g = 0; g < granules; ++g)
        if (read[g] && !rangeMayMatch(b.condition, mins[g], chunk.maxs[b.column][g])) read[g] = false;
    }
    result[k] = std::move(read);
  }
  return result;
}

void StorageMemory::insert(const Block& block, QueryContext& context) { insert(std::vector<Block>{block}, context); }

std::vector<std::shared_ptr<const StorageMemory::Chunk>> StorageMemory::buildChunks(const std::vector<Block>& blocks) {
  std::unique_lock lock(mutex_);
  // Dictionaries may keep values of a failed or discarded insert: unused codes change no result.
  std::vector<ColumnLowCardinality::DictionaryPtr> new_dicts = std::move(dictionaries_);
  std::vector<std::shared_ptr<const Chunk>> chunks;
  try {
    for (const auto& block : blocks)
      if (block.rows() != 0) chunks.push_back(makeChunk(block, new_dicts));
  } catch (...) {
    dictionaries_ = std::move(new_dicts);
    throw;
  }
  dictionaries_ = std::move(new_dicts);
  return chunks;
}

void StorageMemory::publishChunks(const std::vector<std::shared_ptr<const Chunk>>& chunks, QueryContext& context) {
  uint64_t rows = 0, bytes = 0;
  for (const auto& chunk : chunks) {
    rows += chunk->rows;
    for (const auto& c : chunk->columns) bytes += c->byteSize();
  }
  std::unique_lock lock(mutex_);
  chunks_.insert(chunks_.end(), chunks.begin(), chunks.end());
  rows_ += rows;
  bytes_ += bytes;
  context.addWritten(rows, bytes);
}

void StorageMemory::insert(const std::vector<Block>& blocks, QueryContext& context) {
  publishChunks(buildChunks(blocks), context);
}

class StorageMemory::PreparedChunks final : public PreparedInsert {
 public:
  PreparedChunks(std::shared_ptr<StorageMemory> storage, std::vector<std::shared_ptr<const Chunk>> chunks, QueryContext& context)
      : storage_(std::move(storage)), chunks_(std::move(chunks)), context_(context) {}
  void publish() override { storage_->publishChunks(chunks_, context_); }

 private:
  std::shared_ptr<StorageMemory> storage_;
  std::vector<std::shared_ptr<const Chunk>> chunks_;
  QueryContext& context_;
};

std::unique_ptr<PreparedInsert> StorageMemory::prepareInsert(const std::vector<Block>& blocks, QueryContext& context) {
  return std::make_unique<PreparedChunks>(std::static_pointer_cast<StorageMemory>(shared_from_this()), buildChunks(blocks), context);
}

StorageMemory::Snapshot StorageMemory::snapshot() const {
  std::shared_lock lock(mutex_);
  return Snapshot{chunks_, dictionaries_};
}

namespace {

class MemorySource final : public BlockStream {
 public:
  struct Shared {
    std::vector<std::shared_ptr<const void>> keep;
    std::atomic<size_t> next{0};
  };
  MemorySource(Block header, std::vector<size_t> positions, std::shared_ptr<std::vector<std::pair<const void*, size_t>>> work,
               std::function<Block(size_t, size_t, size_t)> make_block, std::shared_ptr<std::atomic<size_t>> next,
               QueryContext& context)
      : header_(std::move(header)), positions_(std::move(positions)), work_(std::move(work)),
        make_block_(std::move(make_block)), next_(std::move(next)), context_(context) {}
  const Block& header() const override { return header_; }
  std::string name() const override { return "MemorySource"; }
  bool read(Block& block) override {
    if (context_.shouldStopReading(stop_token_)) return false;
    size_t i = next_->fetch_add(1);
    if (i >= work_->size()) return false;
    block = make_block_(i, 0, 0);
    context_.addRead(block.rows(), block.bytes());
    return true;
  }

 private:
  Block header_;
  std::vector<size_t> positions_;
  std::shared_ptr<std::vector<std::pair<const void*, size_t>>> work_;
  std::function<Block(size_t, size_t, size_t)> make_block_;
  std::shared_ptr<std::atomic<size_t>> next_;
  QueryContext& context_;
  QueryContext::ReadStopToken stop_token_ = context_.readStopToken();
};

}  // namespace

BlockStreams StorageMemory::read(const ReadRequest& request, QueryContext& context) {
  auto snap = std::make_shared<Snapshot>(snapshot());
  Block header = this->header(request.columns);
  std::vector<size_t> positions;
  for (const auto& name : request.columns) positions.push_back(size_t(physical_header_.position(name)));

  // Work items: (chunk, start row) slices of at most max_block_size rows.
  struct Slice {
    size_t chunk, start, length;
  };
  auto slices = std::make_shared<std::vector<Slice>>();
  size_t block_size = std::max<size_t>(request.max_block_size, 1);
  std::vector<std::vector<bool>> granules = granulesToRead(*snap, request, context);
  for (size_t c = 0; c < snap->chunks.size(); ++c) {
    const size_t rows = snap->chunks[c]->rows;
    if (granules[c].empty()) {
      for (size_t start = 0; start < rows; start += block_size)
        slices->push_back({c, start, std::min(block_size, rows - start)});
      continue;
    }
    // Runs of granules that may match, cut into blocks of at most block_size rows.
    for (size_t g = 0; g < granules[c].size();) {
      if (!granules[c][g]) {
        ++g;
        continue;
      }
      size_t end = g;
      while (end < granules[c].size() && granules[c][end]) ++end;
      size_t run_begin = g * kGranule, run_end = std::min(rows, end * kGranule);
      for (size_t start = run_begin; start < run_end; start += block_size)
        slices->push_back({c, start, std::min(block_size, run_end - start)});
      g = end;
    }
  }

  auto work = std::make_shared<std::vector<std::pair<const void*, size_t>>>(slices->size());
  auto next = std::make_shared<std::atomic<size_t>>(0);
  Block physical = physical_header_;
  auto make_block = [snap, slices, positions, header, physical](size_t i, size_t, size_t) {
    const Slice& s = (*slices)[i];
    const Chunk& chunk = *snap->chunks[s.chunk];
    Block out;
    for (size_t k = 0; k < positions.size(); ++k) {
      size_t p = positions[k];
      ColumnPtr c;
      if (snap->dictionaries[p])
        c = std::make_shared<ColumnLowCardinality>(snap->dictionaries[p], chunk.columns[p]->cut(s.start, s.length)->assumeMutable());
      else if (s.start == 0 && s.length == chunk.rows)
        c = chunk.columns[p];  // a whole chunk: shared, columns are immutable once published
      else
        c = chunk.columns[p]->cut(s.start, s.length);
      out.insert({std::move(c), header.at(k).type, header.at(k).name});
    }
    out.setRows(s.length);
    return out;
  };
  uint64_t total_rows = 0;
  for (const auto& s : *slices) total_rows += s.length;
  context.addTotalRowsToRead(total_rows);

  size_t streams = std::max<size_t>(1, std::min(request.max_streams, slices->size()));
  BlockStreams res;
  for (size_t i = 0; i < streams; ++i)
    res.push_back(std::make_unique<MemorySource>(header, positions, work, make_block, next, context));
  return res;
}

std::optional<uint64_t> StorageMemory::totalRows() const {
  std::shared_lock lock(mutex_);
  return rows_;
}

std::optional<uint64_t> StorageMemory::totalBytes() const {
  std::shared_lock lock(mutex_);
  return bytes_;
}

void StorageMemory::truncate() {
  std::unique_lock lock(mutex_);
  chunks_.clear();
  for (auto& d : dictionaries_)
    if (d) d = std::make_shared<LowCardinalityDictionary>(d->values().cloneEmpty(), d->isNullable());
  rows_ = bytes_ = 0;
}

REGISTER_STORAGE(Memory) {
  factory.registerStorage("Memory", [](const StorageCreateArguments& args) -> StoragePtr {
    return std::make_shared<StorageMemory>(args.columns);
  });
}

}  // namespace tally
