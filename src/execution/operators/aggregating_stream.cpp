#include "execution/operators/aggregating_stream.h"

#include <algorithm>
#include <mutex>
#include <string>
#include <unordered_map>

#include "columns/column_const.h"
#include "columns/column_low_cardinality.h"
#include "columns/column_nullable.h"
#include "columns/column_string.h"
#include "columns/column_vector.h"
#include "common/exception.h"
#include "common/readable.h"
#include "execution/hash_map.h"
#include "types/data_type_low_cardinality.h"

namespace tally {

namespace {

enum class AggregationMethod : uint8_t { NoKeys, Key8, Key16, Key64, Key128, Key256, KeyString, LowCardinality, Serialized };

/// Memory layout of the states of all aggregates of one group, and their lifetime.
class StatesLayout {
 public:
  explicit StatesLayout(const std::vector<AggregateDescription>& aggregates) {
    for (const auto& a : aggregates) {
      functions_.push_back(a.function.get());
      size_t align = std::max<size_t>(a.function->alignOfData(), 1);
      size_ = (size_ + align - 1) / align * align;
      offsets_.push_back(size_);
      size_ += a.function->sizeOfData();
      align_ = std::max(align_, align);
    }
    if (size_ == 0) size_ = 1;
    for (auto* f : functions_) trivial_destroy_ &= f->hasTrivialDestructor();
  }

  AggregateDataPtr create(Arena& arena) const {
    AggregateDataPtr place = arena.alloc(size_, align_);
    size_t created = 0;
    try {
      for (; created < functions_.size(); ++created) functions_[created]->create(place + offsets_[created]);
    } catch (...) {
      for (size_t i = 0; i < created; ++i) functions_[i]->destroy(place + offsets_[i]);
      throw;
    }
    return place;
  }
  /// Whether destroy() does nothing (every state trivially destructible).
  bool trivialDestroy() const { return trivial_destroy_; }
  void destroy(AggregateDataPtr place) const {
    if (trivial_destroy_) return;
    for (size_t i = 0; i < functions_.size(); ++i) functions_[i]->destroy(place + offsets_[i]);
  }
  void merge(AggregateDataPtr dst, AggregateDataPtr src, Arena& arena) const {
    for (size_t i = 0; i < functions_.size(); ++i) functions_[i]->merge(dst + offsets_[i], src + offsets_[i], &arena);
  }
  size_t offset(size_t i) const { return offsets_[i]; }
  const std::vector<const IAggregateFunction*>& functions() const { return functions_; }

 private:
  std::vector<const IAggregateFunction*> functions_;
  std::vector<size_t> offsets_;
  size_t size_ = 0;
  size_t align_ = 1;
  bool trivial_destroy_ = true;
};

/// Dense ids for the values of a LowCardinality or String key in a multi-column GROUP BY, shared
/// by all threads so that packed keys agree when the per-thread tables merge. Id 0 is NULL;
/// values get ids from 1. Consulted once per new value per thread (StringIdCache, or once per
/// new dictionary code), so the lock is cold.
struct LowCardinalityKeyIds {
  std::mutex mutex;
  Arena arena{1 << 16};                                  // the values' bytes
  StringIdMap ids;                                       // value -> id - 1
  std::vector<std::string_view> values{std::string_view()};  // id -> raw value bytes
  uint32_t idOf(std::string_view raw) {
    std::lock_guard lock(mutex);
    bool inserted;
    uint32_t id = ids.idOf(raw, inserted) + 1;
    if (inserted) {
      std::string_view stored = arena.insert(raw);
      ids.setLastKey(stored.data());
      values.push_back(stored);
    }
    return id;
  }
};

/// Per thread: the id of each code of the last dictionary seen for one LowCardinality key.
struct LowCardinalityIdCache {
  std::shared_ptr<LowCardinalityDictionary> dictionary;
  PODArray<uint32_t> code_ids;  // kUnknown until looked up
  static constexpr uint32_t kUnknown = ~0U;
};

/// Per thread: the id of each String key value seen, in front of the shared LowCardinalityKeyIds
/// (local ids index `global`). Keys are copies in the thread's arena.
class StringIdCache {
 public:
  uint32_t idOf(std::string_view value, LowCardinalityKeyIds& ids, Arena& arena) {
    bool inserted;
    uint32_t local = local_.idOf(value, inserted);
    if (inserted) {
      local_.setLastKey(arena.insert(value).data());
      global_.push_back(ids.idOf(value));
    }
    return global_[local];
  }

