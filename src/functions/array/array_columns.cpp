#include "functions/array/array_columns.h"

#include "columns/column_const.h"
#include "columns/column_low_cardinality.h"
#include "columns/column_nullable.h"
#include "common/exception.h"
#include "functions/function.h"

namespace tally {

const DataTypeArray& checkArrayArgument(const std::string& function, const ColumnsWithTypeAndName& arguments, size_t i) {
  const auto* array = dynamic_cast<const DataTypeArray*>(arguments[i].type.get());
  if (!array) throwIllegalType(function, i, arguments[i].type, "Array");
  return *array;
}

DataTypePtr arrayElementType(const DataTypePtr& type) {
  const auto* array = dynamic_cast<const DataTypeArray*>(type.get());
  return array ? array->getNestedType() : nullptr;
}

ArrayArgument arrayArgument(const ColumnPtr& column) {
  ArrayArgument res;
  if (column->isConst()) {
    res.holder = static_cast<const ColumnConst&>(*column).getDataColumnPtr();
    res.is_const = true;
  } else {
    res.holder = column;
  }
  res.column = dynamic_cast<const ColumnArray*>(res.holder.get());
  if (!res.column)
    throw Exception(ErrorCodes::ILLEGAL_COLUMN, "Illegal column {}, expected Array", column->familyName());
  return res;
}

ArrayArgument fullArrayArgument(const ColumnPtr& column) { return arrayArgument(materialize(column)); }

ColumnPtr gatherElements(const Column& data, const PODArray<uint64_t>& indices) {
  if (indices.empty()) return data.cloneEmpty();
  return data.permute(indices, 0);
}

ColumnPtr makeArrayColumn(const ColumnPtr& data, Offsets offsets) { return ColumnArray::create(data, std::move(offsets)); }

ColumnPtr removeLowCardinalityColumn(const ColumnPtr& column) {
  switch (column->kind()) {
    case ColumnKind::LowCardinality:
      return static_cast<const ColumnLowCardinality&>(*column).convertToFullColumn();
    case ColumnKind::Const: {
      const auto& c = static_cast<const ColumnConst&>(*column);
      ColumnPtr inner = removeLowCardinalityColumn(c.getDataColumnPtr());
      return inner == c.getDataColumnPtr() ? column : ColumnConst::create(inner, c.size());
    }
    case ColumnKind::Array: {
      const auto& a = static_cast<const ColumnArray&>(*column);
      ColumnPtr inner = removeLowCardinalityColumn(a.getDataPtr());
      return inner == a.getDataPtr() ? column : ColumnArray::create(inner, a.getOffsets());
    }
    default:
      return column;
  }
}

}  // namespace tally
