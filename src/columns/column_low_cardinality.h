#pragma once
// LowCardinality(T): values stored as small integer codes into a dictionary of distinct values.
//
// LowCardinalityDictionary holds the distinct values of a non-Nullable type T (String,
// FixedString, numbers, dates). Code 0 is reserved: it means NULL for LowCardinality(Nullable(T))
// and the default value of T otherwise, so inserting defaults never touches the hash table.
//
// Sharing: many columns (all blocks read from one stored chunk, the results of filter/permute)
// share one dictionary through shared_ptr. A dictionary is appended to only while exactly one
// column owns it; a column that must insert into a shared dictionary copies it first. Kernels
// that see the same dictionary pointer in consecutive blocks may reuse per-code results.

#include <memory>
#include <mutex>
#include <string>
#include <unordered_map>
#include <vector>

#include "columns/column.h"
#include "columns/column_vector.h"

namespace tally {

class LowCardinalityDictionary {
 public:
  /// `values` is an empty column of T; `nullable` selects the meaning of code 0.
  LowCardinalityDictionary(MutableColumnPtr values, bool nullable);
  LowCardinalityDictionary(const LowCardinalityDictionary& other);

  const Column& values() const { return *values_; }
  ColumnPtr valuesPtr() const { return values_; }
  size_t size() const { return values_->size(); }
  bool isNullable() const { return nullable_; }

  /// Code of the value whose raw bytes (Column::getDataAt form) are `raw`, inserted if new.
  uint32_t insertRaw(std::string_view raw);
  /// Code of row n of `src` (a column of T).
  uint32_t insertFrom(const Column& src, size_t n) { return insertRaw(src.getDataAt(n)); }
  uint32_t insert(const Field& value);
  /// Code of `raw` if present.
  bool find(std::string_view raw, uint32_t& code) const;

  /// A function's results over this dictionary's codes, kept with the dictionary so that every
  /// block sharing it (and every thread) computes them once: `remap[code]` is the code of the
  /// result in `result` (a LowCardinality column whose dictionary holds the distinct results).
  /// Valid for codes below `computed`; the dictionary only grows, so the owner extends it.
  /// Lock `mutex` to read or extend an entry.
  struct DerivedCodes {
    std::mutex mutex;
    std::shared_ptr<Column> result;
    PODArray<uint32_t> remap;
    size_t computed = 0;
  };
  /// The entry for `key` (function, result type and constant arguments), created empty on first
  /// use. At most kMaxDerived entries are kept; older ones are dropped. Thread-safe.
  std::shared_ptr<DerivedCodes> derived(const std::string& key) const;
  static constexpr size_t kMaxDerived = 64;

 private:
  void rehash(size_t new_capacity);

  MutableColumnPtr values_;
  bool nullable_;
  PODArray<uint32_t> slots_;   // code + 1, 0 = empty; open addressing, linear probing
  PODArray<uint64_t> hashes_;  // hash of each code's value
  mutable std::mutex derived_mutex_;
  mutable std::unordered_map<std::string, std::shared_ptr<DerivedCodes>> derived_;
};

class ColumnLowCardinality final : public Column {
 public:
  using DictionaryPtr = std::shared_ptr<LowCardinalityDictionary>;

  ColumnLowCardinality(DictionaryPtr dictionary, MutableColumnPtr indexes)
      : dict_(std::move(dictionary)), indexes_(std::move(indexes)) {}
  /// An empty column over a fresh dictionary of values of the given (empty) column's type.
  static std::shared_ptr<ColumnLowCardinality> create(MutableColumnPtr empty_values, bool nullable);

  const LowCardinalityDictionary& getDictionary() const { return *dict_; }
  const DictionaryPtr& getDictionaryPtr() const { return dict_; }
  const Column& getIndexes() const { return *indexes_; }
  ColumnPtr getIndexesPtr() const { return indexes_; }
  /// Byte width of a code: 1, 2 or 4.
  size_t indexWidth() const { return indexes_->sizeOfValueIfFixed(); }
  uint32_t getIndexAt(size_t n) const { return uint32_t(indexes_->getUInt(n)); }
  bool isNullableDictionary() const { return dict_->isNullable(); }

