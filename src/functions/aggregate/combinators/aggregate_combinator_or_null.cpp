// -OrNull: NULL instead of the aggregate's value when there are no rows.

#include "functions/aggregate/aggregate_function_factory.h"
#include "functions/aggregate/combinators/aggregate_function_or_fill.h"

namespace tally {

namespace aggregate_combinator_or_null {

class CombinatorOrNull final : public IAggregateFunctionCombinator {
 public:
  std::string getName() const override { return "OrNull"; }
  AggregateFunctionPtr transformAggregateFunction(const AggregateFunctionPtr& nested, const DataTypes& arguments,
                                                  const Fields& params) const override {
    return makeAggregateFunctionOrFill(nested, arguments, params, true);
  }
};

}  // namespace aggregate_combinator_or_null

REGISTER_AGGREGATE_FUNCTION(CombinatorOrNull) {
  factory.registerCombinator(std::make_shared<aggregate_combinator_or_null::CombinatorOrNull>());
}

}  // namespace tally
