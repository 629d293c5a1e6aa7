#pragma once
// AggregateFunctionFactory: aggregate functions by name, with combinator suffixes resolved
// right to left (sumIf, uniqStateIf, avgOrNullIf, groupArrayDistinct ...) and the implicit
// handling of Nullable arguments (rows with NULL skipped; Nullable result unless the function
// says otherwise). Each function registers itself from its .cpp with REGISTER_AGGREGATE_FUNCTION;
// each combinator with REGISTER_AGGREGATE_COMBINATOR.

#include <functional>
#include <map>
#include <string>
#include <vector>

#include "functions/aggregate/aggregate_function.h"
#include "functions/function_factory.h"

namespace tally {

/// A suffix that transforms an aggregate: If, Array, Distinct, State, Merge, OrNull, ...
class IAggregateFunctionCombinator {
 public:
  virtual ~IAggregateFunctionCombinator() = default;
  virtual std::string getName() const = 0;
  /// Argument types the nested function receives (e.g. -If drops the last UInt8 argument).
  virtual DataTypes transformArguments(const DataTypes& arguments) const { return arguments; }
  /// Wraps the nested function.
  virtual AggregateFunctionPtr transformAggregateFunction(const AggregateFunctionPtr& nested,
                                                          const DataTypes& arguments, const Fields& params) const = 0;
};

struct AggregateFunctionProperties {
  /// count-like: result not Nullable even for Nullable arguments, 0 for no rows.
  bool returns_default_when_only_null = false;
  bool is_window_function = false;  // usable only with OVER
};

class AggregateFunctionFactory {
 public:
  /// Builds the function for concrete argument types and parameters (e.g. quantile(0.9)).
  using Creator = std::function<AggregateFunctionPtr(const std::string& name, const DataTypes& arguments,
                                                     const Fields& parameters)>;
  using Properties = AggregateFunctionProperties;

  static AggregateFunctionFactory& instance();

  void registerFunction(const std::string& name, Creator creator, Properties properties = AggregateFunctionProperties(),
                        FunctionFactory::CaseSensitivity case_sensitivity = FunctionFactory::CaseSensitive,
                        FunctionDocumentation doc = {});
  void registerAlias(const std::string& alias, const std::string& target,
                     FunctionFactory::CaseSensitivity case_sensitivity = FunctionFactory::CaseSensitive);
  void registerCombinator(std::shared_ptr<IAggregateFunctionCombinator> combinator);

  /// The function for `name` (with combinators) over these argument types; throws
  /// UNKNOWN_AGGREGATE_FUNCTION (63) or argument errors.
  AggregateFunctionPtr get(const std::string& name, const DataTypes& arguments, const Fields& parameters) const;
  /// Is `name` an aggregate (possibly with combinators)?
  bool isAggregateFunctionName(const std::string& name) const;
  bool isWindowFunctionName(const std::string& name) const;

  std::vector<FunctionFactory::Entry> entries() const;
  std::vector<std::string> combinatorNames() const;

 private:
  struct Registered {
    Creator creator;
    Properties properties;
    bool case_insensitive = false;
    FunctionDocumentation doc;
  };
  const Registered* findExact(const std::string& name, std::string* canonical) const;
  AggregateFunctionPtr getImpl(const std::string& name, const DataTypes& arguments, const Fields& parameters,
                               int depth) const;

  std::map<std::string, Registered> functions_;
  std::map<std::string, std::string> lower_names_;
  std::map<std::string, std::string> aliases_;
  std::map<std::string, std::string> lower_aliases_;
  std::vector<std::shared_ptr<IAggregateFunctionCombinator>> combinators_;
};

/// Throws NUMBER_OF_ARGUMENTS_DOESNT_MATCH for an aggregate.
void checkAggregateArguments(const std::string& name, const DataTypes& arguments, size_t min, size_t max);
void checkNoParameters(const std::string& name, const Fields& parameters);

#define REGISTER_AGGREGATE_FUNCTION(NAME)                                                          \
  static void TALLY_CONCAT(registerAggregate, NAME)(::tally::AggregateFunctionFactory & factory);  \
  namespace {                                                                                      \
  struct TALLY_CONCAT(AggregateRegistrar, NAME) {                                                  \
    TALLY_CONCAT(AggregateRegistrar, NAME)() {                                                     \
      TALLY_CONCAT(registerAggregate, NAME)(::tally::AggregateFunctionFactory::instance());        \
    }                                                                                              \
  } TALLY_CONCAT(aggregate_registrar_, NAME);                                                      \
  }                                                                                                \
  static void TALLY_CONCAT(registerAggregate, NAME)(::tally::AggregateFunctionFactory & factory)

}  // namespace tally