 private:
  StringIdMap local_;
  PODArray<uint32_t> global_;
};

/// The groups of one thread.
struct GroupTable {
  std::vector<LowCardinalityIdCache> lc_id_caches;  // per key (used for LowCardinality keys)
  std::vector<StringIdCache> string_id_caches;      // per key (used for String keys)
  std::shared_ptr<Arena> arena = std::make_shared<Arena>(1 << 16);
  AggregateDataPtr no_key = nullptr;
  AggregateDataPtr null_key = nullptr;  // LowCardinality(Nullable) NULL group
  PODArray<AggregateDataPtr> direct;    // Key8 / Key16
  HashMap<HashMapUInt64Traits, char> map64{64};
  HashMap<HashMapUInt128Traits, char> map128{64};
  HashMap<HashMapKey256Traits, char> map256{64};
  StringHashMap<char> map_string{64};
  // LowCardinality: group of each dictionary code, for the last dictionary seen. While every
  // block has had that one dictionary (`by_code`, the usual case: a table's parts share one),
  // groups are keyed by code alone, listed in code_groups, and the value maps stay empty: no
  // value is hashed and the result reuses the dictionary. Another dictionary or a full column
  // moves them into the value maps first (keyByValue).
  std::shared_ptr<LowCardinalityDictionary> cached_dictionary;
  PODArray<AggregateDataPtr> code_places;
  bool by_code = true;
  std::vector<uint32_t> code_groups;
  size_t groups = 0;
};

/// The raw array of a fixed-width column (ColumnVector) and its value width.
const char* rawData(const Column& column) { return column.size() ? column.getDataAt(0).data() : nullptr; }

class AggregatingStream final : public BlockStream {
 public:
  AggregatingStream(BlockStreams inputs, AggregationParams params, QueryContext& context,
                    std::shared_ptr<TotalsHolder> totals)
      : inputs_(std::move(inputs)), params_(std::move(params)), context_(context), totals_(std::move(totals)),
        layout_(params_.aggregates) {
    const Block& in = inputs_[0]->header();
    for (const auto& key : params_.keys) {
      int pos = in.position(key);
      if (pos < 0) throw Exception(ErrorCodes::NOT_FOUND_COLUMN_IN_BLOCK, "Not found key column {} in block", key);
      key_positions_.push_back(size_t(pos));
      key_types_.push_back(in.at(size_t(pos)).type);
      header_.insert({nullptr, in.at(size_t(pos)).type, key});
    }
    for (const auto& a : params_.aggregates) {
      std::vector<size_t> args;
      for (const auto& name : a.arguments) {
        int pos = in.position(name);
        if (pos < 0) throw Exception(ErrorCodes::NOT_FOUND_COLUMN_IN_BLOCK, "Not found column {} in block", name);
        args.push_back(size_t(pos));
      }
      argument_positions_.push_back(std::move(args));
      header_.insert({nullptr, a.function->getReturnType(), a.name});
    }
    chooseMethod();
  }

  ~AggregatingStream() override {
    for (auto& t : tables_) destroyAll(t);
  }

  const Block& header() const override { return header_; }
  std::string name() const override { return "Aggregating"; }
  std::vector<const BlockStream*> children() const override { return streamPointers(inputs_); }

  bool read(Block& block) override {
    if (!done_) {
      aggregate();
      done_ = true;
    }
    if (next_output_ >= output_.size()) return false;
    block = std::move(output_[next_output_++]);
    return true;
  }

 private:
  void chooseMethod() {
    if (key_types_.empty()) {
      method_ = AggregationMethod::NoKeys;
      return;
    }
    if (key_types_.size() == 1) {
      const DataTypePtr& t = key_types_[0];
      if (t->typeId() == TypeIndex::LowCardinality) {
        method_ = AggregationMethod::LowCardinality;
        const auto& values_type = static_cast<const DataTypeLowCardinality&>(*t).getValuesType();
        lc_numeric_ = values_type->typeId() != TypeIndex::String && values_type->typeId() != TypeIndex::FixedString;
        return;
      }
      if (t->typeId() == TypeIndex::String || t->typeId() == TypeIndex::FixedString) {
        method_ = AggregationMethod::KeyString;
        return;
      }
    }
    // Fixed-width keys packed into 64, 128 or 256 bits.
    size_t total = 0;
    lc_key_ids_.resize(key_types_.size());
    for (size_t k = 0; k < key_types_.size(); ++k) {
      const DataTypePtr& t = key_types_[k];
      if (t->typeId() == TypeIndex::LowCardinality || t->typeId() == TypeIndex::String ||
          t->typeId() == TypeIndex::FixedString) {
        string_id_keys_ |= t->typeId() != TypeIndex::LowCardinality;
        // Grouped by a dense id of its value (4 bytes), decoded back to values at the end.
        lc_key_ids_[k] = std::make_shared<LowCardinalityKeyIds>();
        key_widths_.push_back(4);
        total += 4;
        continue;
      }
      bool fixed = !t->isNullable() && (t->isValueRepresentedByNumber() || t->typeId() == TypeIndex::UUID) &&
                   t->haveMaximumSizeOfValue();
      if (!fixed) {
        method_ = AggregationMethod::Serialized;
        lc_key_ids_.clear();
        return;
      }
      key_widths_.push_back(t->sizeOfValueInMemory());
      total += t->sizeOfValueInMemory();
    }
    if (key_types_.size() == 1 && total == 1)
      method_ = AggregationMethod::Key8;
    else if (key_types_.size() == 1 && total == 2)
      method_ = AggregationMethod::Key16;
    else if (total <= 8)
      method_ = AggregationMethod::Key64;
    else if (total <= 16)
      method_ = AggregationMethod::Key128;
    else if (total <= 32)
      method_ = AggregationMethod::Key256;
    else
      method_ = AggregationMethod::Serialized;
    if (method_ == AggregationMethod::Serialized) lc_key_ids_.clear();
    if (method_ == AggregationMethod::Serialized) string_id_keys_ = false;
  }

