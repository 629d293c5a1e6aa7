#pragma once
// Comparison kernels: numbers (exact across signedness and between integers and floats, as
// ClickHouse's accurate comparison), UUIDs, strings and FixedStrings (byte-wise), and a generic
// per-row path (arrays, tuples) over Column::compareAt. Greater and GreaterOrEquals are run as
// Less and LessOrEquals with the operands swapped, so kernels exist for four operations only.

#include "columns/column.h"
#include "types/data_type.h"

namespace tally {

enum class CompareOp : uint8_t { Equals, NotEquals, Less, LessOrEquals };

/// res[i] = a[i] op b[i] for two columns stored as numbers (ColumnVector or ColumnConst over one,
/// at most one constant) read as number types type_a / type_b (UInt8..Float64).
void compareNumberColumns(CompareOp op, const Column& a, TypeIndex type_a, const Column& b, TypeIndex type_b,
                          UInt8* res, size_t rows);
/// Strings and FixedStrings (either side may be constant, not both).
void compareStringColumns(CompareOp op, const Column& a, const Column& b, UInt8* res, size_t rows);
/// UUIDs (UInt128 columns).
void compareUUIDColumns(CompareOp op, const Column& a, const Column& b, UInt8* res, size_t rows);
/// Any two columns of the same type through compareAt (constants allowed).
void compareGenericColumns(CompareOp op, const Column& a, const Column& b, UInt8* res, size_t rows);

}  // namespace tally
