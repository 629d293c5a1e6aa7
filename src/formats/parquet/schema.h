#pragma once
// The Parquet schema as a tree, and its mapping to tally types (ClickHouse's Parquet input
// mapping): BOOLEAN Bool; INT32 Int32 (INT(8/16/32, signed or not) the matching (U)IntN, DATE
// Date32); INT64 Int64 (UInt64 when unsigned; TIMESTAMP MILLIS/MICROS/NANOS DateTime64(3/6/9,
// 'UTC')); INT96 DateTime64(9, 'UTC'); FLOAT Float32; DOUBLE Float64; BYTE_ARRAY String (UTF8,
// JSON, ENUM or none); FIXED_LEN_BYTE_ARRAY FixedString(N); DECIMAL Float64 (tally has no
// Decimal). OPTIONAL leaves are Nullable(T); groups are named Tuples (never Nullable: a NULL
// group reads as a tuple of NULLs/defaults); LIST-annotated groups (3-level and legacy 2-level)
// and REPEATED fields are Array(T) (a NULL list reads as []); MAP is Array(Tuple(key, value)).

#include <memory>
#include <string>
#include <vector>

#include "formats/parquet/metadata.h"
#include "types/data_type.h"

namespace tally::parquet {

/// How a leaf's physical values become tally values (chosen once per column).
enum class ValueKind : uint8_t {
  Bool,
  Int8, UInt8, Int16, UInt16, Int32, UInt32,  // from INT32
  Int64, UInt64,                              // from INT64
  Int96Nanos,                                 // INT96 -> Int64 nanoseconds
  Float32, Float64,
  String,       // BYTE_ARRAY
  FixedString,  // FIXED_LEN_BYTE_ARRAY
  DecimalInt32, DecimalInt64, DecimalBytes, DecimalFixed,  // -> Float64 / 10^scale
};

/// One node of the tally-side shape of a top-level column.
struct ShapeNode {
  enum class Kind : uint8_t { Leaf, Tuple, Array };
  Kind kind = Kind::Leaf;
  std::string name;
  DataTypePtr type;                 // the tally type of this node
  std::vector<ShapeNode> children;  // Tuple: elements; Array: one element
  // Leaf
  size_t leaf = 0;                  // index of the leaf column (ColumnChunk index in a row group)
  int16_t max_def = 0, max_rep = 0;
  bool nullable = false;            // type is Nullable(base)
  DataTypePtr base_type;            // non-Nullable value type
  ValueKind value_kind = ValueKind::Int32;
  PhysicalType physical = PhysicalType::INT32;
  int32_t type_length = 0, scale = 0;
  std::vector<int16_t> array_defs;  // def level at which an element exists, per Array ancestor (outer first)
};

struct ParquetSchema {
  std::vector<ShapeNode> columns;   // top-level columns
  size_t num_leaves = 0;
  std::vector<std::string> leaf_paths;  // dotted paths, for messages
};

/// Builds the tree from the flat schema of the metadata. Unsupported types throw
/// NOT_IMPLEMENTED naming the column; malformed trees throw INCORRECT_DATA.
ParquetSchema buildSchema(const FileMetaData& metadata);

}  // namespace tally::parquet
