#pragma once
// Column: a contiguous, typed sequence of values — the unit every operator and function works
// on. Concrete kinds: ColumnVector<T> (numbers, dates, UUID), ColumnString, ColumnFixedString,
// ColumnNullable, ColumnArray, ColumnTuple, ColumnLowCardinality, ColumnConst, ColumnNothing,
// ColumnAggregateFunction.
//
// Ownership: columns are shared immutably through ColumnPtr (shared_ptr<const Column>). A
// column is mutated only by the code that created it (MutableColumnPtr) before it is
// published. Hot loops cast to the concrete kind once per block (typedAs<>) and then run on
// raw arrays; the virtual methods here are per block, or generic per-row fallbacks.

#include <cstdint>
#include <memory>
#include <string>
#include <string_view>

#include "common/pod_array.h"
#include "common/field.h"

namespace tally {

class Arena;
class SipHash;

enum class ColumnKind : uint8_t {
  Vector,
  String,
  FixedString,
  Nullable,
  Array,
  Tuple,
  LowCardinality,
  Const,
  Nothing,
  AggregateFunction,
  Function,
};

class Column;
using ColumnPtr = std::shared_ptr<const Column>;
using MutableColumnPtr = std::shared_ptr<Column>;
using Columns = std::vector<ColumnPtr>;
using MutableColumns = std::vector<MutableColumnPtr>;

/// Selection mask: 1 keeps the row.
using Filter = PODArray<uint8_t>;
/// Row order: res[i] is the source row of output row i.
using Permutation = PODArray<uint64_t>;
/// Cumulative end offsets (arrays, replication).
using Offsets = PODArray<uint64_t>;

class Column : public std::enable_shared_from_this<Column> {
 public:
  virtual ~Column() = default;

  virtual ColumnKind kind() const = 0;
  /// "UInt64", "String", "Nullable", ... for messages.
  virtual std::string familyName() const = 0;
  virtual size_t size() const = 0;
  bool empty() const { return size() == 0; }
  /// Bytes of payload (what the data weighs, not what is reserved).
  virtual size_t byteSize() const = 0;
  virtual size_t allocatedBytes() const { return byteSize(); }

  // ---- Reading single values (slow paths: constant folding, formats of rare types). ----
  virtual Field operator[](size_t n) const = 0;
  /// Raw bytes of value n for kinds stored contiguously (numbers, String, FixedString).
  virtual std::string_view getDataAt(size_t n) const;
  virtual bool isNullAt(size_t) const { return false; }
  /// Numeric value of row n (numbers, Bool, dates); throws for other kinds.
  virtual uint64_t getUInt(size_t n) const;
  virtual int64_t getInt(size_t n) const { return int64_t(getUInt(n)); }
  virtual double getFloat64(size_t n) const;
  bool getBool(size_t n) const { return getUInt(n) != 0; }

  // ---- Creating. ----
  virtual MutableColumnPtr cloneEmpty() const = 0;
  /// Deep copy.
  virtual MutableColumnPtr clone() const;
  /// Copy of the first n rows, padded with defaults if n > size().
  virtual MutableColumnPtr cloneResized(size_t n) const;

  // ---- Inserting (only on columns not yet shared). ----
  virtual void insert(const Field& value) = 0;
  /// Appends row n of src, which must be the same kind and type.
  virtual void insertFrom(const Column& src, size_t n) = 0;
  virtual void insertRangeFrom(const Column& src, size_t start, size_t length) = 0;
  virtual void insertDefault() = 0;
  virtual void insertManyDefaults(size_t n) {
    for (size_t i = 0; i < n; ++i) insertDefault();
  }
  /// Appends a value given by its raw bytes (numbers, String, FixedString).
  virtual void insertData(const char* pos, size_t length);
  virtual void popBack(size_t n) = 0;
  virtual void reserve(size_t) {}

  // ---- Bulk transforms: one call per block. ----
  /// Rows where filter[i] != 0. result_size_hint: expected rows (or -1 to count).
  virtual ColumnPtr filter(const Filter& filter, ssize_t result_size_hint) const = 0;
  /// Rows in the order of perm (first `limit` of them, all if limit == 0).
  virtual ColumnPtr permute(const Permutation& perm, size_t limit) const = 0;
  /// Row i repeated (offsets[i] - offsets[i-1]) times.
  virtual ColumnPtr replicate(const Offsets& offsets) const = 0;
  /// Rows [start, start + length) as a new column; may share buffers.
  virtual ColumnPtr cut(size_t start, size_t length) const;

  // ---- Comparing, sorting, hashing. ----
  /// <0, 0, >0 comparing row n of this with row m of rhs (same type). nan_direction_hint
  /// (1 or -1) says where NaN and NULL sort: 1 = after everything.
  virtual int compareAt(size_t n, size_t m, const Column& rhs, int nan_direction_hint) const = 0;
  /// Fills perm with the row order that sorts this column (stable).
  virtual void getPermutation(bool reverse, size_t limit, int nan_direction_hint, Permutation& perm) const;
  virtual void updateHashWithValue(size_t n, SipHash& hash) const = 0;
  /// Appends row n in a self-delimiting binary form to the arena (for composite hash keys)
  /// through Arena::allocContinue, so that the whole key stays contiguous from `begin`
  /// (set on the first write, moved if the arena relocates the key). Returns bytes written.
  virtual size_t serializeValueIntoArena(size_t n, Arena& arena, const char*& begin) const = 0;
  /// Reads one value written by serializeValueIntoArena and appends it; returns the next position.
  virtual const char* deserializeAndInsertFromArena(const char* pos) = 0;

  // ---- Shape. ----
  virtual bool isConst() const { return false; }
  virtual bool isNullable() const { return false; }
  /// For ColumnConst: a full column; otherwise this.
  virtual ColumnPtr convertToFullColumnIfConst() const { return shared_from_this(); }
  /// Fixed byte width of each value, or 0 if variable.
  virtual size_t sizeOfValueIfFixed() const { return 0; }
  virtual bool isNumeric() const { return false; }

  ColumnPtr getPtr() const { return shared_from_this(); }
  MutableColumnPtr assumeMutable() const { return std::const_pointer_cast<Column>(shared_from_this()); }
};

/// Casts to a concrete column kind (checked in debug builds).
template <typename T>
const T& typedAs(const Column& column) {
#ifndef NDEBUG
  return dynamic_cast<const T&>(column);
#else
  return static_cast<const T&>(column);
#endif
}
template <typename T>
T& typedAs(Column& column) {
#ifndef NDEBUG
  return dynamic_cast<T&>(column);
#else
  return static_cast<T&>(column);
#endif
}
template <typename T>
const T* tryTypedAs(const Column* column) {
  return dynamic_cast<const T*>(column);
}

/// Counts the 1s in a filter (vectorised).
size_t countBytesInFilter(const uint8_t* filter, size_t size);
inline size_t countBytesInFilter(const Filter& filter) { return countBytesInFilter(filter.data(), filter.size()); }

}  // namespace tally
