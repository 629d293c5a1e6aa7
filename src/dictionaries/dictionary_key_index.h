#pragma once
// DictionaryKeyIndex: the part of a layout that maps keys to rows of the dictionary's columnar
// storage. One implementation per layout (FLAT: a direct array; HASHED: an integer hash map;
// COMPLEX_KEY_HASHED: a map over the key bytes; RANGE_HASHED: per key, ranges sorted by start).
// Lookups take whole key columns and fill one row number per key: one virtual call per block.
//
// Built once over the stored key (and range) columns, which must outlive the index; later rows
// win over earlier rows with the same key. Immutable afterwards, so lookups may run on many
// threads at once.

#include <memory>

#include "columns/column.h"
#include "dictionaries/dictionary_structure.h"

namespace tally {

class DictionaryKeyIndex {
 public:
  virtual ~DictionaryKeyIndex() = default;

  /// Indexes rows [0, rows) of `keys` (typed as the structure's keys) and, for RANGE_HASHED,
  /// `range` = {range_min, range_max} columns (Int64; NULL bounds already made open).
  virtual void build(const Columns& keys, const Columns& range, size_t rows) = 0;
  /// rows[i] = the stored row for key row i, or `missing` when there is none. `keys` are typed
  /// like the stored keys except simple keys, which come as UInt64; `range` (RANGE_HASHED
  /// only) is an Int64 column of the points looked up.
  virtual void find(const Columns& keys, const Column* range, uint64_t missing, PODArray<UInt64>& rows) const = 0;
  /// Whether row `row` is the one its key resolves to (false for rows shadowed by a later
  /// duplicate). Ranges are never shadowed.
  virtual bool keepsDuplicates() const { return false; }
  virtual size_t bytesAllocated() const = 0;
  /// Used cells / capacity of the hash table (0 for FLAT).
  virtual double loadFactor() const { return 0; }
};

std::unique_ptr<DictionaryKeyIndex> makeFlatKeyIndex(const DictionaryStructure& structure);
std::unique_ptr<DictionaryKeyIndex> makeHashedKeyIndex(const DictionaryStructure& structure);
std::unique_ptr<DictionaryKeyIndex> makeComplexKeyIndex(const DictionaryStructure& structure);
std::unique_ptr<DictionaryKeyIndex> makeRangeKeyIndex(const DictionaryStructure& structure);
/// The index of the structure's layout.
std::unique_ptr<DictionaryKeyIndex> makeKeyIndex(const DictionaryStructure& structure);

/// Values of an unsigned integer key column as UInt64 (no copy when it already is UInt64).
const PODArray<UInt64>& simpleKeyValues(const Column& keys, PODArray<UInt64>& buffer);

}  // namespace tally