  /// String keys as dense ids pay off when values repeat (names, versions); for mostly distinct
  /// strings the id maps only add work, so the first block decides: past half distinct values
  /// in its first rows, the keys are serialized instead.
  void decideStringKeys(const Block& block) {
    constexpr size_t kSample = 8192;
    const size_t rows = std::min(block.rows(), kSample);
    for (size_t k = 0; k < key_positions_.size(); ++k) {
      const DataTypePtr& t = key_types_[k];
      if (t->typeId() != TypeIndex::String && t->typeId() != TypeIndex::FixedString) continue;
      ColumnPtr col = materialize(block.at(key_positions_[k]).column);
      StringIdMap distinct(2 * rows);
      for (size_t i = 0; i < rows; ++i) {
        bool inserted;
        distinct.idOf(col->getDataAt(i), inserted);
      }
      if (distinct.size() * 2 > rows) {
        method_ = AggregationMethod::Serialized;
        lc_key_ids_.clear();
        return;
      }
    }
  }

  /// The key columns of a block for packing: LowCardinality and String keys become UInt32 ids.
  std::vector<ColumnPtr> fixedKeyColumns(GroupTable& t, const Block& block, size_t rows) {
    std::vector<ColumnPtr> cols;
    if (t.lc_id_caches.size() < key_positions_.size()) t.lc_id_caches.resize(key_positions_.size());
    if (t.string_id_caches.size() < key_positions_.size()) t.string_id_caches.resize(key_positions_.size());
    for (size_t k = 0; k < key_positions_.size(); ++k) {
      ColumnPtr col = materialize(block.at(key_positions_[k]).column);
      if (k >= lc_key_ids_.size() || !lc_key_ids_[k]) {
        cols.push_back(std::move(col));
        continue;
      }
      LowCardinalityKeyIds& ids = *lc_key_ids_[k];
      auto out = ColumnUInt32::create(rows);
      uint32_t* dst = out->getData().data();
      if (col->kind() == ColumnKind::String || col->kind() == ColumnKind::FixedString) {
        StringIdCache& cache = t.string_id_caches[k];
        for (size_t i = 0; i < rows; ++i) dst[i] = cache.idOf(col->getDataAt(i), ids, *t.arena);
      } else if (col->kind() != ColumnKind::LowCardinality) {
        for (size_t i = 0; i < rows; ++i) dst[i] = col->isNullAt(i) ? 0 : ids.idOf(col->getDataAt(i));
      } else {
        const auto& lc = static_cast<const ColumnLowCardinality&>(*col);
        const auto& dict = lc.getDictionary();
        LowCardinalityIdCache& cache = t.lc_id_caches[k];
        if (cache.dictionary != lc.getDictionaryPtr()) {
          cache.dictionary = lc.getDictionaryPtr();
          cache.code_ids.clear();
        }
        if (cache.code_ids.size() < dict.size()) cache.code_ids.resizeFill(dict.size(), LowCardinalityIdCache::kUnknown);
        uint32_t* code_ids = cache.code_ids.data();
        const bool nullable = dict.isNullable();
        lc.visitIndexes([&](const auto& codes) {
          for (size_t i = 0; i < rows; ++i) {
            uint32_t code = codes[i];
            uint32_t id = code_ids[code];
            if (id == LowCardinalityIdCache::kUnknown) {
              id = (nullable && code == 0) ? 0 : ids.idOf(dict.values().getDataAt(code));
              code_ids[code] = id;
            }
            dst[i] = id;
          }
        });
      }
      cols.push_back(std::move(out));
    }
    return cols;
  }

  AggregateDataPtr newGroup(GroupTable& t) {
    const auto& s = context_.settings;
    if (s.max_rows_to_group_by && t.groups >= s.max_rows_to_group_by && s.group_by_overflow_mode == "throw")
      throw Exception(ErrorCodes::TOO_MANY_ROWS, "Limit for rows to GROUP BY exceeded: has {} rows, maximum: {}",
                      t.groups + 1, s.max_rows_to_group_by);
    ++t.groups;
    return layout_.create(*t.arena);
  }

  void aggregate() {
    size_t threads = inputs_.size();
    tables_.resize(threads);
    for (auto& t : tables_) {
      if (method_ == AggregationMethod::Key8) t.direct.resizeFill(256, nullptr);
      if (method_ == AggregationMethod::Key16) t.direct.resizeFill(65536, nullptr);
    }
    drainInParallel(
        inputs_, [&](size_t thread, Block& block) { consume(tables_[thread], block); }, context_);
    for (size_t i = 1; i < threads; ++i) mergeInto(tables_[0], tables_[i]);
    finish(tables_[0]);
  }

