#include "storage/merge_tree/storage_merge_tree.h"

#include <algorithm>
#include <chrono>
#include <cstdlib>
#include <ctime>
#include <filesystem>
#include <unordered_map>

#include "columns/column_const.h"
#include "columns/column_vector.h"
#include "common/civil_date.h"
#include "common/exception.h"
#include "common/sip_hash.h"
#include "execution/operators/sorting_stream.h"
#include "io/durable_file.h"
#include "storage/column_conditions.h"
#include "storage/insert_transaction.h"
#include "storage/merge_tree/merge_scheduler.h"
#include "storage/merge_tree/merge_selector.h"
#include "storage/merge_tree/sort_key.h"
#include "storage/merge_tree/sorted_runs_merger.h"
#include "types/data_type_low_cardinality.h"

namespace tally {

namespace fs = std::filesystem;

namespace {

int64_t nowSeconds() { return int64_t(::time(nullptr)); }

Block concatenate(const std::vector<Block>& blocks, const Block& header) {
  if (blocks.size() == 1) return blocks[0];
  Block out;
  for (size_t i = 0; i < header.columns(); ++i) {
    const auto& h = header.at(i);
    MutableColumnPtr col = h.type->createColumn();
    size_t total = 0;
    for (const auto& b : blocks) total += b.rows();
    col->reserve(total);
    for (const auto& b : blocks) {
      const auto& src = b.at(size_t(b.position(h.name)));
      ColumnPtr m = materialize(src.column);
      col->insertRangeFrom(*m, 0, m->size());
    }
    out.insert({std::move(col), h.type, h.name});
  }
  return out;
}

Block permute(const Block& block, const Permutation& perm) {
  Block out;
  for (const auto& c : block) out.insert({materialize(c.column)->permute(perm, perm.size()), c.type, c.name});
  out.setRows(perm.size());
  return out;
}

}  // namespace

// ---------------------------------------------------------------------------------------------
// Construction and loading

StorageMergeTree::StorageMergeTree(const StorageCreateArguments& args, MergingMode mode, std::string engine_name,
                                   bool background_merges)
    : engine_name_(std::move(engine_name)), mode_(std::move(mode)), background_merges_(background_merges) {
  if (args.storage && args.storage->settings) {
    for (const auto& [name, value] : args.storage->settings->as<ASTSetQuery>().changes) {
      if (name == "index_granularity") {
        if (value.which() != Field::Which::UInt64 || value.get<uint64_t>() == 0)
          throw Exception(ErrorCodes::BAD_ARGUMENTS, "index_granularity must be a positive integer");
        index_granularity_ = value.get<uint64_t>();
      }
    }
  }
  sorting_key_ = args.sorting_key;
  partition_key_ = args.partition_key;
  Schema schema = makeSchema(args.columns);
  setColumns(schema.columns);
  physical_header_ = std::move(schema.physical_header);
  codecs_ = std::move(schema.codecs);
  key_evaluator_ = std::move(schema.key_evaluator);
  partition_evaluator_ = std::move(schema.partition_evaluator);
  dictionaries_ = std::move(schema.dictionaries);
  auto check_column = [&](const std::string& name, const char* what) {
    if (!name.empty() && physical_header_.position(name) < 0)
      throw Exception(ErrorCodes::NO_SUCH_COLUMN_IN_TABLE, "{} column {} does not exist in table", what, name);
  };
  check_column(mode_.version_column, "Version");
  check_column(mode_.sign_column, "Sign");
  for (const auto& c : mode_.columns_to_sum) check_column(c, "Summing");

  if (args.data_path.empty()) {
    // In-memory catalogs (tally local without --path) still keep parts on disk, in a
    // temporary directory removed with the table.
    std::string templ = (fs::temp_directory_path() / "tally-table-XXXXXX").string();
    if (!::mkdtemp(templ.data())) throw Exception(ErrorCodes::CANNOT_OPEN_FILE, "Cannot create a temporary directory for table data");
    data_path_ = templ;
    owns_temporary_path_ = true;
  } else {
    data_path_ = args.data_path;
    fs::create_directories(data_path_);
    loadParts();
  }
  if (background_merges_) MergeScheduler::instance().add(this);
}

StorageMergeTree::Schema StorageMergeTree::makeSchema(const ColumnsDescription& columns) const {
  Schema schema;
  schema.columns = columns;
  schema.physical_header = columns.physicalHeader();
  for (const auto& c : columns.physical()) schema.codecs.push_back(CompressionCodec::fromDeclaration(c.codec, *c.type));
  if (!sorting_key_.empty()) schema.key_evaluator = std::make_unique<ExpressionEvaluator>(schema.physical_header, sorting_key_, true);
  if (partition_key_) schema.partition_evaluator = std::make_unique<ExpressionEvaluator>(schema.physical_header, Exprs{partition_key_});
  for (const auto& c : schema.physical_header) {
    if (c.type->typeId() == TypeIndex::LowCardinality) {
      auto fresh = std::static_pointer_cast<ColumnLowCardinality>(c.type->createColumn());
      schema.dictionaries.push_back(fresh->getDictionaryPtr());
    } else {
      schema.dictionaries.push_back(nullptr);
    }
  }
  return schema;
}

StorageMergeTree::~StorageMergeTree() {
  shutting_down_ = true;  // a running merge stops at its next chunk
  if (background_merges_) MergeScheduler::instance().remove(this);
  if (owns_temporary_path_) {
    {
      std::unique_lock lock(mutex_);
      parts_.clear();
    }
    std::error_code ec;
    fs::remove_all(data_path_, ec);
  }
}

void StorageMergeTree::loadParts() {
  recoverRenameJournals(data_path_);
  std::vector<std::pair<PartName, std::string>> found;
  for (const auto& entry : fs::directory_iterator(data_path_)) {
    if (!entry.is_directory()) continue;
    std::string name = entry.path().filename().string();
    if (name.starts_with("tmp")) {
      fs::remove_all(entry.path());  // an insert, merge or removal that never completed
      continue;
    }
    if (name == "detached") continue;
    if (auto part_name = PartName::parse(name)) found.emplace_back(*part_name, entry.path().string());
  }
  // Parts covered by a merged or mutated part are leftovers of a crash after the new part was
  // committed: removed without loading them (they may be half deleted).
  std::vector<MutableDataPartPtr> active;
  for (const auto& [name, path] : found) {
    bool covered = false;
    for (const auto& [other, other_path] : found)
      if (other_path != path && other.contains(name)) covered = true;
    if (covered) {
      std::error_code ec;
      fs::path p(path);
      fs::path doomed = p.parent_path() / ("tmp_delete_" + p.filename().string());
      fs::rename(p, doomed, ec);
      fs::remove_all(ec ? p : doomed, ec);
      continue;
    }
    auto part = DataPart::load(path, name);
    next_block_ = std::max<int64_t>(next_block_.load(), name.max_block + 1);
    next_block_ = std::max<int64_t>(next_block_.load(), name.mutation + 1);
    active.push_back(std::move(part));
  }
  attachParts(active, {});
}

// ---------------------------------------------------------------------------------------------
// Writing parts

void StorageMergeTree::sortBlock(Block& block, Block& key, const std::vector<size_t>* runs) const {
  key = Block();
  if (!key_evaluator_) return;
  Block with_key = key_evaluator_->execute(block);
  Permutation perm;
  sortByKey(with_key, sortingKeyNames(), perm, runs);
  bool sorted = true;
  for (size_t i = 0; i < perm.size() && sorted; ++i) sorted = perm[i] == i;
  if (!sorted) with_key = permute(with_key, perm);
  if (mode_.kind != MergingMode::Kind::Ordinary) {
    std::vector<std::string> names;
    for (const auto& e : sorting_key_) names.push_back(e->name);
    with_key = applyMergingMode(with_key, names, mode_);
  }
  Block physical;
  for (const auto& c : physical_header_) physical.insert(with_key.at(size_t(with_key.position(c.name))));
  physical.setRows(with_key.rows());
  for (const auto& e : sorting_key_) key.insert(with_key.at(size_t(with_key.position(e->name))));
  key.setRows(with_key.rows());
  block = std::move(physical);
}

std::string StorageMergeTree::partitionIdAndValue(const Field& value, std::string& value_text) const {
  DataTypePtr type = partition_key_->type;
  MutableColumnPtr col = type->createColumn();
  col->insert(value);
  value_text = serializeToString(*type, *col, 0);
  switch (type->typeId()) {
    case TypeIndex::Date: {
      CivilDate d = civilFromDays(int64_t(col->getUInt(0)));
      char buf[16];
      std::snprintf(buf, sizeof(buf), "%04d%02d%02d", int(d.year), int(d.month), int(d.day));
      return buf;
    }
    case TypeIndex::UInt8: case TypeIndex::UInt16: case TypeIndex::UInt32: case TypeIndex::UInt64:
      return std::to_string(col->getUInt(0));
    case TypeIndex::Int8: case TypeIndex::Int16: case TypeIndex::Int32: case TypeIndex::Int64:
      return std::to_string(col->getInt(0));
    default: {
      SipHash hash;
      hash.update(value_text.data(), value_text.size());
      uint64_t lo, hi;
      hash.get128(lo, hi);
      char buf[40];
      std::snprintf(buf, sizeof(buf), "%016llx%016llx", (unsigned long long)lo, (unsigned long long)hi);
      return buf;
    }
  }
}

std::string StorageMergeTree::partitionIdOf(const Field& value) const {
  if (!partition_key_) return "all";
  std::string text;
  return partitionIdAndValue(value, text);
}

std::vector<MutableDataPartPtr> StorageMergeTree::writeTemporaryParts(const Block& input, const std::string& prefix) {
  std::vector<MutableDataPartPtr> parts;
  if (input.rows() == 0) return parts;
  // Split by partition.
  std::vector<std::pair<std::string, std::string>> partitions;  // (id, value text)
  std::vector<Block> pieces;
  if (!partition_evaluator_) {
    partitions.emplace_back("all", "tuple()");
    pieces.push_back(input);
  } else {
    Block pv = partition_evaluator_->execute(input);
    ColumnPtr values = materialize(pv.at(0).column);
    std::unordered_map<std::string, size_t> index_of;
    std::vector<Permutation> rows;
    for (size_t i = 0; i < values->size(); ++i) {
      std::string_view raw = values->kind() == ColumnKind::Vector || values->kind() == ColumnKind::String ||
                                     values->kind() == ColumnKind::FixedString
                                 ? values->getDataAt(i)
                                 : std::string_view();
      std::string key(raw);
      if (raw.empty() && values->kind() != ColumnKind::String) key = serializeToString(*pv.at(0).type, *values, i);
      auto [it, inserted] = index_of.emplace(key, rows.size());
      if (inserted) {
        rows.emplace_back();
        std::string text;
        std::string id = partitionIdAndValue((*values)[i], text);
        partitions.emplace_back(id, text);
      }
      rows[it->second].push_back(i);
    }
    for (const auto& r : rows) pieces.push_back(rows.size() == 1 ? input : permute(input, r));
  }
  for (size_t k = 0; k < pieces.size(); ++k) {
    Block block = pieces[k];
    Block key;
    sortBlock(block, key);
    if (block.rows() == 0) continue;
    PartName name;
    name.partition_id = partitions[k].first;
    {
      std::unique_lock lock(mutex_);
      name.min_block = name.max_block = next_block_.fetch_add(1);
      inflight_blocks_.insert(name.min_block);
    }
    std::string dir = data_path_ + "/" + prefix + name.str() + "_" + std::to_string(temp_counter_.fetch_add(1));
    try {
      parts.push_back(writePart(dir, name, block, key, codecs_, index_granularity_, partitions[k].second));
    } catch (...) {
      releaseBlocks({name.min_block});
      std::vector<int64_t> written;
      for (const auto& p : parts) written.push_back(p->name.min_block);
      releaseBlocks(written);
      throw;
    }
  }
  return parts;
}

class StorageMergeTree::PreparedParts final : public PreparedInsert {
 public:
  PreparedParts(std::shared_ptr<StorageMergeTree> storage, std::vector<MutableDataPartPtr> parts, QueryContext& context,
                uint64_t rows, uint64_t bytes, std::shared_lock<std::shared_mutex> structure_lock)
      : storage_(std::move(storage)), parts_(std::move(parts)), context_(context), rows_(rows), bytes_(bytes),
        structure_lock_(std::move(structure_lock)) {}
  ~PreparedParts() override {
    if (published_) return;
    std::error_code ec;
    for (const auto& p : parts_) fs::remove_all(p->path, ec);
    storage_->releaseBlocks(blocks());
  }
  std::vector<int64_t> blocks() const {
    std::vector<int64_t> b;
    for (const auto& p : parts_) b.push_back(p->name.min_block);
    return b;
  }
  Renames renames() const override {
    Renames r;
    for (const auto& p : parts_) r.emplace_back(p->path, storage_->data_path_ + "/" + p->name.str());
    return r;
  }
  void publish() override {
    for (auto& p : parts_) p->path = storage_->data_path_ + "/" + p->name.str();
    published_ = true;
    storage_->attachParts(parts_, {});
    storage_->releaseBlocks(blocks());
    context_.addWritten(rows_, bytes_);
    if (storage_->background_merges_ && !parts_.empty()) MergeScheduler::instance().wake();
    structure_lock_.unlock();
  }
  void setDeduplicationToken(const std::string& token) override {
    if (!parts_.empty()) writeDeduplicationTokens(*parts_.front(), parts_.front()->path, {token});
  }