  /// Calls f(const PODArray<UIntN>&) with the codes in their actual width.
  template <typename F>
  decltype(auto) visitIndexes(F&& f) const {
    switch (indexWidth()) {
      case 1: return f(static_cast<const ColumnUInt8&>(*indexes_).getData());
      case 2: return f(static_cast<const ColumnUInt16&>(*indexes_).getData());
      default: return f(static_cast<const ColumnUInt32&>(*indexes_).getData());
    }
  }

  /// The values as an ordinary column of T (Nullable(T) if the dictionary is nullable).
  ColumnPtr convertToFullColumn() const;
  /// Appends a code directly (caller guarantees it belongs to this dictionary).
  void insertIndex(uint32_t code);
  /// Appends n codes at once (all belonging to this dictionary).
  void insertIndexes(const uint32_t* codes, size_t n);
  /// The code of the value with raw bytes `raw` in this column's dictionary, entered if new
  /// (copying a shared dictionary first); appends no row. For building codes in bulk.
  uint32_t codeOf(std::string_view raw) { return mutableDictionary().insertRaw(raw); }
  /// Appends the value of row n of `src`, a full column of T or Nullable(T).
  void insertFromFullColumn(const Column& src, size_t n);

  ColumnKind kind() const override { return ColumnKind::LowCardinality; }
  std::string familyName() const override { return "LowCardinality"; }
  size_t size() const override { return indexes_->size(); }
  size_t byteSize() const override { return indexes_->byteSize() + dict_->values().byteSize(); }

  Field operator[](size_t n) const override;
  std::string_view getDataAt(size_t n) const override { return dict_->values().getDataAt(getIndexAt(n)); }
  bool isNullAt(size_t n) const override { return dict_->isNullable() && getIndexAt(n) == 0; }
  uint64_t getUInt(size_t n) const override { return dict_->values().getUInt(getIndexAt(n)); }
  int64_t getInt(size_t n) const override { return dict_->values().getInt(getIndexAt(n)); }
  double getFloat64(size_t n) const override { return dict_->values().getFloat64(getIndexAt(n)); }

  MutableColumnPtr cloneEmpty() const override;
  MutableColumnPtr clone() const override;

  void insert(const Field& value) override;
  void insertFrom(const Column& src, size_t n) override;
  void insertRangeFrom(const Column& src, size_t start, size_t length) override;
  /// Codes in this column's dictionary of another dictionary's codes, kept across calls (a part
  /// writer fed many blocks over one table dictionary looks each value up once, not per call).
  /// Valid while this column's dictionary only grows (copies keep codes).
  struct CodeRemap {
    DictionaryPtr source;          // held, so never changed in place while remembered
    std::vector<uint32_t> codes;   // UINT32_MAX: not looked up yet
  };
  /// insertRangeFrom, remembering the code mapping of a LowCardinality `src` in `remap`.
  void insertRangeFrom(const Column& src, size_t start, size_t length, CodeRemap& remap);
  void insertDefault() override { insertIndex(0); }
  void insertManyDefaults(size_t n) override;
  void insertData(const char* pos, size_t length) override;
  void popBack(size_t n) override { indexes_->popBack(n); }
  void reserve(size_t n) override { indexes_->reserve(n); }

  ColumnPtr filter(const Filter& filter, ssize_t result_size_hint) const override;
  ColumnPtr permute(const Permutation& perm, size_t limit) const override;
  ColumnPtr replicate(const Offsets& offsets) const override;
  ColumnPtr cut(size_t start, size_t length) const override;

  int compareAt(size_t n, size_t m, const Column& rhs, int nan_direction_hint) const override;
  void getPermutation(bool reverse, size_t limit, int nan_direction_hint, Permutation& perm) const override;
  void updateHashWithValue(size_t n, SipHash& hash) const override;
  size_t serializeValueIntoArena(size_t n, Arena& arena, const char*& begin) const override;
  const char* deserializeAndInsertFromArena(const char* pos) override;
  bool isNullable() const override { return false; }

 private:
  LowCardinalityDictionary& mutableDictionary();
  void widenIfNeeded(uint32_t code);

  DictionaryPtr dict_;
  MutableColumnPtr indexes_;
};

}  // namespace tally