  void consume(GroupTable& t, Block& block) {
    size_t rows = block.rows();
    if (rows == 0) return;
    if (string_id_keys_) std::call_once(string_keys_decided_, [&] { decideStringKeys(block); });
    places_.resize(rows);
    AggregateDataPtr* places = places_.data();

    switch (method_) {
      case AggregationMethod::NoKeys:
        if (!t.no_key) t.no_key = newGroup(t);
        break;
      case AggregationMethod::Key8:
      case AggregationMethod::Key16: {
        ColumnPtr col = materialize(block.at(key_positions_[0]).column);
        const char* raw = rawData(*col);
        for (size_t i = 0; i < rows; ++i) {
          size_t k = method_ == AggregationMethod::Key8 ? uint8_t(raw[i]) : reinterpret_cast<const uint16_t*>(raw)[i];
          AggregateDataPtr& p = t.direct[k];
          if (!p) p = newGroup(t);
          places[i] = p;
        }
        break;
      }
      case AggregationMethod::Key64: {
        std::vector<ColumnPtr> cols = fixedKeyColumns(t, block, rows);
        if (cols.size() == 1 && key_widths_[0] == 8) {
          const uint64_t* raw = reinterpret_cast<const uint64_t*>(rawData(*cols[0]));
          for (size_t i = 0; i < rows; ++i) places[i] = lookup64(t, raw[i]);
        } else if (cols.size() == 1 && key_widths_[0] == 4) {
          const uint32_t* raw = reinterpret_cast<const uint32_t*>(rawData(*cols[0]));
          for (size_t i = 0; i < rows; ++i) places[i] = lookup64(t, raw[i]);
        } else {
          packed_keys_.resize(rows * sizeof(uint64_t));
          uint64_t* keys = reinterpret_cast<uint64_t*>(packed_keys_.data());
          packKeyColumns(cols, rows, keys);
          for (size_t i = 0; i < rows; ++i) places[i] = lookup64(t, keys[i]);
        }
        break;
      }
      case AggregationMethod::Key128:
        lookupPacked<UInt128>(t, t.map128, fixedKeyColumns(t, block, rows), rows, places);
        break;
      case AggregationMethod::Key256:
        lookupPacked<PackedKey256>(t, t.map256, fixedKeyColumns(t, block, rows), rows, places);
        break;
      case AggregationMethod::KeyString: {
        ColumnPtr col = materialize(block.at(key_positions_[0]).column);
        for (size_t i = 0; i < rows; ++i) places[i] = lookupString(t, col->getDataAt(i));
        break;
      }
      case AggregationMethod::LowCardinality: {
        ColumnPtr col = block.at(key_positions_[0]).column;
        if (col->isConst()) col = materialize(col);
        if (col->kind() != ColumnKind::LowCardinality) {
          // A LowCardinality key computed to a full column: fall back to per-row values.
          keyByValue(t);
          for (size_t i = 0; i < rows; ++i)
            places[i] = col->isNullAt(i) ? nullGroup(t) : lookupByValue(t, col->getDataAt(i));
          break;
        }
        const auto& lc = static_cast<const ColumnLowCardinality&>(*col);
        const auto& dict = lc.getDictionary();
        if (t.by_code && t.cached_dictionary && t.cached_dictionary != lc.getDictionaryPtr()) keyByValue(t);
        if (t.cached_dictionary != lc.getDictionaryPtr()) {
          t.cached_dictionary = lc.getDictionaryPtr();
          t.code_places.clear();
          t.code_places.resizeFill(dict.size(), nullptr);
        } else if (t.code_places.size() < dict.size()) {
          t.code_places.resizeFill(dict.size(), nullptr);
        }
        AggregateDataPtr* code_places = t.code_places.data();
        if (t.by_code) {
          lc.visitIndexes([&](const auto& codes) {
            for (size_t i = 0; i < rows; ++i) {
              uint32_t code = codes[i];
              AggregateDataPtr p = code_places[code];
              if (!p) {
                p = newGroup(t);
                code_places[code] = p;
                t.code_groups.push_back(code);
              }
              places[i] = p;
            }
          });
          break;
        }
        bool nullable = dict.isNullable();
        lc.visitIndexes([&](const auto& codes) {
          for (size_t i = 0; i < rows; ++i) {
            uint32_t code = codes[i];
            AggregateDataPtr p = code_places[code];
            if (!p) {
              p = (nullable && code == 0) ? nullGroup(t) : lookupByValue(t, dict.values().getDataAt(code));
              code_places[code] = p;
            }
            places[i] = p;
          }
        });
        break;
      }
      case AggregationMethod::Serialized: {
        std::vector<ColumnPtr> cols;
        for (size_t pos : key_positions_) cols.push_back(materialize(block.at(pos).column));
        for (size_t i = 0; i < rows; ++i) {
          const char* begin = nullptr;
          size_t size = 0;
          for (const auto& c : cols) size += c->serializeValueIntoArena(i, *t.arena, begin);
          std::string_view key(begin, size);
          uint64_t h = hashBytes(key);
          bool inserted;
          auto& cell = t.map_string.emplace(key, h, inserted);
          if (inserted)
            cell.value = newGroup(t);
          else
            rollbackArena(t, size);
          places[i] = cell.value;
        }
        break;
      }
    }

    // Feed every aggregate with this block.
    for (size_t j = 0; j < params_.aggregates.size(); ++j) {
      const auto& positions = argument_positions_[j];
      ColumnPtr holders[16];
      const Column* args[16];
      if (positions.size() > 16) throw Exception(ErrorCodes::TOO_MANY_ARGUMENTS_FOR_FUNCTION, "Too many arguments");
      for (size_t k = 0; k < positions.size(); ++k) {
        ColumnPtr c = materialize(block.at(positions[k]).column);
        if (c->kind() == ColumnKind::LowCardinality) c = static_cast<const ColumnLowCardinality&>(*c).convertToFullColumn();
        holders[k] = c;
        args[k] = holders[k].get();
      }
      const IAggregateFunction* f = layout_.functions()[j];
      if (method_ == AggregationMethod::NoKeys)
        f->addBatchSinglePlace(rows, t.no_key + layout_.offset(j), args, t.arena.get());
      else
        f->addBatch(rows, places, layout_.offset(j), args, t.arena.get());
    }
  }

