#pragma once
// ColumnAggregateFunction: the column of AggregateFunction(f, types...) values — one pointer to
// a state of f per row.
//
// Ownership: a column either owns its states (created in its own arena, destroyed with the
// column) or shares the states of an owning column (results of filter/permute/cut/replicate
// keep that column alive through src_ and never destroy its states). Any mutation of a
// sharing column first copies the shared states into states of its own (ensureOwnership).
// States are copied by merging them into fresh empty states, so a copy never points into the
// memory of its source.

#include "columns/column.h"
#include "common/arena.h"
#include "functions/aggregate/aggregate_function.h"

namespace tally {

class ColumnAggregateFunction final : public Column {
 public:
  explicit ColumnAggregateFunction(AggregateFunctionPtr function);
  ~ColumnAggregateFunction() override;
  ColumnAggregateFunction(const ColumnAggregateFunction&) = delete;
  ColumnAggregateFunction& operator=(const ColumnAggregateFunction&) = delete;

  static std::shared_ptr<ColumnAggregateFunction> create(AggregateFunctionPtr function) {
    return std::make_shared<ColumnAggregateFunction>(std::move(function));
  }

  const AggregateFunctionPtr& getFunction() const { return func_; }
  /// The state of each row (read only: states may be shared with other columns).
  const PODArray<AggregateDataPtr>& getData() const { return data_; }

  /// Appends a copy of `place`, a state of getFunction() (e.g. from an aggregation operator).
  void insertMergeFrom(ConstAggregateDataPtr place);
  /// Appends a fresh empty state and returns it; the caller fills it through `arena()`.
  AggregateDataPtr insertEmptyState();
  /// The arena that owns this column's states (and their allocations).
  Arena& arena();
  /// State n in its binary form (what serialize() writes).
  std::string serializeState(size_t n) const;
  /// Appends a state read from its binary form; throws if the bytes are malformed.
  void insertFromSerialized(std::string_view bytes);
  /// Appends a state read from `in` (RowBinary / Native).
  void insertDeserialized(ReadBuffer& in);

  ColumnKind kind() const override { return ColumnKind::AggregateFunction; }
  std::string familyName() const override { return "AggregateFunction"; }
  size_t size() const override { return data_.size(); }
  size_t byteSize() const override;
  size_t allocatedBytes() const override;

  Field operator[](size_t n) const override;

  MutableColumnPtr cloneEmpty() const override { return create(func_); }

  void insert(const Field& value) override;
  void insertFrom(const Column& src, size_t n) override;
  void insertRangeFrom(const Column& src, size_t start, size_t length) override;
  void insertDefault() override { insertEmptyState(); }
  void popBack(size_t n) override;
  void reserve(size_t n) override { data_.reserve(n); }

  ColumnPtr filter(const Filter& filter, ssize_t result_size_hint) const override;
  ColumnPtr permute(const Permutation& perm, size_t limit) const override;
  ColumnPtr replicate(const Offsets& offsets) const override;
  ColumnPtr cut(size_t start, size_t length) const override;

  /// States are not comparable (as in ClickHouse): all rows compare equal.
  int compareAt(size_t, size_t, const Column&, int) const override { return 0; }
  void updateHashWithValue(size_t n, SipHash& hash) const override;
  size_t serializeValueIntoArena(size_t n, Arena& arena, const char*& begin) const override;
  const char* deserializeAndInsertFromArena(const char* pos) override;

 private:
  /// A column sharing the states of this one (owner's states, pointers `data`).
  std::shared_ptr<ColumnAggregateFunction> makeSharing(PODArray<AggregateDataPtr> data) const;
  /// The column owning the states this one points to.
  ColumnPtr owner() const { return src_ ? src_ : shared_from_this(); }
  void ensureOwnership();
  void destroyStates(size_t from) noexcept;
  [[noreturn]] void throwIncompatible(const Column& src) const;
  const ColumnAggregateFunction& checkedSource(const Column& src) const;

  AggregateFunctionPtr func_;
  ArenaPtr arena_;
  PODArray<AggregateDataPtr> data_;
  ColumnPtr src_;  // non-null: the states belong to this column
};

}  // namespace tally
