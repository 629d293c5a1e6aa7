#pragma once
// Dictionary: one loaded version of a dictionary — its elements stored column by column, and
// the layout's key index. Immutable once built (a reload builds a new one and swaps it in), so
// any number of queries read it concurrently.
//
// Every attribute column holds elementCount() + 1 rows: the last row is the attribute's
// DEFAULT (or its type's default). A lookup turns a block of keys into row numbers (absent
// keys get row elementCount()), and an attribute of the whole block is then one
// Column::permute — no per-row virtual calls.

#include <atomic>
#include <memory>

#include "dictionaries/dictionary_key_index.h"
#include "dictionaries/dictionary_structure.h"
#include "types/block.h"

namespace tally {

class Dictionary {
 public:
  /// `data`: the source's rows, columns in structure.allColumns() order and types.
  /// `defaults`: one row with the attributes that have a DEFAULT (by name); may be empty.
  /// Throws for keys a layout cannot hold (FLAT beyond max_array_size).
  Dictionary(DictionaryStructure structure, const Block& data, const Block& defaults);

  const DictionaryStructure& structure() const { return structure_; }
  size_t elementCount() const { return rows_; }

  /// rows[i] = the element of key row i, or elementCount() when absent. `keys`: for simple
  /// layouts one UInt64 column, for complex keys one column per key of the key's type;
  /// `range`: RANGE_HASHED's Int64 points (else null).
  void findRows(const Columns& keys, const Column* range, PODArray<UInt64>& rows) const;

  /// Attribute i with elementCount() + 1 rows (the last: its default).
  const ColumnPtr& attributeColumn(size_t i) const { return attributes_[i]; }
  /// Keys, range columns and attributes of every element (SELECT * FROM dictionary(...)).
  Block contents() const;

  size_t bytesAllocated() const;
  double loadFactor() const { return index_->loadFactor(); }

  /// Statistics for system.dictionaries (keys looked up, keys found).
  mutable std::atomic<uint64_t> query_count{0};
  mutable std::atomic<uint64_t> found_count{0};

 private:
  void buildIndex();

  DictionaryStructure structure_;
  size_t rows_ = 0;
  Columns keys_;
  Columns range_columns_;   // as declared (for contents())
  Columns range_bounds_;    // Int64, NULL bounds open
  Columns attributes_;      // rows_ + 1 rows each
  std::unique_ptr<DictionaryKeyIndex> index_;
};

using DictionaryPtr = std::shared_ptr<const Dictionary>;

}  // namespace tally