  void rollbackArena(GroupTable&, size_t) {
    // The serialised key of an existing group stays in the arena (it is small); keeping it is
    // simpler than an arena rollback and bounded by input size.
  }

  AggregateDataPtr lookup64(GroupTable& t, uint64_t key) {
    bool inserted;
    char*& v = t.map64.emplace(key, inserted);
    if (inserted) v = newGroup(t);
    return v;
  }

  AggregateDataPtr lookupString(GroupTable& t, std::string_view key) {
    uint64_t h = hashBytes(key);
    bool inserted;
    auto& cell = t.map_string.emplace(key, h, inserted);
    if (inserted) {
      std::string_view stored = t.arena->insert(key);
      cell.data = stored.data();
      cell.value = newGroup(t);
    }
    return cell.value;
  }

  /// LowCardinality groups are keyed by value: numbers through map64, strings through map_string.
  AggregateDataPtr lookupByValue(GroupTable& t, std::string_view raw) {
    if (lc_numeric_) {
      uint64_t k = 0;
      std::memcpy(&k, raw.data(), std::min<size_t>(raw.size(), 8));
      return lookup64(t, k);
    }
    return lookupString(t, raw);
  }

  /// Leaves keying by code: each code's group goes into the value maps (NULL's into null_key).
  /// code_places stays a valid cache of the same dictionary's codes.
  void keyByValue(GroupTable& t) {
    if (!t.by_code) return;
    t.by_code = false;
    if (!t.cached_dictionary) return;
    const LowCardinalityDictionary& dict = *t.cached_dictionary;
    for (uint32_t code : t.code_groups) {
      AggregateDataPtr p = t.code_places[code];
      if (dict.isNullable() && code == 0) {
        t.null_key = p;
        continue;
      }
      std::string_view raw = dict.values().getDataAt(code);
      bool inserted;
      if (lc_numeric_) {
        uint64_t k = 0;
        std::memcpy(&k, raw.data(), std::min<size_t>(raw.size(), 8));
        t.map64.emplace(k, inserted) = p;
      } else {
        auto& cell = t.map_string.emplace(raw, hashBytes(raw), inserted);
        cell.data = t.arena->insert(raw).data();
        cell.value = p;
      }
    }
    t.code_groups.clear();
  }

  AggregateDataPtr nullGroup(GroupTable& t) {
    if (!t.null_key) t.null_key = newGroup(t);
    return t.null_key;
  }

  /// Groups of keys packed into `Key` (16 or 32 bytes): keys and hashes for the whole block
  /// first, then lookups with the cell of a later row prefetched.
  template <typename Key, typename Map>
  void lookupPacked(GroupTable& t, Map& map, const std::vector<ColumnPtr>& cols, size_t rows, AggregateDataPtr* places) {
    static_assert(sizeof(Key) == 16 || sizeof(Key) == 32);
    packed_keys_.resize(rows * sizeof(Key));
    hashes_.resize(rows);
    Key* keys = reinterpret_cast<Key*>(packed_keys_.data());
    packKeyColumns(cols, rows, keys);
    for (size_t i = 0; i < rows; ++i) hashes_[i] = Map::Traits::hash(keys[i]);
    constexpr size_t kAhead = 8;
    for (size_t i = 0; i < rows; ++i) {
      if (i + kAhead < rows) map.prefetch(hashes_[i + kAhead]);
      bool inserted;
      char*& v = map.emplace(keys[i], hashes_[i], inserted);
      if (inserted) v = newGroup(t);
      places[i] = v;
    }
  }

