// -SimpleState: the aggregate's final value typed SimpleAggregateFunction(f, T) (for the
// functions SimpleAggregateFunction supports: any, anyLast, min, max, sum, ...).

#include "functions/aggregate/aggregate_function_factory.h"
#include "functions/aggregate/combinators/aggregate_function_wrapper.h"
#include "functions/aggregate/data_type_aggregate_function.h"

namespace tally {

namespace aggregate_combinator_simple_state {

class AggregateFunctionSimpleState final : public AggregateFunctionWrapper {
 public:
  AggregateFunctionSimpleState(AggregateFunctionPtr nested, const DataTypes& arguments, const Fields& parameters)
      : AggregateFunctionWrapper(std::move(nested), arguments, parameters),
        result_(makeSimpleAggregateFunctionType(nested_, nested_->getReturnType())) {}
  std::string getName() const override { return nested_->getName() + "SimpleState"; }
  DataTypePtr getReturnType() const override { return result_; }

 private:
  DataTypePtr result_;
};

class CombinatorSimpleState final : public IAggregateFunctionCombinator {
 public:
  std::string getName() const override { return "SimpleState"; }
  AggregateFunctionPtr transformAggregateFunction(const AggregateFunctionPtr& nested, const DataTypes& arguments,
                                                  const Fields& params) const override {
    return std::make_shared<AggregateFunctionSimpleState>(nested, arguments, params);
  }
};

}  // namespace aggregate_combinator_simple_state

REGISTER_AGGREGATE_FUNCTION(CombinatorSimpleState) {
  factory.registerCombinator(std::make_shared<aggregate_combinator_simple_state::CombinatorSimpleState>());
}

}  // namespace tally
