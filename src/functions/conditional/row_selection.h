#pragma once
// Row selection shared by if, multiIf, coalesce, caseWithExpression and friends: builds a
// column whose row i is row i of branches[index[i]]. All branches already have the result
// type (full or constant columns). Numbers are gathered over raw arrays (a branch-free select
// for two branches); Nullable results gather values and null maps separately; other types
// go through Column::insertFrom.

#include "columns/column.h"
#include "types/block.h"
#include "types/data_type.h"

namespace tally {

/// row i = row i of branches[index[i]]; index values must be < branches.size().
ColumnPtr gatherRows(const PODArray<UInt8>& index, const Columns& branches, const DataTypePtr& type, size_t rows);

/// row i = cond[i] ? then_column[i] : else_column[i] (cond holds 0/1).
ColumnPtr selectRows(const PODArray<UInt8>& cond, const ColumnPtr& then_column, const ColumnPtr& else_column,
                     const DataTypePtr& type, size_t rows);

/// 0/1 per row from a condition argument: non-zero numbers are true; NULL is false.
PODArray<UInt8> conditionValues(const ColumnWithTypeAndName& condition, size_t rows);

/// Throws ILLEGAL_TYPE_OF_ARGUMENT unless `type` can be a condition (number, Bool, Nullable or NULL).
void checkConditionType(const std::string& function, size_t index, const DataTypePtr& type);

}  // namespace tally
