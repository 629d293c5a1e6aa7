#pragma once
// Data skipping from a query's filter: the conjuncts of the WHERE/PREWHERE expression of the
// form `column op constant`, and min/max statistics of ranges of rows to test them against.
// A storage keeps statistics per granule of rows and reads only the granules where the filter
// may be true; the filter itself is still applied to what is read, so skipping is only ever an
// optimisation.

#include <map>
#include <string>
#include <vector>

#include "columns/column.h"
#include "common/field.h"
#include "execution/expression.h"
#include "functions/function.h"

namespace tally {

constexpr size_t kMaxInConditionValues = 100000;

struct ColumnCondition {
  enum class Op : uint8_t { Equals, Less, LessOrEquals, Greater, GreaterOrEquals, In };
  std::string column;  // storage column name
  Op op;
  Field value;  // converted exactly to the column's type (its dictionary's type for LowCardinality)
  std::vector<Field> values;  // Op::In: the set's values, converted the same way, sorted, distinct
};

/// The usable conjuncts of `filter` (`column op constant`, and `column IN set` for a set of at
/// most kMaxInConditionValues values, as an IN (subquery) gives). `columns` maps the filter's column names to storage
/// columns and their types; comparisons with other columns, with non-constant expressions, or
/// whose constant does not convert exactly to the column's type are left out (never wrong,
/// only less selective). Floating-point and Nullable columns are not used.
std::vector<ColumnCondition> extractColumnConditions(const ExprPtr& filter,
                                                     const std::map<std::string, std::pair<std::string, DataTypePtr>>& columns,
                                                     const FunctionContext& context);

/// Min and max of rows [start, start + length) of a column whose values can be ordered as
/// Fields (integer and date/time vectors, String). Returns false for other kinds.
bool columnRangeMinMax(const Column& column, size_t start, size_t length, Field& min, Field& max);

/// Whether some value in [min, max] may satisfy `condition`.
bool rangeMayMatch(const ColumnCondition& condition, const Field& min, const Field& max);

}  // namespace tally
