// COMPLEX_KEY_HASHED layout: keys of any types. A single String key is hashed over its bytes in
// place (the stored key column owns them); several keys are serialised, one after the other,
// into an arena and hashed as one byte string.

#include "columns/column_string.h"
#include "common/arena.h"
#include "common/hash.h"
#include "dictionaries/dictionary_key_index.h"
#include "execution/hash_map.h"

namespace tally {

namespace {

class ComplexKeyIndex final : public DictionaryKeyIndex {
 public:
  explicit ComplexKeyIndex(const DictionaryStructure& s) : single_string_(s.keys.size() == 1 && isString(s.keys[0].type)) {}

  void build(const Columns& keys, const Columns&, size_t rows) override {
    row_numbers_.resize(rows);
    for (size_t i = 0; i < rows; ++i) row_numbers_[i] = i;
    map_ = Map(rows * 2);
    forEachKey(keys, rows, arena_, [&](size_t i, std::string_view key) {
      bool inserted;
      map_.emplace(key, hashBytes(key), inserted).value = &row_numbers_[i];
    });
  }

  void find(const Columns& keys, const Column*, uint64_t missing, PODArray<UInt64>& rows) const override {
    const size_t n = keys.empty() ? 0 : keys[0]->size();
    rows.resize(n);
    Arena scratch;
    forEachKey(keys, n, scratch, [&](size_t i, std::string_view key) {
      const UInt64* cell = map_.find(key, hashBytes(key));
      rows[i] = cell ? *cell : missing;
    });
  }

  size_t bytesAllocated() const override {
    return row_numbers_.allocatedBytes() + map_.capacity() * sizeof(Map::Cell) + arena_.allocatedBytes();
  }
  double loadFactor() const override { return map_.capacity() ? double(map_.size()) / double(map_.capacity()) : 0; }

 private:
  using Map = StringHashMap<const UInt64>;

  /// Calls f(row, key bytes) for each row; composite keys are serialised into `arena`.
  template <typename F>
  void forEachKey(const Columns& keys, size_t rows, Arena& arena, F&& f) const {
    if (single_string_) {
      const auto& strings = typedAs<ColumnString>(*keys[0]);
      for (size_t i = 0; i < rows; ++i) f(i, strings.at(i));
      return;
    }
    for (size_t i = 0; i < rows; ++i) {
      const char* begin = nullptr;
      size_t size = 0;
      for (const auto& k : keys) size += k->serializeValueIntoArena(i, arena, begin);
      f(i, std::string_view(begin, size));
    }
  }

  bool single_string_;
  PODArray<UInt64> row_numbers_;
  Arena arena_;
  Map map_;
};

}  // namespace

std::unique_ptr<DictionaryKeyIndex> makeComplexKeyIndex(const DictionaryStructure& structure) {
  return std::make_unique<ComplexKeyIndex>(structure);
}

}  // namespace tally
