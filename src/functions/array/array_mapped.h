#pragma once
// FunctionArrayMapped: the shape shared by the higher-order array functions
//   f(arr)                     — works on the elements themselves
//   f(x, y, ... -> expr, a, b) — works on the lambda's results, one per element
// (arrayMap, arrayFilter, arrayCount, arraySum, arraySort, arrayCumSum, ...). The base checks
// arguments, flattens the arrays (all of equal sizes, else SIZES_OF_ARRAYS_DONT_MATCH),
// replicates the lambda's captured values to the elements and evaluates the lambda once per
// block; a derived class turns the first array plus the per-element "mapped" column into the
// result with one virtual call per block.

#include <string>

#include "columns/column_array.h"
#include "functions/function.h"

namespace tally {

struct ArrayMappedTraits {
  /// The lambda (or the array itself) must give UInt8 (Bool, Nullable(UInt8) and Nothing are
  /// accepted; NULL counts as 0).
  bool need_boolean = false;
  /// A lambda is required (arrayMap, arrayFilter).
  bool need_expression = false;
  /// At most one array after the lambda.
  bool need_one_array = false;
};

class FunctionArrayMapped : public IFunction {
 public:
  FunctionArrayMapped(std::string name, ArrayMappedTraits traits) : name_(std::move(name)), traits_(traits) {}

  std::string getName() const override { return name_; }
  bool isVariadic() const override { return true; }
  bool isHigherOrder() const override { return true; }
  bool useDefaultImplementationForNulls() const override { return false; }
  bool useDefaultImplementationForNothing() const override { return false; }
  bool useDefaultImplementationForLowCardinality() const override { return false; }
  DataTypes getLambdaArgumentTypes(size_t lambda_index, const DataTypes& argument_types) const override;

  DataTypePtr getReturnType(const ColumnsWithTypeAndName& arguments) const final;
  ColumnPtr execute(const ColumnsWithTypeAndName& arguments, const DataTypePtr& result_type, size_t rows) const final;

 protected:
  /// Result type from the type of the mapped values (lambda result, or element type without a
  /// lambda) and the element type of the first array.
  virtual DataTypePtr resultType(const DataTypePtr& mapped_type, const DataTypePtr& element_type) const = 0;
  /// `array`: the first array (one row per input row); `mapped`: one value per element of it
  /// (may be ColumnConst; UInt8 without NULLs when need_boolean).
  virtual ColumnPtr executeMapped(const ColumnArray& array, const ColumnPtr& mapped, const DataTypePtr& mapped_type,
                                  const DataTypePtr& result_type) const = 0;

  std::string name_;
  ArrayMappedTraits traits_;
};

}  // namespace tally
