// -State: the result is the aggregate's state itself, of type AggregateFunction(f, types...),
// where f is the function whose states these are (nested->getNestedFunction(): sumMerge's
// states are sum's, so sumMergeState gives AggregateFunction(sum, ...)).

#include "functions/aggregate/aggregate_function_factory.h"
#include "functions/aggregate/column_aggregate_function.h"
#include "functions/aggregate/combinators/aggregate_function_state.h"
#include "functions/aggregate/data_type_aggregate_function.h"

namespace tally {

AggregateFunctionState::AggregateFunctionState(AggregateFunctionPtr nested, const DataTypes& arguments,
                                               const Fields& parameters)
    : AggregateFunctionWrapper(std::move(nested), arguments, parameters),
      result_(std::make_shared<DataTypeAggregateFunction>(nested_->getNestedFunction())) {}

void AggregateFunctionState::insertResultInto(AggregateDataPtr place, Column& to, Arena*) const {
  typedAs<ColumnAggregateFunction>(to).insertMergeFrom(place);
}

namespace aggregate_combinator_state {

class CombinatorState final : public IAggregateFunctionCombinator {
 public:
  std::string getName() const override { return "State"; }
  AggregateFunctionPtr transformAggregateFunction(const AggregateFunctionPtr& nested, const DataTypes& arguments,
                                                  const Fields& params) const override {
    return std::make_shared<AggregateFunctionState>(nested, arguments, params);
  }
};

}  // namespace aggregate_combinator_state

REGISTER_AGGREGATE_FUNCTION(CombinatorState) {
  factory.registerCombinator(std::make_shared<aggregate_combinator_state::CombinatorState>());
}

}  // namespace tally
