#pragma once
// Runtime form of ClickHouse's NumberTraits: which number type an arithmetic function returns
// for given argument types. Works on TypeIndex so that kernels are chosen once per block.

#include <cstddef>

#include "types/data_type.h"

namespace tally {

struct NumberKind {
  bool is_signed = false;
  bool is_float = false;
  size_t size = 0;
};

/// UInt8..Float64 (not Bool, dates, enums).
bool isNumberIndex(TypeIndex id);
/// Number type a ColumnVector-backed type is stored as (Bool -> UInt8, Date -> UInt16, Date32 -> Int32,
/// DateTime -> UInt32, DateTime64/Interval -> Int64, Enum8/16 -> Int8/16); Nothing for other types.
TypeIndex storageNumberType(TypeIndex id);
NumberKind numberKind(TypeIndex id);
/// The number type with these properties; Nothing when there is none (e.g. 16-byte integers).
TypeIndex constructNumberType(bool is_signed, bool is_float, size_t size);
/// Signed twin of an integer type of the same width (floats and signed types unchanged).
TypeIndex makeSignedIndex(TypeIndex id);
DataTypePtr numberTypeFromIndex(TypeIndex id);
inline size_t nextSize(size_t size) { return size < 8 ? size * 2 : size; }

/// Number type of an argument for arithmetic: numbers and Bool (as UInt8); Nothing otherwise.
TypeIndex arithmeticNumberType(const DataTypePtr& type);

TypeIndex resultOfAdditionMultiplication(TypeIndex a, TypeIndex b);
TypeIndex resultOfSubtraction(TypeIndex a, TypeIndex b);
TypeIndex resultOfIntegerDivision(TypeIndex a, TypeIndex b);
TypeIndex resultOfModulo(TypeIndex a, TypeIndex b);
TypeIndex resultOfBit(TypeIndex a, TypeIndex b);
TypeIndex resultOfBitNot(TypeIndex a);
TypeIndex resultOfNegate(TypeIndex a);
TypeIndex resultOfAbs(TypeIndex a);
/// if/greatest/least on two numbers: Nothing when there is no common type (UInt64 with a signed type).
TypeIndex resultOfIf(TypeIndex a, TypeIndex b);

}  // namespace tally
