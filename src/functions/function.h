#pragma once
// IFunction: a scalar SQL function. One object serves all rows of a query; it is stateless
// (const) and may be called from several threads at once.
//
// Life of a call:
//   1. The analyzer asks getReturnType(arguments) once, with argument types and, for constant
//      arguments, their columns (ColumnConst); non-constant arguments have column == nullptr.
//   2. The executor calls execute(arguments, result_type, rows) once per block.
// The executor (executeFunction) applies the default behaviours the function opts into, so
// most functions see neither NULLs, nor LowCardinality, nor all-constant arguments:
//   - Nothing:         an argument of type Nothing (or Nullable(Nothing)) -> constant NULL/default.
//   - LowCardinality:  LowCardinality arguments are expanded; when the only non-constant argument
//                      is LowCardinality, the function runs on its dictionary instead.
//   - Constants:       if every argument is constant, it runs on one row and returns a ColumnConst.
//   - Nulls:           Nullable arguments are unwrapped; the result is Nullable with the union of
//                      their null maps.
// Arguments listed by getArgumentsThatAreAlwaysConstant() must be constants (checked by the
// analyzer) — regexps, formats, JSON paths.

#include <functional>
#include <memory>
#include <string>
#include <vector>

#include "columns/column.h"
#include "common/settings.h"
#include "types/block.h"
#include "types/data_type.h"

namespace tally {

class TimeZone;

/// What a function may know about the query it runs in. Owned by the query; outlives every
/// function object created for it.
struct FunctionContext {
  const Settings* settings = nullptr;
  std::string current_database = "default";
  std::string current_user = "default";
  std::string query_id;
  int64_t query_start_time = 0;       // seconds since epoch, for now()/today()
  int64_t query_start_time_us = 0;    // microseconds since epoch, for now64()
  const TimeZone* session_time_zone = nullptr;
  /// Services of the embedding layer (dictionaries, ...), reached through an interface.
  std::shared_ptr<void> services;
  /// Throws ACCESS_DENIED unless the query's user may use dictionary database.name (dictGet
  /// privilege); empty: no check (internal queries).
  std::function<void(const std::string& database, const std::string& name)> check_dict_get;
};

class IFunction {
 public:
  virtual ~IFunction() = default;

  virtual std::string getName() const = 0;

  virtual bool isVariadic() const { return false; }
  /// Exact argument count when not variadic (checked before getReturnType).
  virtual size_t getNumberOfArguments() const { return 0; }

  virtual bool useDefaultImplementationForNulls() const { return true; }
  virtual bool useDefaultImplementationForConstants() const { return true; }
  virtual bool useDefaultImplementationForLowCardinality() const { return true; }
  virtual bool useDefaultImplementationForNothing() const { return true; }
  virtual std::vector<size_t> getArgumentsThatAreAlwaysConstant() const { return {}; }

  /// For `x IN set`: the set's values (a column of x's type) when the set has one key column
  /// and rows match when x is in it; a null column otherwise. Storages use it to skip granules
  /// (storage/column_conditions.h).
  virtual ColumnWithTypeAndName inSetValues() const { return {}; }

  /// Same inputs give the same output (false for rand(), now() across queries...).
  virtual bool isDeterministic() const { return true; }
  /// Same output within one query (now() is; rand() is not).
  virtual bool isDeterministicInScopeOfQuery() const { return true; }
  /// May the analyzer compute it at analysis time when all arguments are constant?
  virtual bool isSuitableForConstantFolding() const { return true; }

  /// Higher-order functions (arrayMap, arrayFilter, ...) take lambdas. Before the analyzer can
  /// type a lambda's body it asks for the types of the lambda's parameters: given the types of
  /// all arguments (lambda positions hold nullptr), return the parameter types of the lambda
  /// at argument `lambda_index` (e.g. the element types of the arrays that follow).
  virtual bool isHigherOrder() const { return false; }
  virtual DataTypes getLambdaArgumentTypes(size_t lambda_index, const DataTypes& argument_types) const { return {}; }

  /// Result type for these arguments; throws ILLEGAL_TYPE_OF_ARGUMENT (43) and friends.
  virtual DataTypePtr getReturnType(const ColumnsWithTypeAndName& arguments) const = 0;
  /// Computes input_rows_count results; the returned column has the result type's layout.
  virtual ColumnPtr execute(const ColumnsWithTypeAndName& arguments, const DataTypePtr& result_type,
                            size_t input_rows_count) const = 0;
};

using FunctionPtr = std::shared_ptr<const IFunction>;

/// Result type with the default behaviours applied (Nullable, LowCardinality, Nothing).
DataTypePtr getFunctionReturnType(const IFunction& function, const ColumnsWithTypeAndName& arguments);
/// Executes with the default behaviours applied. result_type is what getFunctionReturnType gave.
ColumnPtr executeFunction(const IFunction& function, const ColumnsWithTypeAndName& arguments,
                          const DataTypePtr& result_type, size_t input_rows_count);

// ---- Helpers for implementations ----

/// Throws NUMBER_OF_ARGUMENTS_DOESNT_MATCH unless min <= n <= max.
void checkArgumentCount(const std::string& function, size_t n, size_t min, size_t max);
/// Throws ILLEGAL_TYPE_OF_ARGUMENT naming the argument position and what was expected.
[[noreturn]] void throwIllegalType(const std::string& function, size_t argument_index, const DataTypePtr& type,
                                   const std::string& expected = {});
/// The constant value of argument i, or throws ILLEGAL_COLUMN if it is not constant.
Field constantArgument(const std::string& function, const ColumnsWithTypeAndName& arguments, size_t i);
bool isConstantArgument(const ColumnsWithTypeAndName& arguments, size_t i);
/// Time zone for date/time functions: the explicit argument if given (constant string),
/// else the type's zone, else the session/default zone.
const TimeZone& timeZoneFor(const FunctionContext& context, const DataTypePtr& type);

}  // namespace tally