 private:
  std::shared_ptr<StorageMergeTree> storage_;
  std::vector<MutableDataPartPtr> parts_;
  QueryContext& context_;
  uint64_t rows_, bytes_;
  bool published_ = false;
  std::shared_lock<std::shared_mutex> structure_lock_;  // declared last: released after the cleanup above
};

std::unique_ptr<PreparedInsert> StorageMergeTree::prepareInsert(const std::vector<Block>& blocks, QueryContext& context) {
  std::shared_lock structure_lock(structure_mutex_);
  // The rows were shaped by the columns when the INSERT began; an ALTER may have changed them.
  for (const auto& b : blocks)
    for (const auto& c : physical_header_) {
      int pos = b.position(c.name);
      if (pos < 0 || !b.at(size_t(pos)).type->equals(*c.type))
        throw Exception(ErrorCodes::INCOMPATIBLE_COLUMNS,
                        "The columns of the table changed while the INSERT was running (column {} {}): retry the INSERT",
                        c.name, c.type->name());
    }
  std::vector<Block> non_empty;
  uint64_t rows = 0, bytes = 0;
  for (const auto& b : blocks)
    if (b.rows()) {
      rows += b.rows();
      bytes += b.bytes();
      non_empty.push_back(b);
    }
  std::vector<MutableDataPartPtr> parts;
  if (!non_empty.empty()) {
    // Merge pressure: refuse inserts while merges are far behind, as ClickHouse does.
    constexpr size_t kPartsToThrowInsert = 3000;
    size_t active = activeParts().size();
    if (active >= kPartsToThrowInsert)
      throw Exception(ErrorCodes::TOO_MANY_PARTS,
                      "Too many parts ({}). Merges are processing significantly slower than inserts", active);
    Block all = concatenate(non_empty, physical_header_);
    parts = writeTemporaryParts(all, "tmp_insert_");
  }
  return std::make_unique<PreparedParts>(std::static_pointer_cast<StorageMergeTree>(shared_from_this()), std::move(parts),
                                         context, rows, bytes, std::move(structure_lock));
}

void StorageMergeTree::insert(const Block& block, QueryContext& context) { insert(std::vector<Block>{block}, context); }

void StorageMergeTree::insert(const std::vector<Block>& blocks, QueryContext& context) {
  InsertTransaction txn(journalDirectory());
  txn.add(shared_from_this(), prepareInsert(blocks, context));
  txn.commit();
}

bool StorageMergeTree::attachParts(const std::vector<MutableDataPartPtr>& parts, const std::vector<DataPartPtr>& replaced) {
  std::unique_lock lock(mutex_);
  return attachPartsLocked(parts, replaced);
}

bool StorageMergeTree::attachPartsLocked(const std::vector<MutableDataPartPtr>& parts, const std::vector<DataPartPtr>& replaced) {
  for (const auto& r : replaced)
    if (std::find(parts_.begin(), parts_.end(), r) == parts_.end()) return false;
  for (const auto& part : parts) {
    for (auto& pc : part->columns) {
      if (!pc.code_width) continue;
      int pos = physical_header_.position(pc.name);
      if (pos < 0 || !dictionaries_[size_t(pos)]) continue;
      // Map the part's dictionary into the table's (copy-on-write if a reader holds it): each
      // value is looked up (entered if new) once; two values with one code are a corrupt part.
      auto target = std::make_shared<ColumnLowCardinality>(std::move(dictionaries_[size_t(pos)]), ColumnUInt32::create());
      const Column& values = *pc.dictionary_values;
      pc.to_table_codes.resize(values.size());
      pc.to_table_codes[0] = 0;
      std::vector<bool> seen(target->getDictionary().size() + values.size());
      for (size_t i = 1; i < values.size(); ++i) {
        uint32_t code = target->codeOf(values.getDataAt(i));
        if (code == 0 || seen[code]) {
          dictionaries_[size_t(pos)] = target->getDictionaryPtr();  // unused extra values are harmless
          throw Exception(ErrorCodes::CORRUPTED_DATA, "Dictionary of column {} in part {} has duplicate values", pc.name, part->path);
        }
        seen[code] = true;
        pc.to_table_codes[i] = code;
      }
      const uint32_t max_code = *std::max_element(pc.to_table_codes.begin(), pc.to_table_codes.end());
      pc.table_code_width = max_code <= 0xFF ? 1 : max_code <= 0xFFFF ? 2 : 4;
      dictionaries_[size_t(pos)] = target->getDictionaryPtr();
    }
  }
  for (const auto& r : replaced) {
    parts_.erase(std::find(parts_.begin(), parts_.end(), r));
    const_cast<DataPart&>(*r).markRemoved();
  }
  for (const auto& p : parts) parts_.push_back(p);
  std::sort(parts_.begin(), parts_.end(), [](const DataPartPtr& a, const DataPartPtr& b) { return a->name < b->name; });
  return true;
}

// ---------------------------------------------------------------------------------------------
// Reading

StorageMergeTree::Snapshot StorageMergeTree::snapshot() const {
  std::shared_lock lock(mutex_);
  return Snapshot{parts_, dictionaries_};
}

bool StorageMergeTree::hasDeduplicationToken(const std::string& token) const {
  std::shared_lock lock(mutex_);
  for (const auto& p : parts_)
    for (const auto& t : p->deduplication_tokens)
      if (t == token) return true;
  return false;
}

std::vector<DataPartPtr> StorageMergeTree::activeParts() const {
  std::shared_lock lock(mutex_);
  return parts_;
}

std::vector<std::string> StorageMergeTree::sortingKeyNames() const {
  std::vector<std::string> names;
  for (const auto& e : sorting_key_) names.push_back(e->name);
  return names;
}

namespace {

/// Value `i` of a sparse primary index column as a Field (the form conditions are compared in).
/// Only for columns whose values columnRangeMinMax orders (checked by the caller).
Field indexValue(const Column& index, size_t i) {
  if (index.kind() == ColumnKind::LowCardinality) return Field(index.getDataAt(i));
  Field value, unused;
  columnRangeMinMax(index, i, 1, value, unused);
  return value;
}

/// Clears read[g] for the granules g in [0, granules) whose key range [index[g], index[g + 1]]
/// of the first key column (sorted ascending) cannot satisfy `cond`. Matching granules form
/// an interval per compared value, found by binary search. False (nothing cleared) for index
/// columns whose values cannot be compared as Fields.
bool keepFirstKeyGranules(const ColumnCondition& cond, const Column& index, size_t granules, std::vector<bool>& read) {
  using Op = ColumnCondition::Op;
  Field probe, unused;
  if (index.kind() != ColumnKind::LowCardinality && !columnRangeMinMax(index, 0, 1, probe, unused)) return false;
  // First granule g whose upper bound index[g + 1] is not below v (or above v when `strict`).
  auto first_reaching = [&](const Field& v, bool strict) {
    size_t lo = 0, hi = granules;
    while (lo < hi) {
      size_t mid = lo + (hi - lo) / 2;
      Field upper = indexValue(index, mid + 1);
      bool reaches = strict ? v < upper : !(upper < v);
      if (reaches) hi = mid;
      else lo = mid + 1;
    }
    return lo;
  };
  // One past the last granule g whose lower bound index[g] is not above v (or below v when `strict`).
  auto end_starting = [&](const Field& v, bool strict) {
    size_t lo = 0, hi = granules;
    while (lo < hi) {
      size_t mid = lo + (hi - lo) / 2;
      Field lower = indexValue(index, mid);
      bool starts = strict ? lower < v : !(v < lower);
      if (starts) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  };
  std::vector<bool> keep(granules, false);
  auto keep_range = [&](size_t begin, size_t end) {
    for (size_t g = begin; g < end && g < granules; ++g) keep[g] = true;
  };
  switch (cond.op) {
    case Op::Equals: keep_range(first_reaching(cond.value, false), end_starting(cond.value, false)); break;
    case Op::Less: keep_range(0, end_starting(cond.value, true)); break;
    case Op::LessOrEquals: keep_range(0, end_starting(cond.value, false)); break;
    case Op::Greater: keep_range(first_reaching(cond.value, true), granules); break;
    case Op::GreaterOrEquals: keep_range(first_reaching(cond.value, false), granules); break;
    case Op::In:
      for (const Field& v : cond.values) keep_range(first_reaching(v, false), end_starting(v, false));
      break;
  }
  for (size_t g = 0; g < granules; ++g)
    if (!keep[g]) read[g] = false;
  return true;
}

}  // namespace

std::vector<std::vector<bool>> StorageMergeTree::granulesToRead(const Snapshot& snap, const ReadRequest& request,
                                                                QueryContext& context) const {
  std::vector<std::vector<bool>> result(snap.parts.size());
  if (!request.filter_hint) return result;
  std::map<std::string, std::pair<std::string, DataTypePtr>> columns;
  for (const auto& [filter_name, storage_name] : request.filter_hint_columns) {
    int pos = physical_header_.position(storage_name);
    if (pos < 0) continue;
    DataTypePtr t = physical_header_.at(size_t(pos)).type;
    if (t->typeId() == TypeIndex::LowCardinality) t = static_cast<const DataTypeLowCardinality&>(*t).getDictionaryType();
    columns[filter_name] = {storage_name, t};
  }
  std::vector<ColumnCondition> conditions = extractColumnConditions(request.filter_hint, columns, context.function_context);
  if (conditions.empty()) return result;
  for (size_t k = 0; k < snap.parts.size(); ++k) {
    const DataPart& part = *snap.parts[k];
    size_t granules = part.granules();
    std::vector<bool> read(granules, true);
    for (const auto& cond : conditions) {
      // Key columns: ranges from the sparse primary index where the key prefix is constant.
      auto key_it = std::find(part.key_names.begin(), part.key_names.end(), cond.column);
      if (key_it != part.key_names.end() && !part.primary_index.empty()) {
        size_t key_pos = size_t(key_it - part.key_names.begin());
        const Column& key_col = *part.primary_index[key_pos];
        if (key_col.kind() == ColumnKind::Vector || key_col.kind() == ColumnKind::String ||
            key_col.kind() == ColumnKind::LowCardinality) {
          // The first key column is sorted: the granules that may match are found by binary
          // search (a few values compared, not one per granule of a billion-row table).
          if (key_pos == 0 && key_col.size() > granules && keepFirstKeyGranules(cond, key_col, granules, read)) continue;
          for (size_t g = 0; g < granules; ++g) {
            if (!read[g]) continue;
            bool prefix_constant = true;
            for (size_t p = 0; p < key_pos && prefix_constant; ++p)
              prefix_constant = part.primary_index[p]->compareAt(g, g + 1, *part.primary_index[p], 1) == 0;
            if (!prefix_constant) continue;
            Field lo, hi;
            if (key_col.kind() == ColumnKind::LowCardinality) {
              lo = Field(key_col.getDataAt(g));
              hi = Field(key_col.getDataAt(g + 1));
            } else if (!columnRangeMinMax(key_col, g, 1, lo, hi) || !columnRangeMinMax(key_col, g + 1, 1, hi, hi)) {
              continue;
            }
            if (!rangeMayMatch(cond, lo, hi)) read[g] = false;
          }
          continue;
        }
      }
      int pos = part.columnPosition(cond.column);
      if (pos < 0) continue;
      const auto& pc = part.columns[size_t(pos)];
      if (pc.mins.size() != granules) continue;
      for (size_t g = 0; g < granules; ++g)
        if (read[g] && !rangeMayMatch(cond, pc.mins[g], pc.maxs[g])) read[g] = false;
    }
    result[k] = std::move(read);
  }
  return result;
}

namespace {

struct ReadTask {
  size_t part, first, last, rows;
};

class MergeTreeSource final : public BlockStream {
 public:
  using MakeBlock = std::function<Block(const ReadTask&)>;
  MergeTreeSource(Block header, std::shared_ptr<std::vector<ReadTask>> tasks, std::shared_ptr<std::atomic<size_t>> next,
                  MakeBlock make_block, QueryContext& context)
      : header_(std::move(header)), tasks_(std::move(tasks)), next_(std::move(next)), make_block_(std::move(make_block)),
        context_(context) {}
  const Block& header() const override { return header_; }
  std::string name() const override { return "MergeTreeSource"; }
  bool read(Block& block) override {
    if (context_.shouldStopReading(stop_token_)) return false;
    context_.checkAlive();
    size_t i = next_->fetch_add(1);
    if (i >= tasks_->size()) return false;
    block = make_block_((*tasks_)[i]);
    context_.addRead(block.rows(), block.bytes());
    return true;
  }

