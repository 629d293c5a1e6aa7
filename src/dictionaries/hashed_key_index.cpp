// HASHED layout: UInt64 key -> row through the engine's open-addressing HashMap. The map's
// values point into row_numbers_ (row_numbers_[r] == r), so a found cell gives its row.

#include "columns/column_vector.h"
#include "dictionaries/dictionary_key_index.h"
#include "execution/hash_map.h"

namespace tally {

namespace {

class HashedKeyIndex final : public DictionaryKeyIndex {
 public:
  void build(const Columns& keys, const Columns&, size_t rows) override {
    PODArray<UInt64> buffer;
    const auto& k = simpleKeyValues(*keys[0], buffer);
    row_numbers_.resize(rows);
    for (size_t i = 0; i < rows; ++i) row_numbers_[i] = i;
    map_ = Map(rows * 2);
    for (size_t i = 0; i < rows; ++i) {
      bool inserted;
      map_.emplace(k[i], inserted) = &row_numbers_[i];
    }
  }

  void find(const Columns& keys, const Column*, uint64_t missing, PODArray<UInt64>& rows) const override {
    const auto& k = typedAs<ColumnUInt64>(*keys[0]).getData();
    const size_t n = k.size();
    rows.resize(n);
    for (size_t i = 0; i < n; ++i) {
      const UInt64* cell = map_.find(k[i]);
      rows[i] = cell ? *cell : missing;
    }
  }

  size_t bytesAllocated() const override {
    return row_numbers_.allocatedBytes() + map_.capacity() * sizeof(Map::Cell);
  }
  double loadFactor() const override { return map_.capacity() ? double(map_.size()) / double(map_.capacity()) : 0; }

 private:
  using Map = HashMap<HashMapUInt64Traits, const UInt64>;
  PODArray<UInt64> row_numbers_;
  Map map_;
};

}  // namespace

std::unique_ptr<DictionaryKeyIndex> makeHashedKeyIndex(const DictionaryStructure&) {
  return std::make_unique<HashedKeyIndex>();
}

}  // namespace tally
