// -MergeState: merges AggregateFunction(f, ...) values and returns the merged state (same type).

#include "functions/aggregate/aggregate_function_factory.h"
#include "functions/aggregate/combinators/aggregate_function_state.h"

namespace tally {

namespace aggregate_combinator_merge_state {

class CombinatorMergeState final : public IAggregateFunctionCombinator {
 public:
  std::string getName() const override { return "MergeState"; }
  DataTypes transformArguments(const DataTypes& arguments) const override {
    return mergeCombinatorArguments(getName(), arguments);
  }
  AggregateFunctionPtr transformAggregateFunction(const AggregateFunctionPtr& nested, const DataTypes& arguments,
                                                  const Fields& params) const override {
    checkMergeCombinatorNested(getName(), nested, arguments);
    auto merge = std::make_shared<AggregateFunctionMerge>(nested, arguments, params);
    return std::make_shared<AggregateFunctionState>(merge, arguments, params);
  }
};

}  // namespace aggregate_combinator_merge_state

REGISTER_AGGREGATE_FUNCTION(CombinatorMergeState) {
  factory.registerCombinator(std::make_shared<aggregate_combinator_merge_state::CombinatorMergeState>());
}

}  // namespace tally
