#pragma once
// The implicit wrappers for Nullable and NULL arguments of aggregates.

#include "functions/aggregate/aggregate_function.h"

namespace tally {

/// Wraps `nested` (built for the non-Nullable argument types) so that rows where any
/// Nullable argument is NULL are skipped. The result is Nullable(nested result), NULL when no
/// row was added — unless `returns_default_when_only_nulls` (count), which keeps the nested type.
AggregateFunctionPtr makeAggregateFunctionNull(const AggregateFunctionPtr& nested, const DataTypes& arguments,
                                               const Fields& parameters, bool returns_default_when_only_nulls);

/// The aggregate of NULL literals: always NULL, type Nullable(Nothing).
AggregateFunctionPtr makeAggregateFunctionNothing(const std::string& name, const DataTypes& arguments,
                                                  const Fields& parameters);

}  // namespace tally
