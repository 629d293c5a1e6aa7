#pragma once
// -OrNull / -OrDefault: like the nested function, but with no rows the result is NULL
// (OrNull: Nullable(T) where T can be inside Nullable) or T's default value (OrDefault, e.g.
// 0 instead of nan for avg). State: a has-rows flag byte, then the nested state.

#include "functions/aggregate/aggregate_function.h"

namespace tally {

AggregateFunctionPtr makeAggregateFunctionOrFill(const AggregateFunctionPtr& nested, const DataTypes& arguments,
                                                 const Fields& parameters, bool or_null);

}  // namespace tally
