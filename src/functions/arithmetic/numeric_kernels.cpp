#include "functions/arithmetic/numeric_kernels.h"

#include "common/exception.h"
#include "functions/type_dispatch.h"

namespace tally {

namespace numeric_kernels {

template <typename From, typename To>
void convertNumbers(const void* src, void* dst, size_t n) {
  const From* __restrict s = static_cast<const From*>(src);
  To* __restrict d = static_cast<To*>(dst);
  for (size_t i = 0; i < n; ++i) d[i] = static_cast<To>(s[i]);
}

template <typename From>
NumberConvertFn converterFrom(TypeIndex to) {
  NumberConvertFn fn = nullptr;
  dispatchNumber(to, [&](auto tag) { fn = &convertNumbers<From, typename decltype(tag)::Type>; });
  return fn;
}

}  // namespace numeric_kernels

NumberConvertFn numberConverter(TypeIndex from, TypeIndex to) {
  NumberConvertFn fn = nullptr;
  dispatchNumber(from, [&](auto tag) { fn = numeric_kernels::converterFrom<typename decltype(tag)::Type>(to); });
  if (!fn) throw Exception(ErrorCodes::LOGICAL_ERROR, "No number conversion between these types");
  return fn;
}

NumericOperand numericOperand(const Column& column, TypeIndex type) {
  NumericOperand op;
  op.type = type;
  const Column* data = &column;
  if (column.isConst()) {
    op.is_const = true;
    data = &static_cast<const ColumnConst&>(column).getDataColumn();
  }
  if (data->kind() != ColumnKind::Vector || data->sizeOfValueIfFixed() != numberKind(type).size)
    throw Exception(ErrorCodes::ILLEGAL_COLUMN, "Illegal column {} of a numeric argument", column.familyName());
  op.data = data->getDataAt(0).data();
  if (data->empty()) op.data = nullptr;
  return op;
}

MutableColumnPtr createNumberColumn(TypeIndex id, size_t n) {
  MutableColumnPtr res;
  dispatchNumber(id, [&](auto tag) { res = std::make_shared<ColumnVector<typename decltype(tag)::Type>>(n); });
  if (!res) throw Exception(ErrorCodes::LOGICAL_ERROR, "Not a number type index");
  return res;
}

void* numberColumnData(Column& column) {
  if (column.empty()) return nullptr;
  return const_cast<char*>(column.getDataAt(0).data());
}

}  // namespace tally