  /// Packs row i's key columns, in order, into the first bytes of `out[i]` (zero-padded to
  /// sizeof(Key)), one column at a time with the copy width known at compile time.
  template <typename Key>
  void packKeyColumns(const std::vector<ColumnPtr>& cols, size_t rows, Key* out) {
    std::memset(static_cast<void*>(out), 0, rows * sizeof(Key));
    size_t offset = 0;
    for (size_t k = 0; k < cols.size(); ++k) {
      const char* raw = rawData(*cols[k]);
      char* dst = reinterpret_cast<char*>(out) + offset;
      auto copy = [&]<size_t W>() {
        for (size_t i = 0; i < rows; ++i) std::memcpy(dst + i * sizeof(Key), raw + i * W, W);
      };
      switch (key_widths_[k]) {
        case 1: copy.template operator()<1>(); break;
        case 2: copy.template operator()<2>(); break;
        case 4: copy.template operator()<4>(); break;
        case 8: copy.template operator()<8>(); break;
        case 16: copy.template operator()<16>(); break;
        default:
          for (size_t i = 0; i < rows; ++i) std::memcpy(dst + i * sizeof(Key), raw + i * key_widths_[k], key_widths_[k]);
      }
      offset += key_widths_[k];
    }
  }

  void mergePlace(GroupTable& dst, AggregateDataPtr& dst_place, AggregateDataPtr src_place) {
    if (!src_place) return;
    if (!dst_place) {
      dst_place = src_place;
      ++dst.groups;
      return;
    }
    layout_.merge(dst_place, src_place, *dst.arena);
    layout_.destroy(src_place);
  }

  /// Moves the groups of `src_map` into `dst_map` (merging states of keys in both); empties src.
  template <typename Map>
  void mergeFixedKeys(GroupTable& dst, Map& dst_map, Map& src_map) {
    src_map.forEach([&](const typename Map::Key& key, char* place) {
      bool inserted;
      char*& v = dst_map.emplace(key, inserted);
      if (inserted) v = nullptr;
      AggregateDataPtr p = v;
      mergePlace(dst, p, place);
      v = p;
    });
    src_map = Map(16);
  }

  void mergeInto(GroupTable& dst, GroupTable& src) {
    context_.checkAlive();
    if (method_ == AggregationMethod::LowCardinality) {
      if (dst.by_code && src.by_code && (!dst.cached_dictionary || dst.cached_dictionary == src.cached_dictionary)) {
        if (src.cached_dictionary) {
          dst.cached_dictionary = src.cached_dictionary;
          if (dst.code_places.size() < src.code_places.size()) dst.code_places.resizeFill(src.code_places.size(), nullptr);
          for (uint32_t code : src.code_groups) {
            AggregateDataPtr& d = dst.code_places[code];
            if (!d) dst.code_groups.push_back(code);
            mergePlace(dst, d, src.code_places[code]);
          }
          src.code_groups.clear();
          src.code_places.clear();
        }
      } else if (src.cached_dictionary || !src.by_code) {
        keyByValue(dst);
        keyByValue(src);
      }
    }
    mergePlace(dst, dst.no_key, src.no_key);
    src.no_key = nullptr;
    mergePlace(dst, dst.null_key, src.null_key);
    src.null_key = nullptr;
    for (size_t k = 0; k < src.direct.size(); ++k) {
      mergePlace(dst, dst.direct[k], src.direct[k]);
      src.direct[k] = nullptr;
    }
    mergeFixedKeys(dst, dst.map64, src.map64);
    mergeFixedKeys(dst, dst.map128, src.map128);
    mergeFixedKeys(dst, dst.map256, src.map256);
    src.map_string.forEach([&](std::string_view key, uint64_t hash, char* place) {
      bool inserted;
      auto& cell = dst.map_string.emplace(key, hash, inserted);
      if (inserted) cell.value = nullptr;
      AggregateDataPtr p = cell.value;
      mergePlace(dst, p, place);
      cell.value = p;
    });
    src.map_string = StringHashMap<char>(16);
    // States moved into dst may point into src's arena: keep it alive.
    kept_arenas_.push_back(src.arena);
    src.groups = 0;
  }

  void destroyAll(GroupTable& t) {
    auto destroy = [&](AggregateDataPtr p) {
      if (p) layout_.destroy(p);
    };
    if (!layout_.trivialDestroy()) {
      destroy(t.no_key);
      destroy(t.null_key);
      for (uint32_t code : t.code_groups) destroy(t.code_places[code]);
      for (auto p : t.direct) destroy(p);
      t.map64.forEach([&](uint64_t, char* p) { destroy(p); });
      t.map128.forEach([&](const UInt128&, char* p) { destroy(p); });
      t.map256.forEach([&](const PackedKey256&, char* p) { destroy(p); });
      t.map_string.forEach([&](std::string_view, uint64_t, char* p) { destroy(p); });
    }
    t.code_groups.clear();
    t.no_key = t.null_key = nullptr;
    t.direct.clear();
    t.map64 = HashMap<HashMapUInt64Traits, char>(16);
    t.map128 = HashMap<HashMapUInt128Traits, char>(16);
    t.map256 = HashMap<HashMapKey256Traits, char>(16);
    t.map_string = StringHashMap<char>(16);
  }

