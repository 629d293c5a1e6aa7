#pragma once
// Argument plumbing shared by the array functions: checking Array arguments, reaching the
// ColumnArray behind a (possibly constant) argument, and gathering elements by index.

#include <string>

#include "columns/column_array.h"
#include "types/block.h"
#include "types/data_type_array.h"

namespace tally {

/// The Array type of argument i; throws ILLEGAL_TYPE_OF_ARGUMENT otherwise.
const DataTypeArray& checkArrayArgument(const std::string& function, const ColumnsWithTypeAndName& arguments, size_t i);
/// Array(T) -> T, or nullptr for non-arrays.
DataTypePtr arrayElementType(const DataTypePtr& type);

/// The ColumnArray behind an argument. A constant keeps its single row (is_const = true), so
/// kernels read row `is_const ? 0 : i` instead of replicating the array.
struct ArrayArgument {
  ColumnPtr holder;
  const ColumnArray* column = nullptr;
  bool is_const = false;

  size_t row(size_t i) const { return is_const ? 0 : i; }
  const Offsets& offsets() const { return column->getOffsets(); }
  const Column& data() const { return column->getData(); }
};
ArrayArgument arrayArgument(const ColumnPtr& column);
/// The ColumnArray with one row per input row (constants materialised).
ArrayArgument fullArrayArgument(const ColumnPtr& column);

/// Elements data[indices[k]] as a new column (one Column::permute call).
ColumnPtr gatherElements(const Column& data, const PODArray<uint64_t>& indices);
/// Wraps data + offsets into a ColumnArray.
ColumnPtr makeArrayColumn(const ColumnPtr& data, Offsets offsets);

/// The column without LowCardinality (values expanded), recursively inside Nullable/Array.
ColumnPtr removeLowCardinalityColumn(const ColumnPtr& column);

}  // namespace tally
