// -OrDefault: the default value of the result type instead of the aggregate's value when there are no rows.

#include "functions/aggregate/aggregate_function_factory.h"
#include "functions/aggregate/combinators/aggregate_function_or_fill.h"

namespace tally {

namespace aggregate_combinator_or_default {

class CombinatorOrDefault final : public IAggregateFunctionCombinator {
 public:
  std::string getName() const override { return "OrDefault"; }
  AggregateFunctionPtr transformAggregateFunction(const AggregateFunctionPtr& nested, const DataTypes& arguments,
                                                  const Fields& params) const override {
    return makeAggregateFunctionOrFill(nested, arguments, params, false);
  }
};

}  // namespace aggregate_combinator_or_default

REGISTER_AGGREGATE_FUNCTION(CombinatorOrDefault) {
  factory.registerCombinator(std::make_shared<aggregate_combinator_or_default::CombinatorOrDefault>());
}

}  // namespace tally