 private:
  Block header_;
  std::shared_ptr<std::vector<ReadTask>> tasks_;
  std::shared_ptr<std::atomic<size_t>> next_;
  MakeBlock make_block_;
  QueryContext& context_;
  QueryContext::ReadStopToken stop_token_ = context_.readStopToken();
};

class BlocksSource final : public BlockStream {
 public:
  BlocksSource(Block header, std::vector<Block> blocks, QueryContext& context)
      : header_(std::move(header)), blocks_(std::move(blocks)), context_(context) {}
  const Block& header() const override { return header_; }
  std::string name() const override { return "MergeTreeFinalSource"; }
  bool read(Block& block) override {
    if (next_ >= blocks_.size() || context_.shouldStopReading(stop_token_)) return false;
    block = std::move(blocks_[next_++]);
    context_.addRead(block.rows(), block.bytes());
    return true;
  }

 private:
  Block header_;
  std::vector<Block> blocks_;
  size_t next_ = 0;
  QueryContext& context_;
  QueryContext::ReadStopToken stop_token_ = context_.readStopToken();
};

}  // namespace

Block StorageMergeTree::readParts(const std::vector<DataPartPtr>& parts, const Snapshot& snap,
                                  const std::vector<std::string>& names) const {
  if (parts.size() == 1) return readPartGranules(*parts.front(), snap, names, 0, parts.front()->granules());
  Block out;
  for (const auto& p : parts) {
    Block piece = readPartGranules(*p, snap, names, 0, p->granules());
    if (out.columns() == 0) {
      out = piece.cloneEmpty();
      for (size_t i = 0; i < out.columns(); ++i) out.at(i).column = piece.at(i).column->cloneEmpty();  // keeps dictionaries
    }
    for (size_t i = 0; i < out.columns(); ++i)
      out.at(i).column->assumeMutable()->insertRangeFrom(*piece.at(i).column, 0, piece.rows());
  }
  if (out.columns() == 0) out = readPartGranules(DataPart(), snap, names, 0, 0);  // no parts: empty columns
  out.setRows(out.columns() ? out.at(0).column->size() : 0);
  return out;
}

Block StorageMergeTree::readPartsFull(const std::vector<DataPartPtr>& parts) const {
  return readParts(parts, snapshot(), physicalNames());
}

BlockStreams StorageMergeTree::readFinal(const Snapshot& snap, const ReadRequest& request, QueryContext& context) const {
  Block header = this->header(request.columns);
  // Columns needed to apply the merging mode.
  std::vector<std::string> needed = request.columns;
  auto need = [&](const std::string& n) {
    if (!n.empty() && std::find(needed.begin(), needed.end(), n) == needed.end()) needed.push_back(n);
  };
  for (const auto& e : sorting_key_) {
    std::vector<std::string> cols;
    collectRequiredColumns(e, cols);
    for (const auto& c : cols) need(c);
  }
  need(mode_.version_column);
  need(mode_.sign_column);
  if (mode_.kind == MergingMode::Kind::Summing || mode_.kind == MergingMode::Kind::Aggregating)
    for (const auto& c : physical_header_) need(c.name);  // every value column takes part
  std::map<std::string, std::vector<DataPartPtr>> by_partition;
  for (const auto& p : snap.parts) by_partition[p->name.partition_id].push_back(p);
  std::vector<Block> blocks;
  for (const auto& [id, parts] : by_partition) {
    Block data = readParts(parts, snap, needed);
    // Sort by the key (stable: parts are in block order), then merge equal keys.
    Block with_key = key_evaluator_ ? key_evaluator_->execute([&] {
      Block full;
      for (const auto& c : physical_header_) {
        int pos = data.position(c.name);
        if (pos >= 0) full.insert(data.at(size_t(pos)));
        else full.insert({c.type->createColumn()->cloneResized(data.rows()), c.type, c.name});
      }
      return full;
    }())
                                    : data;
    std::vector<std::string> key_names = sortingKeyNames();
    if (!key_names.empty()) {
      Permutation perm;
      sortByKey(with_key, key_names, perm);
      with_key = permute(with_key, perm);
    }
    Block merged = applyMergingMode(with_key, key_names, mode_, /*for_final=*/true);
    Block out;
    for (const auto& h : header) out.insert(merged.at(size_t(merged.position(h.name))));
    out.setRows(merged.rows());
    if (out.rows()) blocks.push_back(std::move(out));
  }
  uint64_t total = 0;
  for (const auto& b : blocks) total += b.rows();
  context.addTotalRowsToRead(total);
  BlockStreams res;
  res.push_back(std::make_unique<BlocksSource>(header, std::move(blocks), context));
  return res;
}

BlockStreams StorageMergeTree::read(const ReadRequest& request, QueryContext& context) {
  Snapshot snap = snapshot();
  if (request.final && mode_.kind != MergingMode::Kind::Ordinary) return readFinal(snap, request, context);
  if (request.final)
    throw Exception(ErrorCodes::ILLEGAL_FINAL, "Storage {} doesn't support FINAL", engine_name_);
  Block header = this->header(request.columns);
  std::vector<std::vector<bool>> granules = granulesToRead(snap, request, context);

  auto tasks = std::make_shared<std::vector<ReadTask>>();
  size_t block_rows = std::max<size_t>(request.max_block_size, 1);
  uint64_t total_rows = 0;
  uint64_t limit = request.limit_hint;
  for (size_t k = 0; k < snap.parts.size(); ++k) {
    const DataPart& part = *snap.parts[k];
    size_t n = part.granules();
    size_t per_task = std::max<size_t>(1, block_rows / part.index_granularity);
    for (size_t g = 0; g < n;) {
      if (!granules[k].empty() && !granules[k][g]) {
        ++g;
        continue;
      }
      size_t end = g;
      size_t rows = 0;
      while (end < n && end - g < per_task && (granules[k].empty() || granules[k][end])) rows += part.granuleRows(end++);
      tasks->push_back({k, g, end, rows});
      total_rows += rows;
      g = end;
    }
    if (limit && total_rows >= limit * 4 + 65536) break;  // enough work queued for LIMIT without ORDER BY
  }
  context.addTotalRowsToRead(total_rows);
  // Short reads (dashboards) keep decompressed frames for the next query; long scans would only
  // evict them.
  const auto& settings = context.settings;
  FrameCache* cache = settings.use_uncompressed_cache && total_rows <= settings.merge_tree_max_rows_to_use_cache
                          ? &FrameCache::instance()
                          : nullptr;

  auto snap_ptr = std::make_shared<Snapshot>(std::move(snap));
  std::vector<int> table_positions;
  for (const auto& n : request.columns) table_positions.push_back(physical_header_.position(n));
  auto make_block = [snap_ptr, header, table_positions, cache, this](const ReadTask& t) {
    const DataPart& part = *snap_ptr->parts[t.part];
    Block out;
    for (size_t i = 0; i < header.columns(); ++i) {
      const auto& h = header.at(i);
      int pos = part.columnPosition(h.name);
      ColumnPtr col;
      int tp = table_positions[i];
      const auto& dict = tp >= 0 ? snap_ptr->dictionaries[size_t(tp)] : nullptr;
      if (pos < 0) {
        col = h.type->createColumn()->cloneResized(t.rows);
      } else {
        col = part.readColumn(size_t(pos), t.first, t.last, cache);
        if (dict) col = std::make_shared<ColumnLowCardinality>(dict, col->assumeMutable());
      }
      out.insert({std::move(col), h.type, h.name});
    }
    out.setRows(t.rows);
    return out;
  };
  size_t streams = std::max<size_t>(1, std::min(request.max_streams, tasks->size()));
  auto next = std::make_shared<std::atomic<size_t>>(0);
  BlockStreams res;
  for (size_t i = 0; i < streams; ++i) res.push_back(std::make_unique<MergeTreeSource>(header, tasks, next, make_block, context));
  return res;
}

std::optional<uint64_t> StorageMergeTree::totalRows() const {
  std::shared_lock lock(mutex_);
  uint64_t rows = 0;
  for (const auto& p : parts_) rows += p->rows;
  return rows;
}

std::optional<std::vector<std::pair<Field, Field>>> StorageMergeTree::columnsMinMax(const std::vector<std::string>& columns) const {
  std::vector<DataPartPtr> parts = activeParts();
  std::vector<std::pair<Field, Field>> out(columns.size());
  std::vector<bool> seen(columns.size(), false);
  for (const auto& p : parts) {
    if (p->rows == 0) continue;
    for (size_t c = 0; c < columns.size(); ++c) {
      int pos = p->columnPosition(columns[c]);
      if (pos < 0) return std::nullopt;  // added after the part was written: defaults, no statistics
      const PartColumn& pc = p->columns[size_t(pos)];
      if (pc.mins.size() != p->granules() || pc.maxs.size() != p->granules()) return std::nullopt;
      for (size_t g = 0; g < pc.mins.size(); ++g) {
        if (pc.mins[g].isNull() || pc.maxs[g].isNull()) return std::nullopt;
        if (!seen[c] || pc.mins[g] < out[c].first) out[c].first = pc.mins[g];
        if (!seen[c] || out[c].second < pc.maxs[g]) out[c].second = pc.maxs[g];
        seen[c] = true;
      }
    }
  }
  for (bool s : seen)
    if (!s) return std::nullopt;
  return out;
}

std::optional<uint64_t> StorageMergeTree::totalBytes() const {
  std::shared_lock lock(mutex_);
  uint64_t bytes = 0;
  for (const auto& p : parts_) bytes += p->bytes_on_disk;
  return bytes;
}

// ---------------------------------------------------------------------------------------------
// Merges and mutations

bool StorageMergeTree::mergeParts(const std::vector<DataPartPtr>& parts) {
  if (parts.empty()) return false;
  auto start = std::chrono::steady_clock::now();
  PartName name;
  name.partition_id = parts.front()->name.partition_id;
  name.min_block = parts.front()->name.min_block;
  name.max_block = parts.back()->name.max_block;
  uint64_t total_rows = 0;
  for (const auto& p : parts) {
    name.level = std::max(name.level, p->name.level + 1);
    name.mutation = std::max(name.mutation, p->name.mutation);
    total_rows += p->rows;
  }
  MergeStatus status;
  status.result_part_name = name.str();
  status.partition_id = name.partition_id;
  status.total_rows = total_rows;
  for (const auto& p : parts) status.source_part_names.push_back(p->name.str());
  {
    std::lock_guard lock(status_mutex_);
    merges_.push_back(status);
  }
  struct Done {
    StorageMergeTree& s;
    std::string name;
    ~Done() {
      std::lock_guard lock(s.status_mutex_);
      s.merges_.erase(std::remove_if(s.merges_.begin(), s.merges_.end(), [&](const MergeStatus& m) { return m.result_part_name == name; }),
                      s.merges_.end());
    }
  } done{*this, status.result_part_name};

  std::string tmp = data_path_ + "/tmp_merge_" + name.str() + "_" + std::to_string(temp_counter_.fetch_add(1));
  MutableDataPartPtr part;
  try {
    part = mergeIntoPart(parts, name, tmp);
  } catch (...) {
    std::error_code ec;
    fs::remove_all(tmp, ec);
    throw;
  }
  std::vector<std::string> tokens;  // the merged part answers for the inserts of its sources
  for (const auto& p : parts) tokens.insert(tokens.end(), p->deduplication_tokens.begin(), p->deduplication_tokens.end());
  writeDeduplicationTokens(*part, tmp, std::move(tokens));
  std::string final_path = data_path_ + "/" + name.str();
  if (!mergeRangeIsExactly(parts, name)) {
    // Committed, it would cover a part outside the merge, which a restart would then delete.
    std::error_code ec;
    fs::remove_all(tmp, ec);
    return false;
  }
  try {
    commitRenames(journalDirectory(), {{tmp, final_path}});
  } catch (...) {
    std::error_code ec;
    fs::remove_all(tmp, ec);
    throw;
  }
  part->path = final_path;
  if (!attachParts({part}, parts)) {
    // A source part went away meanwhile (TRUNCATE, mutation): the merge result is void.
    part->markRemoved();
    return false;
  }
  (void)start;
  return true;
}

Block StorageMergeTree::readPartGranules(const DataPart& part, const Snapshot& snap, const std::vector<std::string>& names,
                                         size_t first, size_t last) const {
  size_t rows = 0;
  for (size_t g = first; g < last; ++g) rows += part.granuleRows(g);
  Block out;
  for (const auto& n : names) {
    int table_pos = physical_header_.position(n);
    if (table_pos < 0) throw Exception(ErrorCodes::NO_SUCH_COLUMN_IN_TABLE, "There is no column {} in table", n);
    const auto& type = physical_header_.at(size_t(table_pos)).type;
    const auto& dict = snap.dictionaries[size_t(table_pos)];
    int pos = part.columnPosition(n);
    ColumnPtr values;
    if (pos < 0) {
      // A column added after the part was written: defaults (code 0 for LowCardinality).
      MutableColumnPtr defaults = dict ? MutableColumnPtr(ColumnUInt32::create()) : type->createColumn();
      defaults->insertManyDefaults(rows);
      values = std::move(defaults);
    } else {
      values = part.readColumn(size_t(pos), first, last);
    }
    if (dict) values = std::make_shared<ColumnLowCardinality>(dict, values->assumeMutable());
    out.insert({values, type, n});
  }
  out.setRows(rows);
  return out;
}

std::vector<std::string> StorageMergeTree::physicalNames() const {
  std::vector<std::string> names;
  for (const auto& c : physical_header_) names.push_back(c.name);
  return names;
}

MutableDataPartPtr StorageMergeTree::mergeIntoPart(const std::vector<DataPartPtr>& parts, const PartName& name,
                                                   const std::string& dir) const {
  // Memory stays bounded: the sources are read a chunk at a time and merged in windows of
  // complete keys (sorted_runs_merger.h), written granule by granule.
  Snapshot snap = snapshot();
  Block key_header;
  {
    Block empty = physical_header_.cloneEmpty();
    sortBlock(empty, key_header);
  }
  PartWriter writer(dir, name, physical_header_, key_header, codecs_, index_granularity_, parts.front()->partition_value,
                    /*streaming=*/true);
  for (size_t t = 0; t < physical_header_.columns(); ++t) {
    if (!snap.dictionaries[t]) continue;
    for (const auto& p : parts) {
      int pos = p->columnPosition(physical_header_.at(t).name);
      if (pos < 0 || !p->columns[size_t(pos)].dictionary_values) continue;
      const Column& values = *p->columns[size_t(pos)].dictionary_values;
      size_t skip = std::min<size_t>(1, values.size());  // code 0: the default / NULL
      writer.seedDictionary(t, *values.cut(skip, values.size() - skip));
    }
  }
  const size_t chunk_granules = std::max<size_t>(1, kMergeChunkRows / std::max<size_t>(1, index_granularity_));
  std::vector<size_t> next_granule(parts.size(), 0);
  const std::vector<std::string> names = physicalNames();
  auto read = [&](size_t run, Block& block) {
    const DataPart& p = *parts[run];
    if (shutting_down_) throw Exception(ErrorCodes::ABORTED, "Merge cancelled: the table is shutting down");
    if (next_granule[run] >= p.granules()) return false;
    size_t last = std::min(p.granules(), next_granule[run] + chunk_granules);
    block = readPartGranules(p, snap, names, next_granule[run], last);
    next_granule[run] = last;
    return true;
  };
  auto write_sorted = [&](Block& batch, const std::vector<size_t>& runs) {
    Block key;
    sortBlock(batch, key, &runs);
    writer.write(batch, key);
  };
  if (key_header.columns() == 0) {
    // No sorting key: the parts' rows one after the other.
    Block block;
    for (size_t run = 0; run < parts.size(); ++run)
      while (read(run, block)) write_sorted(block, {block.rows()});
  } else {
    auto key_of = [&](const Block& rows) {
      Block with_key = key_evaluator_->execute(rows);
      Block key;
      for (const auto& e : sorting_key_) key.insert(with_key.at(size_t(with_key.position(e->name))));
      key.setRows(rows.rows());
      return key;
    };
    mergeSortedRuns(parts.size(), read, key_of, write_sorted);
  }
  return writer.finish();
}

bool StorageMergeTree::spansInflightBlock(int64_t min_block, int64_t max_block) const {
  std::shared_lock lock(mutex_);
  auto it = inflight_blocks_.lower_bound(min_block);
  return it != inflight_blocks_.end() && *it <= max_block;
}

bool StorageMergeTree::mergeRangeIsExactly(const std::vector<DataPartPtr>& sources, const PartName& result) const {
  std::shared_lock lock(mutex_);
  for (const auto& s : sources)
    if (std::find(parts_.begin(), parts_.end(), s) == parts_.end()) return false;
  auto it = inflight_blocks_.lower_bound(result.min_block);
  if (it != inflight_blocks_.end() && *it <= result.max_block) return false;
  for (const auto& p : parts_) {
    if (p->name.partition_id != result.partition_id || p->name.max_block < result.min_block ||
        p->name.min_block > result.max_block)
      continue;
    if (std::find(sources.begin(), sources.end(), p) == sources.end()) return false;
  }
  return true;
}

void StorageMergeTree::releaseBlocks(const std::vector<int64_t>& blocks) {
  if (blocks.empty()) return;
  std::unique_lock lock(mutex_);
  for (auto b : blocks) inflight_blocks_.erase(b);
}

void StorageMergeTree::setMergesEnabled(bool enabled) {
  merges_enabled_ = enabled;
  if (enabled && background_merges_) MergeScheduler::instance().wake();
}

bool StorageMergeTree::mergeStep() {
  if (!merges_enabled_) return false;
  std::unique_lock merge_lock(merge_mutex_, std::try_to_lock);
  if (!merge_lock.owns_lock()) return false;
  std::vector<DataPartPtr> parts = activeParts();
  // Per partition, the run of parts the size-tiered selector prefers; the cheapest of those.
  const int64_t now = int64_t(::time(nullptr));
  const MergeSelectorSettings settings;
  std::vector<DataPartPtr> best;
  double best_bytes = 0;
  for (size_t i = 0; i < parts.size();) {
    size_t j = i;
    while (j < parts.size() && parts[j]->name.partition_id == parts[i]->name.partition_id) ++j;
    std::vector<MergeSelectorPart> candidates;
    for (size_t k = i; k < j; ++k) candidates.push_back({parts[k]->bytes_on_disk, now - parts[k]->modification_time});
    auto [begin, end] = selectMergeRange(candidates, settings, [&](size_t b, size_t e) {
      return !spansInflightBlock(parts[i + b]->name.min_block, parts[i + e - 1]->name.max_block);
    });
    if (end > begin) {
      double bytes = 0;
      for (size_t k = begin; k < end; ++k) bytes += double(candidates[k].bytes);
      bytes /= double(end - begin);
      if (best.empty() || bytes < best_bytes) {
        best.assign(parts.begin() + long(i + begin), parts.begin() + long(i + end));
        best_bytes = bytes;
      }
    }
    i = j;
  }
  if (best.size() < 2) return false;
  return mergeParts(best);
}

bool StorageMergeTree::optimize(bool final, const std::string& partition_id) {
  std::lock_guard merge_lock(merge_mutex_);
  std::vector<DataPartPtr> parts = activeParts();
  bool did = false;
  for (size_t i = 0; i < parts.size();) {
    size_t j = i;
    while (j < parts.size() && parts[j]->name.partition_id == parts[i]->name.partition_id) ++j;
    bool selected = partition_id.empty() || parts[i]->name.partition_id == partition_id;
    if (selected && (j - i >= 2 || (final && j - i == 1 && mode_.kind != MergingMode::Kind::Ordinary && parts[i]->name.level == 0))) {
      // Runs of parts not separated by an insert in flight.
      size_t run = i;
      for (size_t k = i + 1; k <= j; ++k) {
        if (k < j && !spansInflightBlock(parts[k - 1]->name.max_block, parts[k]->name.min_block)) continue;
        if (k - run >= 2 || (final && k - run == 1 && mode_.kind != MergingMode::Kind::Ordinary && parts[run]->name.level == 0)) {
          std::vector<DataPartPtr> group(parts.begin() + long(run), parts.begin() + long(k));
          did |= mergeParts(group);
        }
        run = k;
      }
    }
    i = j;
  }
  return did;
}

void StorageMergeTree::mutate(const std::string& command, const std::function<Block(const Block&)>& transform,
                              const ColumnsDescription* new_columns) {
  std::lock_guard merge_lock(merge_mutex_);
  // A column change waits for inserts in flight (they publish first and are rewritten here)
  // and holds new ones back until the new columns are in place.
  std::unique_lock<std::shared_mutex> structure_lock;
  if (new_columns) structure_lock = std::unique_lock(structure_mutex_);
  std::optional<Schema> schema;
  if (new_columns) {
    schema = makeSchema(*new_columns);
  }
  const Block& target_header = schema ? schema->physical_header : physical_header_;
  const std::vector<CompressionCodec>& target_codecs = schema ? schema->codecs : codecs_;
  int64_t version = next_block_.fetch_add(1);
  MutationStatus status;
  status.mutation_id = "mutation_" + std::to_string(version) + ".txt";
  status.command = command;
  status.create_time = nowSeconds();
  status.block_number = version;
  std::vector<DataPartPtr> parts = activeParts();
  status.parts_to_do = parts.size();
  {
    std::lock_guard lock(status_mutex_);
    mutations_.push_back(status);
  }
  auto record = [&](auto update) {
    std::lock_guard lock(status_mutex_);
    for (auto& m : mutations_)
      if (m.mutation_id == status.mutation_id) update(m);
  };
  try {
    // Every part is rewritten first; then all of them are switched in one journaled commit.
    std::vector<MutableDataPartPtr> rewritten;
    std::vector<DataPartPtr> replaced;
    Renames renames;
    struct Cleanup {
      std::vector<MutableDataPartPtr>& parts;
      bool committed = false;
      ~Cleanup() {
        if (committed) return;
        std::error_code ec;
        for (const auto& p : parts) fs::remove_all(p->path, ec);
      }
    } cleanup{rewritten};
    // The rows of one piece of a part, transformed: the physical columns and their key.
    auto transform_rows = [&](const Block& data, Block& physical, Block& key) {
      Block result = transform(data);
      physical = Block();
      key = Block();
      for (const auto& c : target_header) {
        int pos = result.position(c.name);
        if (pos < 0) throw Exception(ErrorCodes::LOGICAL_ERROR, "Mutation result lacks column {}", c.name);
        physical.insert(result.at(size_t(pos)));
      }
      physical.setRows(result.rows());
      if (schema) {
        // Key columns are unchanged by ALTER: the rows stay sorted; only the key block is needed.
        Block with_key = schema->key_evaluator ? schema->key_evaluator->execute(physical) : physical;
        for (const auto& e : sorting_key_) key.insert(with_key.at(size_t(with_key.position(e->name))));
        key.setRows(physical.rows());
      } else {
        sortBlock(physical, key);
      }
    };
    Snapshot snap = snapshot();
    for (const auto& p : parts) {
      PartName name = p->name;
      name.mutation = version;
      std::string tmp = data_path_ + "/tmp_mut_" + name.str() + "_" + std::to_string(temp_counter_.fetch_add(1));
      MutableDataPartPtr part;
      if (p->rows <= kStreamingMutationRows) {
        Block physical, key;
        transform_rows(readPartsFull({p}), physical, key);
        part = writePart(tmp, name, physical, key, target_codecs, index_granularity_, p->partition_value);
      } else {
        // A big part is rewritten a chunk at a time (UPDATE/DELETE keep the key, so the rows stay
        // in order); its LowCardinality codes are 4 bytes wide, the values being unknown ahead.
        Block empty_physical, key_header;
        transform_rows(physical_header_.cloneEmpty(), empty_physical, key_header);
        PartWriter writer(tmp, name, empty_physical, key_header, target_codecs, index_granularity_, p->partition_value,
                          /*streaming=*/true);
        const size_t chunk = std::max<size_t>(1, kMergeChunkRows / std::max<size_t>(1, index_granularity_));
        for (size_t g = 0; g < p->granules(); g += chunk) {
          Block physical, key;
          transform_rows(readPartGranules(*p, snap, physicalNames(), g, std::min(p->granules(), g + chunk)), physical, key);
          writer.write(physical, key);
        }
        part = writer.finish();
      }
      writeDeduplicationTokens(*part, tmp, p->deduplication_tokens);
      renames.emplace_back(tmp, data_path_ + "/" + name.str());
      rewritten.push_back(std::move(part));
      replaced.push_back(p);
    }
    commitRenames(journalDirectory(), renames);
    cleanup.committed = true;
    std::vector<MutableDataPartPtr> non_empty;
    for (auto& part : rewritten) {
      part->path = data_path_ + "/" + part->name.str();
      if (part->rows == 0) part->markRemoved();  // a part whose rows were all deleted
      else non_empty.push_back(part);
    }
    {
      std::unique_lock lock(mutex_);
      if (schema) {
        setColumns(schema->columns);
        physical_header_ = std::move(schema->physical_header);
        codecs_ = std::move(schema->codecs);
        key_evaluator_ = std::move(schema->key_evaluator);
        partition_evaluator_ = std::move(schema->partition_evaluator);
        dictionaries_ = std::move(schema->dictionaries);
        // Parts inserted meanwhile still have the old columns: their LowCardinality codes are
        // mapped into the new dictionaries again.
        std::vector<MutableDataPartPtr> others;
        for (const auto& p : parts_)
          if (std::find(replaced.begin(), replaced.end(), p) == replaced.end())
            others.push_back(std::const_pointer_cast<DataPart>(p));
        for (const auto& p : others) parts_.erase(std::find(parts_.begin(), parts_.end(), p));
        attachPartsLocked(others, {});
      }
      if (!attachPartsLocked(non_empty, replaced))
        throw Exception(ErrorCodes::LOGICAL_ERROR, "Parts changed while a mutation held the merge lock");
    }
    record([](MutationStatus& m) {
      m.is_done = true;
      m.parts_to_do = 0;
    });
  } catch (const Exception& e) {
    record([&](MutationStatus& m) { m.latest_fail_reason = e.displayText(); });
    throw;
  }
}

std::vector<MutationStatus> StorageMergeTree::mutations() const {
  std::lock_guard lock(status_mutex_);
  return mutations_;
}

std::vector<MergeStatus> StorageMergeTree::currentMerges() const {
  std::lock_guard lock(status_mutex_);
  return merges_;
}

void StorageMergeTree::truncate() {
  std::lock_guard merge_lock(merge_mutex_);
  std::unique_lock lock(mutex_);
  for (const auto& p : parts_) const_cast<DataPart&>(*p).markRemoved();
  parts_.clear();
  for (auto& d : dictionaries_)
    if (d) d = std::make_shared<LowCardinalityDictionary>(d->values().cloneEmpty(), d->isNullable());
}

void StorageMergeTree::drop() {
  if (background_merges_) {
    MergeScheduler::instance().remove(this);
    background_merges_ = false;
  }
  truncate();
  std::error_code ec;
  fs::remove_all(data_path_, ec);
}

void StorageMergeTree::moveData(const std::string& new_path) {
  if (owns_temporary_path_ || new_path.empty()) return;
  std::lock_guard merge_lock(merge_mutex_);
  std::unique_lock lock(mutex_);
  fs::create_directories(fs::path(new_path).parent_path());
  renameDurably(data_path_, new_path);
  data_path_ = new_path;
  for (const auto& p : parts_) const_cast<DataPart&>(*p).path = new_path + "/" + p->name.str();
}

}  // namespace tally
