#pragma once
// The right side of IN as a hash set, and the function that tests membership. Built at
// analysis time (from literals, a subquery's result, or a table) with values converted to the
// types of the left side. NULLs on either side never match unless transform_null_in is set
// (then NULL IN (NULL) is 1).

#include <memory>

#include "common/arena.h"
#include "execution/hash_map.h"
#include "functions/function.h"

namespace tally {

class InSet {
 public:
  /// `columns` hold the set's values (one column per key element), already of `types`.
  InSet(DataTypes types, Columns columns, bool transform_null_in);

  /// For each row of `keys` (columns of the set's types), 1 if present, else 0.
  void contains(const Columns& keys, size_t rows, PODArray<UInt8>& result) const;
  size_t size() const { return size_; }
  /// The distinct non-NULL values of a set with one key column (each once, in the order given);
  /// null for several key columns.
  const ColumnPtr& values() const { return values_; }
  /// Whether a NULL key is in the set (transform_null_in and a NULL among the values).
  bool matchesNull() const { return transform_null_in_ && has_null_; }
  const DataTypes& types() const { return types_; }

 private:
  bool keyHasNull(const Columns& keys, size_t row) const;
  std::string_view serialize(const Columns& keys, size_t row, Arena& arena) const;

  DataTypes types_;
  ColumnPtr values_;
  bool transform_null_in_;
  bool has_null_ = false;
  bool single_fixed_ = false;  // one non-Nullable fixed-width key (numbers, dates)
  size_t fixed_width_ = 0;
  HashMap<HashMapUInt64Traits, char> fixed_;
  Arena arena_;
  StringHashMap<char> general_;
  size_t size_ = 0;
  char marker_ = 1;
};

using InSetPtr = std::shared_ptr<const InSet>;

/// in / notIn / globalIn / globalNotIn with a prepared set: arguments are the left side only
/// (one column, or the elements of a left tuple).
FunctionPtr makeFunctionIn(std::string name, InSetPtr set, bool negate, size_t key_columns);

}  // namespace tally
