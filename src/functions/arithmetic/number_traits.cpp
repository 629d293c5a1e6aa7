#include "functions/arithmetic/number_traits.h"

#include <algorithm>

#include "common/exception.h"
#include "types/data_type_number.h"

namespace tally {

bool isNumberIndex(TypeIndex id) { return id >= TypeIndex::UInt8 && id <= TypeIndex::Float64; }

TypeIndex storageNumberType(TypeIndex id) {
  switch (id) {
    case TypeIndex::Bool: return TypeIndex::UInt8;
    case TypeIndex::Date: return TypeIndex::UInt16;
    case TypeIndex::Date32: return TypeIndex::Int32;
    case TypeIndex::DateTime: return TypeIndex::UInt32;
    case TypeIndex::DateTime64: return TypeIndex::Int64;
    case TypeIndex::Interval: return TypeIndex::Int64;
    case TypeIndex::Enum8: return TypeIndex::Int8;
    case TypeIndex::Enum16: return TypeIndex::Int16;
    default: return isNumberIndex(id) ? id : TypeIndex::Nothing;
  }
}

NumberKind numberKind(TypeIndex id) {
  switch (id) {
    case TypeIndex::UInt8: return {false, false, 1};
    case TypeIndex::UInt16: return {false, false, 2};
    case TypeIndex::UInt32: return {false, false, 4};
    case TypeIndex::UInt64: return {false, false, 8};
    case TypeIndex::Int8: return {true, false, 1};
    case TypeIndex::Int16: return {true, false, 2};
    case TypeIndex::Int32: return {true, false, 4};
    case TypeIndex::Int64: return {true, false, 8};
    case TypeIndex::Float32: return {true, true, 4};
    case TypeIndex::Float64: return {true, true, 8};
    default: return {};
  }
}

TypeIndex constructNumberType(bool is_signed, bool is_float, size_t size) {
  if (is_float) return size <= 4 ? TypeIndex::Float32 : (size == 8 ? TypeIndex::Float64 : TypeIndex::Nothing);
  switch (size) {
    case 1: return is_signed ? TypeIndex::Int8 : TypeIndex::UInt8;
    case 2: return is_signed ? TypeIndex::Int16 : TypeIndex::UInt16;
    case 4: return is_signed ? TypeIndex::Int32 : TypeIndex::UInt32;
    case 8: return is_signed ? TypeIndex::Int64 : TypeIndex::UInt64;
    default: return TypeIndex::Nothing;
  }
}

TypeIndex makeSignedIndex(TypeIndex id) {
  NumberKind k = numberKind(id);
  if (k.is_float || k.is_signed) return id;
  return constructNumberType(true, false, k.size);
}

DataTypePtr numberTypeFromIndex(TypeIndex id) {
  switch (id) {
    case TypeIndex::UInt8: return typeUInt8();
    case TypeIndex::UInt16: return typeUInt16();
    case TypeIndex::UInt32: return typeUInt32();
    case TypeIndex::UInt64: return typeUInt64();
    case TypeIndex::Int8: return typeInt8();
    case TypeIndex::Int16: return typeInt16();
    case TypeIndex::Int32: return typeInt32();
    case TypeIndex::Int64: return typeInt64();
    case TypeIndex::Float32: return typeFloat32();
    case TypeIndex::Float64: return typeFloat64();
    default: throw Exception(ErrorCodes::LOGICAL_ERROR, "Not a number type index");
  }
}

TypeIndex arithmeticNumberType(const DataTypePtr& type) {
  TypeIndex id = type->typeId();
  if (id == TypeIndex::Bool) return TypeIndex::UInt8;
  return isNumberIndex(id) ? id : TypeIndex::Nothing;
}

TypeIndex resultOfAdditionMultiplication(TypeIndex a, TypeIndex b) {
  NumberKind x = numberKind(a), y = numberKind(b);
  return constructNumberType(x.is_signed || y.is_signed, x.is_float || y.is_float, nextSize(std::max(x.size, y.size)));
}

TypeIndex resultOfSubtraction(TypeIndex a, TypeIndex b) {
  NumberKind x = numberKind(a), y = numberKind(b);
  return constructNumberType(true, x.is_float || y.is_float, nextSize(std::max(x.size, y.size)));
}

TypeIndex resultOfIntegerDivision(TypeIndex a, TypeIndex b) {
  NumberKind x = numberKind(a), y = numberKind(b);
  return constructNumberType(x.is_signed || y.is_signed, false, x.size);
}

TypeIndex resultOfModulo(TypeIndex a, TypeIndex b) {
  NumberKind x = numberKind(a), y = numberKind(b);
  if (x.is_float || y.is_float) return TypeIndex::Float64;
  return constructNumberType(x.is_signed, false, x.is_signed ? nextSize(y.size) : y.size);
}

TypeIndex resultOfBit(TypeIndex a, TypeIndex b) {
  NumberKind x = numberKind(a), y = numberKind(b);
  return constructNumberType(x.is_signed || y.is_signed, false, x.is_float || y.is_float ? 8 : std::max(x.size, y.size));
}

TypeIndex resultOfBitNot(TypeIndex a) {
  NumberKind x = numberKind(a);
  return constructNumberType(x.is_signed, false, x.is_float ? 8 : x.size);
}

TypeIndex resultOfNegate(TypeIndex a) {
  NumberKind x = numberKind(a);
  return constructNumberType(true, x.is_float, x.is_signed ? x.size : nextSize(x.size));
}

TypeIndex resultOfAbs(TypeIndex a) {
  NumberKind x = numberKind(a);
  return constructNumberType(false, x.is_float, x.size);
}

TypeIndex resultOfIf(TypeIndex a, TypeIndex b) {
  if (a == b) return a;
  NumberKind x = numberKind(a), y = numberKind(b);
  bool has_float = x.is_float || y.is_float;
  bool has_integer = !x.is_float || !y.is_float;
  bool has_signed = x.is_signed || y.is_signed;
  bool has_unsigned = !x.is_signed || !y.is_signed;
  size_t max_unsigned = std::max(x.is_signed ? 0 : x.size, y.is_signed ? 0 : y.size);
  size_t max_signed = std::max(x.is_signed ? x.size : 0, y.is_signed ? y.size : 0);
  size_t max_integer = std::max(x.is_float ? 0 : x.size, y.is_float ? 0 : y.size);
  size_t max_float = std::max(x.is_float ? x.size : 0, y.is_float ? y.size : 0);
  size_t max_size = std::max(x.size, y.size);
  bool widen = (has_float && has_integer && max_integer >= max_float) ||
               (has_signed && has_unsigned && max_unsigned >= max_signed);
  return constructNumberType(has_signed, has_float, widen ? max_size * 2 : max_size);
}

}  // namespace tally
