#include "functions/conditional/row_selection.h"

#include "columns/column_const.h"
#include "columns/column_nullable.h"
#include "columns/column_vector.h"
#include "common/exception.h"
#include "functions/arithmetic/numeric_kernels.h"
#include "functions/comparison/comparison_kernels.h"
#include "functions/function.h"
#include "types/data_type_nullable.h"

namespace tally {

namespace row_selection {

bool isNullLiteral(const DataTypePtr& t) { return t->isNullable() && removeNullable(t)->typeId() == TypeIndex::Nothing; }

template <typename T>
void gatherNumbers(const PODArray<UInt8>& index, const Columns& branches, T* __restrict out, size_t rows) {
  const size_t k = branches.size();
  // Pointer and stride (0 for constants) of each branch.
  std::vector<const T*> data(k);
  std::vector<size_t> stride(k);
  for (size_t b = 0; b < k; ++b) {
    const Column* c = branches[b].get();
    stride[b] = 1;
    if (c->isConst()) {
      c = &static_cast<const ColumnConst&>(*c).getDataColumn();
      stride[b] = 0;
    }
    data[b] = reinterpret_cast<const T*>(c->getDataAt(0).data());
  }
  const UInt8* idx = index.data();
  if (k == 2) {
    const T* a = data[0];
    const T* b = data[1];
    if (stride[0] && stride[1]) {
      for (size_t i = 0; i < rows; ++i) out[i] = idx[i] == 0 ? a[i] : b[i];
    } else if (stride[1]) {
      T va = a[0];
      for (size_t i = 0; i < rows; ++i) out[i] = idx[i] == 0 ? va : b[i];
    } else if (stride[0]) {
      T vb = b[0];
      for (size_t i = 0; i < rows; ++i) out[i] = idx[i] == 0 ? a[i] : vb;
    } else {
      T va = a[0], vb = b[0];
      for (size_t i = 0; i < rows; ++i) out[i] = idx[i] == 0 ? va : vb;
    }
    return;
  }
  for (size_t i = 0; i < rows; ++i) {
    size_t b = idx[i];
    out[i] = data[b][i * stride[b]];
  }
}

ColumnPtr gatherGeneric(const PODArray<UInt8>& index, const Columns& branches, const DataTypePtr& type, size_t rows) {
  std::vector<const Column*> data;
  std::vector<size_t> stride;
  for (const auto& c : branches) {
    if (c->isConst()) {
      data.push_back(&static_cast<const ColumnConst&>(*c).getDataColumn());
      stride.push_back(0);
    } else {
      data.push_back(c.get());
      stride.push_back(1);
    }
  }
  MutableColumnPtr res = type->createColumn();
  res->reserve(rows);
  for (size_t i = 0; i < rows; ++i) {
    size_t b = index[i];
    res->insertFrom(*data[b], i * stride[b]);
  }
  return res;
}

}  // namespace row_selection

ColumnPtr gatherRows(const PODArray<UInt8>& index, const Columns& branches, const DataTypePtr& type, size_t rows) {
  using namespace row_selection;
  // All rows from one branch: no copy.
  if (rows) {
    bool same = true;
    for (size_t i = 1; i < rows && same; ++i) same = index[i] == index[0];
    if (same) return branches[index[0]]->isConst() ? branches[index[0]]->cut(0, rows) : branches[index[0]];
  }
  if (type->isNullable()) {
    const DataTypePtr& nested_type = static_cast<const DataTypeNullable&>(*type).getNestedType();
    Columns nested, null_maps;
    for (const auto& c : branches) {
      bool is_const = c->isConst();
      const Column& data = is_const ? static_cast<const ColumnConst&>(*c).getDataColumn() : *c;
      const auto& n = static_cast<const ColumnNullable&>(data);
      nested.push_back(is_const ? ColumnConst::create(n.getNestedColumnPtr(), rows) : n.getNestedColumnPtr());
      null_maps.push_back(is_const ? ColumnConst::create(n.getNullMapColumnPtr(), rows) : n.getNullMapColumnPtr());
    }
    ColumnPtr values = gatherRows(index, nested, nested_type, rows);
    auto null_map = ColumnUInt8::create(rows);
    if (rows) gatherNumbers<UInt8>(index, null_maps, null_map->getData().data(), rows);
    return ColumnNullable::create(materialize(values), ColumnPtr(null_map));
  }
  TypeIndex storage = storageNumberType(type->typeId());
  if (storage != TypeIndex::Nothing) {
    MutableColumnPtr res = createNumberColumn(storage, rows);
    if (rows) {
      dispatchNumber(storage, [&](auto tag) {
        using T = typename decltype(tag)::Type;
        gatherNumbers<T>(index, branches, static_cast<T*>(numberColumnData(*res)), rows);
      });
    }
    return res;
  }
  return gatherGeneric(index, branches, type, rows);
}

ColumnPtr selectRows(const PODArray<UInt8>& cond, const ColumnPtr& then_column, const ColumnPtr& else_column,
                     const DataTypePtr& type, size_t rows) {
  PODArray<UInt8> index(rows);
  for (size_t i = 0; i < rows; ++i) index[i] = cond[i] ? 0 : 1;
  return gatherRows(index, {then_column, else_column}, type, rows);
}

PODArray<UInt8> conditionValues(const ColumnWithTypeAndName& condition, size_t rows) {
  PODArray<UInt8> res(rows, 0);
  if (rows == 0 || row_selection::isNullLiteral(condition.type) || condition.type->typeId() == TypeIndex::Nothing)
    return res;
  const Column* column = condition.column.get();
  bool is_const = column->isConst();
  if (is_const) column = &static_cast<const ColumnConst&>(*column).getDataColumn();
  const UInt8* null_map = nullptr;
  if (column->isNullable()) {
    const auto& n = static_cast<const ColumnNullable&>(*column);
    null_map = n.getNullMapData().data();
    column = &n.getNestedColumn();
  }
  DataTypePtr type = removeNullable(condition.type);
  static const ColumnPtr zero = [] {
    auto c = ColumnUInt8::create();
    c->insertValue(0);
    return ColumnPtr(c);
  }();
  size_t n = is_const ? 1 : rows;
  ColumnConst zero_const(zero, n);
  compareNumberColumns(CompareOp::NotEquals, *column, storageNumberType(type->typeId()), zero_const, TypeIndex::UInt8,
                       res.data(), n);
  if (null_map)
    for (size_t i = 0; i < n; ++i) res[i] &= UInt8(!null_map[i]);
  if (is_const) std::fill(res.begin() + 1, res.end(), res[0]);
  return res;
}

void checkConditionType(const std::string& function, size_t index, const DataTypePtr& type) {
  if (row_selection::isNullLiteral(type) || type->typeId() == TypeIndex::Nothing) return;
  TypeIndex id = removeNullable(type)->typeId();
  if (storageNumberType(id) == TypeIndex::Nothing || id == TypeIndex::Interval)
    throwIllegalType(function, index, type, "a number (UInt8 condition)");
}

}  // namespace tally