  /// Appends the keys of `packed` (groups of `width` bytes: key columns in order) to
  /// `key_columns`. LowCardinality ids become codes of the result's dictionary, each distinct id
  /// looked up once.
  void decodePackedKeys(const PODArray<char>& packed, size_t width, MutableColumns& key_columns) {
    const size_t groups = packed.size() / width;
    PODArray<uint32_t> codes;
    size_t offset = 0;
    for (size_t k = 0; k < key_columns.size(); ++k) {
      const char* src = packed.data() + offset;
      Column& column = *key_columns[k];
      if (k < lc_key_ids_.size() && lc_key_ids_[k]) {
        const LowCardinalityKeyIds& ids = *lc_key_ids_[k];
        if (column.kind() == ColumnKind::LowCardinality) {
          auto& lc = static_cast<ColumnLowCardinality&>(column);
          constexpr uint32_t kNoCode = ~0U;
          PODArray<uint32_t> code_of_id;
          code_of_id.resizeFill(ids.values.size(), kNoCode);
          codes.resize(groups);
          for (size_t g = 0; g < groups; ++g) {
            uint32_t id;
            std::memcpy(&id, src + g * width, 4);
            uint32_t& code = code_of_id[id];
            if (code == kNoCode) {
              if (id == 0) {
                code = 0;  // NULL
              } else {
                code = lc.codeOf(ids.values[id]);
              }
            }
            codes[g] = code;
          }
          lc.insertIndexes(codes.data(), groups);
        } else {
          for (size_t g = 0; g < groups; ++g) {
            uint32_t id;
            std::memcpy(&id, src + g * width, 4);
            if (id == 0) column.insertDefault();
            else column.insertData(ids.values[id].data(), ids.values[id].size());
          }
        }
      } else {
        column.reserve(column.size() + groups);
        for (size_t g = 0; g < groups; ++g) column.insertData(src + g * width, key_widths_[k]);
      }
      offset += key_widths_[k];
    }
  }

