#include "functions/array/element_equality.h"

#include "columns/column_const.h"
#include "columns/column_low_cardinality.h"
#include "columns/column_nullable.h"
#include "functions/arithmetic/number_traits.h"
#include "functions/arithmetic/numeric_kernels.h"
#include "functions/type_dispatch.h"

namespace tally {

namespace element_equality {

bool isNumberLike(const DataTypePtr& type) {
  TypeIndex id = type->typeId();
  return type->isNumber() || id == TypeIndex::Bool || id == TypeIndex::Enum8 || id == TypeIndex::Enum16;
}

/// The type C++ compares a T and a U in (integral promotion, then the usual arithmetic
/// conversions), as ClickHouse's has/indexOf compare mixed number types.
TypeIndex comparisonType(TypeIndex a, TypeIndex b) {
  auto promote = [](TypeIndex t) {
    NumberKind k = numberKind(t);
    return !k.is_float && k.size < 4 ? TypeIndex::Int32 : t;
  };
  a = promote(a);
  b = promote(b);
  NumberKind ka = numberKind(a), kb = numberKind(b);
  if (ka.is_float || kb.is_float) {
    bool any_double = (ka.is_float && ka.size == 8) || (kb.is_float && kb.size == 8);
    return any_double ? TypeIndex::Float64 : TypeIndex::Float32;
  }
  if (a == b) return a;
  if (ka.is_signed == kb.is_signed) return ka.size >= kb.size ? a : b;
  TypeIndex signed_type = ka.is_signed ? a : b, unsigned_type = ka.is_signed ? b : a;
  return numberKind(unsigned_type).size >= numberKind(signed_type).size ? unsigned_type : signed_type;
}

/// Values of a number column as `to` (in place when already stored so).
const void* keysAs(const Column& column, TypeIndex storage, TypeIndex to, PODArray<char>& buffer) {
  size_t n = column.size();
  if (n == 0) return nullptr;
  const void* data = column.getDataAt(0).data();
  if (storage == to) return data;
  buffer.resize(n * numberKind(to).size);
  numberConverter(storage, to)(data, buffer.data(), n);
  return buffer.data();
}

}  // namespace element_equality

bool elementTypesComparable(const DataTypePtr& left, const DataTypePtr& right) {
  using namespace element_equality;
  DataTypePtr l = removeNullableAndLowCardinality(left), r = removeNullableAndLowCardinality(right);
  if (isNothing(l) || isNothing(r)) return true;
  if (isNumberLike(l) && isNumberLike(r)) return true;
  return l->equals(*r);
}

PlainValues plainValues(const ColumnPtr& column, const DataTypePtr& type) {
  PlainValues res;
  res.holder = materialize(column);
  res.type = removeNullableAndLowCardinality(type);
  if (res.holder->kind() == ColumnKind::LowCardinality)
    res.holder = static_cast<const ColumnLowCardinality&>(*res.holder).convertToFullColumn();
  res.column = res.holder.get();
  if (res.column->kind() == ColumnKind::Nullable) {
    const auto& n = static_cast<const ColumnNullable&>(*res.column);
    res.null_map = n.getNullMapData().data();
    res.column = &n.getNestedColumn();
  }
  return res;
}

ElementEquality::ElementEquality(const ColumnPtr& left, const DataTypePtr& left_type, const ColumnPtr& right,
                                 const DataTypePtr& right_type)
    : left_(plainValues(left, left_type)), right_(plainValues(right, right_type)) {
  using namespace element_equality;
  const DataTypePtr& l = left_.type;
  const DataTypePtr& r = right_.type;
  if (isNothing(l) || isNothing(r)) {
    kind_ = Kind::NullOnly;
    return;
  }
  TypeIndex ls = storageNumberType(l->typeId()), rs = storageNumberType(r->typeId());
  bool numeric = (isNumberLike(l) && isNumberLike(r)) ||
                 (l->equals(*r) && ls != TypeIndex::Nothing && l->typeId() != TypeIndex::UUID);
  if (numeric) {
    kind_ = Kind::Number;
    key_type_ = ls == rs ? ls : comparisonType(ls, rs);
    left_keys_ = keysAs(*left_.column, ls, key_type_, left_buffer_);
    right_keys_ = keysAs(*right_.column, rs, key_type_, right_buffer_);
    return;
  }
  if (left_.column->kind() == ColumnKind::String && right_.column->kind() == ColumnKind::String) {
    kind_ = Kind::String;
    return;
  }
  kind_ = Kind::Generic;
}

}  // namespace tally