  void finish(GroupTable& t) {
    if (method_ == AggregationMethod::NoKeys && !t.no_key) t.no_key = newGroup(t);

    // Collect groups: key bytes (or values) and places.
    MutableColumns key_columns;
    for (const auto& type : key_types_) key_columns.push_back(type->createColumn());
    std::vector<AggregateDataPtr> places;
    places.reserve(t.groups);

    // Packed keys (Key64/128/256) are gathered first and decoded a column at a time.
    PODArray<char> packed;
    size_t packed_width = 0;
    for (auto w : key_widths_) packed_width += w;
    auto insert_raw = [&](const char* key) {
      size_t at = packed.size();
      packed.resize(at + packed_width);
      std::memcpy(packed.data() + at, key, packed_width);
    };
    switch (method_) {
      case AggregationMethod::NoKeys: places.push_back(t.no_key); break;
      case AggregationMethod::Key8:
      case AggregationMethod::Key16:
        for (size_t k = 0; k < t.direct.size(); ++k) {
          if (!t.direct[k]) continue;
          if (method_ == AggregationMethod::Key8) {
            char c = char(k);
            key_columns[0]->insertData(&c, 1);
          } else {
            uint16_t v = uint16_t(k);
            key_columns[0]->insertData(reinterpret_cast<const char*>(&v), 2);
          }
          places.push_back(t.direct[k]);
        }
        break;
      case AggregationMethod::Key64:
        t.map64.forEach([&](uint64_t key, char* p) {
          insert_raw(reinterpret_cast<const char*>(&key));
          places.push_back(p);
        });
        break;
      case AggregationMethod::Key128:
        t.map128.forEach([&](const UInt128& key, char* p) {
          char raw[16];
          std::memcpy(raw, &key.low, 8);
          std::memcpy(raw + 8, &key.high, 8);
          insert_raw(raw);
          places.push_back(p);
        });
        break;
      case AggregationMethod::Key256:
        t.map256.forEach([&](const PackedKey256& key, char* p) {
          insert_raw(reinterpret_cast<const char*>(key.w));
          places.push_back(p);
        });
        break;
      case AggregationMethod::KeyString:
        t.map_string.forEach([&](std::string_view key, uint64_t, char* p) {
          key_columns[0]->insertData(key.data(), key.size());
          places.push_back(p);
        });
        break;
      case AggregationMethod::LowCardinality: {
        if (t.by_code) {
          // The codes index the input's dictionary: the result shares it.
          if (!t.cached_dictionary) break;
          auto codes = ColumnUInt32::create();
          codes->getData().reserve(t.code_groups.size());
          for (uint32_t code : t.code_groups) {
            codes->getData().push_back(code);
            places.push_back(t.code_places[code]);
          }
          key_columns[0] = std::make_shared<ColumnLowCardinality>(t.cached_dictionary, std::move(codes));
          break;
        }
        auto& lc = static_cast<ColumnLowCardinality&>(*key_columns[0]);
        if (t.null_key) {
          lc.insertDefault();
          places.push_back(t.null_key);
        }
        if (lc_numeric_) {
          size_t width = removeNullable(static_cast<const DataTypeLowCardinality&>(*key_types_[0]).getDictionaryType())
                             ->sizeOfValueInMemory();
          t.map64.forEach([&](uint64_t key, char* p) {
            lc.insertData(reinterpret_cast<const char*>(&key), width);
            places.push_back(p);
          });
        } else {
          t.map_string.forEach([&](std::string_view key, uint64_t, char* p) {
            lc.insertData(key.data(), key.size());
            places.push_back(p);
          });
        }
        break;
      }
      case AggregationMethod::Serialized:
        t.map_string.forEach([&](std::string_view key, uint64_t, char* p) {
          const char* pos = key.data();
          for (auto& c : key_columns) pos = c->deserializeAndInsertFromArena(pos);
          places.push_back(p);
        });
        break;
    }

    if (!packed.empty()) decodePackedKeys(packed, packed_width, key_columns);

    // Totals: merge every group into one state before the groups are finalised.
    if (totals_ && params_.with_totals) {
      AggregateDataPtr total = layout_.create(*t.arena);
      for (auto p : places) layout_.merge(total, p, *t.arena);
      Block totals;
      for (size_t k = 0; k < key_types_.size(); ++k) {
        auto c = key_types_[k]->createColumn();
        c->insertDefault();
        totals.insert({std::move(c), key_types_[k], params_.keys[k]});
      }
      for (size_t j = 0; j < params_.aggregates.size(); ++j) {
        auto c = header_.at(key_types_.size() + j).type->createColumn();
        layout_.functions()[j]->insertResultInto(total + layout_.offset(j), *c, t.arena.get());
        totals.insert({std::move(c), header_.at(key_types_.size() + j).type, params_.aggregates[j].name});
      }
      totals.setRows(1);
      layout_.destroy(total);
      totals_->totals = std::move(totals);
    }

    // Finalise into result columns, in blocks.
    size_t block_size = std::max<uint64_t>(context_.settings.max_block_size, 1);
    size_t n = places.size();
    for (size_t start = 0; start < n; start += block_size) {
      size_t end = std::min(n, start + block_size);
      Block out;
      for (size_t k = 0; k < key_columns.size(); ++k)
        out.insert({key_columns[k]->cut(start, end - start), key_types_[k], params_.keys[k]});
      for (size_t j = 0; j < params_.aggregates.size(); ++j) {
        auto c = header_.at(key_types_.size() + j).type->createColumn();
        c->reserve(end - start);
        const IAggregateFunction* f = layout_.functions()[j];
        for (size_t r = start; r < end; ++r) f->insertResultInto(places[r] + layout_.offset(j), *c, t.arena.get());
        out.insert({std::move(c), header_.at(key_types_.size() + j).type, params_.aggregates[j].name});
      }
      out.setRows(end - start);
      output_.push_back(std::move(out));
    }
    destroyAll(t);
  }

  BlockStreams inputs_;
  AggregationParams params_;
  QueryContext& context_;
  std::shared_ptr<TotalsHolder> totals_;
  StatesLayout layout_;
  std::vector<size_t> key_positions_;
  DataTypes key_types_;
  std::vector<size_t> key_widths_;
  std::vector<std::shared_ptr<LowCardinalityKeyIds>> lc_key_ids_;  // per key; set for LowCardinality keys packed as ids
  std::vector<std::vector<size_t>> argument_positions_;
  AggregationMethod method_ = AggregationMethod::NoKeys;
  bool lc_numeric_ = false;
  bool string_id_keys_ = false;  // some String key is packed as an id (until decideStringKeys says otherwise)
  std::once_flag string_keys_decided_;
  Block header_;
  std::vector<GroupTable> tables_;
  std::vector<std::shared_ptr<Arena>> kept_arenas_;
  static thread_local PODArray<AggregateDataPtr> places_;
  static thread_local PODArray<char> packed_keys_;
  static thread_local PODArray<uint64_t> hashes_;
  std::vector<Block> output_;
  size_t next_output_ = 0;
  bool done_ = false;
};

thread_local PODArray<AggregateDataPtr> AggregatingStream::places_;
thread_local PODArray<char> AggregatingStream::packed_keys_;
thread_local PODArray<uint64_t> AggregatingStream::hashes_;

}  // namespace

BlockStreamPtr makeAggregatingStream(BlockStreams inputs, AggregationParams params, QueryContext& context,
                                     std::shared_ptr<TotalsHolder> totals) {
  return std::make_unique<AggregatingStream>(std::move(inputs), std::move(params), context, std::move(totals));
}

}  // namespace tally
